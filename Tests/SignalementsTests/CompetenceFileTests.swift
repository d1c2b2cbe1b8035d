import Foundation
import Signalements
import Testing

@Suite struct CompetenceFileTests {
    @Test func readsSemicolonFileWithBOMAndCRLF() throws {
        let file = try CompetenceFile(path: try Fixture.url("competence_semicolon.csv").path)
        #expect(file.byCommune.count == 8)
        let bordeaux = try file.competence(for: try INSEECode("33063"))
        #expect(bordeaux.unit == CompetentUnit(id: "PN-33-001", name: "Commissariat central de Bordeaux", institution: .policeNationale))
        #expect(bordeaux.commune == "Bordeaux" && !bordeaux.approximate && bordeaux.source == "official-file")
        let emilion = try file.competence(for: try INSEECode("33529"))
        #expect(emilion.institution == .gendarmerieNationale)
        #expect(emilion.unit.name == "Brigade de Saint-Émilion; Libourne")   // a quoted separator
        #expect(file.communes(postalCode: try PostalCode("33600")) == [try INSEECode("33318")])
        #expect(file.communes(postalCode: try PostalCode("33300")) == [try INSEECode("33063")])
    }

    @Test func parisAndPetiteCouronneAreThePrefectureDePolice() throws {
        let file = try CompetenceFile(path: try Fixture.url("competence_semicolon.csv").path)
        #expect(try file.competence(for: try INSEECode("75056")).institution == .prefectureDePolice)
        #expect(try file.competence(for: try INSEECode("93066")).institution == .prefectureDePolice)
        // An arrondissement is answered by its commune's row.
        #expect(try file.competence(for: try INSEECode("75115")).insee == "75056")
        // Saint-Denis of La Réunion is not the one of Seine-Saint-Denis.
        #expect(try file.competence(for: try INSEECode("97411")).institution == .policeNationale)
    }

    @Test func overseasCommunes() throws {
        let file = try CompetenceFile(path: try Fixture.url("competence_semicolon.csv").path)
        #expect(try file.competence(for: try INSEECode("97209")).unit.id == "PN-972-001")
        #expect(try file.competence(for: try INSEECode("97611")).institution == .gendarmerieNationale)
        #expect(throws: CompetenceError.unknownCommune("97101")) { try file.competence(for: try INSEECode("97101")) }
    }

    @Test func readsCommaFileWithOtherHeaderNames() throws {
        let file = try CompetenceFile(path: try Fixture.url("competence_comma.csv").path)
        let ajaccio = try file.competence(for: try INSEECode("2A004"))
        #expect(ajaccio.unit.name == "Commissariat d'Ajaccio, Corse-du-Sud")
        #expect(ajaccio.institution == .policeNationale)
        #expect(try file.competence(for: try INSEECode("01001")).institution == .gendarmerieNationale)
    }

    @Test func errorsGiveTheLineAndColumn() throws {
        func error(_ name: String) throws -> CompetenceError? {
            let path = try Fixture.url(name).path
            do { _ = try CompetenceFile(path: path); return nil } catch { return error }
        }
        #expect(try error("competence_bad_institution.csv")
            .map { if case .invalidFile(3, "institution", let reason) = $0 { return reason.contains("Police municipale") }; return false } == true)
        // The bad INSEE code is on line 4 (line 3 is blank; the quoted name spans two lines).
        let insee = try error("competence_bad_insee.csv")
        #expect(insee.map { if case .invalidFile(4, "code_commune_insee", _) = $0 { return true }; return false } == true, "\(String(describing: insee))")
        let missing = try error("competence_missing_column.csv")
        #expect(missing?.description.contains("line 1") == true && missing?.description.contains("institution") == true)
        #expect(throws: CompetenceError.self) { try CompetenceFile(path: "/nonexistent/competence.csv") }
        #expect(throws: CompetenceError.self) { try CompetenceFile(data: Data("insee;institution;id_service;service\n\"33063;PN;a;b\n".utf8)) }
        #expect(throws: CompetenceError.self) { try CompetenceFile(data: Data("insee;institution;id_service;service\n".utf8)) }
        let twice = "insee;institution;id_service;service\n33063;PN;a;b\n33063;PN;a;b\n"
        #expect(throws: CompetenceError.invalidFile(line: 3, column: "insee", reason: "commune 33063 is listed twice")) {
            try CompetenceFile(data: Data(twice.utf8))
        }
    }
}
