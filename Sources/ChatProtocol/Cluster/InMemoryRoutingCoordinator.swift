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
    private var presence: [InstanceID: [OperatorID: ClaimFilter]] = [:]
    /// Conversations sent back after a crash and kept for their operator, present elsewhere, until a date.
    private var reserved: [ConversationID: (operatorID: OperatorID, until: Date)] = [:]

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
        func fits(_ entry: CoordinatedConversation) -> Bool {
            filter.accepts(entry.requirements) && held.load + filter.cost(of: entry.requirements.kind) <= filter.capacity
        }
        // Their own conversations, kept for them after a crash, first (in priority order).
        let own = reserved.filter { $0.value.operatorID == filter.operatorID && $0.value.until >= date }.keys
            .compactMap { entries[$0] }.filter { $0.operatorID == nil && fits($0) }
            .min { ($0.emergency ? 0 : 1, $0.arrival) < ($1.emergency ? 0 : 1, $1.arrival) }
        if let own {
            take(own.conversation, for: filter, by: instance)
            return entries[own.conversation]
        }
        var cursor = waiting.first(after: nil)
        while let (place, id) = cursor {
            cursor = waiting.first(after: place)
            guard let entry = entries[id], fits(entry) else { continue }
            if let kept = reserved[id], kept.operatorID != filter.operatorID, kept.until >= date { continue }
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
        reserved[conversation] = nil
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
        reserved[conversation] = nil
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

    public func setPresence(_ filter: ClaimFilter, present: Bool, on instance: InstanceID) throws(RoutingCoordinatorError) {
        if present {
            presence[instance, default: [:]][filter.operatorID] = filter
        } else {
            presence[instance]?[filter.operatorID] = nil
        }
    }

    public func presentStaff(at date: Date) throws(RoutingCoordinatorError) -> [ClaimFilter] {
        var staff: [ClaimFilter] = []
        for (instance, operators) in presence where isLive(instance, at: date) {
            staff += operators.values
        }
        return staff.sorted { $0.operatorID.rawValue < $1.operatorID.rawValue }
    }

    private func isLive(_ instance: InstanceID, at date: Date) -> Bool {
        !reclaimed.contains(instance) && (leases[instance].map { $0 >= date } ?? true)
    }

    public func renewLease(of instance: InstanceID, for duration: TimeInterval, at date: Date) throws(RoutingCoordinatorError) -> Bool {
        let kept = !reclaimed.contains(instance) && (leases[instance].map { $0 >= date } ?? true)
        if !kept { reclaim(instance, at: date, dead: [instance]) }
        reclaimed.remove(instance)
        leases[instance] = date.addingTimeInterval(duration)
        return kept
    }

    public func reclaimExpired(at date: Date) throws(RoutingCoordinatorError) -> [ConversationID] {
        var sentBack: [ConversationID] = []
        let dead = leases.filter { $0.value < date }.keys
        for instance in dead {
            sentBack += reclaim(instance, at: date, dead: Set(dead))
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
        reserved[conversation] = nil
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

    /// Sends `instance`'s taken conversations back; each is kept for its operator if they are present
    /// on a live instance (not one of `dead`), until that instance's lease runs out.
    @discardableResult
    private func reclaim(_ instance: InstanceID, at date: Date, dead: Set<InstanceID>) -> [ConversationID] {
        var sentBack: [ConversationID] = []
        for (id, entry) in entries where entry.instance == instance {
            if let operatorID = entry.operatorID {
                free(id)
                sentBack.append(id)
                let until = presence.filter { !dead.contains($0.key) && isLive($0.key, at: date) && $0.value[operatorID] != nil }
                    .compactMap { leases[$0.key] }.max()
                if let until { reserved[id] = (operatorID, until) }
            }
            entries[id]?.instance = nil
        }
        presence[instance] = nil
        return sentBack
    }
}
