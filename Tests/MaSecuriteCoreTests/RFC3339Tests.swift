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
