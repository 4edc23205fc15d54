import LeadEngine
import LeadStore

extension Shell {
    /// `.open`: loads a new data set, keeping settings and named measures;
    /// the data options written before the first file on the command line
    /// apply to it as they did to the first.
    func replaceSession(with location: DataLocation) -> Outcome {
        do {
            let settings = session.settings, definitions = session.definitions
            let progress = ProgressBar()
            defer { progress.finish() }
            Interrupt.take()
            session = try location.open(shared: configuration.shared, zone: settings.zone, progress: editor == nil ? nil : progress.callback,
                                        schemaOnly: EngineChoice.holdsData(configuration.engine), verbose: configuration.verbose)
            session.settings = settings
            session.keep(definitions)
            self.location = location
        } catch {
            output.message(error.description)
            return .failed
        }
        if let failure = EngineChoice.attach(configuration.engine, to: &session, location: self.location, shared: configuration.shared, verbose: configuration.verbose) { output.message(failure); return .failed }
        if editor != nil { DataReports.summary(session).forEach(output.line) }
        return .ok
    }

    /// `.load leads|touches FILE [options]`.
    func load(_ role: TableRole, path: String, options: FileOptions) -> Outcome {
        do {
            // With an engine only the file's header and first rows are read, for its fields and types.
            var source = EngineChoice.holdsData(configuration.engine)
                ? DataLocation.sample(path, options: options) : DataSource(path: path, options: options)
            source.zone = session.settings.zone
            let progress = ProgressBar()
            defer { progress.finish() }
            Interrupt.take()
            let callback = editor == nil ? nil : progress.callback
            switch role {
            case .leads: try session.replaceLeads(source, progress: callback)
            default: try session.addTouches(source, progress: callback)
            }
            if EngineChoice.holdsData(configuration.engine) { session.dropRows() }
        } catch {
            output.message(error.description)
            return .failed
        }
        if let failure = EngineChoice.attach(configuration.engine, to: &session, location: self.location, shared: configuration.shared, verbose: configuration.verbose) { output.message(failure); return .failed }
        if editor != nil { DataReports.summary(session).forEach(output.line) }
        return .ok
    }
}

extension Shell {
    /// Reads every touch column still in its file (for reports of every
    /// column's values), with a progress bar and Ctrl-C at the prompt; the
    /// outcome when it fails.
    func readDeferredColumns() -> Outcome? {
        guard let names = session.store.deferred?.names, !names.isEmpty else { return nil }
        let progress = ProgressBar(label: "Reading " + names.joined(separator: ", "))
        if editor != nil { Interrupt.take() }
        do throws(LoadError) {
            try session.loadDeferred(progress: editor == nil ? nil : progress.callback)
        } catch {
            // The bar goes before the message takes its line.
            progress.finish()
            return fail(error.withoutSeverity, line: 1, column: 1)
        }
        progress.finish()
        return nil
    }
}
