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
/// so short conversations do not starve it.
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

    struct OperatorSlot: Sendable {
        var profile: OperatorProfile
        var load = 0
        var paused = false
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
    }

    /// The configuration.
    public let configuration: Configuration
    private var operators: [OperatorSlot] = []
    private var operatorIndex: [OperatorID: Int] = [:]
    private var records: [ConversationID: Record] = [:]
    private var queues: [Platform: [ConversationID]] = [:]
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
    }

    /// Pauses or un-pauses an operator. A paused operator keeps their conversations but gets no new one.
    public mutating func setPaused(_ id: OperatorID, _ paused: Bool) throws(ChatEngineError) {
        guard let index = operatorIndex[id] else { throw .unknownOperator(id) }
        operators[index].paused = paused
    }

    /// The operator's profile.
    public func profile(of id: OperatorID) -> OperatorProfile? {
        operatorIndex[id].map { operators[$0].profile }
    }

    /// Units in use by the operator.
    public func load(of id: OperatorID) -> Int? { operatorIndex[id].map { operators[$0].load } }

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
        record.emergency = true
        records[id] = record
        if record.state == .waiting {
            removeFromQueue(id, platform: record.requirements.platform)
            insertInQueue(id)
        }
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
        if record.state == .waiting { removeFromQueue(id, platform: record.requirements.platform) }
        let freed = release(id, now: now, observeHandle: true)
        records[id]?.state = next
        return freed
    }

    /// The visitor left while waiting.
    public mutating func abandon(_ id: ConversationID) throws(ChatEngineError) {
        guard let record = records[id] else { throw .unknownConversation(id) }
        let next = try record.state.applying(.abandon)
        removeFromQueue(id, platform: record.requirements.platform)
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
            if record.state == .waiting { removeFromQueue(id, platform: record.requirements.platform) }
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
            let free = operators[index].profile.capacity - operators[index].load
            guard cost <= free || record.operatorIndex == index else { throw .capacityExceeded(operatorID, needed: cost, free: free) }
            if record.state == .waiting { removeFromQueue(id, platform: record.requirements.platform) }
            if record.operatorIndex == index { return nil }
            release(id, now: now, observeHandle: false)
            records[id]?.state = next
            return occupy(id, operator: index, now: now)
        }
    }

    /// Changes the conversation's kind (short ↔ long). If it is taken, its operator must have room for the new cost.
    public mutating func convert(_ id: ConversationID, to kind: ConversationKind) throws(ChatEngineError) {
        guard let record = records[id] else { throw .unknownConversation(id) }
        guard !record.state.isFinal else { throw .invalidTransition(from: record.state, transition: .assign) }
        if let index = record.operatorIndex {
            let newCost = cost(of: kind, for: index)
            let free = operators[index].profile.capacity - operators[index].load + record.cost
            guard newCost <= free else { throw .capacityExceeded(operators[index].profile.id, needed: newCost, free: free) }
            operators[index].load += newCost - record.cost
            records[id]?.cost = newCost
        }
        records[id]?.requirements.kind = kind
    }

    /// Forgets a finished conversation (to bound memory).
    public mutating func forget(_ id: ConversationID) {
        if let record = records[id], record.state.isFinal { records[id] = nil }
    }

    // MARK: Routing

    /// Assigns as many waiting conversations as the operators' free capacity allows, in priority order.
    public mutating func dispatch(now: Date) -> [Assignment] {
        let second = secondOfDay(now)
        var available = [Bool](repeating: false, count: operators.count)
        var anyRoom = false
        for index in operators.indices where !operators[index].paused && onShift(index, secondOfDay: second)
            && operators[index].load < operators[index].profile.capacity {
            available[index] = true
            anyRoom = true
        }
        guard anyRoom else { return [] }
        var assignments: [Assignment] = []
        let platforms = Platform.allCases
        var cursors = [Int](repeating: 0, count: platforms.count)
        var taken: [Platform: Set<ConversationID>] = [:]
        while true {
            // The best head among the platform queues: emergencies first, then arrival order.
            var best: (platform: Int, id: ConversationID, record: Record)?
            for (p, platform) in platforms.enumerated() {
                guard let queue = queues[platform], cursors[p] < queue.count else { continue }
                let id = queue[cursors[p]]
                guard let record = records[id] else { continue }
                if let current = best {
                    if (record.emergency && !current.record.emergency)
                        || (record.emergency == current.record.emergency && record.order < current.record.order) {
                        best = (p, id, record)
                    }
                } else {
                    best = (p, id, record)
                }
            }
            guard let (p, id, record) = best else { break }
            cursors[p] += 1
            var chosen: Int?
            var leastLoadedEligible: Int?
            for index in operators.indices where available[index] {
                guard isEligible(index, record.requirements, secondOfDay: second, ignoreRole: false) else { continue }
                let slot = operators[index]
                if leastLoadedEligible.map({ slot.load < operators[$0].load }) ?? true { leastLoadedEligible = index }
                guard cost(of: record.requirements.kind, for: index) <= slot.profile.capacity - slot.load else { continue }
                if let current = chosen {
                    let other = operators[current]
                    if slot.load < other.load || (slot.load == other.load && slot.lastAssignmentAt < other.lastAssignmentAt) {
                        chosen = index
                    }
                } else {
                    chosen = index
                }
            }
            if let index = chosen {
                var assignment = occupy(id, operator: index, now: now)
                assignment.waitedSeconds = now.timeIntervalSince(record.enqueuedAt)
                records[id]?.state = .assigned
                taken[platforms[p], default: []].insert(id)
                assignments.append(assignment)
                if operators[index].load >= operators[index].profile.capacity { available[index] = false }
            } else if let reserved = leastLoadedEligible, cost(of: record.requirements.kind, for: reserved) > configuration.shortCost {
                // Keep the least-loaded eligible operator for this long conversation.
                available[reserved] = false
            }
            if !available.contains(true) { break }
        }
        for (platform, ids) in taken {
            queues[platform]?.removeAll { ids.contains($0) }
        }
        return assignments
    }

    /// The 1-based position of a waiting conversation in its platform queue.
    public func queuePosition(of id: ConversationID) -> Int? {
        guard let record = records[id], record.state == .waiting,
              let index = queues[record.requirements.platform]?.firstIndex(of: id) else { return nil }
        return index + 1
    }

    /// The waiting conversations of a platform in priority order.
    public func waiting(on platform: Platform) -> [ConversationID] { queues[platform] ?? [] }

    /// An estimate of the wait, in seconds, for a waiting conversation: its position times
    /// the mean handling time (learnt from closed conversations) over the number of
    /// conversations the available eligible operators can run at once.
    public func estimatedWaitSeconds(of id: ConversationID, now: Date) -> Int? {
        guard let position = queuePosition(of: id), let record = records[id] else { return nil }
        let second = secondOfDay(now)
        var servers = 0
        for index in operators.indices where !operators[index].paused
            && isEligible(index, record.requirements, secondOfDay: second, ignoreRole: false) {
            servers += record.requirements.kind == .long ? 1 : operators[index].profile.capacity / max(1, configuration.shortCost)
        }
        let handle = meanHandle[record.requirements.kind] ?? configuration.initialShortHandleSeconds
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
        kind == .short ? configuration.shortCost : operators[index].profile.capacity
    }

    private mutating func occupy(_ id: ConversationID, operator index: Int, now: Date) -> Assignment {
        let cost = self.cost(of: records[id]?.requirements.kind ?? .short, for: index)
        operators[index].load += cost
        operators[index].lastAssignmentAt = now
        operators[index].conversations.insert(id)
        records[id]?.operatorIndex = index
        records[id]?.cost = cost
        records[id]?.assignedAt = now
        records[id]?.state = .assigned
        let profile = operators[index].profile
        return Assignment(conversation: id, operatorID: profile.id, pseudonym: profile.pseudonym, role: profile.role, waitedSeconds: 0)
    }

    @discardableResult
    private mutating func release(_ id: ConversationID, now: Date, observeHandle: Bool) -> OperatorID? {
        guard let record = records[id], let index = record.operatorIndex else { return nil }
        operators[index].load -= record.cost
        operators[index].conversations.remove(id)
        records[id]?.operatorIndex = nil
        records[id]?.cost = 0
        if observeHandle, let assignedAt = record.assignedAt {
            let kind = record.requirements.kind
            let observed = now.timeIntervalSince(assignedAt)
            meanHandle[kind] = 0.9 * (meanHandle[kind] ?? observed) + 0.1 * observed
        }
        return operators[index].profile.id
    }

    private mutating func insertInQueue(_ id: ConversationID) {
        guard let record = records[id] else { return }
        let platform = record.requirements.platform
        var queue = queues[platform] ?? []
        queues[platform] = []
        // Emergencies before the rest; arrival order within each class.
        var low = 0, high = queue.count
        while low < high {
            let mid = (low + high) / 2
            let other = records[queue[mid]]
            let otherFirst = other.map { ($0.emergency && !record.emergency) || ($0.emergency == record.emergency && $0.order < record.order) } ?? true
            if otherFirst { low = mid + 1 } else { high = mid }
        }
        queue.insert(id, at: low)
        queues[platform] = queue
    }

    private mutating func removeFromQueue(_ id: ConversationID, platform: Platform) {
        if let index = queues[platform]?.firstIndex(of: id) { queues[platform]?.remove(at: index) }
    }

    private func secondOfDay(_ now: Date) -> Int {
        let offset = configuration.timeZone.secondsFromGMT(for: now)
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + offset
        return ((seconds % 86_400) + 86_400) % 86_400
    }

    private func onShift(_ index: Int, secondOfDay: Int) -> Bool {
        let shifts = operators[index].profile.shifts
        return shifts.isEmpty || shifts.contains { $0.contains(secondOfDay: secondOfDay) }
    }

    private func isEligible(_ index: Int, _ requirements: ConversationRequirements, secondOfDay: Int, ignoreRole: Bool) -> Bool {
        let slot = operators[index]
        let profile = slot.profile
        guard !slot.paused, onShift(index, secondOfDay: secondOfDay) else { return false }
        if !ignoreRole, profile.role != requirements.role { return false }
        guard profile.platforms.contains(requirements.platform) else { return false }
        switch requirements.platform {
        case .pnav: if !profile.vssTrained && profile.role == .officer { return false }
        case .espaceMineurs: if !profile.minors { return false }
        case .tchat: break
        }
        if !configuration.translationAvailable, !profile.languages.contains(requirements.language) { return false }
        return true
    }
}
