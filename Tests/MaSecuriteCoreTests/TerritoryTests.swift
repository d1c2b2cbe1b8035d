import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct TerritoryTests {
    @Test(arguments: Territory.allCases)
    func everyTimeZoneIdentifierIsAKnownIANAZone(_ territory: Territory) throws {
        let zone = try #require(TimeZone(identifier: territory.timeZoneIdentifier))
        #expect(territory.timeZone.identifier == zone.identifier)
    }

    @Test func overseasFlag() {
        #expect(!Territory.metropole.isOverseas)
        #expect(!Territory.alsaceMoselle.isOverseas)
        for territory in Territory.allCases where territory != .metropole && territory != .alsaceMoselle {
            #expect(territory.isOverseas, "\(territory)")
        }
    }

    @Test func offsetsInJanuary2026() throws {
        // Standard offsets (hours from UTC) on 15 January 2026.
        let january = instant("2026-01-15T12:00:00Z")
        let expected: [Territory: Int] = [
            .metropole: 1, .alsaceMoselle: 1, .guadeloupe: -4, .martinique: -4, .guyane: -3, .reunion: 4,
            .saintPierreEtMiquelon: -3, .mayotte: 3, .saintBarthelemy: -4, .saintMartin: -4,
            .terresAustralesEtAntarctiques: 5, .wallisEtFutuna: 12, .polynesieFrancaise: -10, .nouvelleCaledonie: 11,
        ]
        for (territory, hours) in expected {
            #expect(territory.timeZone.secondsFromGMT(for: january) == hours * 3600, "\(territory)")
        }
    }

    @Test func onlyMetropoleAndSaintPierreEtMiquelonObserveDaylightSaving() throws {
        let january = instant("2026-01-15T12:00:00Z")
        let july = instant("2026-07-15T12:00:00Z")
        for territory in Territory.allCases {
            let changes = territory.timeZone.secondsFromGMT(for: january) != territory.timeZone.secondsFromGMT(for: july)
            let expected = territory == .metropole || territory == .alsaceMoselle || territory == .saintPierreEtMiquelon
            #expect(changes == expected, "\(territory)")
        }
    }

    @Test func displayNamesAreBilingual() {
        for territory in Territory.allCases {
            #expect(!territory.displayName.french.isEmpty)
            #expect(territory.displayName.hasTranslation(in: .english))
        }
        #expect(Territory.reunion.displayName.french == "La Réunion")
        #expect(Territory.guyane.displayName.text(in: .english) == "French Guiana")
    }

    @Test func codableUsesKebabCaseRawValues() throws {
        #expect(try encodeJSON([Territory.alsaceMoselle, .terresAustralesEtAntarctiques]) == #"["alsace-moselle","taaf"]"#)
        #expect(try decodeJSON([Territory].self, #"["nouvelle-caledonie"]"#) == [.nouvelleCaledonie])
        #expect(throws: DecodingError.self) { try decodeJSON([Territory].self, #"["atlantis"]"#) }
    }
}
