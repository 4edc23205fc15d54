import Testing
@testable import LeadStore
