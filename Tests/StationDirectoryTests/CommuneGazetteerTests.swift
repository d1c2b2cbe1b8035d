import Testing
@testable import StationDirectory

@Suite struct CommuneGazetteerTests {
    @Test(arguments: ["saint etienne", "St-Étienne", "st etiene", "SAINT-ETIENNE", "Saint Étienne", "st-etienne ", "saint-etienn"])
    func saintEtienneVariants(query: String) throws {
        let finder = try Bundled.finder()
        let first = try #require(finder.places(matching: query).first)
        #expect(first.insee.rawValue == "42218", "\(query) → \(first.name)")
    }

    @Test func exactBeatsPrefixBeatsTypo() throws {
        let finder = try Bundled.finder()
        let matches = finder.gazetteer.search(name: "saint etienne", limit: 20)
        #expect(matches.first?.quality == .exact)
        #expect(matches.dropFirst().allSatisfy { $0.quality != .exact })
        #expect(matches.dropFirst().contains { $0.commune.name.hasPrefix("Saint-Étienne-") && $0.quality == .prefix })
        let typo = finder.gazetteer.search(name: "st etiene")
        #expect(typo.first?.quality == .approximate)
        #expect(typo.first?.editDistance == 1)
    }

    @Test func apostrophesAndSainte() throws {
        let finder = try Bundled.finder()
        #expect(finder.places(matching: "l abergement clemenciat").first?.insee.rawValue == "01001")
        #expect(finder.places(matching: "L’Abergement-Clémenciat").first?.insee.rawValue == "01001")
        #expect(finder.places(matching: "ste maxime").first?.name == "Sainte-Maxime")
        #expect(finder.places(matching: "bordaux").first?.name == "Bordeaux")
    }

    @Test func postalCodeReturnsEveryCommune() throws {
        let finder = try Bundled.finder()
        let communes = finder.places(matching: "38500")
        #expect(Set(communes.map(\.insee.rawValue)) == ["38061", "38133", "38373", "38432", "38563"])
        #expect(communes.first?.name == "Voiron", "the commune with stations comes first")
    }

    @Test func inseeCodeLookup() throws {
        let finder = try Bundled.finder()
        #expect(finder.places(matching: "2A004").first?.name == "Ajaccio")
        #expect(finder.places(matching: "42218").first?.name == "Saint-Étienne", "not a postal code, so read as INSEE")
        #expect(finder.gazetteer.commune(insee: try INSEECode("33063"))?.name == "Bordeaux")
        #expect(finder.places(matching: "99999").isEmpty)
        #expect(finder.places(matching: "zzzzzzzzzzqq").isEmpty)
    }

    @Test func foldingAndEditDistance() {
        #expect(NameFolding.fold("St-Étienne") == Array("saint etienne".utf8))
        #expect(NameFolding.fold("  L'Haÿ-les-Roses ") == Array("l hay les roses".utf8))
        #expect(NameFolding.fold("Œuilly") == Array("oeuilly".utf8))
        #expect(NameFolding.editDistance(Array("etienne".utf8), Array("etiene".utf8), limit: 2) == 1)
        #expect(NameFolding.editDistance(Array("etienne".utf8), Array("eitenne".utf8), limit: 2) == 1, "transposition")
        #expect(NameFolding.editDistance(Array("lyon".utf8), Array("paris".utf8), limit: 2) == nil)
    }
}
