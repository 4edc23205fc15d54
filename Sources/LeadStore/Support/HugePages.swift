import Foundation

/// Memory for large buffers, aligned and advised so that the kernel can use
/// 2 MB pages for it.
enum HugePages {
    static let size = 2 << 20

    /// `byteCount` bytes (and 16 more, for readers that look a word ahead),
    /// to be released with `free`.
    static func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer {
        guard byteCount >= size else {
            guard let pointer = malloc(byteCount + 16) else { fatalError("out of memory allocating \(byteCount) bytes") }
            return pointer
        }
        let rounded = (byteCount + 16 + size - 1) / size * size
        var pointer: UnsafeMutableRawPointer?
        guard posix_memalign(&pointer, size, rounded) == 0, let pointer else {
            fatalError("out of memory allocating \(byteCount) bytes")
        }
        advise(pointer, byteCount: rounded)
        return pointer
    }

    /// Advises the whole 2 MB pages inside `byteCount` bytes at `pointer`.
    static func advise(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        let start = (Int(bitPattern: pointer) + size - 1) / size * size
        let end = (Int(bitPattern: pointer) + byteCount) / size * size
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, 14 /* MADV_HUGEPAGE */)
        #endif
    }
}

extension Array where Element: BitwiseCopyable {
    /// An array of `count` values not yet written, its memory advised for huge
    /// pages: for columns about to be filled, row by row.
    static func unwritten(count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                HugePages.advise(UnsafeMutableRawPointer(base), byteCount: count * MemoryLayout<Element>.stride)
            }
            initialized = count
        }
    }
}
