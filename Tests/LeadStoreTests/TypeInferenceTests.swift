import LeadStore
import Testing

/// Extra columns are numbers, timestamps or text by their values.
@Suite struct TypeInferenceTests {
    func kind(_ values: [String]) throws -> ColumnKind? {
        let rows = values.enumerated().map { "L\($0.offset),2026-01-01,\($0.element)" }.joined(separator: "\n")
        return try load(leads: "lead_id,created_at,extra\n" + rows + "\n").leads["extra"]?.kind
    }

    @Test func numbers() throws {
        #expect(try kind(["1", "2.5", "", "-3", "1e3", "+4", ".5"]) == .number)
    }

    @Test func timestamps() throws {
        #expect(try kind(["2026-01-02", "", "2026-03-04T10:00:00Z"]) == .timestamp)
    }

    @Test func textWhenAnyValueIsNot() throws {
        #expect(try kind(["1", "2", "three"]) == .text)
        #expect(try kind(["1", "nan"]) == .text)
        #expect(try kind(["1", "inf"]) == .text)
        #expect(try kind(["1", "0x10"]) == .text)
        #expect(try kind(["1", "\"1,5\""]) == .text)
        #expect(try kind(["2026-01-01", "someday"]) == .text)
    }

    @Test func hugeNumbersAreNotSilentlyInfinite() throws {
        #expect(try kind(["1", "1e400"]) == .text)
    }

    @Test func allEmptyIsText() throws {
        #expect(try kind(["", ""]) == .text)
    }

    @Test func numericValuesAreExact() throws {
        let store = try load(leads: "lead_id,created_at,score\nL1,2026-01-01,-0\nL2,2026-01-01,2.5\nL3,2026-01-01,\n")
        guard case .number(let numbers)? = store.leads["score"]?.data else {
            Issue.record("score is not numeric")
            return
        }
        #expect(numbers[0] == 0)
        #expect(numbers[1] == 2.5)
        #expect(numbers[2].isNaN)
    }
}
