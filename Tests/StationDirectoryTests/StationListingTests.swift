import Foundation
import StationDirectory
import Testing

@Suite struct StationListingTests {
    func station(hours: String = "Mo-Fr 08:00-12:00", accessibility: String = "ACC:rampe") throws -> Station {
        let row = StationCSV.row(replacing: "opening_hours_osm", with: hours)
            .replacingOccurrences(of: "ACC:rampe", with: accessibility)
        return try #require(try StationCSV.load(StationCSV.text([row])).items.first)
    }

    @Test func writesEveryKeyWithNullForUnknownValues() throws {
        let wednesday10 = try Date("2026-03-04T09:00:00Z", strategy: .iso8601)   // 10:00 in Bordeaux
        let listing = StationListing(try station(hours: "", accessibility: ""), distanceMetres: 1234.56, at: wednesday10)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(listing)) as? [String: Any])
        #expect(Set(object.keys) == ["id", "kind", "name", "address", "postal_code", "commune", "insee", "department", "lat", "lon",
                                     "distance_m", "phone", "phone_e164", "email", "open_now", "next_opening", "opening_hours",
                                     "hours_note", "accessibility", "coordinate_quality", "updated", "time_zone"])
        #expect(object["distance_m"] as? Double == 1234.6)
        #expect(object["open_now"] is NSNull, "unknown hours are null, not false")
        #expect(object["opening_hours"] is NSNull)
        #expect(object["email"] is NSNull)
        #expect(object["phone_e164"] as? String == "+33556000000")
        #expect(object["department"] as? String == "33")
    }

    @Test func opensNextInTheStationsOwnOffsetAndRoundTrips() throws {
        let saturday = try Date("2026-03-07T10:00:00Z", strategy: .iso8601)
        let listing = StationListing(try station(), at: saturday)
        #expect(listing.openNow == false)
        #expect(listing.nextOpening == (try Date("2026-03-09T07:00:00Z", strategy: .iso8601)))
        #expect(listing.timeZone == "Europe/Paris")
        #expect(listing.accessibility == "accessible: rampe")
        #expect(listing.distanceMetres == nil)
        let data = try JSONEncoder().encode(listing)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["distance_m"] == nil, "no distance key when the station was not searched by distance")
        #expect(object["next_opening"] as? String == "2026-03-09T08:00:00+01:00", "written with the station's own offset")
        #expect(object["time_zone"] as? String == "Europe/Paris")
        #expect(try JSONDecoder().decode(StationListing.self, from: data) == listing)
    }

    @Test func decodingRejectsAnInvalidCodeNamingIt() throws {
        let listing = StationListing(try station(), at: Date(timeIntervalSince1970: 0))
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(listing)) as? [String: Any])
        object["postal_code"] = "3300"
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StationListing.self, from: data) }
    }
}
