import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct PostalCodeTests {
    @Test(arguments: ["75001", "01000", "20000", "20090", "20600", "33000", "57000", "95880",
                      "97200", "97133", "97150", "97300", "97400", "97500", "97600", "98000", "98600", "98714", "98800"])
    func acceptsValidCodes(_ code: String) throws {
        #expect(try PostalCode(code).rawValue == code)
    }

    @Test(arguments: ["00100", "00000", "96000", "99000", "7500", "750011", "", "7500A", "75 01", "-7500",
                      "７５００１", "75001 A"])
    func rejectsInvalidCodes(_ code: String) {
        #expect(throws: TerritorialCodeError.invalidPostalCode(code)) { try PostalCode(code) }
    }

    @Test func trimsSpaces() throws {
        #expect(try PostalCode(" 33000 ").rawValue == "33000")
    }

    @Test func territories() throws {
        let expected: [(String, Territory)] = [
            ("75001", .metropole), ("20000", .metropole), ("20200", .metropole), ("98000", .metropole),
            ("57000", .alsaceMoselle), ("67000", .alsaceMoselle), ("68100", .alsaceMoselle),
            ("97110", .guadeloupe), ("97200", .martinique), ("97300", .guyane), ("97400", .reunion),
            ("97500", .saintPierreEtMiquelon), ("97600", .mayotte), ("97133", .saintBarthelemy),
            ("97150", .saintMartin), ("98600", .wallisEtFutuna), ("98714", .polynesieFrancaise),
            ("98800", .nouvelleCaledonie),
        ]
        for (code, territory) in expected {
            #expect(try PostalCode(code).territory == territory, "\(code)")
        }
        #expect(try PostalCode("97200").timeZone.identifier == "America/Martinique")
        #expect(try PostalCode("98000").timeZone.identifier == "Europe/Paris")
    }

    @Test func errorQuotesTheCode() {
        #expect(TerritorialCodeError.invalidPostalCode("00100").description.contains("'00100'"))
    }

    @Test func codableIsAPlainString() throws {
        let code = try PostalCode("97200")
        #expect(try encodeJSON([code]) == #"["97200"]"#)
        #expect(try decodeJSON([PostalCode].self, #"["97200"]"#) == [code])
        #expect(throws: DecodingError.self) { try decodeJSON([PostalCode].self, #"["00100"]"#) }
        #expect(throws: DecodingError.self) { try decodeJSON([PostalCode].self, #"[75001]"#) }
    }
}
