import Foundation
import LocalInformation
import MaSecuriteCore
import OrienteurKit
import Teleservices
import Testing

enum Fixture {
    /// 2026-12-06T12:00:00Z: the bundled examples are current.
    static let now = Date(timeIntervalSince1970: 1_796_558_400)

    static func date(_ text: String) throws -> Date { try RFC3339.validate(text) }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("local-information-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A one-item file whose item is changed by `edit` (a JSON object to merge).
    static func file(item edit: [String: Any] = [:], removing: [String] = []) throws -> Data {
        var item: [String: Any] = [
            "id": "test-item", "themes": ["velo"], "departements": ["33"],
            "valid_from": "2026-12-01T00:00:00+01:00", "valid_until": "2027-01-01T00:00:00+01:00",
            "updated": "2026-12-01T09:00:00+01:00",
            "title": ["fr": "Titre", "en": "Title"], "summary": ["fr": "Résumé", "en": "Summary"],
            "link": ["fiche": "otv"],
        ]
        for (key, value) in edit { item[key] = value }
        for key in removing { item[key] = nil }
        let file: [String: Any] = [
            "schema_version": 1, "version": "test", "examples": true,
            "themes": [["id": "velo", "label": ["fr": "Vélos", "en": "Bikes"]]],
            "items": [item],
        ]
        return try JSONSerialization.data(withJSONObject: file)
    }

    static func errors(_ data: Data, checks: LocalInformationChecks = LocalInformationChecks()) -> [LocalInformationError] {
        do {
            _ = try LocalInformationCatalog(data: data, checks: checks)
            return []
        } catch {
            return error.errors
        }
    }
}

@Suite struct CatalogTests {
    @Test func bundledExamplesAreMarkedAndValidAgainstTheRealContent() throws {
        let catalog = try LocalInformationCatalog.bundledExamples()
        #expect(catalog.examples)
        #expect(catalog.items.count >= 4)
        #expect(catalog.items.allSatisfy { $0.title.french.contains("Exemple") && $0.title.english?.contains("Example") == true })
        let fiches = Set(try Orienteur.bundled().content.fiches.map(\.id))
        let services = Set(try TeleserviceCatalog.bundled().services.map(\.id))
        // Every link resolves in the real content and catalog, and every window is open on the fixture's date.
        for item in catalog.items {
            switch item.link {
            case .fiche(let id): #expect(fiches.contains(id), "unknown fiche \(id)")
            case .teleservice(let id): #expect(services.contains(id), "unknown teleservice \(id)")
            case .event(let event): #expect(event.starts < event.ends)
            }
            #expect(item.window.end > Fixture.now, "\(item.id) has ended before the fixture date")
        }
        #expect(catalog.items.contains { if case .event = $0.link { true } else { false } }, "the examples show a place and time")
    }

    @Test func aValidFileReadsAndScopesByTerritory() throws {
        let data = try Fixture.file(item: ["departements": ["33"], "communes": ["69123"]])
        let catalog = try LocalInformationCatalog(data: data, checks: LocalInformationChecks(now: Fixture.now, ficheIDs: ["otv"]))
        let item = try #require(catalog.items.first)
        #expect(item.scope.covers(.departement(try DepartementCode("33"))))
        #expect(item.scope.covers(.commune(try INSEECode("33063"))), "a commune sees its département's items")
        #expect(item.scope.covers(.departement(try DepartementCode("69"))), "a département sees its communes' items")
        #expect(item.scope.covers(.commune(try INSEECode("69123"))))
        #expect(!item.scope.covers(.commune(try INSEECode("69001"))), "another commune of the département does not")
        #expect(!item.scope.covers(.departement(try DepartementCode("75"))))
        #expect(catalog.items(for: .departement(try DepartementCode("33")), at: Fixture.now).count == 1)
        #expect(catalog.items(for: .departement(try DepartementCode("33")), at: try Fixture.date("2027-01-01T00:00:00+01:00")).isEmpty,
                "the window's end is exclusive")
        #expect(catalog.items(for: .departement(try DepartementCode("33")), themes: ["cambriolage"], at: Fixture.now).isEmpty)
    }

    @Test func errorsAreLocated() throws {
        let checks = LocalInformationChecks(now: Fixture.now, ficheIDs: ["otv"])
        let past = Fixture.errors(try Fixture.file(item: ["valid_until": "2026-12-02T00:00:00+01:00"]), checks: checks)
        #expect(past.map(\.path) == ["items[0].window.valid_until"] && past.first?.code == "invalid-window")
        #expect(Fixture.errors(try Fixture.file(item: ["valid_until": "2026-12-02T00:00:00+01:00"])).isEmpty,
                "without a clock an ended window is accepted (an older file stays readable)")
        let reversed = Fixture.errors(try Fixture.file(item: ["valid_until": "2026-11-01T00:00:00+01:00"]))
        #expect(reversed.map(\.path) == ["items[0].window"])
        let departement = Fixture.errors(try Fixture.file(item: ["departements": ["33", "20"]]))
        #expect(departement.map(\.path) == ["items[0].departements[1]"] && departement.first?.code == "invalid-value")
        let commune = Fixture.errors(try Fixture.file(item: ["communes": ["3306"]]))
        #expect(commune.map(\.path) == ["items[0].communes[0]"])
        let english = Fixture.errors(try Fixture.file(item: ["summary": ["fr": "Résumé", "en": "  "]]))
        #expect(english.map(\.path) == ["items[0].summary.en"] && english.first?.code == "missing")
        let fiche = Fixture.errors(try Fixture.file(item: ["link": ["fiche": "no-such-fiche"]]), checks: checks)
        #expect(fiche.map(\.path) == ["items[0].link.fiche"] && fiche.first?.code == "unknown-reference")
        #expect(Fixture.errors(try Fixture.file(item: ["link": ["fiche": "no-such-fiche"]])).isEmpty, "fiche ids are checked only with a content")
        let service = Fixture.errors(try Fixture.file(item: ["link": ["teleservice": "nope"]]),
                                     checks: LocalInformationChecks(teleserviceIDs: ["otv-en-ligne"]))
        #expect(service.map(\.path) == ["items[0].link.teleservice"])
        let theme = Fixture.errors(try Fixture.file(item: ["themes": ["velo", "chasse"]]))
        #expect(theme.map(\.path) == ["items[0].themes[1]"])
        let date = Fixture.errors(try Fixture.file(item: ["valid_from": "2026-11-31T00:00:00Z"]))
        #expect(date.map(\.path) == ["items[0].valid_from"])
        let nowhere = Fixture.errors(try Fixture.file(removing: ["departements"]))
        #expect(nowhere.map(\.path) == ["items[0].departements"])
        let twoLinks = Fixture.errors(try Fixture.file(item: ["link": ["fiche": "otv", "teleservice": "x"]]))
        #expect(twoLinks.map(\.path) == ["items[0].link"])
        let event = Fixture.errors(try Fixture.file(item: ["link": ["event": [
            "place": ["fr": "Brigade"], "address": "1 rue", "starts": "2026-12-10T10:00:00+01:00", "ends": "2026-12-10T09:00:00+01:00"]]]))
        #expect(Set(event.map(\.path)) == ["items[0].link.event", "items[0].link.event.place.en"])
        let long = Fixture.errors(try Fixture.file(item: ["title": ["fr": String(repeating: "a", count: 121), "en": "t"]]))
        #expect(long.map(\.path) == ["items[0].title.fr"] && long.first?.code == "too-long")
    }

    @Test func everyErrorIsReportedNotOnlyTheFirst() throws {
        let data = try Fixture.file(item: ["departements": ["00"], "summary": ["fr": "Résumé"], "link": ["fiche": "x"]])
        let errors = Fixture.errors(data, checks: LocalInformationChecks(ficheIDs: ["otv"]))
        #expect(errors.count >= 2, "\(errors)")
        #expect(errors.allSatisfy { $0.path.hasPrefix("items[0]") })
    }

    @Test func malformedJSONIsLocated() throws {
        let errors = Fixture.errors(Data(#"{"schema_version": 1, "items": [{"id": 3}]}"#.utf8))
        #expect(errors.first?.path == "items[0].id", "\(errors)")
        let version = Fixture.errors(Data(#"{"schema_version": 2}"#.utf8))
        #expect(version.map(\.path) == ["schema_version"])
    }

    @Test func territoriesParse() throws {
        #expect(try LocalTerritory("33") == .departement(try DepartementCode("33")))
        #expect(try LocalTerritory("commune:2A004") == .commune(try INSEECode("2A004")))
        #expect(try LocalTerritory("departement:972").description == "departement:972")
        #expect(throws: LocalInformationError.self) { try LocalTerritory("region:75") }
        #expect(throws: LocalInformationError.self) { try LocalTerritory("20") }
    }
}
