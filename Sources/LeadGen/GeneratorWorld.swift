import LeadStore

/// The fixed cast of generated data: segments, sources, regions, owners,
/// channels and outcomes, with how often each appears.
struct GeneratorWorld {
    static let segmentNames = ["SMB", "Mid-Market", "Enterprise"]
    let segments = segmentNames.map(Self.csv)
    let segmentWeights = Self.cumulative([55, 30, 15])
    static let sourceNames = ["Web form", "Paid search", "Referral", "Webinar", "Event", "Outbound list", "Partner"]
    let sources = sourceNames.map(Self.csv)
    let sourceWeights = Self.cumulative([30, 20, 12, 10, 8, 10, 10])
    static let regionNames = ["North America", "EMEA", "APAC", "LATAM"]
    let regions = regionNames.map(Self.csv)
    let regionWeights = Self.cumulative([40, 30, 20, 10])
    static let ownerNames = [
        "Ana Souza", "Ben Carter", "Chloé Martin", "Dmitri Volkov", "Emma Johansson", "Farah Haddad",
        "Gabriel Costa", "Hannah Müller", "Isabel Ortiz", "Jamal Wright", "Kenji Tanaka", "Laura Bianchi",
        "Mateo García", "Nina Petrović", "Oliver Smith", "Priya Nair", "Quentin Dubois", "Rosa Jiménez",
        "Samuel Okoye", "Tanja Kowalski", "Umar Farooq", "Valentina Rossi", "Wei Zhang", "Ximena López",
        "Yusuf Demir", "Zoë Ångström", "Okafor, Chidi", "Liam O'Brien", "Sofia Lindqvist", "Arjun Mehta",
        "Camille Lefèvre", "Diego Fernández", "Eva Novák", "Felix Schmidt", "Grace Kim", "Hugo Almeida",
        "Ingrid Larsen", "Jonas Berg", "Kateřina Dvořák", "Lucas Moreau",
    ]
    let owners = ownerNames.map(Self.csv)
    /// How much slower than the median each owner is to follow up.
    let ownerPace: [Double]
    static let channelNames = ["call", "email", "sms", "social", "meeting"]
    let channels = channelNames.map(Self.csv)
    let channelWeights = Self.cumulative([35, 35, 10, 10, 10])
    let firstChannelWeights = Self.cumulative([45, 45, 6, 4, 0])
    static let outcomeNames = ["connected", "no_answer", "voicemail", "replied", "sent", "bounced", "delivered", "completed"]
    let outcomes = outcomeNames.map(Self.csv)
    /// Outcome weights per channel, in the order of `outcomes`.
    let outcomeWeights: [[Double]] = [
        Self.cumulative([25, 45, 30, 0, 0, 0, 0, 0]),
        Self.cumulative([0, 0, 0, 14, 80, 6, 0, 0]),
        Self.cumulative([0, 0, 0, 18, 0, 2, 80, 0]),
        Self.cumulative([0, 0, 0, 12, 0, 0, 88, 0]),
        Self.cumulative([70, 15, 0, 0, 0, 0, 0, 15]),
    ]
    let inbound = Array("inbound".utf8)
    let outbound = Array("outbound".utf8)

    init() {
        var random = RandomSource(seed: 7)
        ownerPace = (0..<40).map { _ in 0.4 + 2.2 * random.unit() }
    }

    /// A lead's fixed traits.
    struct Lead {
        var segment: Int, source: Int, owner: Int, region: Int
    }

    func drawLead(_ random: inout RandomSource) -> Lead {
        Lead(segment: random.pick(segmentWeights), source: random.pick(sourceWeights),
             owner: random.below(owners.count), region: random.pick(regionWeights))
    }

    /// A value as CSV bytes, quoted when it needs to be.
    static func csv(_ value: String) -> [UInt8] {
        var writer = CSVByteWriter()
        writer.text(value)
        return writer.buffer
    }

    static func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map { total += $0; return total }
    }
}
