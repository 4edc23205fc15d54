import Foundation

extension FileBytes {
    /// Bytes that arrive in pieces (a database's `COPY` output), gathered
    /// into one buffer that becomes a `FileBytes` without a copy.
    public final class Collector {
        private var base: UnsafeMutableRawPointer
        private var capacity: Int
        public private(set) var count = 0

        public init(capacity: Int = 1 << 20) {
            self.capacity = max(capacity, 1 << 16)
            base = Buffers.allocate(self.capacity)
        }

        deinit { free(base) }

        /// Appends `bytes`; false when memory ran out.
        public func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard let source = bytes.baseAddress, bytes.count > 0 else { return true }
            if count + bytes.count > capacity {
                var grown = capacity
                while count + bytes.count > grown { grown *= 2 }
                guard let moved = realloc(base, grown + 16) else { return false }
                base = moved
                capacity = grown
            }
            (base + count).copyMemory(from: source, byteCount: bytes.count)
            count += bytes.count
            return true
        }

        /// The bytes gathered, named `name`; the collector is empty afterwards.
        public func finish(name: String) -> FileBytes {
            let bytes = FileBytes(name: name, adopting: base, count: count)
            capacity = 1 << 16
            base = Buffers.allocate(capacity)
            count = 0
            return bytes
        }
    }
}
