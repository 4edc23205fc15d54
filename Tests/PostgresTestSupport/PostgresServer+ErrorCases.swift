extension PostgresServer {
    /// What the error tests read: a good `leads` table, a `badleads` whose
    /// `created_at` is of `badType` (holding `badValue`), and a role
    /// `analyst` with password `right-secret` that must give it on the socket.
    public func prepareErrorCases(badType: String = "integer", badValue: String = "12") throws {
        _ = try psql("""
            CREATE TABLE leads (lead_id text, created_at timestamptz);
            INSERT INTO leads VALUES ('L1', '2026-01-05 09:00:00+00');
            CREATE TABLE badleads (lead_id text, created_at \(badType));
            INSERT INTO badleads VALUES ('L1', \(badValue));
            CREATE ROLE analyst LOGIN PASSWORD 'right-secret';
            GRANT SELECT ON leads TO analyst;
            """)
        try "local all analyst scram-sha-256\nlocal all all trust\n".write(toFile: "\(folder)/data/pg_hba.conf", atomically: false, encoding: .utf8)
        _ = try psql("SELECT pg_reload_conf()")
    }
}
