import Foundation

/// A working window within a day, in seconds after local midnight. A window whose end is
/// before its start runs over midnight (e.g. 22:00–06:00).
public struct ShiftWindow: Sendable, Hashable, Codable {
    /// Start, seconds after midnight (0..<86,400).
    public var start: Int
    /// End, seconds after midnight (0...86,400).
    public var end: Int

    /// Creates a window from whole hours, e.g. `ShiftWindow(hours: 22, to: 6)`.
    public init(hours start: Int, to end: Int) {
        self.start = start * 3_600
        self.end = end * 3_600
    }

    /// Creates a window from seconds after midnight.
    public init(startSecond: Int, endSecond: Int) {
        start = startSecond
        end = endSecond
    }

    /// Whether `secondOfDay` falls inside the window.
    public func contains(secondOfDay: Int) -> Bool {
        start <= end ? (secondOfDay >= start && secondOfDay < end) : (secondOfDay >= start || secondOfDay < end)
    }
}

/// Who an operator is for the engine: skills, capacity and shifts. Visitors see only the pseudonym.
///
/// Routing rules (``RoutingEngine``):
/// - an operator takes conversations only of the ``platforms`` they serve, in a language they write
///   (unless a translator is available);
/// - `pnav` (sexual and sexist violence) goes only to VSS-trained staff: ``vssTrained``, or a
///   psychologist (the platform's psychologists are victim-support specialists by profession);
/// - `espace-mineurs` goes only to staff trained for minors (``minors``), whatever the role;
/// - a conversation handed to a role (the psychologist) goes only to someone of that role;
/// - a supervisor receives emergency alerts; they take conversations (as an officer would, and
///   shown to the visitor as an officer) only when ``takesConversations`` is set.
public struct OperatorProfile: Sendable, Hashable {
    /// Internal identifier.
    public var id: OperatorID
    /// What visitors see (a pseudonym or service number, never a name).
    public var pseudonym: String
    /// Officer, psychologist or supervisor.
    public var role: OperatorRole
    /// The platforms whose queues this operator serves.
    public var platforms: Set<Platform>
    /// The languages the operator writes (BCP 47 primary tags, e.g. `fr`, `en`).
    public var languages: Set<String>
    /// Trained to talk with minors (required for `espace-mineurs`).
    public var minors: Bool
    /// Trained for sexual and sexist violence (VSS; required for `pnav`, except for psychologists).
    public var vssTrained: Bool
    /// Capacity in units (8 by default: eight short conversations or one long one).
    public var capacity: Int
    /// Working windows in the engine's time zone; empty means always on shift.
    public var shifts: [ShiftWindow]
    /// Whether the operator is given conversations from the queues. Officers and psychologists
    /// are; a supervisor is only when this is set (a supervisor who also answers at night, say).
    public var takesConversations: Bool

    /// Whether the operator may take a `pnav` conversation: VSS-trained, or a psychologist.
    public var isVSSQualified: Bool { vssTrained || role == .psychologist }

    /// Creates a profile. `takesConversations` defaults to `true` for officers and psychologists
    /// and to `false` for supervisors.
    public init(id: OperatorID, pseudonym: String, role: OperatorRole = .officer,
                platforms: Set<Platform> = [.tchat], languages: Set<String> = ["fr"],
                minors: Bool = false, vssTrained: Bool = false, capacity: Int = 8, shifts: [ShiftWindow] = [],
                takesConversations: Bool? = nil) {
        self.id = id
        self.pseudonym = pseudonym
        self.role = role
        self.platforms = platforms
        self.languages = languages
        self.minors = minors
        self.vssTrained = vssTrained
        self.capacity = capacity
        self.shifts = shifts
        self.takesConversations = takesConversations ?? (role != .supervisor)
    }
}

/// What a conversation needs from its operator.
public struct ConversationRequirements: Sendable, Hashable {
    /// The platform (queue).
    public var platform: Platform
    /// The visitor's language.
    public var language: String
    /// Short or long (capacity cost).
    public var kind: ConversationKind
    /// Which role must take it: ``OperatorRole/officer`` (the default: an officer, or a supervisor
    /// who takes conversations) or ``OperatorRole/psychologist`` after a hand-off.
    public var role: OperatorRole

    /// Creates requirements.
    public init(platform: Platform, language: String = "fr", kind: ConversationKind = .short, role: OperatorRole = .officer) {
        self.platform = platform
        self.language = language
        self.kind = kind
        self.role = role
    }
}
