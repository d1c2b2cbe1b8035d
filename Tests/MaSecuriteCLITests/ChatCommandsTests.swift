import Foundation
import Testing
@testable import MaSecuriteCLI

@Suite struct ChatCommandsTests {
    func run(_ arguments: [String]) async -> (status: Int32, output: String, error: String) {
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(arguments, context: CommandContext(console: console))
        return (status, console.output, console.errorOutput)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func simulateADayAsJSONHasTheDocumentedFields() async throws {
        let result = await run(["chat", "simulate", "--conversations", "700", "--operators", "20", "--seed", "3", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let object = try json(result.output)
        for field in ["taken_within_120s", "wait_p50_s", "wait_p90_s", "wait_p99_s", "abandoned", "occupancy"] {
            #expect(object[field] is Double || object[field] is Int, "missing \(field)")
        }
        let taken = try #require(object["taken_within_120s"] as? Double)
        #expect((0...1).contains(taken))
        #expect(object["conversations"] as? Int == 700)
        #expect(object["operators_per_shift"] as? [Int] == [6, 8, 6])
    }

    @Test func theSameSeedPrintsTheSameDay() async {
        let first = await run(["chat", "simulate", "--conversations", "500", "--operators", "12", "--seed", "9"])
        let second = await run(["chat", "simulate", "--conversations", "500", "--operators", "12", "--seed", "9"])
        #expect(first.status == 0)
        #expect(first.output == second.output)
        #expect(first.output.contains("taken within 120 s"))
    }

    @Test func stationaryModePrintsErlangC() async throws {
        let result = await run(["chat", "simulate", "--arrivals-per-hour", "100", "--mean-handle-minutes", "6", "--operators", "12",
                                "--capacity", "1", "--distribution", "exponential", "--conversations", "20000", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let object = try json(result.output)
        let simulated = try #require(object["taken_within_120s"] as? Double)
        let theory = try #require(object["erlang_c_taken_within_120s"] as? Double)
        #expect(abs(simulated - theory) < 0.04)
        #expect(object["abandoned"] as? Double == 0)
    }

    @Test func findOperatorsReportsTheSmallestTeam() async {
        let result = await run(["chat", "simulate", "--conversations", "300", "--find-operators", "--target", "0.9"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("operators take 90.0 % of 300 daily conversations within 2 minutes"))
    }

    @Test(arguments: [
        (["chat", "simulate", "--arrivals-per-hour", "100", "--operators", "3"], "--mean-handle-minutes"),
        (["chat", "simulate", "--distribution", "exponential"], "stationary mode"),
        (["chat", "simulate", "--hours", "-2"], "--hours"),
        (["chat", "simulate", "--operators", "zero"], "--operators"),
        (["chat", "simulate", "--arrivals-per-hour", "10", "--mean-handle-minutes", "5", "--operators", "2", "--distribution", "uniform"], "--distribution"),
    ])
    func badOptionsAreUsageErrors(_ arguments: [String], _ mention: String) async {
        let result = await run(arguments)
        #expect(result.status == 2)
        #expect(result.error.contains(mention), "\(result.error)")
    }

    @Test func examplesPrintEveryFrameType() async throws {
        let result = await run(["chat", "examples", "--json"])
        #expect(result.status == 0)
        let types = try result.output.split(separator: "\n").map { try json(String($0))["type"] as? String }
        #expect(Set(types.compactMap { $0 }).count == 30)
        #expect(types.contains("unstaffed") && types.contains("supervisor_alert"))
        #expect(types.contains("signalement") && types.contains("consent_requested") && types.contains("signalement_filed"))
        #expect(types.contains("emergency_raised"))
    }
}
