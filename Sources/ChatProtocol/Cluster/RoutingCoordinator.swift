import Foundation

/// The name of one ``ChatService`` instance in a cluster (a process behind the load balancer).
/// Random by default; unique while the instance runs.
public struct InstanceID: Hashable, Sendable, CustomStringConvertible {
    /// The raw name.
    public let rawValue: String
    /// Wraps a name.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A new random name (`i_` and 64 random bits).
    public static func random() -> InstanceID { InstanceID("i_" + String(RandomToken.hex().prefix(16))) }
    public var description: String { rawValue }
}

/// Which waiting conversations one operator may be given, and at what cost: what a
/// ``RoutingCoordinator`` needs to know of an operator to claim for them (the same rules as
/// ``RoutingEngine``: platforms with their trainings, languages, role).
public struct ClaimFilter: Sendable, Hashable {
    /// The operator.
    public var operatorID: OperatorID
    /// Their capacity units (counted once, over every instance).
    public var capacity: Int
    /// The platforms they may take, trainings applied (`pnav` only when VSS-qualified, `espace-mineurs` only when trained for minors).
    public var platforms: Set<Platform>
    /// The visitor languages they may take; `nil` for any (a translator is available).
    public var languages: Set<String>?
    /// The roles a conversation may ask for that they fill (an officer fills `officer`, a psychologist `psychologist`…).
    public var roles: Set<OperatorRole>
    /// Units a short conversation costs (a long one costs ``capacity``).
    public var shortCost: Int

    /// The filter of an operator's profile.
    public init(profile: OperatorProfile, anyLanguage: Bool = false, shortCost: Int = 1) {
        operatorID = profile.id
        capacity = profile.capacity
        platforms = profile.platforms.filter { platform in
            switch platform {
            case .pnav: profile.isVSSQualified
            case .espaceMineurs: profile.minors
            case .tchat: true
            }
        }
        languages = anyLanguage ? nil : Set(profile.languages.map(RoutingEngine.primaryLanguage))
        roles = Set(OperatorRole.allCases.filter { RoutingEngine.fills(profile, $0) })
        self.shortCost = shortCost
    }

    /// A filter from its parts (as a backend reads it back).
    public init(operatorID: OperatorID, capacity: Int, platforms: Set<Platform>, languages: Set<String>?,
                roles: Set<OperatorRole>, shortCost: Int = 1) {
        self.operatorID = operatorID
        self.capacity = capacity
        self.platforms = platforms
        self.languages = languages
        self.roles = roles
        self.shortCost = shortCost
    }

    /// Whether the operator may take a conversation with these requirements.
    public func accepts(_ requirements: ConversationRequirements) -> Bool {
        platforms.contains(requirements.platform) && roles.contains(requirements.role)
            && (languages?.contains(requirements.language) ?? true)
    }

    /// What a conversation of `kind` costs this operator.
    public func cost(of kind: ConversationKind) -> Int { kind == .long ? capacity : min(shortCost, capacity) }
}

/// One conversation in a cluster's shared queue: waiting (no operator) or taken.
public struct CoordinatedConversation: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// What it needs.
    public var requirements: ConversationRequirements
    /// Whether it is an emergency (ahead of every non-emergency).
    public var emergency: Bool
    /// Its arrival number in the cluster: the queue's order after emergencies, kept when it comes back.
    public var arrival: UInt64
    /// When it entered the queue (this time).
    public var enqueuedAt: Date
    /// The operator who has it, if taken.
    public var operatorID: OperatorID?
    /// The instance that routes it: the one whose operator took it, or the one that opened it while it waits.
    public var instance: InstanceID?
    /// Units it costs its operator (0 while waiting).
    public var cost: Int

    /// Creates an entry.
    public init(conversation: ConversationID, requirements: ConversationRequirements, emergency: Bool, arrival: UInt64,
                enqueuedAt: Date, operatorID: OperatorID? = nil, instance: InstanceID? = nil, cost: Int = 0) {
        self.conversation = conversation
        self.requirements = requirements
        self.emergency = emergency
        self.arrival = arrival
        self.enqueuedAt = enqueuedAt
        self.operatorID = operatorID
        self.instance = instance
        self.cost = cost
    }
}

/// A coordinator that could not answer (its backend failed): nothing was changed.
public struct RoutingCoordinatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, for a developer (never a message content or a visitor id).
    public var reason: String
    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "routing coordinator unavailable: \(reason)" }
}

/// One queue for several ``ChatService`` instances: which operator may be given which waiting
/// conversation, decided once for the whole cluster.
///
/// Every instance enqueues the conversations it opens here and, for each operator connected to it
/// with room, *claims* the first waiting conversation the operator may take, in the cluster's
/// priority order (emergencies first, then arrival order). A claim is atomic: it checks the
/// operator's units in use over every instance and takes the conversation in one step, so no
/// conversation is ever given to two operators and no operator exceeds their capacity. Instances
/// hold leases (``renewLease(of:for:at:)``); ``reclaimExpired(at:)`` sends the conversations taken
/// through an instance whose lease ran out back to the queue at their old place.
///
/// ``InMemoryRoutingCoordinator`` serves the instances of one process (and the tests); the partner
/// server has one on PostgreSQL (`SELECT … FOR UPDATE SKIP LOCKED`). `RoutingCoordinatorConformance`
/// in ChatProtocolTestSupport checks an implementation.
public protocol RoutingCoordinator: Sendable {
    /// Puts a new conversation at the back of the queue (behind every conversation enqueued before,
    /// and behind every emergency if it is not one), routed by `instance` while it waits.
    /// Enqueueing a conversation already there changes nothing.
    func enqueue(_ conversation: ConversationID, requirements: ConversationRequirements, emergency: Bool, at date: Date,
                 by instance: InstanceID) async throws(RoutingCoordinatorError)

    /// Marks the conversation as an emergency (it goes ahead of every non-emergency; a waiting one
    /// is taken at the short cost). Returns `false` if it already was one or is not in the queue.
    @discardableResult
    func raiseEmergency(_ conversation: ConversationID) async throws(RoutingCoordinatorError) -> Bool

    /// Gives the operator the first waiting conversation they may take (``ClaimFilter/accepts(_:)``)
    /// in priority order (a conversation kept for them after a crash first, see ``reclaimExpired(at:)``;
    /// one kept for someone else is skipped) whose cost fits their free units (capacity minus the units of every
    /// conversation they have, over all instances; none while they have a long one), and records
    /// `instance` as its router. Returns `nil` when there is none.
    func claim(for filter: ClaimFilter, by instance: InstanceID, at date: Date) async throws(RoutingCoordinatorError) -> CoordinatedConversation?

    /// Gives a conversation (waiting or taken) directly to an operator who has room (a transfer to an
    /// operator); returns `false`, changing nothing, when they have not or it is not in the queue.
    func assign(_ conversation: ConversationID, to filter: ClaimFilter, by instance: InstanceID,
                at date: Date) async throws(RoutingCoordinatorError) -> Bool

    /// Sends a taken conversation back to the queue at its old place (arrival number kept), with new
    /// requirements (a transfer to a platform or role), routed by `instance`; its operator's units are freed.
    func requeue(_ conversation: ConversationID, requirements: ConversationRequirements, at date: Date,
                 by instance: InstanceID) async throws(RoutingCoordinatorError)

    /// Changes a conversation's kind: a long one takes every unit its operator has free.
    func convert(_ conversation: ConversationID, to kind: ConversationKind) async throws(RoutingCoordinatorError)

    /// Removes an ended conversation and frees its operator's units. Finishing one that is not there does nothing.
    func finish(_ conversation: ConversationID) async throws(RoutingCoordinatorError)

    /// The conversation's entry, if it is in the queue (waiting or taken).
    func entry(of conversation: ConversationID) async throws(RoutingCoordinatorError) -> CoordinatedConversation?

    /// The 1-based position of a waiting conversation among the waiting conversations of its platform.
    func position(of conversation: ConversationID) async throws(RoutingCoordinatorError) -> Int?

    /// Units in use by the operator, over every instance.
    func load(of operatorID: OperatorID) async throws(RoutingCoordinatorError) -> Int

    /// Records that the operator is connected to `instance` (and what they may take: platforms with
    /// their trainings, roles, languages) or not any more.
    func setPresence(_ filter: ClaimFilter, present: Bool, on instance: InstanceID) async throws(RoutingCoordinatorError)

    /// What the operators present on live instances may take, one filter per operator (for
    /// `unstaffed`: a waiting conversation no filter ``ClaimFilter/accepts(_:)`` is served by nobody
    /// present, whether for its platform, its language or the role it asks for).
    func presentStaff(at date: Date) async throws(RoutingCoordinatorError) -> [ClaimFilter]

    /// Creates or extends the instance's lease until `date + duration`. Returns `false` when the lease
    /// had already run out and its conversations were reclaimed: the instance must give up the
    /// conversations it routes (the lease starts afresh).
    func renewLease(of instance: InstanceID, for duration: TimeInterval, at date: Date) async throws(RoutingCoordinatorError) -> Bool

    /// For every instance whose lease ran out before `date`: its taken conversations go back to the
    /// queue at their old place (their operators' units freed), its waiting ones lose their router,
    /// its operators are no longer present, and its lease is dropped. Returns the conversations sent back.
    ///
    /// A conversation whose operator is present on a live instance at that moment (they reconnected
    /// there within the lease) is kept for them: until that instance's lease runs out, only they may
    /// claim it, and their claims take it before anything else; after that, anyone may.
    func reclaimExpired(at date: Date) async throws(RoutingCoordinatorError) -> [ConversationID]
}
