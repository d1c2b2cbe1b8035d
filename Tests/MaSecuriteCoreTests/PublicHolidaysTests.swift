import Foundation
import Testing
@testable import MaSecuriteCore

/// Expected holidays are computed here independently of the SDK: Easter Sundays
/// are hard-coded from published calendars and the Easter-based days are
/// derived with Foundation's Gregorian calendar, not with `LocalDate`.
@Suite struct PublicHolidaysTests {
    static let years = Array(2024...2030)

    /// Easter Sunday, from published calendars.
    static let easter: [Int: (month: Int, day: Int)] = [
        2024: (3, 31), 2025: (4, 20), 2026: (4, 5), 2027: (3, 28), 2028: (4, 16), 2029: (4, 1), 2030: (4, 21),
    ]

    /// `YYYY-MM-DD` of Easter Sunday of `year` plus `offset` days, via Foundation.
    static func easterBased(_ year: Int, _ offset: Int) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let sunday = try #require(easter[year])
        let base = try #require(calendar.date(from: DateComponents(year: year, month: sunday.month, day: sunday.day, hour: 12)))
        let shifted = try #require(calendar.date(byAdding: .day, value: offset, to: base))
        let c = calendar.dateComponents([.year, .month, .day], from: shifted)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    static func fixed(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The 11 national days as (date, id).
    static func national(_ year: Int) throws -> Set<String> {
        [
            "\(fixed(year, 1, 1)) jour-de-l-an",
            "\(try easterBased(year, 1)) lundi-de-paques",
            "\(fixed(year, 5, 1)) fete-du-travail",
            "\(fixed(year, 5, 8)) victoire-1945",
            "\(try easterBased(year, 39)) ascension",
            "\(try easterBased(year, 50)) lundi-de-pentecote",
            "\(fixed(year, 7, 14)) fete-nationale",
            "\(fixed(year, 8, 15)) assomption",
            "\(fixed(year, 11, 1)) toussaint",
            "\(fixed(year, 11, 11)) armistice-1918",
            "\(fixed(year, 12, 25)) noel",
        ]
    }

    static func actual(_ year: Int, _ territory: Territory) -> Set<String> {
        Set(PublicHolidays.holidays(in: year, territory: territory).map { "\($0.date) \($0.id)" })
    }

    @Test func easterSundayMatchesPublishedDates() throws {
        for (year, sunday) in Self.easter {
            let computed = PublicHolidays.easterSunday(year: year)
            #expect(computed == (try LocalDate(year: year, month: sunday.month, day: sunday.day)), "\(year)")
            #expect(computed.weekday == .sunday)
        }
        // Further published dates, including the extremes 22 March and 25 April.
        let more = ["1818-03-22", "1943-04-25", "2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21",
                    "2038-04-25", "2285-03-22"]
        for text in more {
            let expected = try date(text)
            #expect(PublicHolidays.easterSunday(year: expected.year) == expected, "\(text)")
        }
    }

    @Test(arguments: years)
    func metropole(_ year: Int) throws {
        let holidays = PublicHolidays.holidays(in: year, territory: .metropole)
        #expect(holidays.count == 11)
        #expect(Self.actual(year, .metropole) == (try Self.national(year)))
        #expect(holidays.map(\.date) == holidays.map(\.date).sorted())
    }

    @Test(arguments: years)
    func alsaceMoselleAddsGoodFridayAndSaintStephen(_ year: Int) throws {
        var expected = try Self.national(year)
        expected.insert("\(try Self.easterBased(year, -2)) vendredi-saint")
        expected.insert("\(Self.fixed(year, 12, 26)) saint-etienne")
        #expect(Self.actual(year, .alsaceMoselle) == expected)
        #expect(PublicHolidays.holidays(in: year, territory: .alsaceMoselle).count == 13)
    }

    @Test(arguments: years)
    func overseasDepartementsAddTheirAbolitionDay(_ year: Int) throws {
        let abolition: [(Territory, Int, Int)] = [
            (.mayotte, 4, 27), (.martinique, 5, 22), (.guadeloupe, 5, 27), (.saintMartin, 5, 28),
            (.guyane, 6, 10), (.saintBarthelemy, 10, 9), (.reunion, 12, 20),
        ]
        for (territory, month, day) in abolition {
            var expected = try Self.national(year)
            expected.insert("\(Self.fixed(year, month, day)) abolition-esclavage")
            #expect(Self.actual(year, territory) == expected, "\(territory) \(year)")
        }
    }

    @Test func saintPierreEtMiquelonAndTAAFHaveTheNationalDaysOnly() throws {
        for year in Self.years {
            #expect(Self.actual(year, .saintPierreEtMiquelon) == (try Self.national(year)))
            #expect(Self.actual(year, .terresAustralesEtAntarctiques) == (try Self.national(year)))
        }
    }

    @Test func pacificCollectivitiesAddTheirLocalDays() throws {
        let year = 2026
        let national = try Self.national(year)
        #expect(Self.actual(year, .polynesieFrancaise) == national.union([
            "2026-03-05 arrivee-evangile", "2026-04-03 vendredi-saint", "2026-06-29 fete-autonomie",
        ]))
        #expect(Self.actual(year, .nouvelleCaledonie) == national.union(["2026-09-24 fete-citoyennete"]))
        #expect(Self.actual(year, .wallisEtFutuna) == national.union([
            "2026-04-28 saint-pierre-chanel", "2026-06-29 saints-pierre-et-paul", "2026-07-29 fete-du-territoire",
        ]))
    }

    @Test func literal2026CalendarForMetropole() throws {
        let dates = PublicHolidays.holidays(in: 2026, territory: .metropole).map(\.date.description)
        #expect(dates == ["2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
                          "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"])
    }

    @Test func fixedDaysAreNotMovedOffWeekends() throws {
        // 1 November 2026 is a Sunday; 15 August 2026 a Saturday.
        #expect(try date("2026-11-01").weekday == .sunday)
        #expect(PublicHolidays.isHoliday(try date("2026-11-01"), territory: .metropole))
        #expect(!PublicHolidays.isHoliday(try date("2026-11-02"), territory: .metropole))
        #expect(!PublicHolidays.isHoliday(try date("2026-08-17"), territory: .metropole))
    }

    @Test func isHolidayAgreesWithTheListForEveryDay() throws {
        for territory in Territory.allCases {
            var mismatches: [String] = []
            let listed = Set((2024...2030).flatMap { PublicHolidays.holidays(in: $0, territory: territory).map(\.date) })
            var day = try date("2024-01-01")
            let end = try date("2030-12-31")
            while day <= end {
                let isHoliday = PublicHolidays.isHoliday(day, territory: territory)
                if isHoliday != listed.contains(day) { mismatches.append(day.description) }
                if isHoliday != (PublicHolidays.holiday(on: day, territory: territory) != nil) { mismatches.append("\(day) lookup") }
                day = day.adding(days: 1)
            }
            #expect(mismatches.isEmpty, "\(territory): \(mismatches)")
        }
    }

    @Test func holidayLookupGivesTheBilingualName() throws {
        let holiday = try #require(PublicHolidays.holiday(on: try date("2026-07-14"), territory: .martinique))
        #expect(holiday.id == "fete-nationale")
        #expect(holiday.name.french == "Fête nationale")
        #expect(holiday.name.text(in: .english) == "Bastille Day")
        let abolition = try #require(PublicHolidays.holiday(on: try date("2026-05-22"), territory: .martinique))
        #expect(abolition.id == "abolition-esclavage")
        #expect(PublicHolidays.holiday(on: try date("2026-05-22"), territory: .guadeloupe) == nil)
        #expect(PublicHolidays.holiday(on: try date("2026-12-26"), territory: .metropole) == nil)
        #expect(PublicHolidays.holiday(on: try date("2026-12-26"), territory: .alsaceMoselle)?.id == "saint-etienne")
        #expect(PublicHolidays.holiday(on: try date("2026-04-03"), territory: .alsaceMoselle)?.id == "vendredi-saint")
        #expect(PublicHolidays.holiday(on: try date("2026-04-03"), territory: .metropole) == nil)
    }

    @Test func everyHolidayHasAnEnglishName() {
        for territory in Territory.allCases {
            for holiday in PublicHolidays.holidays(in: 2026, territory: territory) {
                #expect(holiday.name.hasTranslation(in: .english), "\(holiday.id)")
                #expect(!holiday.id.isEmpty)
            }
        }
    }

    @Test func yearsOutsideTheCalendarGiveNothing() {
        #expect(PublicHolidays.holidays(in: 0, territory: .metropole).isEmpty)
        #expect(PublicHolidays.holidays(in: 10_000, territory: .metropole).isEmpty)
    }

    @Test func codableRoundTrip() throws {
        let holiday = try #require(PublicHolidays.holidays(in: 2026, territory: .reunion).last)
        let json = try encodeJSON(holiday)
        #expect(json.contains(#""date":"2026-12-25""#))
        #expect(try decodeJSON(PublicHoliday.self, json) == holiday)
    }
}
