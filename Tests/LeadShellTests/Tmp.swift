import Testing
@testable import LeadShell
