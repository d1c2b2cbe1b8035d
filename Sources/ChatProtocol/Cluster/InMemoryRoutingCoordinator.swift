import Foundation

/// A ``RoutingCoordinator`` in memory: one queue for the ``ChatService`` instances of one process
/// (and for tests). An actor, so each call is one atomic step.
///
/// The waiting conversations sit in a tree ordered by (emergency first, arrival number), so a
/// claim walks them in priority order and stops at the first one the operator may take.
public actor InMemoryRoutingCoordinator: RoutingCoordinator {
    private struct OperatorUnits {
        var load = 0
        var longCount = 0
    }

    private var entries: [ConversationID: CoordinatedConversation] = [:]
    /// Waiting conversations in priority order.
    private var waiting = WaitingQueue()
    private var nextArrival: UInt64 = 0
    private var units: [OperatorID: OperatorUnits] = [:]
    private var leases: [InstanceID: Date] = [:]
    /// Instances whose lease ran out and whose conversations were sent back (until they renew).
    private var reclaimed: Set<InstanceID> = []
    private var presence: [InstanceID: [OperatorID: Set<Platform>]] = [:]

    /// Creates an empty coordinator.
    public init() {}

    private static func place(_ entry: CoordinatedConversation) -> QueuePlace {
        QueuePlace(emergency: entry.emergency, order: entry.arrival)
    }

    public func enqueue(_ conversation: ConversationID, requirements: ConversationRequirements, emergency: Bool, at date: Date,
                        by instance: InstanceID) throws(RoutingCoordinatorError) {
        guard entries[conversation] == nil else { return }
        nextArrival += 1
        var requirements = requirements
        if emergency { requirements.kind = .short }
        let entry = CoordinatedConversation(conversation: conversation, requirements: requirements, emergency: emergency,
                                            arrival: nextArrival, enqueuedAt: date, instance: instance)
        entries[conversation] = entry
        waiting.insert(conversation, at: Self.place(entry))
    }

    @discardableResult
    public func raiseEmergency(_ conversation: ConversationID) throws(RoutingCoordinatorError) -> Bool {
        guard var entry = entries[conversation], !entry.emergency else { return false }
        let isWaiting = entry.operatorID == nil
        if isWaiting { waiting.remove(at: Self.place(entry)) }
        entry.emergency = true
        if isWaiting {
            entry.requirements.kind = .short
            waiting.insert(conversation, at: Self.place(entry))
        }
        entries[conversation] = entry
        return true
    }

    public func claim(for filter: ClaimFilter, by instance: InstanceID, at date: Date) throws(RoutingCoordinatorError) -> CoordinatedConversation? {
        let held = units[filter.operatorID] ?? OperatorUnits()
        guard held.longCount == 0 else { return nil }
        var cursor = waiting.first(after: nil)
        while let (place, id) = cursor {
            cursor = waiting.first(after: place)
            guard let entry = entries[id], filter.accepts(entry.requirements) else { continue }
            guard held.load + filter.cost(of: entry.requirements.kind) <= filter.capacity else { continue }
            take(id, for: filter, by: instance)
            return entries[id]
        }
        return nil
    }

    public func assign(_ conversation: ConversationID, to filter: ClaimFilter, by instance: InstanceID,
                       at date: Date) throws(RoutingCoordinatorError) -> Bool {
        guard let entry = entries[conversation] else { return false }
        if entry.operatorID == filter.operatorID { return true }
        let held = units[filter.operatorID] ?? OperatorUnits()
        guard held.longCount == 0, held.load + filter.cost(of: entry.requirements.kind) <= filter.capacity else { return false }
        free(conversation)
        take(conversation, for: filter, by: instance)
        return true
    }

    public func requeue(_ conversation: ConversationID, requirements: ConversationRequirements, at date: Date,
                        by instance: InstanceID) throws(RoutingCoordinatorError) {
        guard entries[conversation] != nil else { return }
        free(conversation)
        entries[conversation]?.requirements = requirements
        if entries[conversation]?.emergency == true { entries[conversation]?.requirements.kind = .short }
        entries[conversation]?.instance = instance
        entries[conversation]?.enqueuedAt = date
    }

    public func convert(_ conversation: ConversationID, to kind: ConversationKind) throws(RoutingCoordinatorError) {
        guard var entry = entries[conversation] else { return }
        let wasLong = entry.requirements.kind == .long
        entry.requirements.kind = kind
        if let operatorID = entry.operatorID {
            var held = units[operatorID] ?? OperatorUnits()
            let others = held.load - entry.cost
            // A long conversation takes every unit the operator has free; a short one costs one unit again.
            let capacity = capacities[operatorID] ?? held.load
            let newCost = kind == .long ? max(entry.cost, capacity - others) : 1
            held.load = others + newCost
            held.longCount += (kind == .long ? 1 : 0) - (wasLong ? 1 : 0)
            units[operatorID] = held
            entry.cost = newCost
        }
        entries[conversation] = entry
    }

    public func finish(_ conversation: ConversationID) throws(RoutingCoordinatorError) {
        guard entries[conversation] != nil else { return }
        free(conversation)
        entries[conversation] = nil
    }

    public func entry(of conversation: ConversationID) throws(RoutingCoordinatorError) -> CoordinatedConversation? {
        entries[conversation]
    }

    public func position(of conversation: ConversationID) throws(RoutingCoordinatorError) -> Int? {
        guard let entry = entries[conversation], entry.operatorID == nil else { return nil }
        var position = 0
        var cursor = waiting.first(after: nil)
        while let (place, id) = cursor {
            if entries[id]?.requirements.platform == entry.requirements.platform { position += 1 }
            if id == conversation { return position }
            cursor = waiting.first(after: place)
        }
        return nil
    }

    public func load(of operatorID: OperatorID) throws(RoutingCoordinatorError) -> Int { units[operatorID]?.load ?? 0 }

    public func setPresence(_ operatorID: OperatorID, platforms: Set<Platform>, present: Bool,
                            on instance: InstanceID) throws(RoutingCoordinatorError) {
        if present {
            presence[instance, default: [:]][operatorID] = platforms
        } else {
            presence[instance]?[operatorID] = nil
        }
    }

    public func servedPlatforms(at date: Date) throws(RoutingCoordinatorError) -> Set<Platform> {
        var served: Set<Platform> = []
        for (instance, operators) in presence where !reclaimed.contains(instance) && (leases[instance].map { $0 >= date } ?? true) {
            for platforms in operators.values { served.formUnion(platforms) }
        }
        return served
    }

    public func renewLease(of instance: InstanceID, for duration: TimeInterval, at date: Date) throws(RoutingCoordinatorError) -> Bool {
        let kept = !reclaimed.contains(instance) && (leases[instance].map { $0 >= date } ?? true)
        if !kept { reclaim(instance) }
        reclaimed.remove(instance)
        leases[instance] = date.addingTimeInterval(duration)
        return kept
    }

    public func reclaimExpired(at date: Date) throws(RoutingCoordinatorError) -> [ConversationID] {
        var sentBack: [ConversationID] = []
        for (instance, expiry) in leases where expiry < date {
            sentBack += reclaim(instance)
            leases[instance] = nil
            reclaimed.insert(instance)
        }
        return sentBack.sorted { (entries[$0]?.arrival ?? 0) < (entries[$1]?.arrival ?? 0) }
    }

    // MARK: Internals

    /// Capacities seen in claims, for conversions (the filter carries the capacity; conversions do not).
    private var capacities: [OperatorID: Int] = [:]

    private func take(_ conversation: ConversationID, for filter: ClaimFilter, by instance: InstanceID) {
        guard var entry = entries[conversation] else { return }
        if entry.operatorID == nil { waiting.remove(at: Self.place(entry)) }
        let cost = filter.cost(of: entry.requirements.kind)
        var held = units[filter.operatorID] ?? OperatorUnits()
        held.load += cost
        if entry.requirements.kind == .long { held.longCount += 1 }
        units[filter.operatorID] = held
        capacities[filter.operatorID] = filter.capacity
        entry.operatorID = filter.operatorID
        entry.instance = instance
        entry.cost = cost
        entries[conversation] = entry
    }

    /// Frees the conversation's operator and puts it back in the waiting tree at its old place.
    private func free(_ conversation: ConversationID) {
        guard var entry = entries[conversation] else { return }
        if let operatorID = entry.operatorID {
            var held = units[operatorID] ?? OperatorUnits()
            held.load = max(0, held.load - entry.cost)
            if entry.requirements.kind == .long { held.longCount = max(0, held.longCount - 1) }
            units[operatorID] = held
            entry.operatorID = nil
            entry.cost = 0
            entries[conversation] = entry
            waiting.insert(conversation, at: Self.place(entry))
        }
    }

    @discardableResult
    private func reclaim(_ instance: InstanceID) -> [ConversationID] {
        var sentBack: [ConversationID] = []
        for (id, entry) in entries where entry.instance == instance {
            if entry.operatorID != nil {
                free(id)
                sentBack.append(id)
            }
            entries[id]?.instance = nil
        }
        presence[instance] = nil
        return sentBack
    }
}
