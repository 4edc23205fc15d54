import LeadStore

/// What a session says about business hours: after `set hours`, and in `.summary`.
extension Session {
    /// After `set hours` or `set holidays`: counted responses are let go,
    /// and hours set over leads with their own zones say so.
    func afterBusinessSetting(_ option: String) -> String {
        guard ["hours", "holidays"].contains(option.lowercased()) else { return "" }
        businessTimes.removeAll()
        let perLead = option.lowercased() == "hours" && settings.hours != nil && store.leads[LeadZones.field] != nil
        return perLead ? EngineMessages.hoursPerLead : ""
    }

    /// The business hours and holidays set, as `.summary` lists them; none before `set hours`.
    public var businessSummaryLines: [String] {
        guard let hours = settings.hours else { return [] }
        var lines = ["  hours:   " + EngineMessages.hoursSet(hours.description, zone: settings.zone.name)
            + (store.leads[LeadZones.field] != nil ? EngineMessages.hoursPerLead : "")]
        if !settings.holidays.isEmpty {
            lines.append("  holidays: " + EngineMessages.holidaysSet(settings.holidays.map(Settings.dayText)))
        }
        return lines
    }
}
