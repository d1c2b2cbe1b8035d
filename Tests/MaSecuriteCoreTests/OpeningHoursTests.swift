import Foundation
import Testing
@testable import MaSecuriteCore

/// Evaluation of opening hours: time zones, the 2026 daylight-saving changes
/// in Paris (29 March and 25 October), holidays, exceptions, past midnight.
@Suite struct OpeningHoursTests {
    let metropole = OpeningHoursContext(territory: .metropole)
    let station = "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off"

    func hours(_ text: String) throws -> OpeningHours { try OpeningHours.parse(text) }

    func durations(_ hours: OpeningHours, on text: String, in context: OpeningHoursContext) throws -> [TimeInterval] {
        hours.intervals(on: try date(text), in: context).map(\.duration)
    }

    // MARK: Daylight saving in Paris

    @Test func fullDayLasts23HoursOn29MarchAnd25HoursOn25October() throws {
        for text in ["24/7", "Mo-Su 00:00-24:00"] {
            let allDay = try hours(text)
            #expect(try durations(allDay, on: "2026-03-28", in: metropole) == [24 * 3600])
            #expect(try durations(allDay, on: "2026-03-29", in: metropole) == [23 * 3600])
            #expect(try durations(allDay, on: "2026-10-25", in: metropole) == [25 * 3600])
            #expect(try durations(allDay, on: "2026-10-26", in: metropole) == [24 * 3600])
        }
    }

    @Test func wallClockHoursKeepTheirLengthAcrossTheChanges() throws {
        let weekly = try hours(station)
        // Saturday before the spring change, Monday after: 3 h and 4 h + 4 h.
        #expect(try durations(weekly, on: "2026-03-28", in: metropole) == [3 * 3600])
        #expect(try durations(weekly, on: "2026-03-30", in: metropole) == [4 * 3600, 4 * 3600])
        let monday = weekly.intervals(on: try date("2026-03-30"), in: metropole)
        #expect(monday.first?.start == instant("2026-03-30T06:00:00Z"))
        let saturday = weekly.intervals(on: try date("2026-03-28"), in: metropole)
        #expect(saturday.first?.start == instant("2026-03-28T08:00:00Z"))
        let afterAutumn = weekly.intervals(on: try date("2026-10-26"), in: metropole)
        #expect(afterAutumn.first?.start == instant("2026-10-26T07:00:00Z"))
    }

    @Test func isOpenAroundTheSpringChange() throws {
        let weekly = try hours(station)
        #expect(weekly.isOpen(at: instant("2026-03-28T08:30:00Z"), in: metropole)) // Sa 09:30 CET
        #expect(!weekly.isOpen(at: instant("2026-03-28T11:00:00Z"), in: metropole)) // Sa 12:00 CET, end exclusive
        #expect(!weekly.isOpen(at: instant("2026-03-29T10:00:00Z"), in: metropole)) // Sunday
        #expect(!weekly.isOpen(at: instant("2026-03-30T05:59:00Z"), in: metropole)) // Mo 07:59 CEST
        #expect(weekly.isOpen(at: instant("2026-03-30T06:00:00Z"), in: metropole)) // Mo 08:00 CEST
        #expect(weekly.isOpen(at: instant("2026-03-30T15:59:00Z"), in: metropole)) // Mo 17:59 CEST
        #expect(!weekly.isOpen(at: instant("2026-03-30T16:00:00Z"), in: metropole)) // Mo 18:00 CEST
    }

    @Test func isOpenAroundTheAutumnChange() throws {
        let weekly = try hours(station)
        #expect(weekly.isOpen(at: instant("2026-10-23T15:59:00Z"), in: metropole)) // Fr 17:59 CEST
        #expect(!weekly.isOpen(at: instant("2026-10-23T16:00:00Z"), in: metropole)) // Fr 18:00 CEST
        #expect(!weekly.isOpen(at: instant("2026-10-26T06:30:00Z"), in: metropole)) // Mo 07:30 CET
        #expect(weekly.isOpen(at: instant("2026-10-26T07:00:00Z"), in: metropole)) // Mo 08:00 CET
        #expect(!weekly.isOpen(at: instant("2026-10-26T11:00:00Z"), in: metropole)) // Mo 12:00 CET
    }

    @Test func nextOpeningAcrossTheChanges() throws {
        let weekly = try hours(station)
        // Saturday 28 March 12:00 CET → Monday 30 March 08:00 CEST.
        #expect(weekly.nextOpening(after: instant("2026-03-28T11:00:00Z"), in: metropole) == instant("2026-03-30T06:00:00Z"))
        // Saturday 24 October 12:00 CEST → Monday 26 October 08:00 CET.
        #expect(weekly.nextOpening(after: instant("2026-10-24T10:00:00Z"), in: metropole) == instant("2026-10-26T07:00:00Z"))
        // Lunch break on Monday 30 March → 14:00 CEST.
        #expect(weekly.nextOpening(after: instant("2026-03-30T10:30:00Z"), in: metropole) == instant("2026-03-30T12:00:00Z"))
        // Already open: the instant itself.
        let open = instant("2026-03-30T07:00:00Z")
        #expect(weekly.nextOpening(after: open, in: metropole) == open)
    }

    @Test func rangesInsideTheSkippedHour() throws {
        let sunday = try date("2026-03-29")
        // 02:00-03:00 does not exist that night: no interval.
        #expect(try hours("Su 02:00-03:00").intervals(on: sunday, in: metropole).isEmpty)
        // 02:30-04:00 starts when the clock shows 03:30 CEST (moved forward by the gap).
        let partial = try hours("Su 02:30-04:00").intervals(on: sunday, in: metropole)
        #expect(partial.map(\.start) == [instant("2026-03-29T01:30:00Z")])
        #expect(partial.map(\.duration) == [30 * 60])
        // Nothing opens on 29 March, so the next opening is the following Sunday.
        let next = try hours("Su 02:00-03:00").nextOpening(after: instant("2026-03-28T12:00:00Z"), in: metropole)
        #expect(next == instant("2026-04-05T00:00:00Z"))
    }

    @Test func rangesInsideTheRepeatedHour() throws {
        let sunday = try date("2026-10-25")
        // 02:00 (first, CEST) to 03:00 (CET): the hour happens twice, 2 h of real time.
        let repeated = try hours("Su 02:00-03:00").intervals(on: sunday, in: metropole)
        #expect(repeated.map(\.start) == [instant("2026-10-25T00:00:00Z")])
        #expect(repeated.map(\.duration) == [2 * 3600])
    }

    // MARK: Past midnight

    @Test func rangesPastMidnight() throws {
        let night = try hours("Fr-Sa 22:00-02:00")
        #expect(night.isOpen(at: instant("2026-06-05T20:00:00Z"), in: metropole)) // Fr 22:00 CEST
        #expect(night.isOpen(at: instant("2026-06-05T23:30:00Z"), in: metropole)) // Sa 01:30 CEST, from Friday
        #expect(!night.isOpen(at: instant("2026-06-06T00:00:00Z"), in: metropole)) // Sa 02:00 CEST
        #expect(night.isOpen(at: instant("2026-06-06T23:59:00Z"), in: metropole)) // Su 01:59 CEST, from Saturday
        #expect(!night.isOpen(at: instant("2026-06-07T20:00:00Z"), in: metropole)) // Su 22:00 CEST
        #expect(!night.isOpen(at: instant("2026-06-04T23:00:00Z"), in: metropole)) // Fr 01:00 CEST (Thursday closed)
        let friday = night.intervals(on: try date("2026-06-05"), in: metropole)
        #expect(friday.map(\.end) == [instant("2026-06-06T00:00:00Z")])
    }

    @Test func rangesPastMidnightAcrossTheChanges() throws {
        let night = try hours("Sa 22:00-04:00")
        // 22:00 CET → 04:00 CEST: 5 h. 22:00 CEST → 04:00 CET: 7 h.
        #expect(try durations(night, on: "2026-03-28", in: metropole) == [5 * 3600])
        #expect(try durations(night, on: "2026-10-24", in: metropole) == [7 * 3600])
        #expect(night.isOpen(at: instant("2026-03-29T01:30:00Z"), in: metropole)) // Su 03:30 CEST
        #expect(!night.isOpen(at: instant("2026-03-29T02:00:00Z"), in: metropole)) // Su 04:00 CEST
    }

    // MARK: Overseas, no daylight saving

    @Test func overseasZonesHave24HourDaysAllYear() throws {
        let allDay = try hours("24/7")
        for territory in [Territory.guadeloupe, .martinique, .guyane, .reunion, .mayotte, .polynesieFrancaise, .nouvelleCaledonie] {
            let context = OpeningHoursContext(territory: territory)
            for text in ["2026-03-29", "2026-10-25", "2026-03-08", "2026-11-01"] {
                #expect(try durations(allDay, on: text, in: context) == [24 * 3600], "\(territory) \(text)")
            }
        }
    }

    @Test func overseasLocalTimes() throws {
        let weekly = try hours("Mo-Fr 08:00-12:00; PH off")
        let martinique = OpeningHoursContext(territory: .martinique)
        let reunion = OpeningHoursContext(territory: .reunion)
        // 08:00 in Martinique is 12:00 UTC all year; 08:00 in La Réunion is 04:00 UTC.
        #expect(weekly.nextOpening(after: instant("2026-03-28T12:00:00Z"), in: martinique) == instant("2026-03-30T12:00:00Z"))
        #expect(weekly.nextOpening(after: instant("2026-10-24T12:00:00Z"), in: martinique) == instant("2026-10-26T12:00:00Z"))
        #expect(weekly.isOpen(at: instant("2026-03-30T04:00:00Z"), in: reunion))
        #expect(!weekly.isOpen(at: instant("2026-03-30T08:00:00Z"), in: reunion))
        // The same instant is open in Martinique and closed in Paris.
        let moment = instant("2026-03-30T15:00:00Z")
        #expect(weekly.isOpen(at: moment, in: martinique))
        #expect(!weekly.isOpen(at: moment, in: metropole))
    }

    @Test func saintPierreEtMiquelonChangesOnNorthAmericanDates() throws {
        let allDay = try hours("24/7")
        let context = OpeningHoursContext(territory: .saintPierreEtMiquelon)
        #expect(try durations(allDay, on: "2026-03-08", in: context) == [23 * 3600])
        #expect(try durations(allDay, on: "2026-03-29", in: context) == [24 * 3600])
        #expect(try durations(allDay, on: "2026-11-01", in: context) == [25 * 3600])
    }

    // MARK: Public holidays and exceptions

    @Test func publicHolidayOffOn14July() throws {
        let weekly = try hours(station)
        let tuesday = instant("2026-07-14T08:00:00Z") // Tuesday 10:00 CEST
        #expect(!weekly.isOpen(at: tuesday, in: metropole))
        #expect(weekly.intervals(on: try date("2026-07-14"), in: metropole).isEmpty)
        // Without a territory holidays are ignored.
        #expect(weekly.isOpen(at: tuesday, in: OpeningHoursContext(timeZone: paris, territory: nil)))
        // Monday 13 July 18:00 → Wednesday 15 July 08:00 CEST.
        #expect(weekly.nextOpening(after: instant("2026-07-13T16:00:00Z"), in: metropole) == instant("2026-07-15T06:00:00Z"))
        // A weekday without PH rule stays open on holidays.
        #expect(try hours("Mo-Fr 08:00-12:00").isOpen(at: tuesday, in: metropole))
    }

    @Test func publicHolidayWithOwnHours() throws {
        let weekly = try hours("Mo-Fr 08:00-18:00; PH 09:00-12:00")
        let holiday = try date("2026-07-14")
        #expect(weekly.ranges(on: holiday, territory: .metropole).map(\.description) == ["09:00-12:00"])
        #expect(try durations(weekly, on: "2026-07-14", in: metropole) == [3 * 3600])
        // Sunday 1 November 2026 is a holiday: PH hours apply even on a closed weekday.
        #expect(try durations(weekly, on: "2026-11-01", in: metropole) == [3 * 3600])
    }

    @Test func holidaysDependOnTheTerritory() throws {
        let weekly = try hours("Mo-Fr 08:00-12:00; PH off")
        // Good Friday 3 April 2026: a holiday in Alsace-Moselle only.
        let goodFriday = try date("2026-04-03")
        #expect(weekly.intervals(on: goodFriday, in: metropole).count == 1)
        #expect(weekly.intervals(on: goodFriday, in: OpeningHoursContext(territory: .alsaceMoselle)).isEmpty)
        // Friday 22 May 2026: abolition day in Martinique, not in Guadeloupe.
        let may22 = try date("2026-05-22")
        #expect(weekly.intervals(on: may22, in: OpeningHoursContext(territory: .martinique)).isEmpty)
        #expect(weekly.intervals(on: may22, in: OpeningHoursContext(territory: .guadeloupe)).count == 1)
        // Wednesday 27 May 2026 in Guadeloupe.
        #expect(weekly.intervals(on: try date("2026-05-27"), in: OpeningHoursContext(territory: .guadeloupe)).isEmpty)
    }

    @Test func exceptionsReplaceTheWeekAndTheHolidayRule() throws {
        var weekly = try hours(station)
        let christmasEve = try date("2026-12-24") // Thursday
        let newYearsEve = try date("2026-12-31") // Thursday
        let bastilleDay = try date("2026-07-14")
        let saturday = try date("2026-12-26")
        weekly.exceptions = [
            christmasEve: [],
            newYearsEve: [try TimeRange(start: time("09:00"), end: time("11:00"))],
            bastilleDay: [try TimeRange(start: time("10:00"), end: time("12:00"))],
            saturday: [try TimeRange(start: time("22:00"), end: time("01:00"))],
        ]
        #expect(weekly.intervals(on: christmasEve, in: metropole).isEmpty)
        #expect(weekly.intervals(on: newYearsEve, in: metropole).map(\.duration) == [2 * 3600])
        #expect(weekly.isOpen(at: instant("2026-07-14T08:30:00Z"), in: metropole))
        #expect(weekly.isOpen(at: instant("2026-12-26T23:30:00Z"), in: metropole)) // Su 00:30 CET
        // Wednesday 23 Dec 18:00 → 24th closed, 25th holiday closed → Saturday 26 Dec 22:00 CET.
        #expect(weekly.nextOpening(after: instant("2026-12-23T17:00:00Z"), in: metropole) == instant("2026-12-26T21:00:00Z"))
    }

    @Test func overlappingAndTouchingRangesAreMerged() throws {
        // As found in the station data: "Fr 08:00-12:00,10:00-17:15".
        let overlapping = try hours("Fr 08:00-12:00,10:00-17:15")
        let friday = try date("2026-06-05")
        #expect(overlapping.intervals(on: friday, in: metropole).map(\.duration) == [TimeInterval(33_300)])
        let touching = try hours("Fr 08:00-12:00,12:00-14:00")
        #expect(touching.intervals(on: friday, in: metropole).map(\.duration) == [6 * 3600])
        let unordered = try hours("Fr 14:00-18:00,08:00-12:00")
        #expect(unordered.intervals(on: friday, in: metropole).map(\.start) == [
            instant("2026-06-05T06:00:00Z"), instant("2026-06-05T12:00:00Z"),
        ])
    }

    // MARK: Next closing, horizon, edge cases

    @Test func nextClosing() throws {
        let weekly = try hours(station)
        #expect(weekly.nextClosing(after: instant("2026-03-30T07:00:00Z"), in: metropole) == instant("2026-03-30T10:00:00Z"))
        #expect(weekly.nextClosing(after: instant("2026-03-30T11:00:00Z"), in: metropole) == nil) // lunch, closed
        #expect(try hours("24/7").nextClosing(after: instant("2026-03-29T08:00:00Z"), in: metropole) == nil)
        // Consecutive all-day ranges chain into one opening.
        let weekdaysAllDay = try hours("Mo-Fr 00:00-24:00")
        #expect(weekdaysAllDay.nextClosing(after: instant("2026-10-21T10:00:00Z"), in: metropole) == instant("2026-10-23T22:00:00Z"))
        // Past midnight.
        let night = try hours("Fr 22:00-02:00")
        #expect(night.nextClosing(after: instant("2026-06-05T23:00:00Z"), in: metropole) == instant("2026-06-06T00:00:00Z"))
    }

    @Test func nothingOpensWithinTheHorizon() throws {
        let empty = OpeningHours()
        #expect(empty.isEmpty)
        #expect(empty.nextOpening(after: instant("2026-03-28T12:00:00Z"), in: metropole) == nil)
        #expect(!empty.isOpen(at: instant("2026-03-28T12:00:00Z"), in: metropole))
        let sundays = try hours("Su 10:00-11:00")
        #expect(sundays.nextOpening(after: instant("2026-03-30T12:00:00Z"), in: metropole, horizonDays: 3) == nil)
        #expect(sundays.nextOpening(after: instant("2026-03-30T12:00:00Z"), in: metropole, horizonDays: 7) != nil)
    }

    @Test func malformedWeeklyArrayCountsAsClosed() throws {
        var hours = OpeningHours.alwaysOpen
        hours.weekly = [[]]
        #expect(!hours.isOpen(at: instant("2026-06-05T10:00:00Z"), in: metropole))
        #expect(hours.ranges(for: .sunday).isEmpty)
    }

    @Test func alwaysOpen() throws {
        #expect(OpeningHours.alwaysOpen == (try hours("24/7")))
        #expect(!OpeningHours.alwaysOpen.isEmpty)
        let context = OpeningHoursContext(territory: .nouvelleCaledonie)
        let moment = instant("2026-12-25T03:00:00Z")
        #expect(OpeningHours.alwaysOpen.isOpen(at: moment, in: context))
        #expect(OpeningHours.alwaysOpen.nextOpening(after: moment, in: context) == moment)
    }

    // MARK: Codable

    @Test func codableRoundTrip() throws {
        var weekly = try hours(station)
        weekly.exceptions = [try date("2026-12-24"): [], try date("2026-12-31"): [try TimeRange(start: time("09:00"), end: time("11:00"))]]
        let json = try encodeJSON(weekly)
        #expect(json.contains(#""holidays":"closed""#))
        #expect(json.contains(#""2026-12-24":[]"#))
        #expect(json.contains(#""Sa":[{"end":"12:00","start":"09:00"}]"#))
        #expect(json.contains(#""Su":[]"#))
        #expect(try decodeJSON(OpeningHours.self, json) == weekly)
        let openOnHolidays = try hours("Mo 08:00-12:00; PH 09:00-10:00")
        #expect(try decodeJSON(OpeningHours.self, try encodeJSON(openOnHolidays)) == openOnHolidays)
        #expect(try decodeJSON(OpeningHours.self, try encodeJSON(OpeningHours.alwaysOpen)) == OpeningHours.alwaysOpen)
    }

    @Test func decodingAcceptsMissingPartsAndRejectsBadOnes() throws {
        let minimal = try decodeJSON(OpeningHours.self, #"{"weekly":{"Mo":[{"start":"08:00","end":"12:00"}]}}"#)
        #expect(minimal == (try hours("Mo 08:00-12:00")))
        #expect(try decodeJSON(OpeningHours.self, #"{"holidays":"as_usual"}"#).isEmpty)
        #expect(try decodeJSON(OpeningHours.self, #"{"holidays":[]}"#).holidays == .closed)
        #expect(throws: DecodingError.self) { try decodeJSON(OpeningHours.self, #"{"weekly":{"Monday":[]}}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(OpeningHours.self, #"{"holidays":"sometimes"}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(OpeningHours.self, #"{"exceptions":{"24/12/2026":[]}}"#) }
        #expect(throws: DecodingError.self) {
            try decodeJSON(OpeningHours.self, #"{"weekly":{"Mo":[{"start":"08:00","end":"08:00"}]}}"#)
        }
        #expect(throws: DecodingError.self) {
            try decodeJSON(OpeningHours.self, #"{"weekly":{"Mo":[{"start":"8:00","end":"12:00"}]}}"#)
        }
    }
}
