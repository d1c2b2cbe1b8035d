import ChatProtocol
import Foundation

/// `masecurite chat …`: the chat protocol's frames and the staffing simulator.
enum ChatCommands: CommandArea {
    static var groups: [CommandGroup] {
        [CommandGroup("chat", summary: "The 24/7 chat with officers: protocol examples and the two-minute staffing simulator.")]
    }

    static var commands: [CommandSpec] { [simulate, examples] }

    static let simulate = CommandSpec(
        path: ["chat", "simulate"],
        summary: "Simulate a day of chat (or a stationary queue) with the real routing engine.",
        discussion: """
            Day mode (default): --conversations per 24 h (default 2500) arrive over the day, a third at night,
            with peaks late morning and in the evening; 85% short information (1 of 8 units), 5% long VSS
            (all 8 units, 1-4 h), 10% emergencies (jump the queue); visitors leave after ~10 minutes of waiting.
            --operators (default 60) are split across three shifts (06-14, 14-22, 22-06) by load.
            --find-operators searches the smallest --operators taking --target (default 0.95) within 2 minutes
            (over 5 simulated days unless --hours is given).

            Stationary mode (validation against Erlang C): give --arrivals-per-hour and --mean-handle-minutes
            with --operators, --capacity (default 1) and --distribution exponential|deterministic.
            No abandonment; --conversations arrivals (default 100000).

            Examples:
              masecurite chat simulate --conversations 2500 --operators 60 --seed 1 --json
              masecurite chat simulate --conversations 2500 --find-operators
              masecurite chat simulate --arrivals-per-hour 100 --mean-handle-minutes 6 --operators 12 --capacity 1 --distribution exponential
            """,
        options: [
            conversationsOption,
            operatorsOption,
            hoursOption,
            seedOption,
            arrivalsPerHourOption,
            meanHandleMinutesOption,
            capacityOption,
            distributionOption,
            findOperatorsOption,
            targetOption,
            .json,
        ]
    ) { arguments, context in
        let seed = UInt64(try arguments.int(ChatCommands.seedOption, in: 0...Int.max) ?? 1)
        let json = arguments.flag(.json)
        let stationary = arguments.value(ChatCommands.arrivalsPerHourOption) != nil || arguments.value(ChatCommands.meanHandleMinutesOption) != nil
        if stationary {
            guard let rate = try arguments.double(ChatCommands.arrivalsPerHourOption), rate > 0 else {
                throw UsageError("stationary mode needs --arrivals-per-hour L (a positive number)")
            }
            guard let handle = try arguments.double(ChatCommands.meanHandleMinutesOption), handle > 0 else {
                throw UsageError("stationary mode needs --mean-handle-minutes M (a positive number)")
            }
            guard let operators = try arguments.int(ChatCommands.operatorsOption, in: 1...100_000) else {
                throw UsageError("stationary mode needs --operators N")
            }
            if arguments.flag(ChatCommands.findOperatorsOption) || arguments.value(ChatCommands.hoursOption) != nil {
                throw UsageError("--find-operators and --hours belong to day mode, not to the stationary mode")
            }
            let distribution = try arguments.choice(ChatCommands.distributionOption, from: StationaryScenario.Distribution.allCases.map(\.rawValue))
                .flatMap(StationaryScenario.Distribution.init(rawValue:)) ?? .exponential
            let scenario = StationaryScenario(arrivalsPerHour: rate, meanHandleMinutes: handle, operators: operators,
                                              capacity: try arguments.int(ChatCommands.capacityOption, in: 1...64) ?? 1, distribution: distribution,
                                              conversations: try arguments.int(ChatCommands.conversationsOption, in: 1_000...10_000_000) ?? 100_000,
                                              warmup: 1_000, seed: seed)
            let report = ChatSimulator.run(scenario)
            let theory = scenario.erlangCServiceLevel(within: 120)
            if json {
                context.console.line(try JSONOutput.encode(StationaryOutput(report: report, theory: theory, distribution: distribution)))
            } else {
                printReport(report, mode: "stationary: \(format(rate)) arrivals/h, \(format(handle)) min each, \(operators) operator(s) × \(scenario.capacity)",
                            console: context.console)
                let load = rate * handle / 60
                context.console.line("  Erlang C within 120 s:  \(percent(theory))  (load \(format(load)) Erlangs on \(operators * scenario.capacity) servers\(distribution == .exponential ? "" : "; exact only for exponential"))")
            }
            return 0
        }
        if arguments.value(ChatCommands.distributionOption) != nil {
            throw UsageError("--distribution belongs to the stationary mode: give --arrivals-per-hour and --mean-handle-minutes too")
        }
        var scenario = DayScenario(conversationsPerDay: try arguments.int(ChatCommands.conversationsOption, in: 0...1_000_000) ?? 2_500,
                                   operators: try arguments.int(ChatCommands.operatorsOption, in: 1...100_000) ?? 60, seed: seed)
        if let hours = try arguments.double(ChatCommands.hoursOption) {
            guard hours > 0, hours <= 24 * 366 else { throw UsageError("--hours expects a duration between 0 and 8784 hours, got \(hours)") }
            scenario.hours = hours
        }
        if let capacity = try arguments.int(ChatCommands.capacityOption, in: 1...64) { scenario.capacity = capacity }
        if arguments.flag(ChatCommands.findOperatorsOption) {
            // One day is a noisy sample: search over five days unless told otherwise.
            if arguments.value(ChatCommands.hoursOption) == nil { scenario.hours = 5 * 24 }
            let target = try arguments.double(ChatCommands.targetOption) ?? 0.95
            guard target > 0, target < 1 else { throw UsageError("--target expects a fraction between 0 and 1, got \(target)") }
            guard let (operators, report) = ChatSimulator.operatorsNeeded(for: scenario, target: target) else {
                throw OperationError("even 1000 operators do not take \(percent(target)) within 2 minutes")
            }
            var sized = scenario
            sized.operators = operators
            if json {
                context.console.line(try JSONOutput.encode(DayOutput(report: report, scenario: sized, target: target)))
            } else {
                context.console.line("\(operators) operators take \(percent(target)) of \(scenario.conversationsPerDay) daily conversations within 2 minutes")
                printReport(report, mode: dayMode(sized), console: context.console)
            }
            return 0
        }
        let report = ChatSimulator.run(scenario)
        if json {
            context.console.line(try JSONOutput.encode(DayOutput(report: report, scenario: scenario, target: nil)))
        } else {
            printReport(report, mode: dayMode(scenario), console: context.console)
        }
        return 0
    }

    static let examples = CommandSpec(
        path: ["chat", "examples"],
        summary: "Print one example of every chat protocol frame, as the real encoder writes it.",
        options: [.json]
    ) { arguments, context in
        let frames = ChatEnvelope.examples
        if arguments.flag(.json) {
            for frame in frames { context.console.line(String(decoding: try frame.jsonData(), as: UTF8.self)) }
        } else {
            for frame in frames {
                context.console.line("\(frame.typeName):")
                context.console.line("  " + String(decoding: try frame.jsonData(), as: UTF8.self))
            }
        }
        return 0
    }

    private struct DayOutput: Encodable {
        let report: SimulationReport
        let scenario: DayScenario
        let target: Double?

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("day", forKey: .mode)
            try container.encode(scenario.conversationsPerDay, forKey: .conversationsPerDay)
            try container.encode(scenario.hours, forKey: .hours)
            try container.encode(scenario.seed, forKey: .seed)
            try container.encode(scenario.operatorsPerShift, forKey: .operatorsPerShift)
            try container.encodeIfPresent(target, forKey: .target)
        }

        enum Key: String, CodingKey {
            case mode, hours, seed, target
            case conversationsPerDay = "conversations_per_day"
            case operatorsPerShift = "operators_per_shift"
        }
    }

    private struct StationaryOutput: Encodable {
        let report: SimulationReport
        let theory: Double
        let distribution: StationaryScenario.Distribution

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("stationary", forKey: .mode)
            try container.encode(theory, forKey: .erlangC)
            try container.encode(distribution.rawValue, forKey: .distribution)
        }

        enum Key: String, CodingKey {
            case mode, distribution
            case erlangC = "erlang_c_taken_within_120s"
        }
    }

    private static func dayMode(_ scenario: DayScenario) -> String {
        let shifts = scenario.operatorsPerShift
        return "day: \(scenario.conversationsPerDay) conversations/24 h over \(format(scenario.hours)) h, \(scenario.operators) operators "
            + "(06-14: \(shifts[0]), 14-22: \(shifts[1]), 22-06: \(shifts[2])), seed \(scenario.seed)"
    }

    private static func printReport(_ report: SimulationReport, mode: String, console: any Console) {
        console.line(mode)
        console.line("  conversations:          \(report.conversations)")
        console.line("  taken within 120 s:     \(percent(report.takenWithin120s))")
        console.line("  emergencies in 120 s:   \(percent(report.emergenciesTakenWithin120s))")
        console.line("  long (VSS) in 120 s:    \(percent(report.longTakenWithin120s))")
        console.line("  wait p50 / p90 / p99:   \(format(report.waitP50Seconds)) s / \(format(report.waitP90Seconds)) s / \(format(report.waitP99Seconds)) s")
        console.line("  abandoned:              \(percent(report.abandoned)) (\(report.abandonedCount))")
        console.line("  occupancy:              \(percent(report.occupancy))")
    }

    private static func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

extension ChatCommands {
    // The options of its commands, read by value so that a misspelt name does not compile.
    static let conversationsOption = OptionSpec("conversations", .value(placeholder: "N"), help: "Conversations per day (day mode) or arrivals (stationary mode).")
    static let operatorsOption = OptionSpec("operators", .value(placeholder: "N"), help: "Operators (day mode: over the day, split across shifts).")
    static let hoursOption = OptionSpec("hours", .value(placeholder: "H"), help: "Simulated hours (day mode, default 24).")
    static let seedOption = OptionSpec("seed", .value(placeholder: "S"), help: "Random seed (default 1): the same seed gives the same result.")
    static let arrivalsPerHourOption = OptionSpec("arrivals-per-hour", .value(placeholder: "L"), help: "Stationary mode: constant arrival rate.")
    static let meanHandleMinutesOption = OptionSpec("mean-handle-minutes", .value(placeholder: "M"), help: "Stationary mode: mean handling time.")
    static let capacityOption = OptionSpec("capacity", .value(placeholder: "C"), help: "Conversations an operator runs at once (stationary, default 1) or units (day, default 8).")
    static let distributionOption = OptionSpec("distribution", .value(placeholder: "exponential|deterministic"), help: "Stationary mode: handling time distribution.")
    static let findOperatorsOption = OptionSpec("find-operators", .flag, help: "Day mode: find the fewest operators meeting --target within 2 minutes.")
    static let targetOption = OptionSpec("target", .value(placeholder: "FRACTION"), help: "Share to take within 2 minutes for --find-operators (default 0.95).")
}
