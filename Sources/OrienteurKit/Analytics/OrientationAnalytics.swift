/// One anonymous event of the orienteur. Events carry content ids and ranks
/// only: never free text, never an identifier of the person or the device.
public enum OrientationEvent: Hashable, Sendable {
    /// A journey was picked; `startNodeID` is its first question.
    case journeyStarted(journeyID: String, startNodeID: String)
    /// A choice was made at a question, leading to `targetID`.
    case choiceMade(nodeID: String, choiceIndex: Int, targetID: String)
    /// The person went back from a question or leaf.
    case back(fromID: String)
    /// A leaf was reached (by navigation or from a search result).
    case leafReached(leafID: String)
    /// A fiche was opened.
    case ficheOpened(ficheID: String)
    /// A free-text search was asked; `chosenRank` is the 1-based rank of the result
    /// opened (nil: none), with its kind and id. The question itself is never sent.
    case searchAsked(resultCount: Int, emergency: Bool, chosenRank: Int?, chosenKind: SearchResultKind?, chosenID: String?)
    /// The person left at this question or leaf without reaching an answer.
    case abandoned(atID: String)
}

/// Receives orienteur events, e.g. to measure which questions lose people and
/// which fiches work well. Implementations must not add personal data.
public protocol OrientationAnalytics: Sendable {
    /// Records one event.
    func record(_ event: OrientationEvent) async
}

/// The funnel of one question: how often it was shown, answered (per choice),
/// left by going back, or abandoned.
public struct NodeFunnel: Hashable, Sendable {
    public var shown = 0
    public var choices: [Int: Int] = [:]
    public var backs = 0
    public var abandoned = 0

    /// Answers at this question, all choices together.
    public var answered: Int { choices.values.reduce(0, +) }
    /// Share of arrivals that went on with a choice (0 when never shown).
    public var continuationRate: Double { shown == 0 ? 0 : Double(answered) / Double(shown) }
}

/// A summary of recorded events.
public struct AnalyticsSummary: Hashable, Sendable {
    /// Funnel per question id.
    public var funnel: [String: NodeFunnel]
    /// Journeys started, by id.
    public var journeysStarted: [String: Int]
    /// Leaves reached, most reached first.
    public var topLeaves: [(id: String, count: Int)]
    /// Fiches opened, most opened first.
    public var topFiches: [(id: String, count: Int)]
    /// Searches asked, emergencies among them, and the rank distribution of chosen results.
    public var searches: Int
    public var emergencies: Int
    public var chosenRanks: [Int: Int]

    public static func == (lhs: AnalyticsSummary, rhs: AnalyticsSummary) -> Bool {
        lhs.funnel == rhs.funnel && lhs.journeysStarted == rhs.journeysStarted && lhs.topLeaves.map(\.id) == rhs.topLeaves.map(\.id)
            && lhs.topLeaves.map(\.count) == rhs.topLeaves.map(\.count) && lhs.topFiches.map(\.id) == rhs.topFiches.map(\.id)
            && lhs.topFiches.map(\.count) == rhs.topFiches.map(\.count) && lhs.searches == rhs.searches
            && lhs.emergencies == rhs.emergencies && lhs.chosenRanks == rhs.chosenRanks
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(searches)
        hasher.combine(journeysStarted)
    }
}

/// Keeps counters in memory (no event log, so nothing sequenced per person).
public actor InMemoryOrientationAnalytics: OrientationAnalytics {
    private var funnel: [String: NodeFunnel] = [:]
    private var journeys: [String: Int] = [:]
    private var leaves: [String: Int] = [:]
    private var fiches: [String: Int] = [:]
    private var searches = 0
    private var emergencies = 0
    private var ranks: [Int: Int] = [:]
    private let knownNodeIDs: Set<String>?

    /// - Parameter content: when given, arrivals at leaves are not counted as question views.
    public init(content: OrienteurContent? = nil) {
        knownNodeIDs = content.map { Set($0.nodes.map(\.id)) }
    }

    public func record(_ event: OrientationEvent) {
        switch event {
        case .journeyStarted(let journeyID, let start):
            journeys[journeyID, default: 0] += 1
            funnel[start, default: NodeFunnel()].shown += 1
        case .choiceMade(let node, let index, let target):
            funnel[node, default: NodeFunnel()].choices[index, default: 0] += 1
            if knownNodeIDs?.contains(target) ?? true { funnel[target, default: NodeFunnel()].shown += 1 }
        case .back(let from):
            funnel[from, default: NodeFunnel()].backs += 1
        case .leafReached(let leaf):
            leaves[leaf, default: 0] += 1
        case .ficheOpened(let fiche):
            fiches[fiche, default: 0] += 1
        case .searchAsked(_, let emergency, let rank, let kind, let id):
            searches += 1
            if emergency { emergencies += 1 }
            if let rank { ranks[rank, default: 0] += 1 }
            if let kind, let id {
                if kind == .leaf { leaves[id, default: 0] += 1 }
                if kind == .fiche { fiches[id, default: 0] += 1 }
            }
        case .abandoned(let at):
            funnel[at, default: NodeFunnel()].abandoned += 1
        }
    }

    /// The counters so far.
    public func summary() -> AnalyticsSummary {
        func top(_ counts: [String: Int]) -> [(id: String, count: Int)] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { (id: $0.key, count: $0.value) }
        }
        return AnalyticsSummary(funnel: funnel, journeysStarted: journeys, topLeaves: top(leaves), topFiches: top(fiches),
                                searches: searches, emergencies: emergencies, chosenRanks: ranks)
    }
}
