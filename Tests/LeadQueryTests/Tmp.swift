import Testing
@testable import LeadQuery
