import Foundation
import Testing
@testable import OrienteurKit

@Suite struct SearchTests {
    static func small() throws -> Orienteur { Orienteur(content: try ContentTests.small()) }

    @Test func analyzerRemovesElisionsStopWordsAndFoldsAfterStemming() {
        let analyzer = TextAnalyzer(language: .french)
        #expect(analyzer.terms("L’agression d'hier") == analyzer.terms("agression hier"))
        #expect(analyzer.terms("qu'on m'a volé") == [TextAnalyzer.fold(FrenchStemmer.stem("volé"))])
        #expect(analyzer.terms("Cambriolé") == ["cambriol"])
        #expect(TextAnalyzer.fold("cœur élevé") == "coeur eleve")
        #expect(TextAnalyzer(language: .english).terms("My bikes were stolen") == TextAnalyzer(language: .english).terms("bike stolen"))
    }

    /// "le plus proche" is the nearest (a place), not "un proche" (a relative, who may be missing): asking for the
    /// nearest station finds the station finder and raises no missing-child alert.
    @Test func theNearestStationIsNoMissingRelative() throws {
        let orienteur = try Orienteur.bundled()
        for text in ["où est le commissariat le plus proche, il ouvre à quelle heure ?", "c ou la gendarmerie la plus proche elle ouvre quand"] {
            let answer = orienteur.ask(text, language: .french)
            #expect(answer.results.first?.id == "c-contact-annuaire", "\(text)")
            #expect(answer.emergency == nil, "\(text)")
        }
        // A relative still reads as one.
        #expect(orienteur.ask("mon proche a disparu depuis hier", language: .french).results.prefix(3).contains { $0.id == "disparition" || $0.id.hasPrefix("b-disp") })
    }

    @Test func englishStemmerConflatesCommonVariants() {
        #expect(EnglishStemmer.stem("hacked") == EnglishStemmer.stem("hacking"))
        #expect(EnglishStemmer.stem("burglaries") == EnglishStemmer.stem("burglary"))
        #expect(EnglishStemmer.stem("harassed") == EnglishStemmer.stem("harassing"))
    }

    @Test func ranksTitleAndKeywordsAndExplainsMatches() throws {
        let results = try Self.small().ask("on m'a volé mon vélo", language: .french).results
        let first = try #require(results.first)
        #expect(first.id == "a-veh-velo")
        #expect(first.kind == .leaf)
        #expect(first.matched.contains("vélo"))
        #expect(first.actions == ["teleservice:plainte-en-ligne", "fiche:vol-vehicule"])
    }

    @Test func synonymsAndSlangFindTheLeaf() throws {
        let results = try Self.small().ask("on m'a chouravé ma bécane", language: .french).results
        #expect(results.first?.id == "a-veh-velo")
    }

    @Test func typoOfOneLetterIsTolerated() throws {
        #expect(try Self.small().ask("procuraton", language: .french).results.first?.id == "c-proc-std")
        #expect(try Self.small().ask("trotinette", language: .french).results.first?.id == "a-veh-velo")
        // Short words are not corrected (too many false friends).
        #expect(try Self.small().ask("vela", language: .french).results.isEmpty)
    }

    @Test func englishQueriesUseTheEnglishText() throws {
        #expect(try Self.small().ask("my bicycle got stolen", language: .english).results.first?.id == "a-veh-velo")
        #expect(try Self.small().ask("proxy vote election").results.first?.id == "c-proc-std")
    }

    @Test func injectedTeleservicesAreRanked() throws {
        let document = SearchDocument(id: "histovec", title: LocalizedText("HistoVec", en: "HistoVec"),
                                      keywords: LocalizedKeywords(french: ["occasion", "historique"], english: ["used car", "history"]),
                                      summary: LocalizedText("L'historique d'un véhicule d'occasion.", en: "A used vehicle's history."),
                                      actions: [.teleservice("histovec")])
        let orienteur = Orienteur(content: try ContentTests.small(), extraDocuments: [document])
        let first = try #require(orienteur.ask("historique voiture d'occasion", language: .french).results.first)
        #expect(first.kind == .teleservice)
        #expect(first.id == "histovec")
    }

    @Test func askJSONHasTheDocumentedShape() throws {
        let calm = try Self.small().ask("on m'a volé mon vélo", language: .french, limit: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(calm), as: UTF8.self)
        #expect(json.hasPrefix(#"{"emergency":null,"results":[{"actions":["teleservice:plainte-en-ligne","fiche:vol-vehicule"],"id":"a-veh-velo","kind":"leaf","matched":["#))
        let urgent = try Self.small().ask("il me frappe en ce moment", language: .french)
        let urgentJSON = String(decoding: try encoder.encode(urgent), as: UTF8.self)
        #expect(urgentJSON.hasPrefix(#"{"emergency":{"actions":["call:17","call:112","sms:114"],"cues":["me frappe"],"#))
        #expect(urgentJSON.contains(#""reasons":["violence-now"]"#))
    }

    @Test func emptyOrStopWordOnlyQueriesGiveNoResults() throws {
        #expect(try Self.small().ask("", language: .french).results.isEmpty)
        #expect(try Self.small().ask("le la les de", language: .french).results.isEmpty)
    }

    @Test func languageIsGuessedFromFunctionWords() {
        #expect(TextAnalyzer.guessLanguage("my phone was stolen on the bus") == .english)
        #expect(TextAnalyzer.guessLanguage("on m'a volé mon téléphone dans le bus") == .french)
        #expect(TextAnalyzer.guessLanguage("vélo") == .french)
    }
}
