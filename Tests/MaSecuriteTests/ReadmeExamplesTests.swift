import Foundation
import Testing
import MaSecurite

/// The code examples of README.md, kept compiling and true. When an API changes,
/// this file breaks first: update README.md with it.
@Suite("README examples")
struct ReadmeExamplesTests {
    @Test("Core: places, time zones, opening hours")
    func coreExample() throws {
        let clock: any WallClock = SystemWallClock()
        let commune = try INSEECode("97209")                        // Fort-de-France, Martinique
        let hours = try OpeningHours.parse("Mo-Fr 08:00-12:00,14:00-18:00; PH off")
        let context = OpeningHoursContext(territory: commune.territory)
        _ = hours.isOpen(at: clock.now(), in: context)
        #expect(hours.nextOpening(after: clock.now(), in: context) != nil)
        let alsace = PublicHolidays.holidays(in: 2026, territory: .alsaceMoselle)
        #expect(alsace.count == 13)
        let bordeaux = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        let toulouse = try GeoPoint(latitude: 43.6047, longitude: 1.4442)
        #expect(abs(bordeaux.distance(to: toulouse) / 1000 - 211.6) < 1)
    }

    @Test("StationDirectory: nearest commissariat or brigade")
    func stationsExample() throws {
        let finder = try StationFinder.bundled()
        let bordeaux = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
        let open = finder.nearest(to: bordeaux, count: 3, filter: StationFilter(openAt: Date()))
        #expect(open.count <= 3)
        let commune = try #require(try finder.places(matching: "st etiene").first)
        let brigades = finder.nearest(to: commune, count: 5, filter: StationFilter(kinds: [.gendarmerie]))
        #expect(brigades.count == 5)
        #expect(brigades.allSatisfy { $0.station.kind == .gendarmerie })
    }

    @Test("Teleservices: which online service fits, and why")
    func teleservicesExample() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let situation = Situation(values: [
            "emergency_now": .bool(false), "offence": .enumValue("vol"),
            "author_known": .bool(true), "victim_is_minor": .bool(false),
            "happened_in_france": .bool(true),
        ])
        let today = try LocalDate(iso: "2026-01-15")
        let result = try catalog.evaluate(serviceID: "plainte-en-ligne", situation: situation, on: today)
        #expect(result.verdict == .notEligible)
        #expect(!result.reasons(in: .english).isEmpty)
        let ranked = try catalog.suggest(situation, on: today)
        #expect(!ranked.isEmpty)
    }

    @Test("Appointments: book a slot without double-booking")
    func appointmentsExample() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("readme-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteBookingStore(path: path)
        let book = AppointmentBook(store: store)
        let station = "commissariat_police-33063-01"
        let monday = LocalDate(Date().addingTimeInterval(7 * 86_400), in: TimeZone(identifier: "Europe/Paris") ?? .gmt)
        let free = try await book.availableSlots(station: station, motif: .plainte, from: monday, days: 7)
        let first = try #require(free.first)
        let booking = try await book.book(station: station, motif: .plainte,
                                          start: first.slot.start, idempotencyKey: UUID().uuidString)
        #expect(booking.code.formatted.count == 24)
        let ics = try await book.calendarEvent(for: booking, location: "Commissariat de Bordeaux")
        #expect(ics.contains("BEGIN:VEVENT"))
    }

    @Test("ChatProtocol: a visitor is welcomed")
    func chatExample() async throws {
        let service = ChatService()
        try await service.registerOperator(OperatorProfile(id: OperatorID("op-4512"), pseudonym: "Agent 4512",
                                                           platforms: [.tchat, .pnav], vssTrained: true))
        let visitor = await service.connect(.newVisitor(platform: .pnav))
        var iterator = visitor.events.makeAsyncIterator()
        let frame = try #require(await iterator.next())
        #expect(String(decoding: try frame.jsonData(), as: UTF8.self).contains("\"v\""))
        let day = ChatSimulator.run(DayScenario(conversationsPerDay: 200, operators: 10))
        #expect((0...1).contains(day.takenWithin120s))
    }

    @Test("OrienteurKit: from a citizen's words or choices to the right answer")
    func orienteurExample() throws {
        let orienteur = try Orienteur.bundled()
        let answer = orienteur.ask("on m'a volé mon vélo devant la gare")
        #expect(answer.emergency == nil)
        #expect(answer.results.contains { $0.id == "a-vol-velo" || $0.actions.contains("teleservice:plainte-en-ligne") })
        var session = orienteur.session()
        try session.start(journey: "victime")
        try session.choose(0)
        let token = session.token
        let resumed = try orienteur.session(token: token)
        #expect(resumed.token == token)
    }

    @Test("MaSecurite: the guichet unique in one call")
    func guichetExample() async throws {
        let guichet = try Guichet()
        let guidance = try await guichet.guidance(for: "on m'a volé mon vélo devant la gare",
                                                  at: .postalCode(try PostalCode("33000")))
        #expect(guidance.emergency == nil)
        #expect(!guidance.steps.isEmpty)
        if let slot = guidance.slots.first {
            let booking = try await guichet.book(slot)
            #expect(!booking.code.formatted.isEmpty)
        }
    }
}
