import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct INSEECodeTests {
    @Test(arguments: [
        ("33063", "33"), ("01001", "01"), ("75056", "75"), ("75101", "75"), ("2A004", "2A"), ("2B033", "2B"),
        ("97209", "972"), ("97101", "971"), ("97302", "973"), ("97411", "974"), ("97502", "975"), ("97611", "976"),
        ("97701", "977"), ("97801", "978"), ("98411", "984"), ("98613", "986"), ("98735", "987"), ("98818", "988"),
        ("57463", "57"), ("95018", "95"),
    ])
    func acceptsValidCodes(_ code: String, _ departement: String) throws {
        let insee = try INSEECode(code)
        #expect(insee.rawValue == code)
        #expect(insee.departement.rawValue == departement)
    }

    @Test(arguments: ["20004", "3306", "330633", "", "00001", "96001", "97909", "98001", "98901", "99138",
                      "2C004", "2A0B4", "A2004", "3306A", "33 63", "33-63", "97 09", "３３０６３"])
    func rejectsInvalidCodes(_ code: String) {
        #expect(throws: TerritorialCodeError.invalidINSEECode(code)) { try INSEECode(code) }
    }

    @Test func normalisesCorsicaCase() throws {
        #expect(try INSEECode("2a004").rawValue == "2A004")
        #expect(try INSEECode(" 2b033 ").rawValue == "2B033")
    }

    @Test func territoryAndTimeZoneComeFromTheDepartement() throws {
        #expect(try INSEECode("33063").timeZone.identifier == "Europe/Paris")
        #expect(try INSEECode("67482").territory == .alsaceMoselle)
        #expect(try INSEECode("97209").timeZone.identifier == "America/Martinique")
        #expect(try INSEECode("97411").territory == .reunion)
        #expect(try INSEECode("98818").timeZone.identifier == "Pacific/Noumea")
        #expect(try INSEECode("98735").timeZone.identifier == "Pacific/Tahiti")
    }

    @Test func errorQuotesTheCode() {
        #expect(TerritorialCodeError.invalidINSEECode("20004").description.contains("'20004'"))
    }

    @Test func codableIsAPlainString() throws {
        let code = try INSEECode("2A004")
        #expect(try encodeJSON([code]) == #"["2A004"]"#)
        #expect(try decodeJSON([INSEECode].self, #"["2A004"]"#) == [code])
        #expect(throws: DecodingError.self) { try decodeJSON([INSEECode].self, #"["20004"]"#) }
    }
}
