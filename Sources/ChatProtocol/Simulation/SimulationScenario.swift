import Foundation

/// A day at the chat platforms, for ``ChatSimulator``.
///
/// Arrivals follow an hourly profile where a third of the day's conversations come at night
/// (22:00–07:00) with peaks late morning and in the evening. Operators are split into three
/// teams (06–14, 14–22, 22–06) in proportion to the load of each window; every operator serves
/// every platform (pooled skills).
public struct DayScenario: Sendable, Hashable {
    /// Conversations per 24 hours.
    public var conversationsPerDay: Int
    /// Operators over the day (split across the three shifts).
    public var operators: Int
    /// Simulated hours (the daily profile repeats).
    public var hours: Double
    /// The random seed.
    public var seed: UInt64
    /// Units per operator (8: eight short conversations or one long one).
    public var capacity: Int
    /// Share of emergencies (sensitive: the operator's whole capacity; mean 20 minutes).
    public var emergencyShare: Double
    /// Share of long VSS conversations on `pnav` (whole capacity; one to four hours).
    public var longShare: Double
    /// Mean handling time of a short information conversation, in minutes (exponential).
    public var shortMeanMinutes: Double
    /// Mean handling time of an emergency, in minutes (exponential).
    public var emergencyMeanMinutes: Double
    /// Mean patience of a waiting visitor before leaving, in minutes (exponential); `nil`: nobody leaves.
    public var patienceMeanMinutes: Double?

    /// Creates a scenario with the defaults described on each property.
    public init(conversationsPerDay: Int = 2_500, operators: Int = 60, hours: Double = 24, seed: UInt64 = 1,
                capacity: Int = 8, emergencyShare: Double = 0.10, longShare: Double = 0.05,
                shortMeanMinutes: Double = 12, emergencyMeanMinutes: Double = 20, patienceMeanMinutes: Double? = 10) {
        self.conversationsPerDay = conversationsPerDay
        self.operators = operators
        self.hours = hours
        self.seed = seed
        self.capacity = capacity
        self.emergencyShare = emergencyShare
        self.longShare = longShare
        self.shortMeanMinutes = shortMeanMinutes
        self.emergencyMeanMinutes = emergencyMeanMinutes
        self.patienceMeanMinutes = patienceMeanMinutes
    }

    /// Relative arrivals per hour of the day (0 = midnight–1 am); night hours (22–07) carry a third.
    public static let hourlyProfile: [Double] = {
        let night: [Int: Double] = [22: 1.6, 23: 1.4, 0: 1.2, 1: 1.0, 2: 0.8, 3: 0.6, 4: 0.5, 5: 0.5, 6: 0.7]
        let day: [Int: Double] = [7: 1.0, 8: 1.5, 9: 1.9, 10: 2.2, 11: 2.4, 12: 2.2, 13: 2.0, 14: 2.1, 15: 2.1,
                                  16: 2.1, 17: 2.3, 18: 2.6, 19: 2.8, 20: 2.7, 21: 2.2]
        let nightTotal = night.values.reduce(0, +), dayTotal = day.values.reduce(0, +)
        return (0..<24).map { hour in
            if let weight = night[hour] { return weight / nightTotal / 3 }
            return (day[hour] ?? 0) / dayTotal * 2 / 3
        }
    }()

    /// The three shift windows and the share of operators in each.
    public static let shiftPlan: [(window: ShiftWindow, share: Double)] = {
        let windows = [ShiftWindow(hours: 6, to: 14), ShiftWindow(hours: 14, to: 22), ShiftWindow(hours: 22, to: 6)]
        let profile = hourlyProfile
        return windows.map { window in
            let share = (0..<24).filter { window.contains(secondOfDay: $0 * 3_600) }.map { profile[$0] }.reduce(0, +)
            return (window, share)
        }
    }()

    /// How many operators each shift gets (at least one each), summing to ``operators``.
    public var operatorsPerShift: [Int] {
        let plan = Self.shiftPlan
        let total = max(operators, plan.count)
        var counts = plan.map { max(1, Int((Double(total) * $0.share).rounded(.down))) }
        var index = 0
        while counts.reduce(0, +) < total {
            // Give the remainder to the busiest shifts first.
            let order = plan.indices.sorted { plan[$0].share > plan[$1].share }
            counts[order[index % order.count]] += 1
            index += 1
        }
        while counts.reduce(0, +) > total, let largest = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[largest] > 1 {
            counts[largest] -= 1
        }
        return counts
    }
}

/// A stationary M/M/c-like system for validation: constant Poisson arrivals, one kind of
/// conversation, no abandonment. With `capacity` 1 and exponential handling it is exactly
/// the Erlang C model.
public struct StationaryScenario: Sendable, Hashable {
    /// How handling times are drawn.
    public enum Distribution: String, Sendable, Hashable, CaseIterable {
        /// Exponential with the given mean.
        case exponential
        /// Always the mean.
        case deterministic
    }

    /// Arrivals per hour (λ).
    public var arrivalsPerHour: Double
    /// Mean handling time in minutes (1/μ).
    public var meanHandleMinutes: Double
    /// Operators.
    public var operators: Int
    /// Conversations each operator runs at once.
    public var capacity: Int
    /// Handling time distribution.
    public var distribution: Distribution
    /// Arrivals to simulate.
    public var conversations: Int
    /// Arrivals at the start left out of the statistics (the system starts empty).
    public var warmup: Int
    /// The random seed.
    public var seed: UInt64

    /// Creates a stationary scenario.
    public init(arrivalsPerHour: Double, meanHandleMinutes: Double, operators: Int, capacity: Int = 1,
                distribution: Distribution = .exponential, conversations: Int = 100_000, warmup: Int = 1_000, seed: UInt64 = 1) {
        self.arrivalsPerHour = arrivalsPerHour
        self.meanHandleMinutes = meanHandleMinutes
        self.operators = operators
        self.capacity = capacity
        self.distribution = distribution
        self.conversations = conversations
        self.warmup = warmup
        self.seed = seed
    }

    /// What Erlang C predicts for the share taken within `seconds` (exact for exponential handling).
    public func erlangCServiceLevel(within seconds: Double = 120) -> Double {
        ErlangC.serviceLevel(servers: operators * capacity, arrivalsPerHour: arrivalsPerHour,
                             meanHandleSeconds: meanHandleMinutes * 60, within: seconds)
    }
}

/// What a simulation measured. Encodes with the snake_case fields of `masecurite chat simulate --json`.
public struct SimulationReport: Sendable, Hashable, Codable {
    /// Conversations that arrived (after warm-up).
    public var conversations: Int
    /// Share of arrivals taken by an operator within 120 seconds (0–1).
    public var takenWithin120s: Double
    /// Median wait of the conversations taken, in seconds.
    public var waitP50Seconds: Double
    /// 90th percentile wait, in seconds.
    public var waitP90Seconds: Double
    /// 99th percentile wait, in seconds.
    public var waitP99Seconds: Double
    /// Share of arrivals who left before being taken (0–1).
    public var abandoned: Double
    /// Number of arrivals who left before being taken.
    public var abandonedCount: Int
    /// Busy units over available units during the operators' shifts (0–1).
    public var occupancy: Double
    /// Share of emergencies taken within 120 seconds (0–1; 1 when there is none).
    public var emergenciesTakenWithin120s: Double
    /// Operators simulated.
    public var operators: Int

    enum CodingKeys: String, CodingKey {
        case conversations, abandoned, occupancy, operators
        case takenWithin120s = "taken_within_120s"
        case waitP50Seconds = "wait_p50_s"
        case waitP90Seconds = "wait_p90_s"
        case waitP99Seconds = "wait_p99_s"
        case abandonedCount = "abandoned_count"
        case emergenciesTakenWithin120s = "emergencies_taken_within_120s"
    }
}
