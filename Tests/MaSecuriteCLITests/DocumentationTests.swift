import Foundation
import Testing
@testable import MaSecuriteCLI

/// Documentation/CLI.md documents every command and option of the tool, and
/// free text may be typed without quotes (issue 16).
@Suite struct DocumentationTests {
    static let manual = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Documentation/CLI.md").standardizedFileURL

    @Test("CLI.md has no placeholder section and documents every command and option")
    func everyCommandAndOptionIsDocumented() throws {
        let text = try String(contentsOf: Self.manual, encoding: .utf8)
        #expect(!text.contains("completed by the"), "CLI.md still has a placeholder section")
        for command in MaSecuriteCommandLine.tool().commands {
            let usage = "masecurite " + command.path.joined(separator: " ")
            #expect(text.contains(usage), "CLI.md never shows '\(usage)'")
            // The command's own section: from its usage line to the next heading.
            guard let start = text.range(of: "\n" + usage)?.lowerBound ?? text.range(of: usage)?.lowerBound else { continue }
            let section = text[start...].prefix { _ in true }
            let end = section.range(of: "\n#### ")?.lowerBound ?? section.range(of: "\n### ")?.lowerBound ?? section.endIndex
            let body = section[..<end]
            for option in command.options {
                #expect(body.contains("--\(option.name)") || command.path == ["version"],
                        "CLI.md's section of '\(usage)' does not mention --\(option.name)")
            }
        }
    }

    @Test("free text may be typed without quotes, for ask and guide")
    func unquotedSentences() async throws {
        let harness = try AppointmentsCommandsTests.Harness()
        let unquoted = await harness.run(["ask", "où", "porter", "plainte", "--json"])
        let quoted = await harness.run(["ask", "où porter plainte", "--json"])
        #expect(unquoted.status == 0, "\(unquoted.error)")
        #expect(unquoted.output == quoted.output)
        let guide = await harness.run(["guide", "on", "m'a", "volé", "mon", "vélo", "--postal-code", "33000"])
        #expect(guide.status == 0, "\(guide.error)")
        #expect(guide.output.contains("Vélo ou trottinette volé"))
    }
}
