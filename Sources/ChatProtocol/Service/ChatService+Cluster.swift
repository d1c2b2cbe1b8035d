import Foundation

/// One queue across instances: with a ``RoutingCoordinator``, each instance claims waiting
/// conversations of the whole cluster for the operators connected to it, routes the ones its
/// operators took, hands over the ones another instance's operator took, and keeps its lease.
extension ChatService {
    /// Claims, for each operator connected here with room, the first conversation of the cluster's
    /// queue they may take (least-loaded operators first, one conversation each per round), until no
    /// claim succeeds; then updates what waiting visitors were told. One pass at a time.
    func route(through coordinator: any RoutingCoordinator) async {
        if routingPass {
            routeAgain = true
            return
        }
        routingPass = true
        repeat {
            routeAgain = false
            await retryUnsentSendBacks()
            var candidates = engine.operatorIDs.filter { engine.isAvailable($0, now: clock.now()) }
            while !candidates.isEmpty {
                candidates.sort { (engine.load(of: $0) ?? 0, $0.rawValue) < (engine.load(of: $1) ?? 0, $1.rawValue) }
                var again: [OperatorID] = []
                for operatorID in candidates {
                    guard engine.isAvailable(operatorID, now: clock.now()), let profile = engine.profile(of: operatorID) else { continue }
                    let filter = claimFilter(profile)
                    let claimed: CoordinatedConversation?
                    do {
                        claimed = try await coordinator.claim(for: filter, by: instance, at: clock.now())
                    } catch {
                        continue  // the next pass (or the cluster's periodic call) tries again
                    }
                    guard let claimed else { continue }
                    if await adopt(claimed, for: operatorID, coordinator: coordinator) { again.append(operatorID) }
                }
                candidates = again
            }
        } while routeAgain
        routingPass = false
        await updateQueueNotices()
    }

    /// Tells the service that the cluster's queue changed elsewhere (a conversation enqueued or sent
    /// back, units freed): it claims what its connected operators may now take. A transport calls it
    /// for each announcement of the coordinator (PostgreSQL `NOTIFY`, for instance); without
    /// announcements, ``maintainCluster(leaseDuration:)`` routes every few seconds anyway.
    public func queueDidChange() async {
        await route()
    }

    /// What the coordinator must know of an operator to claim for them.
    func claimFilter(_ profile: OperatorProfile) -> ClaimFilter {
        ClaimFilter(profile: profile, anyLanguage: engine.configuration.translationAvailable, shortCost: engine.configuration.shortCost)
    }

    /// Routes from now on a conversation the coordinator gave to an operator connected here, and
    /// announces the assignment. A conversation opened elsewhere (its instance may be gone) is first
    /// followed from the store. Returns whether the operator may be asked for another one.
    private func adopt(_ entry: CoordinatedConversation, for operatorID: OperatorID, coordinator: any RoutingCoordinator) async -> Bool {
        let id = entry.conversation
        if conversations[id]?.isHome != true || engine.state(of: id) == nil {
            guard let recordStore, let record = try? await recordStore.record(of: id),
                  let conversation = try? await follow(id, record: record) else {
                // Its record cannot be read now: back to its place, for a later pass.
                await sendBack(id, requirements: entry.requirements, enqueuedAt: entry.enqueuedAt)
                return false
            }
            if conversation.mirror.state.isFinal {
                // Ended while it waited (its visitor left elsewhere): nothing to take.
                try? await coordinator.finish(id)
                return true
            }
            if !conversation.isHome {
                conversation.isHome = true
                engine.handOver(id, now: clock.now())
                try? engine.enqueue(id, entry.requirements, emergency: entry.emergency || conversation.mirror.emergency, now: entry.enqueuedAt)
            }
        }
        do {
            guard var assignment = try engine.transfer(id, to: .operator(operatorID), now: clock.now()) else { return true }
            assignment.waitedSeconds = clock.now().timeIntervalSince(entry.enqueuedAt)
            try await announce(assignment)
            return true
        } catch {
            // Not announced (the store refused `assigned`, or the operator has no room here): the engine takes it
            // back too, or the next claim would find it already with this operator and announce nothing.
            takeBack(id, from: operatorID)
            await sendBack(id, requirements: entry.requirements, enqueuedAt: entry.enqueuedAt)
            return false
        }
    }

    /// Sends a conversation back to the cluster's queue at its old place. When the coordinator refuses (its store is
    /// down), the entry would stay "taken here" for as long as this instance keeps its lease, and the visitor would
    /// wait for ever: the conversation is remembered and sent back at the start of each routing pass until it goes.
    func sendBack(_ id: ConversationID, requirements: ConversationRequirements, enqueuedAt: Date) async {
        guard let coordinator else { return }
        do {
            try await coordinator.requeue(id, requirements: requirements, at: enqueuedAt, by: instance)
            unsentSendBacks[id] = nil
        } catch {
            unsentSendBacks[id] = (requirements, enqueuedAt)
        }
    }

    /// Sends back again what the coordinator refused to take back earlier, unless it has since ended, been handed
    /// over or been taken by an operator here, or its entry is no longer taken through this instance (its lease ran
    /// out and the queue moved on without it).
    func retryUnsentSendBacks() async {
        guard let coordinator else { return }
        for (id, pending) in unsentSendBacks {
            if let conversation = conversations[id], !(conversation.isHome && engine.state(of: id) == .waiting) {
                unsentSendBacks[id] = nil
                continue
            }
            let entry: CoordinatedConversation?
            do { entry = try await coordinator.entry(of: id) } catch { continue }  // still refused: the next pass
            guard let entry, entry.instance == instance, entry.operatorID != nil else {
                unsentSendBacks[id] = nil
                continue
            }
            await sendBack(id, requirements: pending.requirements, enqueuedAt: pending.enqueuedAt)
        }
    }

    /// Waiting visitors of the conversations this instance routes get their place in the cluster's
    /// queue of their platform, or `unstaffed` when no operator present on a live instance may take
    /// them: nobody serves the platform, speaks their language (without a translator) or fills the
    /// role the conversation asks for (a psychologist, after a transfer).
    func updateQueueNotices(through coordinator: any RoutingCoordinator, now: Date) async {
        // Nobody waits here: nothing to ask (at start-up, the coordinator's backend may not run yet).
        guard Platform.allCases.contains(where: { engine.waitingCount(on: $0) > 0 }) else { return }
        guard let staff = try? await coordinator.presentStaff(at: now) else { return }
        for platform in Platform.allCases {
            for id in engine.waiting(on: platform) {
                guard let conversation = conversations[id], conversation.isHome, let requirements = engine.requirements(of: id) else { continue }
                if !staff.contains(where: { $0.accepts(requirements) }) {
                    guard !conversation.notifiedUnstaffed else { continue }
                    conversation.notifiedUnstaffed = true
                    conversation.notifiedPosition = nil
                    _ = try? await append(.unstaffed(platform: platform, helpLines: configuration.helpLines[platform] ?? []), to: id)
                    continue
                }
                guard engine.state(of: id) == .waiting, let position = try? await coordinator.position(of: id) else { continue }
                guard conversation.notifiedUnstaffed || conversation.notifiedPosition != position else { continue }
                conversation.notifiedUnstaffed = false
                conversation.notifiedPosition = position
                let wait = engine.estimatedWaitSeconds(of: id, now: now) ?? 0
                _ = try? await append(.queued(platform: platform, position: position, estimatedWaitSeconds: wait), to: id)
            }
        }
    }

    /// Tells the coordinator that an operator is (or is no longer) connected here.
    func announcePresence(of operatorID: OperatorID, present: Bool) async {
        guard let coordinator, let profile = engine.profile(of: operatorID), profile.takesConversations else { return }
        try? await coordinator.setPresence(claimFilter(profile), present: present, on: instance)
    }

    /// An operator's last connection here closed.
    func operatorLeft(_ operatorID: OperatorID) async {
        if !clients.isConnected(operatorID) { await announcePresence(of: operatorID, present: false) }
        await updateQueueNotices()
    }

    /// Another instance's operator took a conversation this instance routed while it waited (or
    /// after this instance's lease ran out): it is that instance's from now on, followed here.
    func handOver(_ id: ConversationID, _ conversation: ConversationChannel, state: ConversationState) {
        let emergency = engine.isEmergency(id)
        if let operatorID = engine.operatorOf(id)?.id { unsubscribe(operatorID, from: id) }
        engine.handOver(id, now: clock.now())
        conversation.isHome = false
        conversation.mirror = ConversationMirror(state: state, emergency: emergency)
        conversation.notifiedPosition = nil
        conversation.notifiedUnstaffed = false
    }

    /// Keeps this instance in the cluster; call it every few seconds (well within `leaseDuration`).
    ///
    /// Renews the instance's lease; if it had run out (the instance was taken for dead and its
    /// conversations sent back to the queue), gives up every conversation it routes and says again
    /// which operators are connected here. Then sends back to the queue the conversations of
    /// instances whose lease ran out, and routes. Returns how many conversations were sent back.
    @discardableResult
    public func maintainCluster(leaseDuration: TimeInterval) async throws(RoutingCoordinatorError) -> Int {
        guard let coordinator else { return 0 }
        let kept = try await coordinator.renewLease(of: instance, for: leaseDuration, at: clock.now())
        if !kept {
            for (id, conversation) in conversations where conversation.isHome {
                guard let state = engine.state(of: id), !state.isFinal else { continue }
                handOver(id, conversation, state: .waiting)
            }
            for operatorID in engine.operatorIDs where clients.isConnected(operatorID) {
                await announcePresence(of: operatorID, present: true)
            }
        }
        let sentBack = try await coordinator.reclaimExpired(at: clock.now())
        await route()
        return sentBack.count
    }
}
