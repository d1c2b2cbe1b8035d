import ChatProtocol
import Foundation
import Testing

@Suite struct SimulatorTests {
    @Test func erlangCMatchesTextbookValues() {
        // 10 Erlangs: the classic call-centre table.
        #expect(abs(ErlangC.probabilityOfWaiting(servers: 11, load: 10) - 0.6821) < 0.0005)
        #expect(abs(ErlangC.probabilityOfWaiting(servers: 12, load: 10) - 0.4494) < 0.0005)
        #expect(abs(ErlangC.probabilityOfWaiting(servers: 13, load: 10) - 0.2853) < 0.0005)
        #expect(ErlangC.probabilityOfWaiting(servers: 5, load: 6) == 1)
        #expect(ErlangC.serviceLevel(servers: 5, arrivalsPerHour: 100, meanHandleSeconds: 360, within: 120) == 0)
    }

    @Test func stationaryModeAgreesWithErlangC() {
        // λ = 100/h, 6 minutes each: 10 Erlangs on 12 operators running one conversation at a time.
        let scenario = StationaryScenario(arrivalsPerHour: 100, meanHandleMinutes: 6, operators: 12, capacity: 1,
                                          distribution: .exponential, conversations: 60_000, warmup: 1_000, seed: 7)
        let report = ChatSimulator.run(scenario)
        let theory = scenario.erlangCServiceLevel(within: 120)
        #expect(abs(theory - 0.7695) < 0.001)
        #expect(abs(report.takenWithin120s - theory) < 0.02, "simulated \(report.takenWithin120s) vs Erlang C \(theory)")
        #expect(report.abandoned == 0)
        #expect(report.abandonedCount == 0)
        #expect(report.conversations == 59_000)
        // Occupancy is the load per server: 10 / 12.
        #expect(abs(report.occupancy - 10.0 / 12.0) < 0.02, "occupancy \(report.occupancy)")
    }

    @Test func stationaryModeWithCapacityEightMatchesEightTimesTheServers() {
        let scenario = StationaryScenario(arrivalsPerHour: 400, meanHandleMinutes: 12, operators: 11, capacity: 8,
                                          conversations: 20_000, warmup: 1_000, seed: 3)
        let report = ChatSimulator.run(scenario)
        let theory = ErlangC.serviceLevel(servers: 88, arrivalsPerHour: 400, meanHandleSeconds: 720, within: 120)
        #expect(abs(report.takenWithin120s - theory) < 0.02, "simulated \(report.takenWithin120s) vs Erlang C \(theory)")
    }

    @Test func theSameSeedGivesTheSameDay() {
        let scenario = DayScenario(conversationsPerDay: 700, operators: 20, seed: 42)
        #expect(ChatSimulator.run(scenario) == ChatSimulator.run(scenario))
        var other = scenario
        other.seed = 43
        #expect(ChatSimulator.run(other) != ChatSimulator.run(scenario))
    }

    @Test func aThirdOfArrivalsComeAtNight() {
        let profile = DayScenario.hourlyProfile
        let night = [22, 23, 0, 1, 2, 3, 4, 5, 6].map { profile[$0] }.reduce(0, +)
        #expect(abs(profile.reduce(0, +) - 1) < 1e-9)
        #expect(abs(night - 1.0 / 3.0) < 1e-9)
        let busiest = profile.firstIndex(of: profile.max() ?? 0) ?? -1
        #expect((18...22).contains(busiest), "the evening is the busiest, got \(busiest) h")
        #expect(profile[4] < profile[11] / 2, "the small hours are quiet")
    }

    @Test func shiftsShareTheOperatorsByLoad() {
        let counts = DayScenario(operators: 60).operatorsPerShift
        #expect(counts.reduce(0, +) == 60)
        #expect(counts[2] < counts[1], "fewer operators at night than in the afternoon")
        #expect(counts.allSatisfy { $0 >= 1 })
        #expect(DayScenario(operators: 1).operatorsPerShift == [1, 1, 1])
    }

    @Test func moreOperatorsTakeMoreVisitorsWithinTwoMinutes() {
        let few = ChatSimulator.run(DayScenario(conversationsPerDay: 2_500, operators: 30, seed: 5))
        let many = ChatSimulator.run(DayScenario(conversationsPerDay: 2_500, operators: 120, seed: 5))
        #expect(few.takenWithin120s < many.takenWithin120s)
        #expect(few.abandoned > many.abandoned)
        #expect(few.occupancy > many.occupancy)
        #expect(many.waitP50Seconds <= many.waitP90Seconds && many.waitP90Seconds <= many.waitP99Seconds)
        #expect(few.conversations == 2_500)
    }

    @Test func emergenciesAreTakenFasterThanTheRest() {
        let report = ChatSimulator.run(DayScenario(conversationsPerDay: 2_500, operators: 40, seed: 9))
        #expect(report.emergenciesTakenWithin120s > report.takenWithin120s,
                "emergencies \(report.emergenciesTakenWithin120s) vs all \(report.takenWithin120s)")
    }

    @Test func operatorsNeededIsTheSmallestThatMeetsTheTarget() throws {
        let scenario = DayScenario(conversationsPerDay: 700, seed: 11)
        let (operators, report) = try #require(ChatSimulator.operatorsNeeded(for: scenario, target: 0.9))
        #expect(report.takenWithin120s >= 0.9)
        var fewer = scenario
        fewer.operators = operators - 1
        #expect(ChatSimulator.run(fewer).takenWithin120s < 0.9)
    }
}
