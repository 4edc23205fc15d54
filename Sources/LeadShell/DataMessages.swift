/// The texts of errors in data options and data locations.
enum DataMessages {
    static func missingValue(_ option: String) -> String { "\(option) needs a value (one starting with -- is written \(option)=VALUE)" }
    static func badMap(_ value: String) -> String {
        "--map \(value): write it as field=Header, e.g. --map created_at=\"Create Date\" (--const field=value gives every row one value)"
    }
    static func badConst(_ value: String) -> String { "--const \(value): write it as field=value, e.g. --const channel=call" }
    static func badList(_ option: String, _ value: String) -> String { "\(option) \(value): write the values as WORD,WORD,…" }
    static func notAFileOption(_ word: String) -> String {
        "\(word): after the file give --map, --const, --inbound, --outbound or --date-format"
    }
    static let folderAndFiles = "give either a folder or data files (--leads, --events, …), not both"
    static let twoLeads = "give one --leads file (stack touches with --touches, not leads)"
    static let twoLogs = "give one --events file"
    static let leadsAndEvents = "--events gives the leads itself: give either --leads or --events"
    static func needsLeads(_ option: String) -> String { "\(option) needs --leads or --events" }
    static let statusesNeedEvents = "--created, --qualified and --converted name statuses of an --events file"
    static let sharedWithoutFiles = "--map, --const, --inbound, --outbound and --date-format need data files or a folder"
    static func directionsOnTouchesOnly(_ option: String) -> String {
        "--inbound and --outbound declare the direction words of a --touches file, not of \(option)"
    }
    static func twoFolders(_ first: String, _ second: String) -> String {
        "\(second): give one folder or script (\(first) was given first)"
    }
    static let noSuchFolder = "no such folder"
    /// `.schema` on `response_business`, listed while business hours are set.
    static let derivedFromHours = "derived from set hours"
    static let sparkTablesNeedSpark = "--leads-table and --touches-table without --db name tables of a Spark session: give --engine spark with them"
    static let folderIsFile = "is a file; give a folder holding leads.csv and touches.csv, or use --leads and --touches"
}
