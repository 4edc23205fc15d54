import CLibPQ
import Foundation
import LeadStore

extension PostgresConnection {
    /// Copies the rows of `select` out as CSV with a header row, in one
    /// `COPY … TO STDOUT`, and reads them while they come: the header row
    /// goes to `header` for the stream that reads the rest, and runs of
    /// rows go to a `CopyReader` on a second thread as they fill. A reading
    /// error stops the copy and comes back in the result's `failure`, its
    /// place a line of the CSV text; a server error is thrown. `progress` is
    /// asked now and then whether to go on.
    func copyCSV(
        _ select: String, name: String, progress: LoadProgress?,
        header: (UnsafeRawBufferPointer) throws(LoadError) -> CSVStream
    ) throws(LoadError) -> CopiedRows {
        let start = PQexec(connection, "COPY (\(select)) TO STDOUT WITH (FORMAT csv, HEADER true)")
        let status = PQresultStatus(start)
        guard status == PGRES_COPY_OUT else {
            defer { PQclear(start) }
            if status == PGRES_FATAL_ERROR { throw error(start, name: name) }
            throw LoadError(file: name, message: PostgresMessages.notCopied(String(cString: PQresStatus(status))))
        }
        PQclear(start)
        var copied = CopiedRows()
        var reader: CopyReader?
        var run = CopyRun()
        var rows = 0, line = 1
        var failure: String?
        var stopped = false
        func stop(_ why: String? = nil) {
            if !stopped { cancel() }
            stopped = true
            if failure == nil { failure = why }
        }
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(connection, &buffer, 0)
            if length < 0 { break }
            guard let buffer else { continue }
            defer { PQfreemem(buffer) }
            let row = UnsafeRawBufferPointer(start: buffer, count: Int(length))
            // Each piece is one row, ending in a line feed; one inside is a value's line break.
            let inside = max(0, row.count - 1)
            let extraLines = memchr(buffer, 0x0A, inside) == nil ? 0 : row[..<inside].count { $0 == 0x0A }
            if extraLines > 0 { copied.longRows.append((rows, extraLines)) }
            copied.bytes += row.count
            if rows == 0 {
                do throws(LoadError) {
                    reader = CopyReader(stream: try header(row))
                } catch {
                    copied.failure = error
                    stop()
                }
            } else if let reader, !stopped {
                if let full = run.full(before: row.count) {
                    reader.submit(full)
                    if reader.failed { stop() }
                }
                if !stopped, !run.add(row, line: line) { stop(PostgresMessages.outOfMemory) }
            }
            line += 1 + extraLines
            rows += 1
            if rows & 0xFFFF == 0, !stopped, let progress, !progress(0) { stop(PostgresMessages.stopped) }
        }
        if let reader {
            if let last = run.take() { reader.submit(last) }
            let readFailure = reader.finish()
            if copied.failure == nil { copied.failure = readFailure }
        }
        run.discard()
        // The copy's own result says whether every row came.
        var last: LoadError?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, last == nil { last = error(result, name: name) }
            PQclear(result)
        }
        if let failure { throw LoadError(file: name, message: failure) }
        // Stopped for a reading error, the copy's own result only says it was cancelled.
        if let last, !(stopped && copied.failure != nil) { throw last }
        if copied.failure == nil { copied.stream = reader?.stream }
        return copied
    }
}
