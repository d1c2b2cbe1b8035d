import Appointments
import Foundation
import MaSecuriteCore
import Testing
@testable import MaSecurite
@testable import MaSecuriteCLI

/// One truth for online appointments: for every département, the teleservice
/// catalog (`teleservices list --department D`), the guichet (the stations of a
/// guide answer) and `appointments slots` agree on where a station offers slots —
/// with the bundled data only (no deployment schedules file).
@Suite struct AvailabilityAgreementTests {
    /// Monday 2026-03-23 08:00 in Paris: a week of ordinary working days follows.
    static let now = Date(timeIntervalSince1970: 1_774_249_200)

    /// An empty data directory: no bookings file, whatever the machine's user has.
    static let dataHome = FileManager.default.temporaryDirectory.appendingPathComponent("masecurite-agreement-\(UUID().uuidString)").path

    func run(_ arguments: [String]) async -> (status: Int32, output: String) {
        let console = BufferConsole()
        let context = CommandContext(console: console, environment: ["XDG_DATA_HOME": Self.dataHome, "HOME": Self.dataHome],
                                     clock: ManualWallClock(Self.now))
        let status = await MaSecuriteCommandLine.main(arguments, context: context)
        return (status, console.output)
    }

    /// What `appointments slots` says of `station` for plainte over the next week:
    /// `bookable` (slots listed) or the refusal's error code.
    func slotsAnswer(_ station: String) async throws -> String {
        let result = await run(["appointments", "slots", "--station", station, "--motif", "plainte", "--from", "2026-03-24", "--days", "7", "--json"])
        let value = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        if result.status == 0 {
            let slots = try #require(value as? [[String: Any]])
            return slots.isEmpty ? "no-slot" : "bookable"
        }
        return try #require((value as? [String: String])?["error"])
    }

    @Test("catalog, guichet and appointments slots agree on online appointments in every département")
    func everyDepartementAgrees() async throws {
        let day = try LocalDate(iso: "2026-03-23")
        let catalog = try TeleserviceCatalog.bundled()
        let rendezVous = try #require(catalog.service(id: "rendez-vous"))
        let finder = try StationsCatalog.finder()
        let guichet = try GuichetSupport.guichet(store: InMemoryBookingStore(),
                                                 context: CommandContext(console: BufferConsole(), environment: [:], clock: ManualWallClock(Self.now)))
        var checkedStations = 0
        var bookableDepartements: Set<String> = []
        for departement in DepartementCode.all {
            // 1. The catalog, as `teleservices list --department D` prints it.
            let list = await run(["teleservices", "list", "--department", departement.rawValue, "--json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
            let listed = try #require(rows.first { $0["id"] as? String == "rendez-vous" }?["available"] as? Bool)
            #expect(listed == rendezVous.isAvailable(in: departement, on: day), "teleservices list, département \(departement)")

            let stations = finder.stations(inDepartment: departement).filter { $0.receivesPublic && !$0.isMotorisedUnit }
            // Every station with published hours, and the first without.
            let withHours = stations.filter { $0.hours.openingHours != nil }
            let chosen = withHours + stations.filter { $0.hours.openingHours == nil }.prefix(1)
            for station in chosen {
                // 2. `appointments slots`.
                let answer = try await slotsAnswer(station.id)
                let expected = !listed ? "not-offered-here" : station.hours.openingHours == nil ? "hours-not-published" : "bookable"
                #expect(answer == expected, "appointments slots, \(station.id) in \(departement) (hours: \(station.hours.osmText ?? "unknown"))")
                if answer == "bookable" { bookableDepartements.insert(departement.rawValue) }
                checkedStations += 1
            }
            // 3. The guichet: the stations listed around the first chosen station.
            guard let probe = chosen.first else { continue }
            let place = try guichet.resolve(.point(probe.location))
            let advice = await guichet.stationAdvice(motif: "plainte", place: place, date: Self.now, language: .french)
            for nearby in advice.stations {
                let answer = try await slotsAnswer(nearby.id)
                #expect(nearby.booking == answer, "guichet vs appointments slots for \(nearby.id) near \(probe.id)")
                #expect(nearby.firstSlots.isEmpty == (answer != "bookable"), "guichet slots for \(nearby.id)")
                if answer != "bookable" { #expect(nearby.bookingNote?.isEmpty == false) }
            }
            #expect(advice.bookable == advice.stations.contains { $0.booking == "bookable" })
        }
        // Online booking runs somewhere and not everywhere, and Paris is not bookable (the catalog's example).
        #expect(checkedStations > 300)
        #expect(!bookableDepartements.isEmpty && !bookableDepartements.contains("75"))
        #expect(bookableDepartements.isSubset(of: Set(DepartementCode.all.filter { rendezVous.isAvailable(in: $0, on: day) }.map(\.rawValue))))
    }

    @Test("Paris: teleservices list says rendez-vous no, and the guide offers no slot but says why")
    func parisAgrees() async throws {
        let list = await run(["teleservices", "list", "--department", "75", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        #expect(rows.first { $0["id"] as? String == "rendez-vous" }?["available"] as? Bool == false)
        let guide = await run(["guide", "--leaf", "a-veh-velo", "--postal-code", "75011", "--json"])
        #expect(guide.status == 0)
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(guide.output.utf8)) as? [String: Any])
        let steps = try #require(answer["steps"] as? [[String: Any]])
        let advice = try #require(steps.compactMap { $0["stations"] as? [String: Any] }.first)
        #expect(advice["bookable"] as? Bool == false)
        let stations = try #require(advice["stations"] as? [[String: Any]])
        #expect(!stations.isEmpty)
        for station in stations {
            #expect((station["first_slots"] as? [Any])?.isEmpty == true)
            #expect(station["booking"] as? String == "not-offered-here")
            #expect((station["booking_note"] as? String)?.isEmpty == false)
        }
        let slots = await run(["appointments", "slots", "--station", "commissariat_police-75101-01", "--motif", "plainte", "--from", "2026-03-24", "--json"])
        #expect(slots.status == 1 && slots.output.contains("not-offered-here"))
    }
}
