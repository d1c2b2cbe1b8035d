import Foundation
import MaSecuriteCore
import Testing
@testable import MaSecuriteCLI

@Suite struct StationsCommandsTests {
    /// Wednesday 4 March 2026, 10:00 in Paris.
    private let clock = ManualWallClock(Date(timeIntervalSince1970: 1_772_614_800))

    private func run(_ arguments: [String], input: String = "") async -> (status: Int32, console: BufferConsole) {
        let console = BufferConsole(input: input)
        let status = await MaSecuriteCommandLine.main(arguments, context: CommandContext(console: console, environment: [:], clock: clock))
        return (status, console)
    }

    private func jsonArray(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return try #require(value as? [[String: Any]])
    }

    @Test func nearJSONHasTheContractFields() async throws {
        let (status, console) = await run(["stations", "near", "--lat", "44.8378", "--lon", "-0.5792", "--limit", "3", "--json"])
        #expect(status == 0)
        let rows = try jsonArray(console.output)
        #expect(rows.count == 3)
        for key in ["id", "kind", "name", "address", "postal_code", "commune", "lat", "lon", "distance_m", "phone", "open_now"] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
        }
        #expect(rows.map { $0["id"] as? String } == ["commissariat_police-33063-01", "commissariat_police-33522-01", "commissariat_police-33069-01"])
        #expect(rows[0]["distance_m"] as? Double == 836.9)
        #expect(rows[0]["kind"] as? String == "police")
        #expect(rows[0]["postal_code"] as? String == "33000")
        #expect(rows[0]["open_now"] is NSNull, "Bordeaux publishes no hours: open_now is null")
        #expect(rows[1]["open_now"] as? Bool == true, "Talence is open on Wednesday at 10:00")
    }

    @Test func nearWithOpenAtFiltersAndReportsOpenNow() async throws {
        let (status, console) = await run(["stations", "near", "--lat", "44.8378", "--lon", "-0.5792", "--limit", "2",
                                           "--open-at", "2026-03-08T10:00:00+01:00", "--kind", "police", "--json"])
        #expect(status == 0)
        let rows = try jsonArray(console.output)
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["open_now"] as? Bool == true })
        #expect(!rows.contains { $0["id"] as? String == "commissariat_police-33522-01" }, "Talence is closed on Sunday")
    }

    @Test func nearByPostalCodeAndCommune() async throws {
        let postal = await run(["stations", "near", "--postal-code", "38500", "--limit", "1"])
        #expect(postal.status == 0)
        #expect(postal.console.output.contains("Lieu : Voiron (38563)"))
        #expect(postal.console.output.contains("Coublevie"))
        let commune = await run(["stations", "near", "--commune", "st etiene", "--limit", "1", "--json"])
        #expect(commune.status == 0)
        #expect(try jsonArray(commune.console.output).first?["commune"] as? String == "Saint-Étienne")
    }

    @Test func nearUsageErrors() async {
        #expect(await run(["stations", "near"]).status == 2)
        #expect(await run(["stations", "near", "--lat", "44", "--lon", "1", "--commune", "Paris"]).status == 2)
        #expect(await run(["stations", "near", "--lat", "44"]).status == 2)
        #expect(await run(["stations", "near", "--lat", "95", "--lon", "1"]).status == 2)
        #expect(await run(["stations", "near", "--postal-code", "ABCDE"]).status == 2)
        #expect(await run(["stations", "near", "--lat", "44", "--lon", "1", "--kind", "army"]).status == 2)
        let unknown = await run(["stations", "near", "--commune", "zzzzzzzzzzqq"])
        #expect(unknown.status == 1)
        #expect(unknown.console.errorOutput.contains("no French commune matches 'zzzzzzzzzzqq'"))
    }

    @Test func nearestBatchStreamsAndReportsBadLines() async {
        let input = "lat,lon\n44.8378,-0.5792\nnot a point\n-13.2825,-176.1736\n91,0\n14.6405164,-61.068938362\n"
        let (status, console) = await run(["stations", "nearest", "--k", "2"], input: input)
        #expect(status == 1)
        #expect(console.output == """
            query,rank,station_id,distance_m
            0,1,commissariat_police-33063-01,836.9
            0,2,commissariat_police-33522-01,2616.1
            2,1,gendarmerie-98613-01,5517.5
            2,2,gendarmerie-98612-01,240524.0
            4,1,commissariat_police-97209-01,3948.3
            4,2,gendarmerie-97229-01,4406.4

            """)
        #expect(console.errorOutput.contains("line 3:"))
        #expect(console.errorOutput.contains("line 5:"))
        #expect(!console.errorOutput.contains("line 2:"))
    }

    @Test func nearestWithoutHeaderSucceeds() async {
        let (status, console) = await run(["stations", "nearest", "--k", "1"], input: "44.8378,-0.5792\n")
        #expect(status == 0)
        #expect(console.output == "query,rank,station_id,distance_m\n0,1,commissariat_police-33063-01,836.9\n")
        #expect(console.errorOutput.isEmpty)
        #expect(await run(["stations", "nearest"]).status == 2)
        #expect(await run(["stations", "nearest", "--k", "0"]).status == 2)
    }

    @Test func showTextJSONAndUnknownID() async throws {
        let text = await run(["stations", "show", "commissariat_police-97209-01"])
        #expect(text.status == 0)
        #expect(text.console.output.contains("Commissariat de police de Fort-de-France"))
        #expect(text.console.output.contains("Mo-Fr 08:00-13:00,14:30-18:30"))
        let json = await run(["stations", "show", "commissariat_police-97209-01", "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.console.output.utf8)) as? [String: Any])
        #expect(object["department"] as? String == "972")
        // 10:00 in Paris is 05:00 in Martinique: closed.
        #expect(object["open_now"] as? Bool == false)
        #expect(object["next_opening"] as? String == "2026-03-04T08:00:00-04:00")
        #expect(object["phone_e164"] as? String != nil)
        let missing = await run(["stations", "show", "no-such-station"])
        #expect(missing.status == 1)
        #expect(missing.console.errorOutput.contains("no-such-station"))
    }

    @Test func timesUseTheStationsOffsetWithAColon() async throws {
        // Text and JSON both write the next opening in Martinique time, RFC 3339 style.
        let text = await run(["stations", "show", "commissariat_police-97209-01"])
        #expect(text.console.output.contains("  maintenant :     fermé, ouvre le 2026-03-04T08:00:00-04:00"))
        let english = await run(["stations", "show", "commissariat_police-97209-01", "--lang", "en"])
        #expect(english.console.output.contains("  now:             closed, opens 2026-03-04T08:00:00-04:00"))
        let near = await run(["stations", "near", "--lat", "14.6405", "--lon", "-61.0689", "--limit", "1", "--lang", "en"])
        #expect(near.console.output.contains("closed, opens 2026-03-04T08:00:00-04:00"))
        // The shared formatter: offsets of the day (summer time), east and west of Greenwich.
        let instant = try Date("2026-07-01T10:00:00Z", strategy: .iso8601)
        let expected = ["Europe/Paris": "2026-07-01T12:00:00+02:00", "Pacific/Noumea": "2026-07-01T21:00:00+11:00",
                        "America/Miquelon": "2026-07-01T08:00:00-02:00", "Pacific/Marquesas": "2026-07-01T00:30:00-09:30"]
        for (identifier, text) in expected {
            let zone: TimeZone = try #require(TimeZone(identifier: identifier))
            #expect(RFC3339.format(instant, in: zone) == text)
        }
    }

    @Test func versionListsTheDataAndLicences() async {
        let (status, console) = await run(["version"])
        #expect(status == 0)
        #expect(console.output.contains("Licence Ouverte"))
        #expect(console.output.contains("ODbL"))
        #expect(console.output.contains("DILA"))
    }
}

extension StationsCommandsTests {
    /// `stations near`, `guide` and the guichet read places with one resolver, so
    /// the same unknown place gives the same message everywhere (issue 16).
    @Test func stationsAndGuideShareThePlaceResolver() async throws {
        for (option, value) in [("--postal-code", "98000"), ("--postal-code", "33999"), ("--commune", "zzzzzzzzzzqq")] {
            let stations = await run(["stations", "near", option, value])
            let guide = await run(["guide", "on m'a volé mon vélo", option, value])
            #expect(stations.status == 1)
            #expect(guide.status == 1)
            let message = try #require(stations.console.errorOutput.split(separator: "\n").first)
            #expect(guide.console.errorOutput.contains(String(message)), "\(option) \(value)")
        }
    }
}
