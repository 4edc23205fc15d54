import Foundation
import PostgresTestSupport
import Testing

/// `leadq --db`: errors in rows copied out of PostgreSQL name the table,
/// the row (counted in the order the rows came) and the column, not lines
/// of the CSV text they travel as.
@Suite(.serialized)
struct PostgresRowNamingTests {
    @Test func aDuplicateLeadIDNamesTheTableAndBothRows() throws {
        try PostgresServer.with { server in
            try server.psql("""
                CREATE TABLE leads (lead_id text, created_at timestamptz, notes text);
                INSERT INTO leads VALUES ('L1', '2026-01-05 09:00:00+00', 'two' || chr(10) || 'lines'),
                  ('L2', '2026-01-06 09:00:00+00', NULL), ('L1', '2026-01-07 09:00:00+00', NULL);
                """)
            let result = try LeadQProcess.run(["--db", "", "-c", "leads"], environment: server.environment)
            #expect(result.status == 2)
            #expect(result.stderr == "postgresql://postgres@/postgres?host=\(server.folder) table leads row 3, column \"lead_id\": "
                + "error: duplicate lead_id \"L1\" (first on row 1); every lead needs its own id\n")
        }
    }

    @Test func aBadValueNamesTheTableRowAndColumn() throws {
        try PostgresServer.with { server in
            try server.psql("""
                CREATE TABLE leads (lead_id text, created_at timestamptz);
                INSERT INTO leads VALUES ('L1', '2026-01-05 09:00:00+00');
                CREATE TABLE touches (lead_id text, note text, "Activity Date" text);
                INSERT INTO touches VALUES ('L1', 'a' || chr(10) || 'b' || chr(10) || 'c', '2026-01-05 10:00:00'),
                  ('L1', NULL, '2026-01-05 11:00:00'), ('L1', 'x', 'soon');
                """)
            let result = try LeadQProcess.run(["--db", "", "-c", "leads"], environment: server.environment)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("postgresql://postgres@/postgres?host=\(server.folder) table touches row 3, column \"Activity Date\": "
                + "error: at \"soon\" is not a date and time"), "\(result.stderr)")
        }
    }
}
