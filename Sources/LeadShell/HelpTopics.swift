import LeadEngine

/// The texts of `.help TOPIC`.
enum HelpTopics {
    static let names = ["kpis", "language", "periods", "keys"]

    static func lines(for topic: String) -> [String]? {
        switch topic.lowercased() {
        case "kpis", "kpi":
            let width = max(20, (Vocabulary.kpis.map(\.name.count).max() ?? 0) + 2)
            return ["KPIs (lead grain unless marked):"] + Vocabulary.kpis.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.meaning } + [
                "Bands: ● excellent ◐ good ○ needs attention; set target rate 95% or set target speed 6h moves the excellent line.",
                "Any KPI takes a target (set target conversion 15%, set target within(2h) 60%): ● meets it, ○ not; .targets lists them.",
                "Aggregates: count, count(f), sum avg median min max distinct (f), p(f, 90), share(filter).",
            ]
        case "language":
            return [
                "measures [where filter] [during period] [by groups] [having filter] [order by key [asc|desc], …] [top|limit N] [vs previous|last year] [| export \"file.csv\"]",
                "after a statement: | chart (in the terminal), | chart \"file.svg\", | export \"report.html\", | export append \"report.html\"",
                "list leads|touches [field, …] [where filter] [order by key] [limit N]",
                "let NAME = filter-or-measure        set now|grace|target|cadence|week_start|tz|hours|holidays value",
                "business hours: set hours Mon-Fri 09:00-17:00 (or Mon-Thu 08:00-18:00, Fri 08:00-14:00; off), set holidays 2026-12-25, 2026-12-26",
                "        (or \"holidays.csv\"), then speed(business), speed(business, p90), within(1h, business), response_business",
                "cadence: set cadence 0, 1d, 3d, 7d, 14d, 30d gives next_due_at and the filters due and overdue",
                "filter: field = != < <= > >= value, field [not] in (…), field [not] like \"pat%\", field is [not] null,",
                "        field in PERIOD, and, or, not, ( … ), a let name",
                "groups: field, a unit (hour day week month quarter year: created_at for leads, at for touches), field.unit",
                "        a condition or let filter (by response <= 1h, by fast: false, true, then null where unknown)",
                "        bucket(field, bounds…): bucket(followups, 1, 2, 4) gives <1, 1, 2-3, 4+; bucket(response, 1h, 4h)",
                "vs previous | vs last year: by month vs previous, or during last 3 months vs previous; adds m_previous, m_change",
                "running(m): cumulative count/sum, or ratio so far; of_total(m): share of the column's total; running(of_total(count))",
                "values: \"text\", 42, 90%, durations 250ms 90s 30min 1h 2d 1w, dates 2026-03-01 2026-03 2026-Q1 2026",
            ]
        case "periods", "period":
            return [
                "2026-03-01, 2026-03, 2026-Q1, 2026, DATE to DATE (start of the first to start of the second)",
                "today, yesterday, this UNIT, last UNIT, last N UNITs (whole units before the current one), past 7d (rolling)",
                "during filters leads on created_at and touches on at; set now 2026-11-23T00:00:00Z pins the clock.",
            ]
        case "keys", "keyboard":
            return [
                "Tab completes (keywords, KPIs, fields, values inside quotes, file paths); twice lists the choices.",
                "Up/Down recall whole statements; Ctrl-R searches history; emacs keys edit the line.",
                "Ctrl-C clears the line or stops a running query or load; Ctrl-D on an empty line leaves.",
            ]
        default:
            return nil
        }
    }
}
