import Foundation
import MaSecuriteCore
import Testing
@testable import MaSecuriteCLI

@Suite struct TeleservicesCommandsTests {
    struct ListRow: Decodable, Equatable {
        let id: String
        let name: String
        let url: String
        let authentication: [String]
        let available: Bool
    }

    struct CheckRow: Decodable, Equatable {
        let id: String
        let verdict: String
        let reasons: [String]
        let missing: [String]
    }

    func run(_ arguments: [String], now: Date = Date(timeIntervalSince1970: 1_768_471_200)) async -> (Int32, BufferConsole) {
        // Default clock: 2026-01-15 10:00 UTC.
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(arguments, context: CommandContext(console: console, environment: [:],
                                                                                         clock: ManualWallClock(now)))
        return (status, console)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test func listJSONHasTheContractFieldsAndAvailabilityByDepartement() async throws {
        let (status, console) = await run(["teleservices", "list", "--department", "78", "--date", "2026-01-15", "--json"])
        #expect(status == 0)
        let rows = try decode([ListRow].self, console.output)
        #expect(rows.count == 24)
        let visio = try #require(rows.first { $0.id == "visioplainte" })
        #expect(visio.available)
        #expect(visio.authentication == ["franceconnect"])
        #expect(visio.url.hasPrefix("https://"))
        #expect(rows.first { $0.id == "rendez-vous" }?.available == false)
        #expect(rows.first { $0.id == "pre-plainte-en-ligne" }?.available == false)

        let (_, gironde) = await run(["teleservices", "list", "--department", "33", "--json", "--lang", "fr"])
        let girondeRows = try decode([ListRow].self, gironde.output)
        #expect(girondeRows.first { $0.id == "visioplainte" }?.available == false)
        #expect(girondeRows.first { $0.id == "rendez-vous" }?.available == true)
        #expect(girondeRows.first { $0.id == "tchat" }?.name == "Tchat Ma Sécurité")
    }

    @Test func listUsesTheClockAndTheDateOption() async throws {
        let (_, before) = await run(["teleservices", "list", "--json"], now: Date(timeIntervalSince1970: 1_700_000_000)) // 2023-11-14
        #expect(try decode([ListRow].self, before.output).first { $0.id == "17cyber" }?.available == false)
        let (_, after) = await run(["teleservices", "list", "--json", "--date", "2025-01-01"])
        #expect(try decode([ListRow].self, after.output).first { $0.id == "17cyber" }?.available == true)
        let (text, table) = await run(["teleservices", "list"])
        #expect(text == 0)
        #expect(table.output.contains("plainte-en-ligne"))
    }

    @Test func checkKnownAuthorIsNotEligibleWithTheReason() async throws {
        let (status, console) = await run(["teleservices", "check", "plainte-en-ligne", "--fact", "emergency_now=false",
                                           "--fact", "offence=vol", "--fact", "author_known=true", "--json"])
        #expect(status == 0)
        let result = try decode(CheckRow.self, console.output)
        #expect(result == CheckRow(id: "plainte-en-ligne", verdict: "not-eligible",
                                   reasons: ["Plainte en ligne is not possible because the author is known to you: book an appointment at a station instead."],
                                   missing: []))
    }

    @Test func checkListsMissingFactsInAskingOrder() async throws {
        let (status, console) = await run(["teleservices", "check", "perceval", "--fact", "offence=fraude-carte", "--json"])
        #expect(status == 0)
        let result = try decode(CheckRow.self, console.output)
        #expect(result.verdict == "needs-information")
        #expect(result.missing == ["emergency_now", "card_in_possession", "payments_remote", "card_blocked"])
    }

    @Test func checkEligibleInFrenchWithDontKnowAnswers() async throws {
        let (_, console) = await run(["teleservices", "check", "operation-tranquillite-vacances", "--lang", "fr", "--json",
                                      "--fact", "emergency_now=non", "--fact", "need=surveillance-logement", "--fact", "age=40",
                                      "--fact", "absence_start=?", "--fact", "absence_end=?"])
        let result = try decode(CheckRow.self, console.output)
        #expect(result.verdict == "not-eligible")
        #expect(result.reasons.contains { $0.contains("dates de départ et de retour") })

        let (_, ok) = await run(["teleservices", "check", "operation-tranquillite-vacances", "--json",
                                 "--fact", "emergency_now=false", "--fact", "need=surveillance-logement", "--fact", "age=40",
                                 "--fact", "absence_start=2026-02-01", "--fact", "absence_end=2026-02-15"])
        #expect(try decode(CheckRow.self, ok.output).verdict == "eligible")
    }

    @Test func checkTextOutputNamesAlternatives() async {
        let (status, console) = await run(["teleservices", "check", "plainte-en-ligne", "--fact", "offence=escroquerie",
                                           "--fact", "happened_online=true"])
        #expect(status == 0)
        #expect(console.output.contains("not eligible"))
        #expect(console.output.contains("thesee"))
    }

    @Test(arguments: [
        (["teleservices", "check", "nope"], "valid ids: tchat, pnav"),
        (["teleservices", "check", "pharos", "--fact", "colour=red"], "valid facts: emergency_now"),
        (["teleservices", "check", "pharos", "--fact", "emergency_now=maybe"], "true or false"),
        (["teleservices", "check", "pharos", "--fact", "offence=arson"], "one of vol, cambriolage"),
        (["teleservices", "check", "pharos", "--fact", "age"], "name=value"),
        (["teleservices", "check", "pharos", "--date", "tomorrow"], "YYYY-MM-DD"),
        (["teleservices", "list", "--department", "20"], "not a French département code"),
        (["teleservices", "list", "--lang", "de"], "fr, en"),
    ])
    func usageErrorsExitTwoNamingTheValidChoices(_ arguments: [String], _ expected: String) async {
        let (status, console) = await run(arguments)
        #expect(status == 2)
        #expect(console.errorOutput.contains(expected), "\(console.errorOutput)")
        #expect(console.output.isEmpty)
    }

    @Test func suggestRanksEligibleServicesFirst() async throws {
        let (status, console) = await run(["teleservices", "suggest", "--json", "--fact", "emergency_now=false",
                                           "--fact", "offence=escroquerie", "--fact", "happened_online=true", "--fact", "is_professional=false"])
        #expect(status == 0)
        let rows = try decode([CheckRow].self, console.output)
        #expect(rows.first?.id == "thesee")
        let verdicts = rows.map(\.verdict)
        let firstNeeds = verdicts.firstIndex(of: "needs-information") ?? verdicts.count
        #expect(verdicts[..<firstNeeds].allSatisfy { $0 == "eligible" })
        #expect(verdicts[firstNeeds...].allSatisfy { $0 == "needs-information" })
        #expect(!verdicts.contains("not-eligible"))
    }

    @Test func versionListsTheCatalog() async {
        let (status, console) = await run(["version", "--json"])
        #expect(status == 0)
        #expect(console.output.contains("teleservices catalog"))
        #expect(console.output.contains("2026.11.25"))
    }
}
