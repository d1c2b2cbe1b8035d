import Foundation
import Testing
@testable import StationDirectory

@Suite struct StationCSVLoaderTests {
    @Test func goodRowBecomesAStation() throws {
        let result = try StationCSV.load(StationCSV.text([StationCSV.goodRow]))
        let station = try #require(result.items.first)
        #expect(result.problems.isEmpty)
        #expect(station.id == "gendarmerie-33063-01")
        #expect(station.kind == .gendarmerie)
        #expect(station.address == "1 rue A, bâtiment B")
        #expect(station.postalCode.rawValue == "33000")
        #expect(station.insee.rawValue == "33063")
        #expect(station.departement.rawValue == "33")
        #expect(station.location.latitude == 44.84)
        #expect(station.phone?.e164 == "+33556000000")
        #expect(station.phone?.display == "05 56 00 00 00")
        #expect(station.hours.osmText == "Mo-Fr 08:00-12:00")
        #expect(station.accessibility == Accessibility(level: .accessible, detail: "rampe"))
        #expect(station.updated == (try LocalDate(year: 2019, month: 1, day: 22)))
        #expect(station.coordinateQuality == .ok)
        #expect(station.receivesPublic)
    }

    @Test func missingHoursAreUnknownNotGuessed() throws {
        let result = try StationCSV.load(StationCSV.text([StationCSV.row(replacing: "opening_hours_osm", with: "")]))
        #expect(result.items.first?.hours == .unknown)
        #expect(result.items.first?.isOpen(at: Date(timeIntervalSince1970: 1_772_614_800)) == nil)
    }

    @Test func onlyTheRequiredColumnsAreNeeded() throws {
        let text = "id,kind,name,address,postal_code,commune,insee,lat,lon\r\nx-1,police,Commissariat,,75001,Paris,75101,48.86,2.34\r\n"
        let station = try #require(try StationCSV.load(text).items.first)
        #expect(station.address == nil)
        #expect(station.phone == nil)
        #expect(station.coordinateQuality == .unchecked)
        #expect(station.hours == .unknown)
    }

    @Test func byteOrderMarkAndCRLFFileFromFixtures() throws {
        let url = try #require(Bundle.module.url(forResource: "stations_bom_crlf", withExtension: "csv", subdirectory: "Fixtures"))
        let result = try StationCSVLoader.load(contentsOf: url, mode: .strict)
        #expect(result.items.map(\.id) == ["police-a", "gendarmerie-b"])
        #expect(result.items[0].name == "Commissariat \"central\", accueil")
        #expect(result.items[1].address == "Rue du Port\nBâtiment 2")
    }

    // MARK: File-level errors (thrown in both modes)

    @Test func emptyInput() {
        for mode in [LoadingMode.strict, .lenient] {
            #expect(throws: StationDataError(source: "test.csv", line: nil, reason: .emptyInput)) {
                _ = try StationCSV.load("", mode: mode)
            }
        }
    }

    @Test func missingColumnNamesTheColumn() {
        let header = StationCSV.header.replacingOccurrences(of: ",lat,", with: ",latitude,")
        #expect(throws: StationDataError(source: "test.csv", line: 1, field: "lat", reason: .missingColumn("lat"))) {
            _ = try StationCSV.load(StationCSV.text([], header: header), mode: .lenient)
        }
    }

    @Test func duplicateColumn() {
        #expect(throws: StationDataError(source: "test.csv", line: 1, field: "name", reason: .duplicateColumn("name"))) {
            _ = try StationCSV.load(StationCSV.text([], header: StationCSV.header + ",name"))
        }
    }

    @Test func unreadableFile() {
        let url = URL(fileURLWithPath: "/nonexistent/stations.csv")
        #expect {
            _ = try StationCSVLoader.load(contentsOf: url, mode: .strict)
        } throws: { error in
            guard let error = error as? StationDataError, case .unreadable = error.reason else { return false }
            return error.source == "stations.csv"
        }
    }

    // MARK: Row-level errors

    @Test(arguments: [
        ("id", "", "id"),
        ("kind", "douane", "kind"),
        ("name", "", "name"),
        ("postal_code", "3300", "postal_code"),
        ("commune", "", "commune"),
        ("insee", "3306X", "insee"),
        ("department", "40", "department"),
        ("lat", "north", "lat"),
        ("lat", "95.2", "lat"),
        ("lon", "", "lon"),
        ("lon", "181", "lon"),
        ("coord_flag", "maybe", "coord_flag"),
        ("phone_e164", "3430", "phone_e164"),
        ("email", "not-an-address", "email"),
        ("opening_hours_osm", "sometimes", "opening_hours_osm"),
        ("accessibility", "YES", "accessibility"),
        ("updated", "2019-13-01", "updated"),
        ("no_public_reception_hint", "yes", "no_public_reception_hint"),
    ])
    func invalidValueNamesLineAndField(column: String, value: String, field: String) throws {
        let text = StationCSV.text([StationCSV.row(replacing: "id", with: "ok-1", id: "ok-1"),
                                    StationCSV.row(replacing: column, with: value, id: column == "id" ? "" : "bad-1")])
        #expect {
            _ = try StationCSV.load(text, mode: .strict)
        } throws: { error in
            guard let error = error as? StationDataError, case .invalidValue = error.reason else { return false }
            return error.line == 3 && error.field == field && error.description.contains("line 3, field '\(field)'")
        }
        let lenient = try StationCSV.load(text, mode: .lenient)
        #expect(lenient.items.map(\.id) == ["ok-1"])
        #expect(lenient.problems.count == 1)
        #expect(lenient.problems.first?.field == field)
    }

    @Test func wrongFieldCount() throws {
        let text = StationCSV.text([StationCSV.goodRow, "short,row"])
        #expect(throws: StationDataError(source: "test.csv", line: 3, reason: .wrongFieldCount(expected: 18, found: 2))) {
            _ = try StationCSV.load(text)
        }
    }

    @Test func duplicateIdentifier() {
        let text = StationCSV.text([StationCSV.goodRow, StationCSV.goodRow])
        #expect(throws: StationDataError(source: "test.csv", line: 3, field: "id",
                                         reason: .duplicateIdentifier("gendarmerie-33063-01"))) {
            _ = try StationCSV.load(text)
        }
    }

    @Test func syntaxErrorsInStrictMode() {
        let cases: [(String, Int, StationDataError.Reason)] = [
            ("\"unterminated,police", 3, .unterminatedQuote),
            ("\"x\"y,police", 3, .textAfterClosingQuote),
            ("x\"y,police", 3, .quoteInUnquotedField),
        ]
        for (row, line, reason) in cases {
            #expect(throws: StationDataError(source: "test.csv", line: line, reason: reason)) {
                _ = try StationCSV.load(StationCSV.text([StationCSV.goodRow, row]))
            }
        }
    }

    @Test func lenientModeSkipsBadRowsAndKeepsTheRest() throws {
        let text = StationCSV.text([
            StationCSV.row(replacing: "id", with: "a", id: "a"),
            StationCSV.row(replacing: "kind", with: "army", id: "b"),
            "only,three,fields",
            "\"x\"y," + StationCSV.row(replacing: "id", with: "c", id: "c"),
            StationCSV.row(replacing: "id", with: "d", id: "d"),
            StationCSV.row(replacing: "id", with: "a", id: "a"),
        ])
        let result = try StationCSV.load(text, mode: .lenient)
        #expect(result.items.map(\.id) == ["a", "d"])
        #expect(result.problems.map(\.line) == [3, 4, 5, 7])
        #expect(result.problems.map(\.reason) == [
            .invalidValue("army", expected: "police or gendarmerie"),
            .wrongFieldCount(expected: 18, found: 3),
            .textAfterClosingQuote,
            .duplicateIdentifier("a"),
        ])
    }

    @Test func invalidUTF8InARow() throws {
        var bytes = Array(StationCSV.text([StationCSV.goodRow]).utf8)
        bytes += Array("x,police,Nom ".utf8) + [0xFF] + Array(",,75001,Paris,75101,75,48.8,2.3,,,,,,,,\n".utf8)
        let result = try StationCSVLoader.load(bytes: bytes, source: "raw.csv", mode: .lenient)
        #expect(result.items.count == 1)
        #expect(result.problems == [StationDataError(source: "raw.csv", line: 3, reason: .invalidUTF8)])
    }

    @Test func motorisedSubtypeIsFlagged() throws {
        let header = StationCSV.header + ",subtype"
        let text = StationCSV.text([StationCSV.goodRow.replacingOccurrences(of: "2019-01-22,", with: "2019-01-22,1,gendarmerie_moto")],
                                   header: header)
        let station = try #require(try StationCSV.load(text).items.first)
        #expect(station.isMotorisedUnit)
        #expect(!station.receivesPublic)
    }
}
