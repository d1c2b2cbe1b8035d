import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct DepartementCodeTests {
    @Test(arguments: ["01", "09", "10", "19", "21", "33", "57", "75", "95", "2A", "2B",
                      "971", "972", "973", "974", "975", "976", "977", "978", "984", "986", "987", "988"])
    func acceptsValidCodes(_ code: String) throws {
        #expect(try DepartementCode(code).rawValue == code)
    }

    @Test(arguments: ["", "0", "1", "00", "20", "96", "99", "100", "970", "979", "980", "983", "985", "989", "2C",
                      "A2", "2AB", "33 1", "+1", "-1", "٣٣", "３３", "9 7 1", "0971", "2", "X"])
    func rejectsInvalidCodes(_ code: String) {
        #expect(throws: TerritorialCodeError.invalidDepartement(code)) { try DepartementCode(code) }
    }

    @Test func normalisesCaseAndSpaces() throws {
        #expect(try DepartementCode("2a").rawValue == "2A")
        #expect(try DepartementCode("2b").rawValue == "2B")
        #expect(try DepartementCode(" 33 ").rawValue == "33")
        #expect(try DepartementCode("2a") == DepartementCode("2A"))
    }

    @Test func errorQuotesTheInputAsGiven() {
        let message = TerritorialCodeError.invalidDepartement("20").description
        #expect(message.contains("'20'"))
        #expect(message.contains("2A"))
    }

    @Test func territoriesAndTimeZones() throws {
        let expected: [(String, Territory, String)] = [
            ("01", .metropole, "Europe/Paris"), ("2A", .metropole, "Europe/Paris"), ("2B", .metropole, "Europe/Paris"),
            ("57", .alsaceMoselle, "Europe/Paris"), ("67", .alsaceMoselle, "Europe/Paris"), ("68", .alsaceMoselle, "Europe/Paris"),
            ("971", .guadeloupe, "America/Guadeloupe"), ("972", .martinique, "America/Martinique"),
            ("973", .guyane, "America/Cayenne"), ("974", .reunion, "Indian/Reunion"),
            ("975", .saintPierreEtMiquelon, "America/Miquelon"), ("976", .mayotte, "Indian/Mayotte"),
            ("977", .saintBarthelemy, "America/St_Barthelemy"), ("978", .saintMartin, "America/Marigot"),
            ("984", .terresAustralesEtAntarctiques, "Indian/Kerguelen"), ("986", .wallisEtFutuna, "Pacific/Wallis"),
            ("987", .polynesieFrancaise, "Pacific/Tahiti"), ("988", .nouvelleCaledonie, "Pacific/Noumea"),
        ]
        for (code, territory, zone) in expected {
            let departement = try DepartementCode(code)
            #expect(departement.territory == territory, "\(code)")
            #expect(departement.timeZone.identifier == zone, "\(code)")
        }
    }

    @Test func ordersCorsicaBetween19And21() throws {
        let codes = try ["971", "2B", "21", "01", "2A", "19", "95"].map { try DepartementCode($0) }
        #expect(codes.sorted().map(\.rawValue) == ["01", "19", "21", "2A", "2B", "95", "971"])
    }

    @Test func allListsEveryValidCodeOnce() throws {
        let all = DepartementCode.all
        #expect(all.count == 94 + 2 + 12)
        #expect(Set(all).count == all.count)
        #expect(all == all.sorted())
        #expect(all.first?.rawValue == "01")
        #expect(all.last?.rawValue == "988")
        for code in all { #expect(try DepartementCode(code.rawValue) == code) }
        #expect(!all.contains { $0.rawValue == "20" })
    }

    @Test func codableIsAPlainString() throws {
        let code = try DepartementCode("2A")
        #expect(try encodeJSON([code]) == #"["2A"]"#)
        #expect(try decodeJSON([DepartementCode].self, #"["2b"]"#) == [DepartementCode("2B")])
        #expect(throws: DecodingError.self) { try decodeJSON([DepartementCode].self, #"["20"]"#) }
        #expect(throws: DecodingError.self) { try decodeJSON([DepartementCode].self, #"[33]"#) }
    }
}
