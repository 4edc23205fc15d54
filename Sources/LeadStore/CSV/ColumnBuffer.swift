import Foundation

/// The values of one column as a part of a file is read: a growable buffer
/// of plain values, appended to without the checks of a Swift array, in
/// memory the kernel may back with huge pages (fewer page faults while
/// millions of rows are written).
///
/// A value type over memory it owns: copies share the memory, and `free()`
/// is called exactly once by whoever holds the last copy (the part reader,
/// after handing the values over to an array).
struct ColumnBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = Self.allocate(self.capacity)
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow() }
        base[count] = value
        count += 1
    }

    var last: Element? { count == 0 ? nil : base[count - 1] }

    var values: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    func free() { Foundation.free(base) }

    private mutating func grow() {
        let grown = Self.allocate(capacity * 2)
        grown.update(from: base, count: count)
        Foundation.free(base)
        base = grown
        capacity *= 2
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
        let size = capacity * MemoryLayout<Element>.stride
        let raw = HugePages.allocate(size)
        return raw.bindMemory(to: Element.self, capacity: capacity)
    }
}

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
    /// An array of `count` values, its memory advised for huge pages, filled by `body`.
    static func filled(count: Int, _ body: (UnsafeMutablePointer<Element>) -> Void) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                HugePages.advise(UnsafeMutableRawPointer(base), byteCount: count * MemoryLayout<Element>.stride)
                body(base)
            }
            initialized = count
        }
    }
}
