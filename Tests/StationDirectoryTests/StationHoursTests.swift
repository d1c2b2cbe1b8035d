import Foundation
import Testing
@testable import StationDirectory

@Suite struct StationHoursTests {
    private func instant(_ text: String) throws -> Date {
        try Date.ISO8601FormatStyle().parse(text)
    }

    @Test func openAtFilterKeepsOnlyStationsKnownToBeOpen() throws {
        let finder = try Bundled.finder()
        let bordeaux = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        // Wednesday 4 March 2026, 10:00 in Bordeaux.
        let morning = try instant("2026-03-04T10:00:00+01:00")
        let open = finder.nearest(to: bordeaux, count: 3, filter: StationFilter(openAt: morning))
        // Bordeaux's commissariat publishes no hours: unknown is not open.
        #expect(open.map(\.station.id) == ["commissariat_police-33522-01", "commissariat_police-33069-01", "commissariat_police-33039-01"])
        // 13:00: Le Bouscat (08:00-12:00,14:00-18:00) is closed, Talence (08:00-18:00) is open.
        let lunchTime = try instant("2026-03-04T13:00:00+01:00")
        let lunch = finder.nearest(to: bordeaux, count: 3, filter: StationFilter(openAt: lunchTime))
        #expect(lunch.first?.station.id == "commissariat_police-33522-01")
        #expect(!lunch.contains { $0.station.id == "commissariat_police-33069-01" })
        #expect(lunch.allSatisfy { $0.station.isOpen(at: lunchTime) == true })
        // Sunday: Talence is closed.
        let sunday = finder.nearest(to: bordeaux, count: 3, filter: StationFilter(openAt: try instant("2026-03-08T10:00:00+01:00")))
        #expect(!sunday.contains { $0.station.id == "commissariat_police-33522-01" })
    }

    @Test func hoursUseTheStationsOwnTimeZone() throws {
        let finder = try Bundled.finder()
        let fortDeFrance = try #require(finder.station(id: "commissariat_police-97209-01"))
        #expect(fortDeFrance.hours.osmText == "Mo-Fr 08:00-13:00,14:30-18:30")
        #expect(fortDeFrance.isOpen(at: try instant("2026-03-04T12:30:00-04:00")) == true)
        // 12:30 in Paris is 07:30 in Martinique.
        #expect(fortDeFrance.isOpen(at: try instant("2026-03-04T12:30:00+01:00")) == false)
        #expect(fortDeFrance.nextOpening(after: try instant("2026-03-04T12:30:00+01:00")) == (try instant("2026-03-04T08:00:00-04:00")))
        let bordeaux = try #require(finder.station(id: "commissariat_police-33063-01"))
        #expect(bordeaux.isOpen(at: try instant("2026-03-04T12:30:00+01:00")) == nil)
        #expect(bordeaux.nextOpening(after: try instant("2026-03-04T12:30:00+01:00")) == nil)
    }

    @Test func publicHolidaysOfTheTerritoryApply() throws {
        let text = StationCSV.text([StationCSV.row(replacing: "opening_hours_osm", with: "Mo-Fr 08:00-18:00; PH off")])
        let station = try #require(try StationCSV.load(text).items.first)
        // Friday 1 May 2026 (Fête du Travail) is closed; it reopens Monday 4 May at 08:00.
        #expect(station.isOpen(at: try instant("2026-05-01T10:00:00+02:00")) == false)
        #expect(station.nextOpening(after: try instant("2026-05-01T10:00:00+02:00")) == (try instant("2026-05-04T08:00:00+02:00")))
        #expect(station.isOpen(at: try instant("2026-04-30T10:00:00+02:00")) == true)
        // 26 December is a holiday in Alsace-Moselle only.
        let strasbourg = StationCSV.text([StationCSV.row(replacing: "opening_hours_osm", with: "Mo-Fr 08:00-18:00; PH off")
            .replacingOccurrences(of: "33000,Bordeaux,33063,33,44.84,-0.58", with: "67000,Strasbourg,67482,67,48.58,7.75")])
        let alsace = try #require(try StationCSV.load(strasbourg).items.first)
        #expect(alsace.isOpen(at: try instant("2025-12-26T10:00:00+01:00")) == false)
        #expect(station.isOpen(at: try instant("2025-12-26T10:00:00+01:00")) == true)
    }
}
