import Foundation
import Testing
@testable import MaSecuriteCore

/// The OpenStreetMap `opening_hours` subset: what parses, and errors that
/// quote the offending token.
@Suite struct OpeningHoursParsingTests {
    func ranges(_ hours: OpeningHours, _ day: Weekday) -> [String] {
        hours.ranges(for: day).map(\.description)
    }

    @Test func parsesTheStationExample() throws {
        let hours = try OpeningHours.parse("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off")
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] {
            #expect(ranges(hours, day) == ["08:00-12:00", "14:00-18:00"])
        }
        #expect(ranges(hours, .saturday) == ["09:00-12:00"])
        #expect(ranges(hours, .sunday).isEmpty)
        #expect(hours.holidays == .closed)
        #expect(hours.exceptions.isEmpty)
    }

    @Test func parses24Of7() throws {
        let hours = try OpeningHours.parse("24/7")
        for day in Weekday.allCases { #expect(ranges(hours, day) == ["00:00-24:00"]) }
        #expect(hours.holidays == .asUsual)
        #expect(try OpeningHours.parse("24/7; PH off").holidays == .closed)
    }

    @Test func daySelectors() throws {
        let list = try OpeningHours.parse("Mo,We,Fr 10:00-12:00")
        #expect(Weekday.allCases.filter { !list.ranges(for: $0).isEmpty } == [.monday, .wednesday, .friday])
        let spaced = try OpeningHours.parse("Mo-We, Sa 10:00-12:00")
        #expect(Weekday.allCases.filter { !spaced.ranges(for: $0).isEmpty } == [.monday, .tuesday, .wednesday, .saturday])
        let wrapping = try OpeningHours.parse("Sa-Mo 10:00-12:00")
        #expect(Weekday.allCases.filter { !wrapping.ranges(for: $0).isEmpty } == [.monday, .saturday, .sunday])
        let everyDay = try OpeningHours.parse("08:00-18:00")
        #expect(Weekday.allCases.allSatisfy { ranges(everyDay, $0) == ["08:00-18:00"] })
        #expect(everyDay.holidays == .asUsual)
    }

    @Test func laterRulesReplaceEarlierOnesForTheirDays() throws {
        let hours = try OpeningHours.parse("Mo-Fr 08:00-18:00; We off; Fr 08:00-12:00")
        #expect(ranges(hours, .tuesday) == ["08:00-18:00"])
        #expect(ranges(hours, .wednesday).isEmpty)
        #expect(ranges(hours, .friday) == ["08:00-12:00"])
    }

    @Test func holidayRules() throws {
        #expect(try OpeningHours.parse("Mo-Fr 08:00-12:00; PH closed").holidays == .closed)
        let sundayAndHolidays = try OpeningHours.parse("Mo-Sa 08:00-18:00; Su,PH 10:00-12:00")
        #expect(ranges(sundayAndHolidays, .sunday) == ["10:00-12:00"])
        #expect(sundayAndHolidays.holidays == .open([try TimeRange(start: time("10:00"), end: time("12:00"))]))
        #expect(try OpeningHours.parse("Mo-Fr 08:00-12:00").holidays == .asUsual)
    }

    @Test func toleratesSpacesAroundSeparators() throws {
        let hours = try OpeningHours.parse("  Mo-Fr  08:00-12:00, 14:00-18:00 ;Sa 09:00-12:00\n")
        #expect(ranges(hours, .monday) == ["08:00-12:00", "14:00-18:00"])
        #expect(ranges(hours, .saturday) == ["09:00-12:00"])
    }

    @Test func midnightAndPastMidnight() throws {
        let hours = try OpeningHours.parse("Mo 00:00-24:00; Fr 22:00-02:00")
        #expect(ranges(hours, .monday) == ["00:00-24:00"])
        #expect(ranges(hours, .friday) == ["22:00-02:00"])
        #expect(hours.ranges(for: .friday).first?.crossesMidnight == true)
        #expect(hours.ranges(for: .monday).first?.crossesMidnight == false)
    }

    /// A sample of the shapes found in the station data's `opening_hours_osm` column.
    @Test(arguments: [
        "Mo-Fr 08:00-12:00,14:00-18:00",
        "Mo-Th 10:00-18:00; Fr 10:00-17:30",
        "Mo-We 08:00-12:00,14:00-18:00; Fr 08:00-12:00,14:00-18:00; Th 08:00-12:00,14:00-17:30",
        "Tu 14:00-18:00; We 08:00-12:00; Fr 14:00-18:00; Th 14:00-18:00; Sa 14:00-18:00; Mo 08:00-12:00",
        "Mo 09:30-12:00,14:00-18:00; Sa 09:30-12:00,14:00-18:00; Tu-Fr 06:30-21:00",
        "Mo-Sa 08:00-12:00,14:00-19:00; Su 09:00-12:00,15:00-19:00",
        "Mo-Th 08:00-12:00,14:00-18:00; Fr 08:00-12:00,10:00-17:15",
    ])
    func parsesStationDataShapes(_ text: String) throws {
        let hours = try OpeningHours.parse(text)
        #expect(!hours.isEmpty)
    }

    @Test(arguments: [
        // (input, quoted token)
        ("Mo-Fr 08:00-12:00; Jan off", "Jan"),
        ("Mo-Fx 08:00-12:00", "Fx"),
        ("mo-fr 08:00-12:00", "mo"),
        ("SH off", "SH"),
        ("Mo-Fr 8:00-12:00", "8:00-12:00"),
        ("Mo-Fr 08:00-25:00", "08:00-25:00"),
        ("Mo-Fr 08:00-12:60", "08:00-12:60"),
        ("Mo-Fr 08:00-08:00", "08:00-08:00"),
        ("Mo-Fr 24:00-02:00", "24:00-02:00"),
        ("Mo-Fr 08:00", "08:00"),
        ("Mo-Fr 10:00+", "10:00+"),
        ("Mo-Fr 08:00-12:00-14:00", "08:00-12:00-14:00"),
        ("Mo-Fr 08:00-12:00;;Sa 09:00-12:00", ";"),
        ("Mo-Fr 08:00-12:00;", ";"),
        ("Mo-Fr 08:00-12:00 || Sa 09:00-12:00", "||"),
        ("Mo-Fr 08:00-12:00 \"sur rendez-vous\"", "\"sur"),
        ("Mo-Fr 08:00-12:00 Sa 09:00-12:00", "Sa"),
        ("Mo-Fr Sa 08:00-12:00", "Sa"),
        ("Mo[1] 08:00-12:00", "Mo[1]"),
        ("Mo-Fr sunrise-sunset", "sunrise"),
        ("Mo-Tu-We 08:00-12:00", "Mo-Tu-We"),
        ("Mo-Fr", "Mo-Fr"),
        ("Mo-Fr 08:00-12:00,,14:00-18:00", "08:00-12:00,,14:00-18:00"),
        ("Mo-Fr off 08:00-12:00", "08:00-12:00"),
        ("2026 Dec 25 off", "2026"),
        ("Mo-Fr 8-12", "8-12"),
        ("Dec 24 off", "Dec"),
    ])
    func rejectsUnsupportedSyntaxQuotingTheToken(_ input: String, _ token: String) {
        do {
            let parsed = try OpeningHours.parse(input)
            Issue.record("expected an error for '\(input)', got \(parsed)")
        } catch {
            guard case .invalidToken(let quoted, let reason) = error else {
                Issue.record("expected invalidToken for '\(input)', got \(error)")
                return
            }
            #expect(quoted == token, "\(input)")
            #expect(!reason.isEmpty)
            #expect(error.description.contains("'\(token)'"))
        }
    }

    @Test func rejectsEmptyText() {
        #expect(throws: OpeningHoursError.empty) { try OpeningHours.parse("") }
        #expect(throws: OpeningHoursError.empty) { try OpeningHours.parse("  \n") }
        #expect(OpeningHoursError.empty.description == "opening hours are empty")
    }
}
