import Foundation

/// A discrete-event simulation of the chat platforms on a virtual clock, driven by the real
/// ``RoutingEngine`` (queues, priorities, capacity units, shifts): it shows whether a staffing
/// plan keeps the promise of an answer within two minutes.
public enum ChatSimulator {
    /// Simulates a day (or several) with the daily arrival profile and shifts.
    public static func run(_ scenario: DayScenario) -> SimulationReport {
        var random = SplitMix64(seed: scenario.seed)
        let horizon = scenario.hours * 3_600
        let total = max(0, Int((Double(scenario.conversationsPerDay) * scenario.hours / 24).rounded()))
        // Arrival times: an hour drawn from the profile, then uniform within the hour.
        let profile = DayScenario.hourlyProfile
        var cumulative: [Double] = []
        var running = 0.0
        for weight in profile { running += weight; cumulative.append(running) }
        let days = Int((scenario.hours / 24).rounded(.up))
        var arrivals: [Double] = []
        arrivals.reserveCapacity(total)
        while arrivals.count < total {
            let day = Double(Int(random.unit() * Double(max(1, days))))
            let pick = random.unit() * running
            let hour = cumulative.firstIndex { pick < $0 } ?? 23
            let time = (day * 24 + Double(hour) + random.unit()) * 3_600
            if time < horizon { arrivals.append(time) }  // the profile restricted to the horizon
        }
        arrivals.sort()
        var visitors: [Visitor] = []
        visitors.reserveCapacity(total)
        for arrival in arrivals {
            let draw = random.unit()
            var visitor: Visitor
            if draw < scenario.emergencyShare {
                visitor = Visitor(arrival: arrival, handle: random.exponential(mean: scenario.emergencyMeanMinutes * 60),
                                  requirements: ConversationRequirements(platform: random.unit() < 0.7 ? .tchat : .pnav, kind: .long),
                                  emergency: true)
            } else if draw < scenario.emergencyShare + scenario.longShare {
                visitor = Visitor(arrival: arrival, handle: random.uniform(3_600...14_400),
                                  requirements: ConversationRequirements(platform: .pnav, kind: .long), emergency: false)
            } else {
                let platformDraw = random.unit()
                let platform: Platform = platformDraw < 0.80 ? .tchat : platformDraw < 0.92 ? .pnav : .espaceMineurs
                visitor = Visitor(arrival: arrival, handle: random.exponential(mean: scenario.shortMeanMinutes * 60),
                                  requirements: ConversationRequirements(platform: platform, kind: .short), emergency: false)
            }
            if let patience = scenario.patienceMeanMinutes { visitor.patience = random.exponential(mean: patience * 60) }
            visitors.append(visitor)
        }
        var engine = RoutingEngine(configuration: .init(shortCost: 1, timeZone: .gmt))
        let counts = scenario.operatorsPerShift
        let plan = DayScenario.shiftPlan
        var number = 0
        var available = 0.0
        for (shift, count) in zip(plan, counts) {
            for _ in 0..<count {
                number += 1
                let profile = OperatorProfile(id: OperatorID("op\(number)"), pseudonym: "Agent \(number)",
                                              platforms: Set(Platform.allCases), languages: ["fr"], minors: true, vssTrained: true,
                                              capacity: scenario.capacity, shifts: [shift.window])
                try? engine.addOperator(profile, now: origin)
            }
            // Unit-seconds on shift within the horizon, hour by hour.
            var hour = 0.0
            while hour < scenario.hours {
                if shift.window.contains(secondOfDay: Int(hour.truncatingRemainder(dividingBy: 24)) * 3_600) {
                    available += Double(count * scenario.capacity) * min(1, scenario.hours - hour) * 3_600
                }
                hour += 1
            }
        }
        var ticks: [Double] = []
        var tick = 3_600.0
        while tick < horizon + 3 * 86_400 { ticks.append(tick); tick += 3_600 }
        return simulate(visitors: visitors, engine: &engine, capacity: scenario.capacity, horizon: horizon,
                        availableUnitSeconds: available, operators: number, warmup: 0, ticks: ticks)
    }

    /// Simulates the stationary validation system (no shifts, no abandonment, one kind).
    public static func run(_ scenario: StationaryScenario) -> SimulationReport {
        var random = SplitMix64(seed: scenario.seed)
        let meanGap = 3_600 / max(scenario.arrivalsPerHour, .leastNonzeroMagnitude)
        let meanHandle = scenario.meanHandleMinutes * 60
        var visitors: [Visitor] = []
        visitors.reserveCapacity(scenario.conversations)
        var time = 0.0
        for _ in 0..<scenario.conversations {
            time += random.exponential(mean: meanGap)
            let handle = scenario.distribution == .exponential ? random.exponential(mean: meanHandle) : meanHandle
            visitors.append(Visitor(arrival: time, handle: handle, requirements: ConversationRequirements(platform: .tchat), emergency: false))
        }
        var engine = RoutingEngine(configuration: .init(shortCost: 1, timeZone: .gmt))
        for number in 0..<max(0, scenario.operators) {
            try? engine.addOperator(OperatorProfile(id: OperatorID("op\(number + 1)"), pseudonym: "Agent \(number + 1)",
                                                    capacity: max(1, scenario.capacity)), now: origin)
        }
        let horizon = time
        let available = Double(max(0, scenario.operators) * max(1, scenario.capacity)) * horizon
        return simulate(visitors: visitors, engine: &engine, capacity: max(1, scenario.capacity), horizon: horizon,
                        availableUnitSeconds: available, operators: scenario.operators, warmup: scenario.warmup, ticks: [])
    }

    /// The smallest number of operators (over the day, split across shifts) that takes at least
    /// `target` of visitors within two minutes, searching up to `maximum`; `nil` if even `maximum` is not enough.
    public static func operatorsNeeded(for scenario: DayScenario, target: Double = 0.95, maximum: Int = 1_000) -> (operators: Int, report: SimulationReport)? {
        func report(_ operators: Int) -> SimulationReport {
            var copy = scenario
            copy.operators = operators
            return run(copy)
        }
        var low = 3, high = 3
        var highReport = report(high)
        while highReport.takenWithin120s < target {
            guard high < maximum else { return nil }
            low = high + 1
            high = min(maximum, high * 2)
            highReport = report(high)
        }
        while low < high {
            let middle = (low + high) / 2
            let middleReport = report(middle)
            if middleReport.takenWithin120s >= target {
                high = middle
                highReport = middleReport
            } else {
                low = middle + 1
            }
        }
        return (high, highReport)
    }

    // MARK: Core loop

    static let origin = Date(timeIntervalSince1970: 0)

    struct Visitor {
        var arrival: Double
        var handle: Double
        var requirements: ConversationRequirements
        var emergency: Bool
        var patience: Double?
        var wait: Double?
        var abandoned = false
    }

    private enum EventKind { case arrival, departure, abandon, tick }

    private struct Event {
        var time: Double
        var order: Int
        var kind: EventKind
        var visitor: Int

        func precedes(_ other: Event) -> Bool { time < other.time || (time == other.time && order < other.order) }
    }

    private static func simulate(visitors: [Visitor], engine: inout RoutingEngine, capacity: Int, horizon: Double,
                                 availableUnitSeconds: Double, operators: Int, warmup: Int, ticks: [Double]) -> SimulationReport {
        var visitors = visitors
        var heap = EventHeap()
        var order = 0
        func schedule(_ time: Double, _ kind: EventKind, _ visitor: Int) {
            order += 1
            heap.push(Event(time: time, order: order, kind: kind, visitor: visitor))
        }
        for (index, visitor) in visitors.enumerated() { schedule(visitor.arrival, .arrival, index) }
        for tick in ticks { schedule(tick, .tick, -1) }
        let ids = visitors.indices.map { ConversationID("s\($0)") }
        var indexOf: [ConversationID: Int] = [:]
        indexOf.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() { indexOf[id] = index }
        var busyUnitSeconds = 0.0
        var pending = visitors.count
        while pending > 0, let event = heap.pop() {
            let now = origin.addingTimeInterval(event.time)
            switch event.kind {
            case .arrival:
                try? engine.enqueue(ids[event.visitor], visitors[event.visitor].requirements, emergency: visitors[event.visitor].emergency, now: now)
                if let patience = visitors[event.visitor].patience { schedule(event.time + patience, .abandon, event.visitor) }
            case .departure:
                _ = try? engine.close(ids[event.visitor], now: now)
                engine.forget(ids[event.visitor])
                pending -= 1
            case .abandon:
                guard engine.state(of: ids[event.visitor]) == .waiting else { continue }
                try? engine.abandon(ids[event.visitor])
                engine.forget(ids[event.visitor])
                visitors[event.visitor].abandoned = true
                pending -= 1
                continue
            case .tick: break
            }
            for assignment in engine.dispatch(now: now) {
                guard let index = indexOf[assignment.conversation] else { continue }
                let visitor = visitors[index]
                visitors[index].wait = event.time - visitor.arrival
                let end = event.time + visitor.handle
                let cost = visitor.requirements.kind == .short ? 1 : capacity
                busyUnitSeconds += Double(cost) * max(0, min(end, horizon) - min(event.time, horizon))
                schedule(end, .departure, index)
            }
        }
        // Statistics over arrivals after the warm-up.
        let counted = visitors.dropFirst(min(warmup, visitors.count))
        var waits: [Double] = []
        waits.reserveCapacity(counted.count)
        var within = 0, abandoned = 0, emergencies = 0, emergenciesWithin = 0
        for visitor in counted {
            if visitor.abandoned { abandoned += 1 }
            if visitor.emergency { emergencies += 1 }
            guard let wait = visitor.wait else { continue }
            waits.append(wait)
            if wait <= 120 {
                within += 1
                if visitor.emergency { emergenciesWithin += 1 }
            }
        }
        waits.sort()
        func percentile(_ p: Double) -> Double {
            guard !waits.isEmpty else { return 0 }
            let rank = Int((p * Double(waits.count)).rounded(.up)) - 1
            return (waits[min(max(rank, 0), waits.count - 1)] * 10).rounded() / 10
        }
        let n = max(counted.count, 1)
        return SimulationReport(conversations: counted.count,
                                takenWithin120s: Double(within) / Double(n),
                                waitP50Seconds: percentile(0.50), waitP90Seconds: percentile(0.90), waitP99Seconds: percentile(0.99),
                                abandoned: Double(abandoned) / Double(n), abandonedCount: abandoned,
                                occupancy: availableUnitSeconds > 0 ? min(1, busyUnitSeconds / availableUnitSeconds) : 0,
                                emergenciesTakenWithin120s: emergencies == 0 ? 1 : Double(emergenciesWithin) / Double(emergencies),
                                operators: operators)
    }

    /// A binary min-heap of events (time, then scheduling order).
    private struct EventHeap {
        private var items: [Event] = []

        mutating func push(_ event: Event) {
            items.append(event)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard items[child].precedes(items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Event? {
            guard !items.isEmpty else { return nil }
            items.swapAt(0, items.count - 1)
            let top = items.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left].precedes(items[smallest]) { smallest = left }
                if right < items.count, items[right].precedes(items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
            return top
        }
    }
}
