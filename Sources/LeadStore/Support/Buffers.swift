import Foundation

/// Memory for large buffers read a word at a time.
///
/// Nothing here asks for 2 MB pages: on virtual machines that hand idle
/// memory back to their host, the first touch of each huge page after a
/// pause waits for the host as well as the kernel, and a load started after
/// a few idle seconds spent most of its system time there.
enum Buffers {
    /// `byteCount` bytes and 16 more, for readers that look a word ahead; to
    /// be released with `free`.
    static func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer {
        guard let pointer = malloc(byteCount + 16) else { fatalError("out of memory allocating \(byteCount) bytes") }
        return pointer
    }
}

extension Array where Element: BitwiseCopyable {
    /// An array of `count` values not yet written: for columns about to be
    /// filled row by row, without zeroing them first.
    static func unwritten(count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}

extension Array where Element: BitwiseCopyable {
    /// Lets the system take back the whole pages past the last element (room
    /// reserved for rows a file did not have, written while its parts were
    /// moved together); they read as zeros if ever written again.
    mutating func releaseSpareCapacity() {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let stride = MemoryLayout<Element>.stride, capacity = self.capacity
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress.map(UnsafeMutableRawPointer.init) else { return }
            let address = Int(bitPattern: base)
            let start = (address + buffer.count * stride + page - 1) / page * page
            let end = (address + capacity * stride) / page * page
            if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, Int32(MADV_DONTNEED)) }
        }
    }
}
