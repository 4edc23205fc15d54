import LeadQuery
import Testing

/// What follows `|`: `chart`, `chart "f.svg"`, `export "f"`, `export append "f"`.
@Suite struct PostTests {
    func posts(_ text: String) -> [Post.Kind]? {
        Parser.parse(text).statement?.posts.map(\.kind)
    }

    @Test func chartsAndExports() {
        #expect(posts("rate by month | chart") == [.chart(path: nil)])
        #expect(posts("rate by month | chart \"rate.svg\"") == [.chart(path: "rate.svg")])
        #expect(posts("rate | export \"r.html\" | chart") == [.export(path: "r.html"), .chart(path: nil)])
        #expect(posts("rate | export append \"weekly.html\"") == [.exportAppend(path: "weekly.html")])
        #expect(posts("rate | EXPORT Append \"weekly.html\"") == [.exportAppend(path: "weekly.html")])
    }

    @Test func appendNeedsAFileName() {
        let diagnostic = Parser.parse("rate | export append").diagnostics.first
        #expect(diagnostic.map { "\($0.range): \($0.message)" } == "1:21: expected a file name in quotes, found the end of the statement")
        #expect(!StatementBoundary.isComplete("rate | export append"))
        #expect(StatementBoundary.isComplete("rate | chart"))
    }
}
