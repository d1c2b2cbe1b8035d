import Foundation
import MaSecurite
import Testing
@testable import MaSecuriteCLI

@Suite struct GuichetCommandsTests {
    /// A fresh data directory and a clock at Tuesday 2026-03-10 10:00 Paris.
    final class Harness: Sendable {
        let directory: String
        let clock: ManualWallClock

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("masecurite-guichet-\(UUID().uuidString)").path
            clock = ManualWallClock(try Date("2026-03-10T09:00:00Z", strategy: .iso8601))
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        func run(_ arguments: [String], input: String = "") async -> (status: Int32, output: String, error: String) {
            let console = BufferConsole(input: input)
            let context = CommandContext(console: console, environment: ["XDG_DATA_HOME": directory, "HOME": directory], clock: clock)
            let status = await MaSecuriteCommandLine.main(arguments, context: context)
            return (status, console.output, console.errorOutput)
        }
    }

    @Test func guideJSONGivesTheWholeGuidance() async throws {
        let harness = try Harness()
        let result = await harness.run(["guide", "on m'a volé mon vélo devant la gare", "--postal-code", "33000", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let guidance = try JSONDecoder().decode(Guidance.self, from: Data(result.output.utf8))
        #expect(guidance.emergency == nil)
        #expect(guidance.orientation?.leafID == "a-veh-velo")
        #expect(guidance.steps.first { $0.action == "teleservice:plainte-en-ligne" }?.teleservice?.available == true)
        let stations = try #require(guidance.steps.first { $0.kind == "visit" }?.stations?.stations)
        #expect(stations.count == 3)
        #expect(stations.allSatisfy { $0.departement.rawValue == "33" })
        #expect(!(stations.first?.firstSlots.isEmpty ?? true))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["content_version"] is String)
        #expect(object.keys.contains("set_aside"))
    }

    @Test func guideTextPutsTheEmergencyFirst() async throws {
        let harness = try Harness()
        let result = await harness.run(["guide", "au secours il me frappe en ce moment"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "URGENCE — appelez maintenant")
        #expect(result.output.contains("17"))
        #expect(!result.output.contains("Plainte en ligne"))
    }

    @Test func guideByLeafWithFactsAndCommune() async throws {
        let harness = try Harness()
        let result = await harness.run(["guide", "--leaf", "a-vol-inconnu", "--commune", "st etiene", "--fact", "victim_is_minor=false",
                                        "--fact", "happened_in_france=true", "--lang", "en", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let guidance = try JSONDecoder().decode(Guidance.self, from: Data(result.output.utf8))
        #expect(guidance.language == .english)
        #expect(guidance.place?.commune == "Saint-Étienne")
        #expect(guidance.steps.first { $0.action == "teleservice:plainte-en-ligne" }?.teleservice?.verdict == .eligible)
    }

    @Test func guideUsageErrors() async throws {
        let harness = try Harness()
        #expect(await harness.run(["guide"]).status == 2)
        #expect(await harness.run(["guide", "vol", "--leaf", "a-vol-inconnu"]).status == 2)
        #expect(await harness.run(["guide", "--leaf", "nope"]).status == 2)
        #expect(await harness.run(["guide", "vol", "--postal-code", "123"]).status == 2)
        #expect(await harness.run(["guide", "vol", "--fact", "colour=blue"]).status == 2)
        #expect(await harness.run(["guide", "vol", "--postal-code", "33000", "--commune", "Lyon"]).status == 2)
        let notFound = await harness.run(["guide", "vol", "--commune", "zzzzqqqxxw"])
        #expect(notFound.status == 1)
        #expect(notFound.error.contains("zzzzqqqxxw"))
    }

    @Test func guidePreviewsLocalContent() async throws {
        let harness = try Harness()
        let source = try #require(BundledContentProvider.directory)
        let copy = URL(fileURLWithPath: harness.directory).appendingPathComponent("content")
        try FileManager.default.createDirectory(atPath: harness.directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: copy)
        let treeURL = copy.appendingPathComponent("tree.json")
        let tree = try String(contentsOf: treeURL, encoding: .utf8)
        let version = try #require(tree.range(of: #""contentVersion": "[^"]*""#, options: .regularExpression))
        try tree.replacingCharacters(in: version, with: #""contentVersion": "local.1""#).write(to: treeURL, atomically: true, encoding: .utf8)
        let result = await harness.run(["guide", "--leaf", "a-veh-velo", "--content", copy.path, "--json"])
        #expect(result.status == 0, "\(result.error)")
        #expect(try JSONDecoder().decode(Guidance.self, from: Data(result.output.utf8)).contentVersion == "local.1")
        let missing = await harness.run(["guide", "vol", "--content", harness.directory + "/nowhere"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("tree.json"))
    }

    @Test func interactiveJourneyWithBookingStoredInSQLite() async throws {
        let harness = try Harness()
        // Victim → theft → something stolen without violence → I know who → postal code → book slot 1 → no other situation.
        let script = "1\n4\n2\n1\n33000\n1\nn\n"
        let result = await harness.run([], input: script)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Que voulez-vous faire ?"))
        #expect(result.output.contains("Que s'est-il passé ?"))
        #expect(result.output.contains("Ce que vous pouvez faire, dans l'ordre :"))
        #expect(result.output.contains("C'est réservé."))
        #expect(result.output.hasSuffix("Au revoir. Prenez soin de vous.\n"))
        let code = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("Code de confirmation : ") }?
            .replacingOccurrences(of: "Code de confirmation : ", with: ""))
        let shown = await harness.run(["appointments", "show", code, "--json"])
        #expect(shown.status == 0, "\(shown.error)")
        #expect(shown.output.contains("plainte"))
    }

    @Test func interactiveGuichetCountsTheLeafShownOnlyWithAUsageStore() async throws {
        let harness = try Harness()
        let usage = harness.directory + "/usage.sqlite"
        let script = "on m'a volé mon vélo devant la gare\n1\n33000\n"
        let counted = await harness.run(["guichet", "--usage-store", usage], input: script)
        #expect(counted.status == 0, "\(counted.error)")
        let store = try SQLiteLocalInformationStore(path: usage)
        let counts = try await store.counts()
        #expect(counts.count == 1 && counts.first?.about.kind == .leaf && counts.first?.outcome == .shown && counts.first?.count == 1,
                "one leaf shown, counted once: \(counts)")

        let uncounted = await harness.run(["guichet"], input: script)
        #expect(uncounted.status == 0, "\(uncounted.error)")
        #expect(try await store.counts() == counts, "without --usage-store nothing is counted")
        #expect(!FileManager.default.fileExists(atPath: harness.directory + "/masecurite/local-information.sqlite"),
                "without --usage-store no usage file is created")
        let empty = await harness.run(["guichet", "--usage-store", ":memory:"], input: "")
        #expect(empty.status != 0 && empty.error.contains("--usage-store"), "a path that names no file is refused: \(empty.error)")
    }

    @Test func interactiveOwnWordsAndEndOfInput() async throws {
        let harness = try Harness()
        let result = await harness.run([], input: "on m'a volé mon vélo devant la gare\n1\n33000\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Voici ce que nous avons compris"))
        #expect(result.output.contains("Plainte en ligne"))
        #expect(result.output.hasSuffix("Au revoir. Prenez soin de vous.\n"))
    }

    @Test func interactiveEmergencyAnswersAtOnce() async throws {
        let harness = try Harness()
        let result = await harness.run(["guichet", "--lang", "en"], input: "help someone is breaking into my house right now\nn\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("EMERGENCY — call now"))
        #expect(!result.output.contains("postal code"))
    }

    @Test func emptyInputExitsCleanly() async throws {
        let harness = try Harness()
        let result = await harness.run([], input: "")
        #expect(result.status == 0)
        #expect(result.output.contains("Au revoir"))
    }
}
