import Foundation
import LeadEngine
import LeadQuery
import LeadStore
import Testing

/// Data shapes the example files lack: outcome and channel words in any
/// case, `0` beside `-0`, channels with only inbound touches.
@Suite struct WordsAndKeysTests {
    static let leads = """
        lead_id,created_at,segment,deal_size
        L1,2026-01-05T09:00:00Z,SMB,0
        L2,2026-01-05T10:00:00Z,SMB,-0
        L3,2026-01-06T10:00:00Z,Enterprise,5
        """
    static let touches = """
        touch_id,lead_id,at,channel,rep,direction,outcome
        T1,L1,2026-01-05T10:00:00Z,Call,Ana,outbound,Connected
        T2,L1,2026-01-06T10:00:00Z,call,Ana,outbound,REPLIED
        T3,L2,2026-01-05T11:00:00Z,email,Ben,outbound,no_answer
        T4,L2,2026-01-05T12:00:00Z,chat,Ben,inbound,replied
        T5,L3,2026-01-07T10:00:00Z,chat,Cy,inbound,
        """

    static func lines(_ statement: String) throws -> [String] {
        let store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8))),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array(touches.utf8)))])
        var session = Session(store: store, description: "words")
        return GoldenTests.render(session.run(statement))
    }

    @Test func replyRateReadsOutcomesInAnyCase() throws {
        #expect(try Self.lines("reply_rate") == ["reply_rate", "0.6667"])
    }

    @Test func channelsCountsAChannelWrittenInTwoCasesOnce() throws {
        #expect(try Self.lines("list leads lead_id, channels where lead_id = \"L1\"") == ["lead_id | channels", "L1 | 1"])
    }

    @Test func distinctCountsZeroAndNegativeZeroAsOneValue() throws {
        #expect(try Self.lines("distinct(deal_size) where segment = \"SMB\"") == ["distinct(deal_size)", "1"])
        #expect(try Self.lines("leads by deal_size where segment = \"SMB\"") == ["deal_size | leads", "0.0000 | 2"])
    }

    @Test func followUpMeasuresGroupFollowUpsOnly() throws {
        #expect(try Self.lines("touches by channel") == ["channel | touches", "Call | 1", "call | 1", "email | 1"])
        #expect(try Self.lines("touches, reply_rate by rep") == ["rep | touches | reply_rate", "Ana | 2 | 1.0000", "Ben | 1 | 0.0000"])
    }

    @Test func aMeasureOverEveryTouchKeepsEveryGroup() throws {
        #expect(try Self.lines("touches, distinct(outcome) by channel") == [
            "channel | touches | distinct(outcome)", "Call | 1 | 1", "call | 1 | 1", "chat | 0 | 1", "email | 1 | 1",
        ])
    }
}
