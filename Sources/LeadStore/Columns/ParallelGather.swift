import Foundation

/// Gathering the rows of a large column on every core: each core fills its
/// own stretch of the result, so one column is moved at a time at the speed
/// of all cores, rather than one column per core with each column's old and
/// new values held at once.
enum ParallelGather {
    /// Fewer rows than this are gathered on one core.
    static let minimumRows = 1 << 20

    /// Writes `source[rows[i]]` to `target[i]` for every `i`.
    static func gather<T: BitwiseCopyable>(
        _ source: UnsafeBufferPointer<T>, _ rows: UnsafeBufferPointer<UInt32>, into target: UnsafeMutableBufferPointer<T>
    ) {
        let count = rows.count
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let stretches = count < minimumRows || cores < 2 ? 1 : min(cores * 4, count / (minimumRows / 8))
        let pointers = Pointers(source: source, rows: rows, target: target)
        guard stretches > 1 else { return pointers.gather(0..<count) }
        DispatchQueue.concurrentPerform(iterations: stretches) { stretch in
            pointers.gather(stretch * count / stretches..<(stretch + 1) * count / stretches)
        }
    }

    /// The memory of one gather, each worker writing a stretch of `target` of its own.
    private struct Pointers<T: BitwiseCopyable>: @unchecked Sendable {
        let source: UnsafeBufferPointer<T>
        let rows: UnsafeBufferPointer<UInt32>
        let target: UnsafeMutableBufferPointer<T>

        func gather(_ range: Range<Int>) {
            for index in range { target[index] = source[Int(rows[index])] }
        }
    }
}

extension Array where Element: BitwiseCopyable {
    /// The elements at `rows`, in that order, gathered on every core.
    func gathered(_ rows: [UInt32]) -> [Element] {
        withUnsafeBufferPointer { source in
            rows.withUnsafeBufferPointer { rows in
                [Element](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
                    ParallelGather.gather(source, rows, into: buffer)
                    initialized = rows.count
                }
            }
        }
    }
}
