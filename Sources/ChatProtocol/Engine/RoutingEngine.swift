import Foundation

/// The routing core: platform queues with emergency priority, operators with skills,
/// capacity units and shifts, and the conversation state machine.
///
/// A plain value with synchronous methods so that it is deterministic and fast: the
/// ``ChatService`` actor owns one (which serialises every change, so no operator ever
/// exceeds capacity under concurrency) and the ``ChatSimulator`` drives the same code on
/// a virtual clock.
///
/// Routing picks, for each waiting conversation in priority order (emergencies first,
/// then arrival order), the eligible operator with the lowest load; ties go to the
/// operator who has waited longest since their last assignment. A long conversation that
/// finds no operator with enough free units reserves the least-loaded eligible operator,
/// so short conversations do not starve it. An emergency waits at the short cost (one unit),
/// so it is taken by the first operator with a free unit; the operator may then convert it.
///
/// Eligibility follows the operator's profile (see ``OperatorProfile``): platforms, language,
/// VSS training for `pnav`, minors training for `espace-mineurs`, the role a hand-off asks for;
/// supervisors only when they take conversations; only operators present (``setPresent(_:_:)``),
/// not paused and on shift.
///
/// Each platform queue is a balanced tree ordered by (emergency first, arrival number): enqueueing,
/// leaving, raising an emergency, the queue position and each step of ``dispatch(now:)`` take
/// O(log n). A conversation sent back to a queue keeps its arrival number, so its old place.
public struct RoutingEngine: Sendable {
    /// Tunables of the engine.
    public struct Configuration: Sendable, Hashable {
        /// Units a short conversation costs (a long one costs the operator's whole capacity).
        public var shortCost: Int
        /// Shift windows are read in this time zone.
        public var timeZone: TimeZone
        /// Whether a translator is available, so that the operator's languages do not restrict routing.
        public var translationAvailable: Bool
        /// Starting estimate of a short conversation's handling time, in seconds (refined as conversations end).
        public var initialShortHandleSeconds: Double
        /// Starting estimate of a long conversation's handling time, in seconds.
        public var initialLongHandleSeconds: Double

        /// Creates a configuration.
        public init(shortCost: Int = 1, timeZone: TimeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt,
                    translationAvailable: Bool = false, initialShortHandleSeconds: Double = 900,
                    initialLongHandleSeconds: Double = 7_200) {
            self.shortCost = shortCost
            self.timeZone = timeZone
            self.translationAvailable = translationAvailable
            self.initialShortHandleSeconds = initialShortHandleSeconds
            self.initialLongHandleSeconds = initialLongHandleSeconds
        }
    }

    /// An operator taking a conversation, as decided by ``dispatch(now:)``.
    public struct Assignment: Sendable, Hashable {
        /// The conversation.
        public var conversation: ConversationID
        /// The operator.
        public var operatorID: OperatorID
        /// What the visitor sees.
        public var pseudonym: String
        /// The operator's role.
        public var role: OperatorRole
        /// How long the conversation waited in its queue (this time), in seconds.
        public var waitedSeconds: Double
    }

    /// A waiting conversation's place, as ``queueStatuses(on:now:)`` reports it.
    public struct QueueStatus: Sendable, Hashable {
        /// The conversation.
        public var conversation: ConversationID
        /// Its 1-based position in its platform's queue.
        public var position: Int
        /// The estimated wait, in seconds (as ``estimatedWaitSeconds(of:now:)``).
        public var estimatedWaitSeconds: Int
        /// Whether someone present serves it (as ``isServed(_:now:)``).
        public var served: Bool
    }

    struct OperatorSlot: Sendable {
        var profile: OperatorProfile
        var paused = false
        /// Whether the operator is there (a service may require a connection, see ``setPresent(_:_:)``).
        var present = true
        var lastAssignmentAt: Date
        var conversations: Set<ConversationID> = []
    }

    struct Record: Sendable {
        var requirements: ConversationRequirements
        var state: ConversationState
        var emergency: Bool
        var order: UInt64
        var enqueuedAt: Date
        var assignedAt: Date?
        var operatorIndex: Int?
        var cost = 0

        /// Where it waits: emergencies first, then arrival order (kept when it comes back to a queue).
        var place: QueuePlace { QueuePlace(emergency: emergency, order: order) }
    }

    /// The configuration.
    public let configuration: Configuration
    private var operators: [OperatorSlot] = []
    // The fields routing reads for every operator on every dispatch, apart (indexed like `operators`).
    /// Units in use.
    private var loads: [Int] = []
    /// Units in all (the profile's capacity).
    private var capacities: [Int] = []
    /// Takes conversations, present and not paused (shifts are checked apart).
    private var active: [Bool] = []
    /// The profile's shifts.
    private var shifts: [[ShiftWindow]] = []
    /// Every second of the day where some shift starts or ends, sorted: who is on shift only changes there.
    private var shiftBoundaries: [Int] = []
    /// Who is on shift during ``onShiftSeconds`` (a span between two boundaries), for ``dispatch(now:)``.
    private var onShiftNow: [Bool] = []
    private var onShiftSeconds: Range<Int>?
    private var operatorIndex: [OperatorID: Int] = [:]
    private var records: [ConversationID: Record] = [:]
    /// One queue per platform, indexed by ``Platform/queueIndex``.
    private var queues = [WaitingQueue](repeating: WaitingQueue(), count: Platform.allCases.count)
    private var nextOrder: UInt64 = 0
    private var meanHandle: [ConversationKind: Double]

    /// Creates an empty engine.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        meanHandle = [.short: configuration.initialShortHandleSeconds, .long: configuration.initialLongHandleSeconds]
    }

    // MARK: Operators

    /// Registers an operator (available at once, within their shifts).
    public mutating func addOperator(_ profile: OperatorProfile, now: Date) throws(ChatEngineError) {
        guard operatorIndex[profile.id] == nil else { throw .duplicateOperator(profile.id) }
        guard profile.capacity >= configuration.shortCost, profile.capacity > 0 else {
            throw .invalidProfile(profile.id, "capacity \(profile.capacity) is below the cost of one short conversation (\(configuration.shortCost))")
        }
        operatorIndex[profile.id] = operators.count
        operators.append(OperatorSlot(profile: profile, lastAssignmentAt: now))
        loads.append(0)
        capacities.append(profile.capacity)
        active.append(profile.takesConversations)
        shifts.append(profile.shifts)
        shiftBoundaries = Array(Set(shiftBoundaries + profile.shifts.flatMap { [$0.start % 86_400, $0.end % 86_400] })).sorted()
        onShiftSeconds = nil
    }

    /// Pauses or un-pauses an operator. A paused operator keeps their conversations but gets no new one.
    public mutating func setPaused(_ id: OperatorID, _ paused: Bool) throws(ChatEngineError) {
        guard let index = operatorIndex[id] else { throw .unknownOperator(id) }
        operators[index].paused = paused
        refreshActive(index)
    }

    /// Marks an operator as present or absent (e.g. connected or not). Operators are present from
    /// ``addOperator(_:now:)`` on; an absent operator keeps their conversations but gets no new one,
    /// and does not count as staffing a platform (``isServed(_:now:)``).
    public mutating func setPresent(_ id: OperatorID, _ present: Bool) throws(ChatEngineError) {
        guard let index = operatorIndex[id] else { throw .unknownOperator(id) }
        operators[index].present = present
        refreshActive(index)
    }

    /// Whether some present, un-paused operator on shift could take a conversation with these
    /// requirements (platform, training, role, language), capacity aside. When not, the
    /// conversation waits for someone who serves it to arrive: tell the visitor.
    public func isServed(_ requirements: ConversationRequirements, now: Date) -> Bool {
        let second = secondOfDay(now)
        var requirements = requirements
        requirements.language = Self.primaryLanguage(requirements.language)
        return operators.indices.contains { isEligible($0, requirements, secondOfDay: second, ignoreRole: false) }
    }

    /// The operator's profile.
    public func profile(of id: OperatorID) -> OperatorProfile? {
        operatorIndex[id].map { operators[$0].profile }
    }

    /// Units in use by the operator.
    public func load(of id: OperatorID) -> Int? { operatorIndex[id].map { loads[$0] } }

    /// The conversations the operator runs.
    public func conversations(of id: OperatorID) -> Set<ConversationID> {
        operatorIndex[id].map { operators[$0].conversations } ?? []
    }

    /// Every registered operator.
    public var operatorIDs: [OperatorID] { operators.map(\.profile.id) }

    // MARK: Conversations

    /// Puts a new conversation in its platform queue.
    public mutating func enqueue(_ id: ConversationID, _ requirements: ConversationRequirements, emergency: Bool = false,
                                 now: Date) throws(ChatEngineError) {
        guard records[id] == nil else { throw .duplicateConversation(id) }
        nextOrder += 1
        var requirements = requirements
        requirements.language = Self.primaryLanguage(requirements.language)
        // An emergency is taken at the short cost, so it never waits for an operator to empty;
        // the operator converts it to long afterwards if needed.
        if emergency { requirements.kind = .short }
        records[id] = Record(requirements: requirements, state: .waiting, emergency: emergency, order: nextOrder, enqueuedAt: now)
        insertInQueue(id)
    }

    /// The conversation's state.
    public func state(of id: ConversationID) -> ConversationState? { records[id]?.state }

    /// The conversation's requirements.
    public func requirements(of id: ConversationID) -> ConversationRequirements? { records[id]?.requirements }

    /// Whether the conversation is an emergency.
    public func isEmergency(_ id: ConversationID) -> Bool { records[id]?.emergency ?? false }

    /// The operator running the conversation.
    public func operatorOf(_ id: ConversationID) -> OperatorProfile? {
        records[id]?.operatorIndex.map { operators[$0].profile }
    }

    /// Marks the conversation as an emergency: it moves ahead of every non-emergency in its queue.
    /// Returns `false` if it already was one.
    @discardableResult
    public mutating func raiseEmergency(_ id: ConversationID) throws(ChatEngineError) -> Bool {
        guard var record = records[id] else { throw .unknownConversation(id) }
        guard !record.state.isFinal else { throw .invalidTransition(from: record.state, transition: .assign) }
        guard !record.emergency else { return false }
        // Out of the queue at its old place, back in ahead of every non-emergency.
        if record.state == .waiting { removeFromQueue(id) }
        record.emergency = true
        if record.state == .waiting { record.requirements.kind = .short }
        records[id] = record
        if record.state == .waiting { insertInQueue(id) }
        return true
    }

    /// Puts the conversation on hold (its operator keeps the capacity).
    public mutating func hold(_ id: ConversationID) throws(ChatEngineError) {
        try transition(id, .hold)
    }

    /// Takes the conversation back from hold.
    public mutating func resume(_ id: ConversationID) throws(ChatEngineError) {
        try transition(id, .resume)
    }

    /// Ends the conversation and frees its operator's units. Returns the freed operator, if any.
    @discardableResult
    public mutating func close(_ id: ConversationID, now: Date) throws(ChatEngineError) -> OperatorID? {
        guard let record = records[id] else { throw .unknownConversation(id) }
        let next = try record.state.applying(.close)
        if record.state == .waiting { removeFromQueue(id) }
        let freed = release(id, now: now, observeHandle: true)
        records[id]?.state = next
        return freed
    }

    /// The visitor left while waiting.
    public mutating func abandon(_ id: ConversationID) throws(ChatEngineError) {
        guard let record = records[id] else { throw .unknownConversation(id) }
        let next = try record.state.applying(.abandon)
        removeFromQueue(id)
        records[id]?.state = next
    }

    /// Moves the conversation: back to a platform queue, to a role (e.g. the psychologist),
    /// or directly to an operator who has room. Returns the direct assignment, if any.
    @discardableResult
    public mutating func transfer(_ id: ConversationID, to target: TransferTarget, now: Date) throws(ChatEngineError) -> Assignment? {
        guard let record = records[id] else { throw .unknownConversation(id) }
        switch target {
        case .platform(let platform), .role(_, let platform):
            let next = try record.state.applying(.transferToQueue)
            if record.state == .waiting { removeFromQueue(id) }
            release(id, now: now, observeHandle: false)
            records[id]?.state = next
            records[id]?.requirements.platform = platform
            if case .role(let role, _) = target { records[id]?.requirements.role = role } else { records[id]?.requirements.role = .officer }
            records[id]?.enqueuedAt = now
            insertInQueue(id)
            return nil
        case .operator(let operatorID):
            guard let index = operatorIndex[operatorID] else { throw .unknownOperator(operatorID) }
            let transition: ConversationState.Transition = record.state == .waiting ? .assign : .transferToOperator
            let next = try record.state.applying(transition)
            var requirements = record.requirements
            requirements.role = operators[index].profile.role
            guard isEligible(index, requirements, secondOfDay: secondOfDay(now), ignoreRole: true) else {
                throw .notEligible(operatorID, id)
            }
            let cost = self.cost(of: record.requirements.kind, for: index)
            let free = capacities[index] - loads[index]
            guard cost <= free || record.operatorIndex == index else { throw .capacityExceeded(operatorID, needed: cost, free: free) }
            if record.state == .waiting { removeFromQueue(id) }
            if record.operatorIndex == index { return nil }
            release(id, now: now, observeHandle: false)
            records[id]?.state = next
            return occupy(id, operator: index, now: now)
        }
    }

    /// Takes back an assignment that was never announced (the store refused its `assigned` event): the
    /// conversation waits again at its old place, and its operator's units are free. Without this, the
    /// engine would keep it with an operator nobody told. Does nothing to a conversation not assigned.
    public mutating func takeBack(_ id: ConversationID, now: Date) {
        guard let record = records[id], record.operatorIndex != nil,
              let next = try? record.state.applying(.transferToQueue) else { return }
        release(id, now: now, observeHandle: false)
        records[id]?.state = next
        insertInQueue(id)
    }

    /// Changes the conversation's kind (short ↔ long). A conversation converted to long takes every
    /// unit its operator has free now and every unit freed later (the operator gets no new conversation
    /// until the others end), so capacity is never exceeded and the conversion never waits.
    public mutating func convert(_ id: ConversationID, to kind: ConversationKind) throws(ChatEngineError) {
        guard let record = records[id] else { throw .unknownConversation(id) }
        guard !record.state.isFinal else { throw .invalidTransition(from: record.state, transition: .assign) }
        records[id]?.requirements.kind = kind
        guard let index = record.operatorIndex else { return }
        let others = loads[index] - record.cost
        let newCost = kind == .long ? capacities[index] - others : configuration.shortCost
        loads[index] = others + newCost
        records[id]?.cost = newCost
    }

    /// Whether the operator may be given a conversation now: present, not paused, on shift, and
    /// taking conversations (capacity aside). A ``RoutingCoordinator`` claims only for them.
    public func isAvailable(_ id: OperatorID, now: Date) -> Bool {
        guard let index = operatorIndex[id] else { return false }
        return isPresent(index, secondOfDay: secondOfDay(now))
    }

    /// Gives up a waiting conversation that another instance's operator took (through a
    /// ``RoutingCoordinator``): it leaves the queue and this engine, whatever its state.
    public mutating func handOver(_ id: ConversationID, now: Date) {
        guard let record = records[id] else { return }
        if record.state == .waiting { removeFromQueue(id) }
        release(id, now: now, observeHandle: false)
        records[id] = nil
    }

    /// Forgets a finished conversation (to bound memory).
    public mutating func forget(_ id: ConversationID) {
        if let record = records[id], record.state.isFinal { records[id] = nil }
    }

    // MARK: Routing

    /// Assigns as many waiting conversations as the operators' free capacity allows, in priority order.
    ///
    /// Walks the platform queues merged in priority order (emergencies first, then arrival order),
    /// O(log n) per conversation looked at; a platform that no available operator serves is not walked.
    public mutating func dispatch(now: Date) -> [Assignment] {
        let second = secondOfDay(now)
        refreshShifts(secondOfDay: second)
        var available = [Bool](repeating: false, count: operators.count)
        var availableCount = 0
        var platformOpen = [Bool](repeating: false, count: queues.count)
        for index in operators.indices where loads[index] < capacities[index] && active[index] && onShiftNow[index] {
            available[index] = true
            availableCount += 1
            for platform in operators[index].profile.platforms { platformOpen[platform.queueIndex] = true }
        }
        guard availableCount > 0 else { return [] }
        var assignments: [Assignment] = []
        // The next conversation to look at in each queue; a queue is walked by place, so taking
        // a conversation out of it does not disturb the walk.
        var heads = queues.indices.map { platformOpen[$0] ? queues[$0].first(after: nil) : nil }
        while availableCount > 0 {
            var best: Int?
            for p in heads.indices {
                guard let head = heads[p] else { continue }
                if let current = best, let other = heads[current], other.place < head.place { continue }
                best = p
            }
            guard let p = best, let (place, id) = heads[p] else { break }
            heads[p] = queues[p].first(after: place)
            guard let record = records[id] else { continue }
            var chosen: Int?
            var leastLoadedEligible: Int?
            for index in operators.indices where available[index] {
                guard isEligible(index, record.requirements, secondOfDay: second, ignoreRole: false) else { continue }
                let load = loads[index]
                if leastLoadedEligible.map({ load < loads[$0] }) ?? true { leastLoadedEligible = index }
                guard cost(of: record.requirements.kind, for: index) <= capacities[index] - load else { continue }
                if let current = chosen {
                    if load < loads[current] || (load == loads[current] && operators[index].lastAssignmentAt < operators[current].lastAssignmentAt) {
                        chosen = index
                    }
                } else {
                    chosen = index
                }
            }
            if let index = chosen {
                queues[p].remove(at: place)
                var assignment = occupy(id, operator: index, now: now)
                assignment.waitedSeconds = now.timeIntervalSince(record.enqueuedAt)
                assignments.append(assignment)
                if loads[index] >= capacities[index] {
                    available[index] = false
                    availableCount -= 1
                }
            } else if let reserved = leastLoadedEligible, cost(of: record.requirements.kind, for: reserved) > configuration.shortCost {
                // Keep the least-loaded eligible operator for this long conversation.
                available[reserved] = false
                availableCount -= 1
            }
        }
        return assignments
    }

    /// The 1-based position of a waiting conversation in its platform queue.
    public func queuePosition(of id: ConversationID) -> Int? {
        guard let record = records[id], record.state == .waiting else { return nil }
        let queue = queues[record.requirements.platform.queueIndex]
        guard queue.contains(record.place) else { return nil }
        return queue.position(of: record.place)
    }

    /// The waiting conversations of a platform in priority order.
    public func waiting(on platform: Platform) -> [ConversationID] { queues[platform.queueIndex].conversations }

    /// How many conversations wait on a platform.
    public func waitingCount(on platform: Platform) -> Int { queues[platform.queueIndex].count }

    /// An estimate of the wait, in seconds, for a waiting conversation: its position times
    /// the mean handling time (learnt from closed conversations) over the number of
    /// conversations the available eligible operators can run at once.
    public func estimatedWaitSeconds(of id: ConversationID, now: Date) -> Int? {
        guard let position = queuePosition(of: id), let record = records[id] else { return nil }
        return estimatedWaitSeconds(position: position, requirements: record.requirements, servers: servers(for: record.requirements, secondOfDay: secondOfDay(now)))
    }

    /// Every waiting conversation of a platform in priority order, with its 1-based position and
    /// estimated wait (as ``estimatedWaitSeconds(of:now:)``) and whether someone present serves it
    /// (as ``isServed(_:now:)``). One pass: O(n) plus one look at the operators per distinct requirement.
    public func queueStatuses(on platform: Platform, now: Date) -> [QueueStatus] {
        let second = secondOfDay(now)
        var serversByRequirements: [ConversationRequirements: Int] = [:]
        var servedByRequirements: [ConversationRequirements: Bool] = [:]
        var result: [QueueStatus] = []
        for (offset, id) in queues[platform.queueIndex].conversations.enumerated() {
            guard let requirements = records[id]?.requirements else { continue }
            let servers: Int
            if let known = serversByRequirements[requirements] {
                servers = known
            } else {
                servers = self.servers(for: requirements, secondOfDay: second)
                serversByRequirements[requirements] = servers
            }
            let served: Bool
            if let known = servedByRequirements[requirements] {
                served = known
            } else {
                served = operators.indices.contains { isEligible($0, requirements, secondOfDay: second, ignoreRole: false) }
                servedByRequirements[requirements] = served
            }
            result.append(QueueStatus(conversation: id, position: offset + 1,
                                      estimatedWaitSeconds: estimatedWaitSeconds(position: offset + 1, requirements: requirements, servers: servers),
                                      served: served))
        }
        return result
    }

    /// Conversations the available eligible operators can run at once.
    private func servers(for requirements: ConversationRequirements, secondOfDay second: Int) -> Int {
        var servers = 0
        for index in operators.indices where isEligible(index, requirements, secondOfDay: second, ignoreRole: false) {
            servers += requirements.kind == .long ? 1 : capacities[index] / max(1, configuration.shortCost)
        }
        return servers
    }

    private func estimatedWaitSeconds(position: Int, requirements: ConversationRequirements, servers: Int) -> Int {
        let handle = meanHandle[requirements.kind] ?? configuration.initialShortHandleSeconds
        guard servers > 0 else { return Int(handle * Double(position)) }
        return Int((Double(position) * handle / Double(servers)).rounded())
    }

    // MARK: Internals

    /// `fr-FR` → `fr`.
    static func primaryLanguage(_ tag: String) -> String {
        (tag.split(separator: "-").first.map(String.init) ?? tag).lowercased()
    }

    private mutating func transition(_ id: ConversationID, _ transition: ConversationState.Transition) throws(ChatEngineError) {
        guard let record = records[id] else { throw .unknownConversation(id) }
        records[id]?.state = try record.state.applying(transition)
    }

    private func cost(of kind: ConversationKind, for index: Int) -> Int {
        kind == .short ? configuration.shortCost : capacities[index]
    }

    private mutating func occupy(_ id: ConversationID, operator index: Int, now: Date) -> Assignment {
        let cost = self.cost(of: records[id]?.requirements.kind ?? .short, for: index)
        loads[index] += cost
        operators[index].lastAssignmentAt = now
        operators[index].conversations.insert(id)
        records[id]?.operatorIndex = index
        records[id]?.cost = cost
        records[id]?.assignedAt = now
        records[id]?.state = .assigned
        let profile = operators[index].profile
        // A supervisor who takes a conversation does it as an officer, and the visitor sees an officer.
        let role: OperatorRole = profile.role == .supervisor ? .officer : profile.role
        return Assignment(conversation: id, operatorID: profile.id, pseudonym: profile.pseudonym, role: role, waitedSeconds: 0)
    }

    @discardableResult
    private mutating func release(_ id: ConversationID, now: Date, observeHandle: Bool) -> OperatorID? {
        guard let record = records[id], let index = record.operatorIndex else { return nil }
        loads[index] -= record.cost
        operators[index].conversations.remove(id)
        records[id]?.operatorIndex = nil
        records[id]?.cost = 0
        // A long conversation of the same operator absorbs the freed units.
        if let long = operators[index].conversations.first(where: { records[$0]?.requirements.kind == .long }) {
            let free = capacities[index] - loads[index]
            records[long]?.cost += free
            loads[index] += free
        }
        if observeHandle, let assignedAt = record.assignedAt {
            let kind = record.requirements.kind
            let observed = now.timeIntervalSince(assignedAt)
            meanHandle[kind] = 0.9 * (meanHandle[kind] ?? observed) + 0.1 * observed
        }
        return operators[index].profile.id
    }

    /// Puts the conversation in its platform's queue at its place (O(log n)).
    private mutating func insertInQueue(_ id: ConversationID) {
        guard let record = records[id] else { return }
        queues[record.requirements.platform.queueIndex].insert(id, at: record.place)
    }

    /// Takes the conversation out of its platform's queue, from the place its record gives (O(log n)).
    private mutating func removeFromQueue(_ id: ConversationID) {
        guard let record = records[id] else { return }
        queues[record.requirements.platform.queueIndex].remove(at: record.place)
    }

    private func secondOfDay(_ now: Date) -> Int {
        let offset = configuration.timeZone.secondsFromGMT(for: now)
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + offset
        return ((seconds % 86_400) + 86_400) % 86_400
    }

    private func onShift(_ index: Int, secondOfDay: Int) -> Bool {
        shifts[index].isEmpty || shifts[index].contains { $0.contains(secondOfDay: secondOfDay) }
    }

    /// Takes conversations, present, not paused and on shift.
    private func isPresent(_ index: Int, secondOfDay: Int) -> Bool {
        active[index] && onShift(index, secondOfDay: secondOfDay)
    }

    /// Recomputes who is on shift when `second` leaves the span the flags hold for.
    private mutating func refreshShifts(secondOfDay second: Int) {
        if let span = onShiftSeconds, span.contains(second) { return }
        onShiftNow = operators.indices.map { onShift($0, secondOfDay: second) }
        let start = shiftBoundaries.last { $0 <= second } ?? 0
        let end = shiftBoundaries.first { $0 > second } ?? 86_400
        onShiftSeconds = start..<end
    }

    private mutating func refreshActive(_ index: Int) {
        active[index] = operators[index].profile.takesConversations && operators[index].present && !operators[index].paused
    }

    /// Whether the operator fills `role`: a supervisor who takes conversations stands in for an officer.
    static func fills(_ profile: OperatorProfile, _ role: OperatorRole) -> Bool {
        switch (profile.role, role) {
        case (.officer, .officer), (.psychologist, .psychologist): true
        case (.supervisor, .officer), (.supervisor, .supervisor): profile.takesConversations
        case (.officer, _), (.psychologist, _), (.supervisor, .psychologist): false
        }
    }

    private func isEligible(_ index: Int, _ requirements: ConversationRequirements, secondOfDay: Int, ignoreRole: Bool) -> Bool {
        guard isPresent(index, secondOfDay: secondOfDay) else { return false }
        let profile = operators[index].profile
        if !ignoreRole, !Self.fills(profile, requirements.role) { return false }
        guard profile.platforms.contains(requirements.platform) else { return false }
        switch requirements.platform {
        case .pnav: if !profile.isVSSQualified { return false }
        case .espaceMineurs: if !profile.minors { return false }
        case .tchat: break
        }
        if !configuration.translationAvailable, !profile.languages.contains(requirements.language) { return false }
        return true
    }
}
