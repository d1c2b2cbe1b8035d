import Foundation
import MaSecuriteCore
import Testing

@Suite struct RFC3339Tests {
    @Test func formatKeepsTheLocalOffsetAndParsesBack() throws {
        let moment = Date(timeIntervalSince1970: 1_774_771_200) // 2026-03-29T08:00:00Z
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let martinique = try #require(TimeZone(identifier: "America/Martinique"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(RFC3339.format(moment, in: paris) == "2026-03-29T10:00:00+02:00")
        #expect(RFC3339.format(moment, in: martinique) == "2026-03-29T04:00:00-04:00")
        #expect(RFC3339.format(moment, in: utc) == "2026-03-29T08:00:00Z")
        let marquesas = try #require(TimeZone(identifier: "Pacific/Marquesas"))
        #expect(RFC3339.format(moment, in: marquesas) == "2026-03-28T22:30:00-09:30")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -1), in: utc) == "1969-12-31T23:59:59Z")
        #expect(RFC3339.parse(RFC3339.format(moment, in: paris)) == moment)
        #expect(RFC3339.parse(RFC3339.format(moment, in: marquesas)) == moment)
    }

    @Test func parseAcceptsFractionsAndRefusesLocalTimes() {
        let moment = Date(timeIntervalSince1970: 1_774_771_200)
        #expect(RFC3339.parse("2026-03-29T08:00:00.250Z") == moment.addingTimeInterval(0.25))
        #expect(RFC3339.parse("2026-03-29T10:00:00+02:00") == moment)
        #expect(RFC3339.parse("2026-03-29 10:00") == nil)
        #expect(RFC3339.parse("2026-03-29T10:00:00") == nil)
        #expect(RFC3339.format(moment) == "2026-03-29T08:00:00Z")
    }
}

@Suite struct RFC3339StrictnessTests {
    @Test("impossible or sloppy date-times are refused, saying why", arguments: [
        ("2026-11-31T09:00:00+01:00", "November 2026 has 30 days, not 31"),
        ("2026-02-29T09:00:00+01:00", "February 2026 has 28 days, not 29"),
        ("2026-13-01T09:00:00+01:00", "month 13 does not exist (01 to 12)"),
        ("2026-03-24T24:00:00+01:00", "hour 24 does not exist (00 to 23)"),
        ("2026-03-24T08:60:00+01:00", "minute 60 does not exist (00 to 59)"),
        ("2026-03-24T08:00:60+01:00", "second 60 does not exist (00 to 59)"),
        ("2026-03-24T9:00:00+01:00", "the hour must have 2 digits"),
        ("2026-03-24T09:00+01:00", "expected ':' after the minute"),
        ("2026-03-24T09:00:00+01", "the offset must be ±HH:MM, e.g. +01:00"),
        ("2026-03-24T09:00:00+0100", "the offset must be ±HH:MM, e.g. +01:00"),
        ("2026-03-24T09:00:00+01:00 lundi", "unexpected text after the offset"),
        ("2026-03-24T09:00:00Zx", "unexpected text after the offset"),
        ("2026-03-24 09:00:00+01:00", "expected 'T' and a time after the date (e.g. 2026-03-29T10:00:00+02:00)"),
        ("2026-03-24T09:00:00.+01:00", "expected digits after the '.' of the seconds"),
    ])
    func refused(_ text: String, _ reason: String) {
        #expect(throws: RFC3339.ParseError(reason: reason)) { try RFC3339.validate(text) }
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func leapDaysAndOffsetsAreRead() throws {
        #expect(try RFC3339.validate("2028-02-29T12:00:00Z") == Date(timeIntervalSince1970: 1_835_438_400))
        #expect(try RFC3339.validate("2026-03-29T04:00:00-04:00") == Date(timeIntervalSince1970: 1_774_771_200))
        #expect(try RFC3339.validate("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
        #expect(try RFC3339.validate("2026-03-28T22:30:00-09:30") == Date(timeIntervalSince1970: 1_774_771_200))
    }
}
