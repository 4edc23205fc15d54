import LeadEngine
import LeadSQL

/// `| sql [dialect]`: the SQL a statement compiles to, on standard output.
extension Shell {
    func showSQL(_ plan: SQLPlan, source text: String, place: String?, line: Int) -> Outcome {
        do {
            output.line(try SQLCompiler.compile(plan) + ";")
            return .ok
        } catch {
            DiagnosticPrinter.lines(error, source: text, place: place, firstLine: line).forEach(output.message)
            return .failed
        }
    }
}
