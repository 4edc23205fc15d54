import Foundation
import Testing

/// A fresh folder for one test's files.
private func folder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func write(_ text: String, _ folder: URL, _ name: String) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// The data options on the command line: one rule for where each applies.
@Suite struct DataOptionTests {
    @Test func anOptionBeforeTheFirstFileAppliesToEveryFileThatHasTheHeader() throws {
        let dir = try folder("order")
        defer { try? FileManager.default.removeItem(at: dir) }
        let leads = try write("lead_id,Signup Time\nL1,2026-01-01T00:00:00Z\n", dir, "l.csv")
        let touches = try write("lead_id,at\nL1,2026-01-01T02:00:00Z\n", dir, "t.csv")
        let before = try LeadQProcess.run(["--map", "created_at=Signup Time", "--leads", leads, "--touches", touches, "--no-init", "-c", "leads, rate"])
        #expect(before.stderr == "")
        #expect(before.stdout == "leads,rate\n1,1\n")
        // Written after --touches it belongs to the touches file, which has no such column.
        let after = try LeadQProcess.run(["--leads", leads, "--touches", touches, "--map", "created_at=Signup Time", "--no-init", "-c", "leads"])
        #expect(after.status == 2)
        #expect(after.stderr.contains("l.csv:1: error: no created_at column"))
        let between = try LeadQProcess.run(["--leads", leads, "--map", "created_at=Signup Time", "--touches", touches, "--no-init", "-c", "leads"])
        #expect(between.stdout == "leads\n1\n")
        // Written after --leads, a map belongs to the leads file alone, though the touches have the header too.
        let whoLeads = try write("WhoId,created_at\nL1,2026-01-01T00:00:00Z\n", dir, "w.csv")
        let whoTouches = try write("lead_id,WhoId,at\nL1,someone,2026-01-01T02:00:00Z\n", dir, "wt.csv")
        let own = try LeadQProcess.run(["--leads", whoLeads, "--map", "lead_id=WhoId", "--touches", whoTouches, "--no-init", "-c", "rate"])
        #expect(own.stdout == "rate\n1\n")
    }

    @Test func aMistypedMapStopsTheLoadInsteadOfBecomingAValue() throws {
        let dir = try folder("typo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let leads = try write("lead_id,created_at\nL1,2026-01-01T00:00:00Z\n", dir, "l.csv")
        let calls = try write("lead_id,at,Call Type\nL1,2026-01-01T02:00:00Z,Outbound\n", dir, "c.csv")
        let typo = try LeadQProcess.run(["--leads", leads, "--touches", calls, "--map", "direction=Call Typ", "--no-init", "-c", "rate"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("the file has no column \"Call Typ\"; the nearest are \"Call Type\""))
        let constant = try LeadQProcess.run(["--leads", leads, "--touches", calls, "--const", "channel=call", "--no-init", "-c", "touches by channel", "-c", "rate"])
        #expect(constant.stdout == "channel,touches\ncall,1\nrate\n1\n")
    }

    @Test func unknownDirectionWordsAreDeclaredPerFile() throws {
        let dir = try folder("words")
        defer { try? FileManager.default.removeItem(at: dir) }
        let leads = try write("lead_id,created_at\nL1,2026-01-01T00:00:00Z\nL2,2026-01-01T00:00:00Z\n", dir, "l.csv")
        let calls = try write("lead_id,at,direction\nL1,2026-01-01T02:00:00Z,Callback\nL2,2026-01-01T02:00:00Z,Walk-in\n", dir, "c.csv")
        let refused = try LeadQProcess.run(["--leads", leads, "--touches", calls, "--no-init", "-c", "rate"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\"Callback\" (1 touch), \"Walk-in\" (1 touch); declare them after the file with --inbound WORD,… or --outbound WORD,…"))
        let declared = try LeadQProcess.run(["--leads", leads, "--touches", calls, "--outbound", "callback", "--inbound", "Walk-in", "--no-init", "-c", "rate"])
        #expect(declared.stdout == "rate\n0.5\n")
    }

    @Test func aDataSetWithNoTouchesLoadsWithOneWarning() throws {
        let dir = try folder("notouches")
        defer { try? FileManager.default.removeItem(at: dir) }
        let leads = try write("lead_id,created_at,Converted\nL1,2026-01-01T00:00:00Z,Yes\nL2,2026-01-01T00:00:00Z,No\n", dir, "l.csv")
        let result = try LeadQProcess.run(["--leads", leads, "--no-init", "-c", "leads, conversion, rate, speed, touches"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: no touches loaded: follow-up KPIs (rate, speed, followups, …) are null; add touch files with --touches\n")
        #expect(result.stdout == "leads,conversion,rate,speed,touches\n2,0.5,,,\n")
    }

    @Test func conversionCountsADateOrAFlag() throws {
        let dir = try folder("flags")
        defer { try? FileManager.default.removeItem(at: dir) }
        let leads = try write("""
            lead_id,created_at,converted_at,Is Converted,Qualified
            L1,2026-01-01T00:00:00Z,2026-01-05T00:00:00Z,No,yes
            L2,2026-01-01T00:00:00Z,,Yes,no
            L3,2026-01-01T00:00:00Z,,No,
            L4,2026-01-01T00:00:00Z,,,1

            """, dir, "l.csv")
        let touches = try write("lead_id,at\nL1,2026-01-02T00:00:00Z\nL2,2026-01-02T00:00:00Z\n", dir, "t.csv")
        let result = try LeadQProcess.run(["--leads", leads, "--touches", touches, "--no-init",
                                           "-c", "conversion, qualified, touches_to_convert", "-c", "list leads lead_id, followups_to_convert, is_converted"])
        #expect(result.stderr == "")
        #expect(result.stdout == "conversion,qualified,touches_to_convert\n0.5,0.5,1\nlead_id,followups_to_convert,is_converted\nL1,1,0\nL2,,1\nL3,,0\nL4,,\n")
    }

    /// The Olist funnel's shape: qualified leads, and closed deals keyed by the lead's id.
    @Test func dealsExportedApartSetConversion() throws {
        let dir = try folder("deals")
        defer { try? FileManager.default.removeItem(at: dir) }
        let mql = try write("""
            mql_id,first_contact_date,landing_page_id,origin
            m1,2018-02-01,p1,social
            m2,2017-10-20,p2,paid_search
            m3,2018-03-02,p1,social

            """, dir, "mql.csv")
        let deals = try write("mql_id,seller_id,won_date\nm1,s1,2018-02-26 19:58\nzz,s2,2018-05-08 20:17\n", dir, "deals.csv")
        let result = try LeadQProcess.run([
            "--leads", mql, "--map", "lead_id=mql_id", "--map", "created_at=first_contact_date", "--map", "source=origin",
            "--conversions", deals, "--map", "lead_id=mql_id", "--map", "converted_at=won_date",
            "--no-init", "-c", "leads, conversion by source", "-c", ".summary",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("source,leads,conversion\npaid_search,1,0\nsocial,2,0.5\n"))
        #expect(result.stdout.contains("deals.csv: 1 deal for 1 lead id not in the leads"))
    }

    @Test(arguments: [
        (["--leads", "--no-init"], "--leads needs a value"),
        (["--touches", "t.csv"], "--touches needs --leads or --events"),
        (["--leads", "l.csv", "--events", "e.csv"], "give either --leads or --events"),
        (["--leads", "l.csv", "--inbound", "Callback"], "--inbound and --outbound declare the direction words of a --touches file, not of --leads"),
        (["--const", "channel=call"], "need data files or a folder"),
        (["--leads", "l.csv", "--touches", "t.csv", "--outbound", "a,,b"], "write the values as WORD,WORD,…"),
    ])
    func badDataOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let result = try LeadQProcess.run(arguments + ["-c", "leads"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aDateFormatAppliesWhereItIsWritten() throws {
        let dir = try folder("dates")
        defer { try? FileManager.default.removeItem(at: dir) }
        let leads = try write("lead_id,created_at\nL1,01-02-2026\n", dir, "l.csv")
        let deals = try write("lead_id,won_date\nL1,03-02-2026\n", dir, "d.csv")
        let own = try LeadQProcess.run(["--leads", leads, "--date-format", "DD-MM-YYYY", "--conversions", deals, "--date-format", "MM-DD-YYYY",
                                        "--no-init", "-c", "list leads lead_id, created_at, converted_at"])
        #expect(own.stdout == "lead_id,created_at,converted_at\nL1,2026-02-01T00:00:00Z,2026-03-02T00:00:00Z\n")
        let shared = try LeadQProcess.run(["--date-format", "DD-MM-YYYY", "--leads", leads, "--conversions", deals,
                                           "--no-init", "-c", "list leads lead_id, created_at, converted_at"])
        #expect(shared.stdout == "lead_id,created_at,converted_at\nL1,2026-02-01T00:00:00Z,2026-02-03T00:00:00Z\n")
    }

    @Test func statusOptionsNeedAStatusLog() throws {
        let result = try LeadQProcess.run(["--leads", "examples/data/leads.csv", "--created", "NEW", "--no-init", "-c", "leads"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--created, --qualified and --converted name statuses of an --events file"))
    }

    @Test func openKeepsTheOptionsGivenBeforeTheFirstFile() throws {
        let dir = try folder("reopen")
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(name), withIntermediateDirectories: true)
            _ = try write("lead_id,Signup Time\nL1,2026-01-01T00:00:00Z\n", dir, "\(name)/leads.csv")
        }
        let result = try LeadQProcess.run([
            "--map", "created_at=Signup Time", dir.appendingPathComponent("a").path, "--no-init",
            "-c", ".open \(dir.appendingPathComponent("b").path)", "-c", "leads",
        ])
        #expect(result.stdout == "leads\n1\n")
        #expect(result.status == 0)
    }

    @Test func loadTakesTheSameFileOptions() throws {
        let dir = try folder("load")
        defer { try? FileManager.default.removeItem(at: dir) }
        let calls = try write("lead_id,at,direction\nL01,2026-01-05T10:00:00Z,Callback\n", dir, "c.csv")
        let result = try LeadQProcess.run(["examples/data", "--no-init",
                                           "-c", ".load touches \(calls) --const channel=fax --outbound Callback", "-c", "touches by channel where channel = \"fax\""])
        #expect(result.stderr == "")
        #expect(result.stdout == "channel,touches\nfax,1\n")
    }
}

/// `leadq --help` reads as the README describes it.
@Suite struct CommandHelpTests {
    @Test func helpNamesNoOpenSubcommandAndKeepsEachExampleOnOneLine() throws {
        let help = try LeadQProcess.run(["--help"]).stdout
        #expect(!help.contains("open (default)"))
        #expect(!help.contains("leadq open "))
        #expect(help.contains("USAGE: leadq [DIR | --leads FILE"))
        #expect(help.contains("leadq exports/             open exports/leads.csv, exports/touches.csv\n"))
        #expect(help.contains("  gen "))
        for line in help.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let usage = try LeadQProcess.run(["--format", "nope"])
        #expect(usage.status == 2)
        #expect(!usage.stderr.contains("leadq open "))
    }
}

/// The README's commands for the real exports in ../shared/realdata, where that folder exists.
@Suite struct RealExportCommandTests {
    static let realdata = LeadQProcess.root.appendingPathComponent("../shared/realdata").standardized.path
    static func present(_ path: String) -> Bool { FileManager.default.fileExists(atPath: realdata + "/" + path) }

    @Test(.enabled(if: present("zoho-shaped/Leads.csv"), "../shared/realdata/zoho-shaped is not on this machine: skipped"))
    func zohoGivesConversionFromItsFlag() throws {
        let zoho = Self.realdata + "/zoho-shaped"
        let result = try LeadQProcess.run([
            "--leads", zoho + "/Leads.csv", "--touches", zoho + "/Calls.csv", "--const", "channel=call",
            "--touches", zoho + "/Events.csv", "--const", "channel=meeting", "--no-init", "-c", "leads, conversion", "-c", "touches by channel",
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        // 3,632 of the 3,900 leads have CONVERTED=Yes.
        #expect(result.stdout.hasPrefix("leads,conversion\n3900,\(3632.0 / 3900)\n"))
        #expect(result.stdout.contains("call,") && result.stdout.contains("meeting,"))
    }

    @Test(.enabled(if: present("olist-marketing-funnel/olist_closed_deals_dataset.csv"), "../shared/realdata/olist-marketing-funnel is not on this machine: skipped"))
    func olistFunnelGivesConversionBySource() throws {
        let olist = Self.realdata + "/olist-marketing-funnel"
        let result = try LeadQProcess.run([
            "--leads", olist + "/olist_marketing_qualified_leads_dataset.csv",
            "--map", "lead_id=mql_id", "--map", "created_at=first_contact_date", "--map", "source=origin",
            "--conversions", olist + "/olist_closed_deals_dataset.csv", "--map", "lead_id=mql_id", "--map", "converted_at=won_date",
            "--no-init", "-c", "leads, conversion", "-c", "leads, conversion by source",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("warning: no touches loaded"))
        // Every one of the 842 deals names one of the 8,000 leads.
        #expect(result.stdout.hasPrefix("leads,conversion\n8000,\(842.0 / 8000)\nsource,leads,conversion\n"))
    }

    @Test(.enabled(if: present("leadsmart/lead_status_changes.csv"), "../shared/realdata/leadsmart is not on this machine: skipped"))
    func leadsmartStatusLogLoads() throws {
        let result = try LeadQProcess.run([
            "--events", Self.realdata + "/leadsmart/lead_status_changes.csv",
            "--created", "NEW_LEAD", "--qualified", "QUALIFIED", "--converted", "DONE_DEAL",
            "--no-init", "-c", "leads, touches, conversion",
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "leads,touches,conversion\n26279,12631,\(84.0 / 26279)\n")
    }
}
