import Foundation
import Testing
@testable import OrienteurKit

@Suite struct ContentTests {
    static func small() throws -> OrienteurContent {
        try DirectoryContentProvider(directory: Fixture.url("content-small")).loadContent()
    }

    @Test func bundledContentValidatesCleanAndIsComplete() throws {
        let content = try BundledContentProvider().loadContent()
        let report = ContentValidator().validate(content)
        print("Bundled content: \(report.journeys) journeys, \(report.nodes) questions, \(report.leaves) leaves, \(report.fiches) fiches, max depth \(report.maxDepth) (+1 journey pick), \(report.errors.count) errors")
        #expect(report.errors.isEmpty, "\(report.errors.prefix(20).map(\.description).joined(separator: "\n"))")
        #expect(report.journeys == 3)
        #expect(report.leaves >= 110)
        #expect(report.fiches >= 40)
        #expect(report.maxDepth <= 5)
        #expect(content.leaves.allSatisfy { leaf in
            leaf.examples.contains { $0.lang == .french } && leaf.examples.contains { $0.lang == .english }
        })
    }

    @Test func smallFixtureIsValid() throws {
        let report = ContentValidator().validate(try Self.small())
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report == ValidationReport(journeys: 2, nodes: 3, leaves: 5, fiches: 1, maxDepth: 2, errors: []))
    }

    @Test func brokenContentReportsEveryProblemWithItsPath() throws {
        let content = try DirectoryContentProvider(directory: Fixture.url("content-broken")).loadContent()
        let report = ContentValidator(teleserviceIDs: ["plainte-en-ligne"]).validate(content)
        let text = report.errors.map(\.description).joined(separator: "\n")
        func expectIssue(_ path: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(report.errors.contains { $0.path.contains(path) && $0.message.contains(fragment) },
                    "missing '\(fragment)' at '\(path)' in:\n\(text)", sourceLocation: sourceLocation)
        }
        expectIssue("tree.json", "schemaVersion is 2")
        expectIssue("journeys/victime/title", "missing English")
        expectIssue("journeys/victime/description", "empty French")
        expectIssue("nodes/a-root/choices[1]", "dead end")
        expectIssue("victime/a-root/a-1/a-root", "cycle")
        expectIssue("leaves/leaf-ok", "duplicate id")
        expectIssue("nodes/a-lonely", "1 choice")
        expectIssue("nodes/a-lonely", "unreachable")
        expectIssue("leaves/leaf-empty", "leaf without action")
        expectIssue("leaves/leaf-empty", "unreachable")
        expectIssue("a-5/leaf-deep", "6 choices")
        expectIssue("leaves/leaf-deep/actions[0]", "3919 is not in numbers.json")
        expectIssue("leaves/leaf-deep/actions[1]", "'sms' channel")
        expectIssue("leaves/leaf-deep/actions[2]", "unknown teleservice")
        expectIssue("leaves/leaf-deep/actions[3]", "no fiche")
        expectIssue("leaves/leaf-deep/actions[4]", "no partner")
        expectIssue("leaves/leaf-deep/actions", "links must start with https://")
        expectIssue("leaves/leaf-deep/documents", "no document list")
        #expect(report.maxDepth == 6)
    }

    @Test func teleserviceSetIsInjectable() throws {
        let content = try Self.small()
        let report = ContentValidator(teleserviceIDs: ["plainte-en-ligne"]).validate(content)
        #expect(report.errors.map(\.message).contains { $0.contains("unknown teleservice id 'maprocuration'") })
        #expect(!ContentValidator().validate(content).errors.contains { $0.message.contains("unknown teleservice") })
    }

    @Test func leafDangersAndEmergencyAnswersAreChecked() throws {
        var content = try BundledContentProvider().loadContent()
        let index = try #require(content.leaves.firstIndex { $0.id == "b-disp-mineur" })
        content.leaves[index].danger = LeafDanger(reason: .missingChild, when: .unlessPast)
        content.leaves[index].facts = ["offence": " "]
        content.emergencyAnswers.removeAll { $0.reason == .missingChild }
        content.emergencyAnswers.append(EmergencyAnswer(reason: .fire, actions: [.call("999"), .fiche("vol-vehicule")], leaf: "no-such-leaf"))
        let report = ContentValidator().validate(content)
        let messages = report.errors.map(\.description)
        #expect(messages.contains { $0.contains("leaves/b-disp-mineur/danger") && $0.contains("'missing-child' has no numbers") })
        #expect(messages.contains { $0.contains("leaves/b-disp-mineur/facts") && $0.contains("empty fact") })
        #expect(messages.contains { $0.contains("emergencyAnswers") && $0.contains("a second answer for 'fire'") })
        #expect(messages.contains { $0.contains("emergencyAnswers") && $0.contains("999 is not in numbers.json") })
        #expect(messages.contains { $0.contains("emergencyAnswers") && $0.contains("only calls or texts") })
        #expect(messages.contains { $0.contains("emergencyAnswers") && $0.contains("leaf 'no-such-leaf'") })
    }

    @Test func aWrongDangerReasonInAnOverlayIsRejectedWithItsPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orienteur-danger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let leaf = #"{"id": "x-local", "title": {"fr": "T", "en": "T"}, "summary": {"fr": "S", "en": "S"}, "actions": ["call:17"], "danger": {"reason": "earthquake", "when": "ongoing"}}"#
        try Data(#"{"leaves": [\#(leaf)]}"#.utf8).write(to: directory.appendingPathComponent("tree.json"))
        let provider = OverlayContentProvider(base: BundledContentProvider(), overlayDirectory: directory)
        let error = #expect(throws: ContentLoadError.self) { try provider.loadContent() }
        #expect(error?.file.hasSuffix("tree.json") == true)
        #expect(error?.message.contains("leaves[0].danger.reason") == true, "\(String(describing: error))")
    }

    @Test func validationReportEncodesTheDocumentedJSON() throws {
        let report = ValidationReport(journeys: 1, nodes: 2, leaves: 3, fiches: 4, maxDepth: 5, errors: [ValidationIssue(path: "p", message: "m")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(json == #"{"errors":[{"message":"m","path":"p"}],"fiches":4,"journeys":1,"leaves":3,"max_depth":5,"nodes":2}"#)
    }

    @Test func overlayAddsLocalFichesAndLeaves() throws {
        let provider = OverlayContentProvider(base: DirectoryContentProvider(directory: try Fixture.url("content-small")),
                                              overlayDirectory: try Fixture.url("content-overlay"))
        let content = try provider.loadContent()
        #expect(content.contentVersion == "test.1+gironde.1")
        #expect(content.fiche("marche-noel") != nil)
        #expect(content.fiche("vol-vehicule") != nil)
        #expect(content.node("c-root")?.choices.count == 3)
        #expect(ContentValidator().validate(content).errors.isEmpty)
        let orienteur = Orienteur(content: content)
        #expect(orienteur.ask("pickpocket au marché de noël", language: .french).results.first?.id == "c-local-marche")
    }

    @Test func malformedFileNamesTheFileAndField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orienteur-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = #"{"schemaVersion":1,"contentVersion":"x","journeys":[],"nodes":[],"leaves":[{"id":"a","title":{"fr":"t"},"summary":{"fr":5},"actions":["phone:17"]}]}"#
        try Data(tree.utf8).write(to: directory.appendingPathComponent("tree.json"))
        #expect {
            try DirectoryContentProvider(directory: directory).loadContent()
        } throws: { error in
            let error = error as? ContentLoadError
            return error?.file.hasSuffix("tree.json") == true && error?.message.contains("leaves[0].summary.fr") == true
        }
        #expect(throws: ContentLoadError.self) { try DirectoryContentProvider(directory: directory.appendingPathComponent("none")).loadContent() }
    }
}
