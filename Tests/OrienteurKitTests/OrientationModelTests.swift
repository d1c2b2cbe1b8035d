import Foundation
import Testing
@testable import OrienteurKit

/// The learnt model of citizens' wording that the search blends with BM25F (`orientation-model.json`).
@Suite struct OrientationModelTests {
    static let examples: [(terms: [String], targets: [String])] = [
        (["volet", "forc", "nuit"], ["a-camb-present"]),
        (["volet", "bruit", "jardin"], ["a-camb-present", "b-suspect"]),
        (["passeport", "perdu"], ["c-perte-papiers"]),
        (["passeport", "vol", "metro"], ["c-perte-papiers"]),
    ]

    @Test func learnsWhichWordsGoWithWhichAnswerDeterministically() {
        let model = OrientationModel.train(Self.examples, trainedOn: "toy")
        #expect(model == OrientationModel.train(Self.examples, trainedOn: "toy"))
        #expect(model.probabilities(["volet"]).first?.id == "a-camb-present")
        #expect(model.probabilities(["passeport"]).first?.id == "c-perte-papiers")
        // A second answer counts half: it is learnt, below the first.
        let garden = model.probabilities(["jardin"])
        let present = garden.first { $0.id == "a-camb-present" }?.probability ?? 0
        let suspect = garden.first { $0.id == "b-suspect" }?.probability ?? 0
        #expect(present > suspect && suspect > 0)
        let total = garden.reduce(0) { $0 + $1.probability }
        #expect(abs(total - 1) < 1e-9)
    }

    @Test func saysNothingOnWordsItNeverSaw() {
        let model = OrientationModel.train(Self.examples, trainedOn: "toy")
        #expect(model.probabilities(["procuration"]).isEmpty)
        #expect(model.probabilities([]).isEmpty)
    }

    @Test func theSearchBlendsTheModelAndBringsInWhatItIsSureOf() throws {
        var content = try BundledContentProvider().loadContent()
        content.orientationModel = nil
        let leaf = try #require(content.leaves.first { $0.id == "a-veh-velo" })
        let plain = SearchIndex(content: content, language: .french)
        // A word no leaf uses: BM25F alone finds nothing.
        #expect(plain.search("zorglub").isEmpty)
        content.orientationModel = OrientationModel.train([(plain.terms(of: "zorglub bicyclette"), [leaf.id])], trainedOn: "toy")
        let learnt = SearchIndex(content: content, language: .french)
        #expect(learnt.search("zorglub").first?.id == leaf.id)
        // A sentence the text already answers keeps its answer first when the model knows nothing of it.
        let passport = plain.search("j'ai perdu mon passeport").first?.id
        #expect(learnt.search("j'ai perdu mon passeport").first?.id == passport)
    }

    @Test func theBundledContentShipsAModelThatHelpsUnseenWording() throws {
        let content = try BundledContentProvider().loadContent()
        let model = try #require(content.orientationModel)
        #expect(model.targets.count > 100)
        #expect(model.trainedOn.contains("development"))
        #expect(!model.trainedOn.contains("heldout"))
        // Most targets are leaves and fiches (the others are teleservices the guichet adds to the search).
        let ids = Set(content.leaves.map(\.id) + content.fiches.map(\.id))
        #expect(model.targets.keys.filter { ids.contains($0) }.count > 100)
    }

    @Test func aDirectoryModelIsReadAndABrokenOneIsALocatedError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orientation-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = try Data(contentsOf: try Fixture.url("content-small").appendingPathComponent("tree.json"))
        try tree.write(to: directory.appendingPathComponent("tree.json"))
        let model = OrientationModel.train(Self.examples, trainedOn: "toy")
        try JSONEncoder().encode(model).write(to: directory.appendingPathComponent("orientation-model.json"))
        #expect(try DirectoryContentProvider(directory: directory).loadContent().orientationModel == model)
        try Data("{\"targets\": 3}".utf8).write(to: directory.appendingPathComponent("orientation-model.json"))
        #expect {
            _ = try DirectoryContentProvider(directory: directory).loadContent()
        } throws: { error in
            "\(error)".contains("orientation-model.json")
        }
    }

    @Test func anOverlayModelReplacesTheBundledOne() throws {
        let content = try BundledContentProvider().loadContent()
        let overlay = ContentOverlay(orientationModel: OrientationModel(targets: [:], blend: 1, temperature: 1, trainedOn: "local"))
        #expect(content.merging(overlay).orientationModel?.trainedOn == "local")
    }
}
