import LeadRender

/// The shell's renderers format values the way charts and reports do, through
/// one formatter that lives with the pictures.
typealias ValueFormatter = LeadRender.ValueFormatter
