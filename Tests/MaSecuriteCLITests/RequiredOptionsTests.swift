import Foundation
import Testing
import MaSecuriteCore
@testable import MaSecuriteCLI

/// Commands read their options by the ``OptionSpec`` they declare (a misspelt
/// option does not compile); an option declared `required` is checked by the
/// parser before the command runs, and the help and usage line say so.
@Suite struct RequiredOptionsTests {
    private func run(_ arguments: [String]) async -> (status: Int32, console: BufferConsole) {
        let console = BufferConsole(input: "")
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_772_614_800))
        let status = await MaSecuriteCommandLine.main(arguments, context: CommandContext(console: console, environment: [:], clock: clock))
        return (status, console)
    }

    @Test("a missing required option is a usage error naming it, before the command runs")
    func missingRequiredOption() async {
        let nearest = await run(["stations", "nearest"])
        #expect(nearest.status == 2)
        #expect(nearest.console.errorOutput.contains("missing required option --k"))
        #expect(nearest.console.errorOutput.contains("usage: masecurite stations nearest --k K [options]") == false,
                "stations nearest has no other option")
        #expect(nearest.console.errorOutput.contains("usage: masecurite stations nearest --k K"))
        let slots = await run(["appointments", "slots", "--motif", "plainte", "--from", "2026-03-09"])
        #expect(slots.status == 2)
        #expect(slots.console.errorOutput.contains("missing required option --station"))
        let train = await run(["content", "train-emergency", "x.json"])
        #expect(train.status == 2)
        #expect(train.console.errorOutput.contains("missing required option --output"))
    }

    @Test("help marks required options and the usage line shows them")
    func helpShowsRequired() async {
        let help = await run(["appointments", "book", "--help"])
        #expect(help.status == 0)
        #expect(help.console.output.contains("--station ID (required)"))
        #expect(help.console.output.contains("--at ISO8601 (required)"))
        #expect(help.console.output.contains("USAGE: masecurite appointments book --station ID --motif M --at ISO8601 [options]"))
        #expect(!help.console.output.contains("--store PATH (required)"))
    }

    @Test("every command's table is sound and required options are value options")
    func tableIsSound() {
        let tool = MaSecuriteCommandLine.tool()
        #expect(tool.tableProblems().isEmpty)
        let required = tool.commands.flatMap(\.options).filter(\.isRequired)
        #expect(required.count >= 6)
        #expect(required.allSatisfy { if case .value = $0.kind { true } else { false } })
    }
}
