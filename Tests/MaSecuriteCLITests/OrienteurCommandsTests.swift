import Foundation
import Testing
@testable import MaSecuriteCLI

@Suite struct OrienteurCommandsTests {
    func run(_ arguments: [String], input: String = "") async -> (Int32, String, String) {
        let console = BufferConsole(input: input)
        let status = await MaSecuriteCommandLine.main(arguments, context: CommandContext(console: console))
        return (status, console.output, console.errorOutput)
    }

    @Test func validateBundledContentAsJSON() async throws {
        let (status, output, _) = await run(["content", "validate", "--json"])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["journeys", "nodes", "leaves", "fiches", "max_depth", "errors"])
        #expect((object["leaves"] as? Int ?? 0) >= 110)
        #expect((object["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func validateBrokenDirectoryExitsOneWithPaths() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orienteur-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = #"{"schemaVersion":1,"contentVersion":"x","journeys":[{"id":"victime","title":{"fr":"V","en":"V"},"description":{"fr":"d","en":"d"},"start":"a-root"}],"nodes":[{"id":"a-root","question":{"fr":"Q","en":"Q"},"choices":[{"label":{"fr":"un","en":"one"},"target":"a-leaf"}]}],"leaves":[{"id":"a-leaf","title":{"fr":"T"},"summary":{"fr":"S","en":"S"},"actions":["call:3919"]}]}"#
        try Data(tree.utf8).write(to: directory.appendingPathComponent("tree.json"))
        let (status, output, _) = await run(["content", "validate", directory.path])
        #expect(status == 1)
        #expect(output.contains("nodes/a-root: has 1 choice(s)"))
        #expect(output.contains("leaves/a-leaf/title: missing English text"))
        #expect(output.contains("number 3919 is not in numbers.json"))
        let (missingStatus, _, error) = await run(["content", "validate", directory.appendingPathComponent("nope").path])
        #expect(missingStatus == 1)
        #expect(error.contains("file not found"))
    }

    @Test func askPrintsTheDocumentedJSON() async throws {
        let (status, output, _) = await run(["ask", "on m'a volé mon vélo devant la gare", "--json", "--limit", "3"])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["emergency"] is NSNull)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 3)
        #expect(Set(results[0].keys) == ["kind", "id", "title", "score", "actions", "matched"])
    }

    @Test func askDetectsAnEmergencyFirst() async throws {
        let (status, output, _) = await run(["ask", "my husband is hitting me right now", "--json"])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let emergency = try #require(object["emergency"] as? [String: Any])
        #expect((emergency["actions"] as? [String])?.prefix(2) == ["call:17", "call:112"])
        let (_, text, _) = await run(["ask", "il me frappe en ce moment"])
        #expect(text.hasPrefix("⚠️  URGENCE"))
        #expect(text.contains("Appelez le 17"))
    }

    @Test func trainOrientationTakesItsSmoothingAndRefusesOneOutOfRange() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orienteur-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let set = #"{"part":"development","sentences":[{"id":"t1","lang":"fr","category":"c","text":"on m a volé mon vélo dans la cour","emergency":false,"numbers":[],"accept":["a-vol-inconnu"]}]}"#
        let file = directory.appendingPathComponent("set.json")
        try Data(set.utf8).write(to: file)
        var models: [Data] = []
        for smoothing in ["0.1", "1"] {
            let output = directory.appendingPathComponent("model-\(smoothing).json")
            let (status, _, error) = await run(["content", "train-orientation", file.path, "--output", output.path, "--smoothing", smoothing])
            #expect(status == 0, "\(error)")
            models.append(try Data(contentsOf: output))
        }
        #expect(models[0] != models[1], "the smoothing changes the learnt probabilities")
        let (status, _, error) = await run(["content", "train-orientation", file.path, "--output", "/dev/null", "--smoothing", "50"])
        #expect(status == 2)
        #expect(error.contains("--smoothing must be between 0.001 and 10, got 50.0"))
    }

    @Test func trainEmergencyTakesItsEpochsAndWeightDecayAndRefusesThemOutOfRange() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emergency-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let set = #"{"part":"development","sentences":[{"id":"t1","lang":"fr","category":"c","text":"il me frappe en ce moment","emergency":true,"numbers":["17"],"accept":["a-vc-danger-parle"]},{"id":"t2","lang":"fr","category":"c","text":"on m a volé mon vélo la semaine dernière","emergency":false,"numbers":[],"accept":["a-vol-inconnu"]}]}"#
        let file = directory.appendingPathComponent("set.json")
        try Data(set.utf8).write(to: file)
        var models: [Data] = []
        for options in [["--epochs", "50"], ["--epochs", "500"], ["--epochs", "500", "--l2", "0.1"]] {
            let output = directory.appendingPathComponent("model-\(models.count).json")
            let (status, _, error) = await run(["content", "train-emergency", file.path, "--output", output.path] + options)
            #expect(status == 0, "\(error)")
            models.append(try Data(contentsOf: output))
        }
        #expect(models[0] != models[1], "more passes fit the sentences more closely")
        #expect(models[1] != models[2], "the weight decay shrinks the weights")
        let (epochsStatus, _, epochsError) = await run(["content", "train-emergency", file.path, "--output", "/dev/null", "--epochs", "0"])
        #expect(epochsStatus == 2)
        #expect(epochsError.contains("--epochs expects a whole number in 1…100000, got '0'"))
        let (l2Status, _, l2Error) = await run(["content", "train-emergency", file.path, "--output", "/dev/null", "--l2", "2"])
        #expect(l2Status == 2)
        #expect(l2Error.contains("--l2 must be between 0 and 1, got 2.0"))
        let (overruleStatus, _, overruleError) = await run(["content", "train-emergency", file.path, "--output", "/dev/null",
                                                             "--text-only", "--text-overrule", "0.3"])
        #expect(overruleStatus == 2)
        #expect(overruleError.contains("--text-overrule must be between --text-alert (0.5) and 1, got 0.3"))
        let (namedStatus, _, namedError) = await run(["content", "train-emergency", file.path, "--output", "/dev/null",
                                                       "--text-only", "--text-named-danger", "0.4"])
        #expect(namedStatus == 2)
        #expect(namedError.contains("--text-named-danger must be between --text-alert (0.5) and 1, got 0.4"))
        let (dismissStatus, _, dismissError) = await run(["content", "train-emergency", file.path, "--output", "/dev/null",
                                                           "--text-only", "--text-dismiss-missing", "0.2"])
        #expect(dismissStatus == 2)
        #expect(dismissError.contains("--text-dismiss-missing must be between 0 and --text-confirm (0.1), got 0.2"))
    }

    @Test func askRejectsBadOptions() async {
        let (status, _, error) = await run(["ask", "vélo", "--lang", "de"])
        #expect(status == 2)
        #expect(error.contains("--lang must be one of fr, en"))
        let (limitStatus, _, _) = await run(["ask", "vélo", "--limit", "0"])
        #expect(limitStatus == 2)
    }

    @Test func orientWalksWithPipedInputAndPrintsTheLeafInFull() async throws {
        // Pick the first journey, then always the first choice until a leaf, then back, restart, quit.
        let (status, output, _) = await run(["orient"], input: "1\n1\n1\n1\n1\n1\nb\nr\nx\n9\nq\n")
        #expect(status == 0)
        #expect(output.contains("Que souhaitez-vous faire ?"))
        #expect(output.contains("Que faire :"))
        #expect(output.contains("Tapez un numéro, b, r ou q."))
        let (englishStatus, english, _) = await run(["orient", "--lang", "en"], input: "3\n")
        #expect(englishStatus == 0)
        #expect(english.contains("What would you like to do?"))
    }
}
