/// Where a navigation session stands.
public enum OrientationPosition: Hashable, Sendable {
    /// No journey picked yet: choose among ``OrienteurContent/journeys``.
    case choosingJourney
    /// A question to answer.
    case question(QuestionNode)
    /// A final orientation reached.
    case leaf(Leaf)
}

/// One step of the breadcrumb: a journey, then each question answered.
public struct BreadcrumbItem: Hashable, Sendable {
    /// The journey id, question id or leaf id.
    public let id: String
    /// The journey title, the question, or the leaf title.
    public let title: LocalizedText
    /// The label of the choice made at this step, if any.
    public let choice: LocalizedText?
}

/// Why a navigation step is not possible.
public enum NavigationError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownJourney(String)
    case choiceOutOfRange(index: Int, available: Int)
    case nothingToChooseAtLeaf(String)
    case brokenContent(String)

    public var description: String {
        switch self {
        case .unknownJourney(let id): "no journey '\(id)'"
        case .choiceOutOfRange(let index, let available): "choice \(index + 1) does not exist (there are \(available))"
        case .nothingToChooseAtLeaf(let id): "the orientation '\(id)' is reached: go back or restart to choose again"
        case .brokenContent(let id): "the content has no question or leaf '\(id)' (validate the content)"
        }
    }
}

/// A walk through the decision tree: start a journey, choose, go back, restart.
/// A value type; its state fits in a compact opaque ``token`` so a stateless
/// chatbot can carry it between messages.
///
/// ```swift
/// var session = orienteur.session()
/// try session.start(journey: "victime")
/// try session.choose(0)
/// if case .question(let node) = session.position { print(node.question.french) }
/// let token = session.token   // later: try orienteur.session(token: token)
/// ```
public struct OrientationSession: Hashable, Sendable {
    public let content: OrienteurContent
    /// The journey picked, if any.
    public private(set) var journeyID: String?
    /// The index of each choice made since the journey's start.
    public private(set) var choices: [Int]

    /// A session at the journey choice.
    public init(content: OrienteurContent) {
        self.content = content
        journeyID = nil
        choices = []
    }

    init(content: OrienteurContent, journeyID: String?, choices: [Int]) {
        self.content = content
        self.journeyID = journeyID
        self.choices = choices
    }

    /// Picks a journey (`victime`, `signale`, `informe`).
    public mutating func start(journey id: String) throws(NavigationError) {
        guard let journey = content.journey(id) else { throw .unknownJourney(id) }
        guard content.node(journey.start) != nil else { throw .brokenContent(journey.start) }
        journeyID = id
        choices = []
    }

    /// Answers the current question with the choice at `index` (0-based).
    /// At the journey choice, picks the journey at `index`.
    public mutating func choose(_ index: Int) throws(NavigationError) {
        switch position {
        case .choosingJourney:
            guard content.journeys.indices.contains(index) else { throw .choiceOutOfRange(index: index, available: content.journeys.count) }
            try start(journey: content.journeys[index].id)
        case .question(let node):
            guard node.choices.indices.contains(index) else { throw .choiceOutOfRange(index: index, available: node.choices.count) }
            let target = node.choices[index].target
            guard content.node(target) != nil || content.leaf(target) != nil else { throw .brokenContent(target) }
            choices.append(index)
        case .leaf(let leaf):
            throw .nothingToChooseAtLeaf(leaf.id)
        }
    }

    /// Goes back one step (from the first question, back to the journey choice).
    /// Returns false when already at the journey choice.
    @discardableResult
    public mutating func back() -> Bool {
        if !choices.isEmpty {
            choices.removeLast()
            return true
        }
        if journeyID != nil {
            journeyID = nil
            return true
        }
        return false
    }

    /// Back to the journey choice.
    public mutating func restart() {
        journeyID = nil
        choices = []
    }

    /// The ids walked through: the current question's or leaf's id is last.
    public var path: [String] {
        guard let journeyID, let journey = content.journey(journeyID) else { return [] }
        var ids = [journey.start]
        var current = journey.start
        for index in choices {
            guard let node = content.node(current), node.choices.indices.contains(index) else { break }
            current = node.choices[index].target
            ids.append(current)
        }
        return ids
    }

    /// The current question, the leaf reached, or the journey choice.
    public var position: OrientationPosition {
        guard let last = path.last else { return .choosingJourney }
        if let node = content.node(last) { return .question(node) }
        if let leaf = content.leaf(last) { return .leaf(leaf) }
        return .choosingJourney
    }

    /// The journey, then every question answered with the choice made, then the current step.
    public var breadcrumb: [BreadcrumbItem] {
        guard let journeyID, let journey = content.journey(journeyID) else { return [] }
        var items = [BreadcrumbItem(id: journey.id, title: journey.title, choice: nil)]
        let ids = path
        for (offset, id) in ids.enumerated() {
            if let node = content.node(id) {
                let choice = offset < choices.count && node.choices.indices.contains(choices[offset]) ? node.choices[choices[offset]].label : nil
                items.append(BreadcrumbItem(id: id, title: node.question, choice: choice))
            } else if let leaf = content.leaf(id) {
                items.append(BreadcrumbItem(id: id, title: leaf.title, choice: nil))
            }
        }
        return items
    }

    /// The opaque token holding this state (see ``SessionToken``).
    public var token: String { SessionToken.encode(contentVersion: content.contentVersion, journeyID: journeyID, choices: choices) }

    /// Restores a session from `token`; throws when it was altered, comes from
    /// another content version, or no longer leads anywhere.
    public init(token: String, content: OrienteurContent) throws(SessionTokenError) {
        let state = try SessionToken.decode(token, expectedContentVersion: content.contentVersion)
        var session = OrientationSession(content: content)
        if let journeyID = state.journeyID {
            do {
                try session.start(journey: journeyID)
                for index in state.choices { try session.choose(index) }
            } catch {
                throw .invalidPath(error.description)
            }
        } else if !state.choices.isEmpty {
            throw .invalidPath("choices without a journey")
        }
        self = session
    }

    public static func == (lhs: OrientationSession, rhs: OrientationSession) -> Bool {
        lhs.journeyID == rhs.journeyID && lhs.choices == rhs.choices && lhs.content.contentVersion == rhs.content.contentVersion
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(journeyID)
        hasher.combine(choices)
    }
}
