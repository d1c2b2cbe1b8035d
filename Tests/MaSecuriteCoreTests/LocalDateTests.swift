import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct LocalDateTests {
    @Test func validatesComponents() throws {
        #expect(try LocalDate(year: 2024, month: 2, day: 29).description == "2024-02-29")
        #expect(throws: LocalDateError.self) { try LocalDate(year: 2026, month: 2, day: 29) }
        #expect(throws: LocalDateError.self) { try LocalDate(year: 1900, month: 2, day: 29) }
        #expect(try LocalDate(year: 2000, month: 2, day: 29).day == 29)
        #expect(throws: LocalDateError.self) { try LocalDate(year: 2026, month: 13, day: 1) }
        #expect(throws: LocalDateError.self) { try LocalDate(year: 2026, month: 4, day: 31) }
        #expect(throws: LocalDateError.self) { try LocalDate(year: 2026, month: 1, day: 0) }
        #expect(throws: LocalDateError.self) { try LocalDate(year: 0, month: 1, day: 1) }
        #expect(throws: LocalDateError.self) { try LocalDate(year: 10_000, month: 1, day: 1) }
    }

    @Test(arguments: ["2026-3-29", "26-03-29", "2026/03/29", "2026-03-29T10:00", "+202-03-29", "2026-03-2a",
                      "2026-02-30", "", "2026-00-10", "２０２６-03-29"])
    func rejectsMalformedISOText(_ text: String) {
        #expect(throws: LocalDateError.invalidDate(text)) { try LocalDate(iso: text) }
    }

    @Test func errorQuotesTheText() {
        #expect(LocalDateError.invalidDate("2026-02-30").description.contains("'2026-02-30'"))
    }

    @Test func daysSinceEpochRoundTripsOverFourCenturies() {
        // Every day from 1900 to 2300 goes through days → date → days unchanged, in order.
        var previous = LocalDate(daysSinceEpoch: -25_568)
        var mismatches: [Int] = []
        for days in -25_567...120_000 {
            let value = LocalDate(daysSinceEpoch: days)
            if value.daysSinceEpoch != days || !(previous < value) || (try? LocalDate(iso: value.description)) != value {
                mismatches.append(days)
            }
            previous = value
        }
        #expect(mismatches.isEmpty)
        #expect(previous.description == "2298-07-20")
    }

    @Test func knownEpochDays() throws {
        #expect(try date("1970-01-01").daysSinceEpoch == 0)
        #expect(try date("1969-12-31").daysSinceEpoch == -1)
        #expect(try date("2000-03-01").daysSinceEpoch == 11_017)
        #expect(try date("2026-03-29").daysSinceEpoch == 20_541)
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() throws {
        #expect(try date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(try date("2024-02-29").adding(days: 1) == date("2024-03-01"))
        #expect(try date("2026-12-31").adding(days: 1) == date("2027-01-01"))
        #expect(try date("2026-03-01").adding(days: -1) == date("2026-02-28"))
        #expect(try date("2026-01-01").adding(days: 365) == date("2027-01-01"))
    }

    @Test func weekdays() throws {
        #expect(try date("1970-01-01").weekday == .thursday)
        #expect(try date("2026-03-29").weekday == .sunday)
        #expect(try date("2026-07-14").weekday == .tuesday)
        #expect(try date("2026-10-25").weekday == .sunday)
        #expect(try date("2024-02-29").weekday == .thursday)
        #expect(try date("1969-12-31").weekday == .wednesday)
    }

    @Test func weekdayAgreesWithFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        var day = try date("2024-01-01")
        for _ in 0..<800 {
            let components = calendar.dateComponents([.weekday], from: day.instant(at: .midnight, in: utc))
            // Foundation: 1 = Sunday … 7 = Saturday.
            let foundationIndex = ((components.weekday ?? 0) + 5) % 7
            #expect(day.weekday.isoIndex == foundationIndex, "\(day)")
            day = day.adding(days: 1)
        }
    }

    @Test func civilDateOfAnInstantDependsOnTheZone() throws {
        let moment = instant("2026-03-28T23:30:00Z")
        #expect(LocalDate(moment, in: utc) == (try date("2026-03-28")))
        #expect(LocalDate(moment, in: paris) == (try date("2026-03-29")))
        #expect(LocalDate(moment, in: Territory.polynesieFrancaise.timeZone) == (try date("2026-03-28")))
        #expect(LocalDate(moment, in: Territory.nouvelleCaledonie.timeZone) == (try date("2026-03-29")))
        // Before 1970 too.
        #expect(LocalDate(instant("1969-12-31T23:59:00Z"), in: utc) == (try date("1969-12-31")))
    }

    @Test func instantOnOrdinaryDays() throws {
        let winter = try date("2026-01-15").instant(at: time("08:00"), in: paris)
        #expect(winter == instant("2026-01-15T07:00:00Z"))
        let summer = try date("2026-07-15").instant(at: time("08:00"), in: paris)
        #expect(summer == instant("2026-07-15T06:00:00Z"))
        let martinique = try date("2026-07-15").instant(at: time("08:00"), in: Territory.martinique.timeZone)
        #expect(martinique == instant("2026-07-15T12:00:00Z"))
    }

    @Test func endOfDayIsNextMidnight() throws {
        let end = try date("2026-03-29").instant(at: .endOfDay, in: paris)
        #expect(end == instant("2026-03-29T22:00:00Z"))
        #expect(end == (try date("2026-03-30").instant(at: .midnight, in: paris)))
    }

    @Test func skippedHourMovesForwardByTheGap() throws {
        // 29 March 2026: Paris clocks jump from 02:00 CET to 03:00 CEST (01:00 UTC).
        let day = try date("2026-03-29")
        #expect(day.instant(at: try time("01:59"), in: paris) == instant("2026-03-29T00:59:00Z"))
        #expect(day.instant(at: try time("02:00"), in: paris) == instant("2026-03-29T01:00:00Z"))
        #expect(day.instant(at: try time("02:30"), in: paris) == instant("2026-03-29T01:30:00Z"))
        #expect(day.instant(at: try time("03:00"), in: paris) == instant("2026-03-29T01:00:00Z"))
        #expect(day.instant(at: try time("03:30"), in: paris) == instant("2026-03-29T01:30:00Z"))
        // 02:30 is shown as 03:30 CEST.
        let shown = LocalTime(day.instant(at: try time("02:30"), in: paris), in: paris)
        #expect(shown == (try time("03:30")))
    }

    @Test func repeatedHourTakesTheEarlierInstant() throws {
        // 25 October 2026: Paris clocks go back from 03:00 CEST to 02:00 CET (01:00 UTC).
        let day = try date("2026-10-25")
        #expect(day.instant(at: try time("01:59"), in: paris) == instant("2026-10-24T23:59:00Z"))
        #expect(day.instant(at: try time("02:00"), in: paris) == instant("2026-10-25T00:00:00Z"))
        #expect(day.instant(at: try time("02:30"), in: paris) == instant("2026-10-25T00:30:00Z"))
        #expect(day.instant(at: try time("03:00"), in: paris) == instant("2026-10-25T02:00:00Z"))
        #expect(day.instant(at: .endOfDay, in: paris).timeIntervalSince(day.instant(at: .midnight, in: paris)) == 25 * 3600)
    }

    @Test func zonesWithoutDaylightSavingHave24HourDays() throws {
        for territory in [Territory.guadeloupe, .martinique, .guyane, .reunion, .mayotte, .nouvelleCaledonie] {
            for text in ["2026-03-29", "2026-10-25"] {
                let day = try date(text)
                let length = day.instant(at: .endOfDay, in: territory.timeZone)
                    .timeIntervalSince(day.instant(at: .midnight, in: territory.timeZone))
                #expect(length == 24 * 3600, "\(territory) \(text)")
            }
        }
    }

    @Test func saintPierreEtMiquelonFollowsNorthAmericanDaylightSaving() throws {
        // Spring forward on Sunday 8 March 2026, fall back on Sunday 1 November 2026.
        let zone = Territory.saintPierreEtMiquelon.timeZone
        let spring = try date("2026-03-08")
        let autumn = try date("2026-11-01")
        #expect(spring.instant(at: .endOfDay, in: zone).timeIntervalSince(spring.instant(at: .midnight, in: zone)) == 23 * 3600)
        #expect(autumn.instant(at: .endOfDay, in: zone).timeIntervalSince(autumn.instant(at: .midnight, in: zone)) == 25 * 3600)
    }

    @Test func ordering() throws {
        #expect(try date("2025-12-31") < date("2026-01-01"))
        #expect(try date("2026-01-31") < date("2026-02-01"))
        #expect(try !(date("2026-02-01") < date("2026-02-01")))
    }

    @Test func codableRoundTripAndDictionaryKeys() throws {
        let day = try date("2026-07-14")
        #expect(try encodeJSON([day]) == #"["2026-07-14"]"#)
        #expect(try decodeJSON([LocalDate].self, #"["2026-07-14"]"#) == [day])
        #expect(try encodeJSON([day: 1]) == #"{"2026-07-14":1}"#)
        #expect(try decodeJSON([LocalDate: Int].self, #"{"2026-07-14":1}"#) == [day: 1])
        #expect(throws: DecodingError.self) { try decodeJSON([LocalDate].self, #"["2026-02-30"]"#) }
        #expect(throws: DecodingError.self) { try decodeJSON([LocalDate: Int].self, #"{"14/07/2026":1}"#) }
    }
}
