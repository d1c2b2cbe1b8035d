@testable import Appointments
import Foundation
import Testing

@Suite struct PublishedSchedulesTests {
    static let talence = "commissariat_police-33522-01"
    static let bordeaux = "commissariat_police-33063-01"
    static let versailles = "commissariat_police-78646-01"

    func file(_ json: String) throws(ScheduleFileError) -> PublishedSchedules {
        try PublishedSchedules(data: Data(json.utf8), file: "schedules.json")
    }

    func error(_ json: String) -> ScheduleFileError? {
        do { _ = try file(json); return nil } catch { return error }
    }

    @Test func aDeploymentFileIsReadPerStation() throws {
        let schedules = try file("""
        {"schema_version": 1, "stations": {"\(Self.bordeaux)": {"territory": "metropole",
          "ranges": {"plainte": [{"days": ["Mo"], "start": "09:00", "end": "10:00", "counters": 3}]},
          "exceptions": [{"date": "2026-03-30", "closed": true}]}}}
        """)
        let schedule = try #require(schedules[Self.bordeaux])
        #expect(schedule.slots(for: .plainte, from: try Fixture.day("2026-03-23"), days: 1).map(\.capacity) == [3, 3])
        #expect(schedule.slots(for: .plainte, from: try Fixture.day("2026-03-30"), days: 1).isEmpty)
        #expect(schedules[Self.talence] == nil)
        // What it writes, it reads back.
        #expect(try PublishedSchedules(data: try schedules.encoded(), file: "round-trip") == schedules)
    }

    @Test func errorsNameTheFileTheStationAndTheField() {
        let counters = error("""
        {"schema_version": 1, "stations": {"\(Self.bordeaux)": {"territory": "metropole",
          "ranges": {"plainte": [{"days": ["Mo"], "start": "09:00", "end": "10:00", "counters": 0}]}}}}
        """)
        #expect(counters?.file == "schedules.json" && counters?.station == Self.bordeaux && counters?.field == "ranges")
        #expect(counters?.message.contains("counter") == true)
        let time = error("""
        {"schema_version": 1, "stations": {"\(Self.bordeaux)": {"territory": "metropole",
          "ranges": {"plainte": [{"days": ["Mo"], "start": "9h", "end": "10:00", "counters": 1}]}}}}
        """)
        #expect(time?.station == Self.bordeaux && time?.field == "ranges.plainte[0].start", "\(String(describing: time))")
        let typo = error("""
        {"schema_version": 1, "stations": {"\(Self.bordeaux)": {"territory": "metropole", "ranges": {}, "closed_on_holidays": false}}}
        """)
        #expect(typo?.station == Self.bordeaux && typo?.field == "closed_on_holidays")
        let missing = error(#"{"schema_version": 1, "stations": {"\#(Self.bordeaux)": {"territory": "metropole"}}}"#)
        #expect(missing?.station == Self.bordeaux && missing?.field == "ranges")
        let territory = error(#"{"schema_version": 1, "stations": {"gendarmerie-97209-01": {"territory": "metropole", "ranges": {}}}}"#)
        #expect(territory?.station == "gendarmerie-97209-01" && territory?.field == "territory")
        let station = error(#"{"schema_version": 1, "stations": {"Bordeaux": {"territory": "metropole", "ranges": {}}}}"#)
        #expect(station?.station == "Bordeaux" && station?.field == nil)
        #expect(error(#"{"schema_version": 2, "stations": {}}"#)?.field == "schema_version")
        #expect(error(#"{"stations": {}}"#)?.field == "schema_version")
        #expect(error("not json")?.station == nil)
        let described = counters?.description ?? ""
        #expect(described.hasPrefix("schedules.json: station \(Self.bordeaux), field ranges: "), "\(described)")
    }

    @Test func theDefaultIsDerivedFromPublishedHoursOnly() throws {
        let hours = try OpeningHours.parse("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-11:00")
        let schedule = try #require(AppointmentSchedule.derived(from: hours, territory: .metropole))
        let saturday = schedule.slots(for: .plainte, from: try Fixture.day("2026-03-28"), days: 1)
        #expect(saturday.count == 4)
        #expect(saturday.allSatisfy { $0.capacity == 1 })
        #expect(schedule.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1).count == 16)
        #expect(schedule.slots(for: .plainte, from: try Fixture.day("2026-03-29"), days: 1).isEmpty) // Sunday: closed
        #expect(schedule.slots(for: .plainte, from: try Fixture.day("2026-04-06"), days: 1).isEmpty) // Easter Monday
        #expect(schedule.offers(.visioPlainte) && schedule.offers(.mainCourante) && !schedule.offers(.restitutionObjet))
        // Round the clock: appointments in the day only (08:00–19:00).
        let always = try #require(AppointmentSchedule.derived(from: try OpeningHours.parse("24/7"), territory: .metropole))
        let day = always.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        let eight = try Fixture.date("2026-03-24T07:00:00Z")
        #expect(day.count == 22 && day.first?.start == eight)
        // Hours too short for any appointment: no schedule.
        #expect(AppointmentSchedule.derived(from: try OpeningHours.parse("We 08:00-08:10"), territory: .metropole) == nil)
    }

    @Test func onlyPublishedStationsInsideTheAreaOfferSlots() async throws {
        let gironde = try DepartementCode("33")
        let area = BookingArea(windows: [.plainte: [BookingArea.Window(departements: [gironde], from: try Fixture.day("2023-12-01"))]])
        let provider = PublishedScheduleProvider(schedules: PublishedSchedules([Self.talence: .standard(territory: .metropole),
                                                                                Self.versailles: .standard(territory: .metropole)]),
                                                 area: area)
        let book = AppointmentBook(store: InMemoryBookingStore(), schedules: provider, clock: ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z")))
        #expect(try await !book.availableSlots(station: Self.talence, motif: .plainte, from: try Fixture.day("2026-03-24"), days: 1).isEmpty)
        await #expect(throws: AppointmentError.hoursNotPublished(station: Self.bordeaux)) {
            try await book.availableSlots(station: Self.bordeaux, motif: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        }
        await #expect(throws: AppointmentError.notOfferedHere(station: Self.versailles, motif: .plainte, departement: "78", offeredIn: ["33"])) {
            try await book.availableSlots(station: Self.versailles, motif: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        }
        // Main courante has no window: everywhere.
        #expect(try await !book.availableSlots(station: Self.versailles, motif: .mainCourante, from: try Fixture.day("2026-03-24"), days: 1).isEmpty)
        // Before the window opens, nowhere.
        let early = AppointmentBook(store: InMemoryBookingStore(), schedules: provider, clock: ManualWallClock(try Fixture.date("2023-11-20T07:00:00Z")))
        await #expect(throws: AppointmentError.notOfferedHere(station: Self.talence, motif: .plainte, departement: "33", offeredIn: [])) {
            try await early.availableSlots(station: Self.talence, motif: .plainte, from: try Fixture.day("2023-11-21"), days: 1)
        }
        #expect(AppointmentError.hoursNotPublished(station: Self.bordeaux).code == "hours-not-published")
    }

    @Test func aBookingMadeBeforeTheStationStoppedPublishingCanStillBeCancelled() async throws {
        let store = InMemoryBookingStore()
        let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
        let before = AppointmentBook(store: store, schedules: DefaultScheduleProvider(), clock: clock)
        let booking = try await before.book(station: Self.bordeaux, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"))
        let after = AppointmentBook(store: store, schedules: PublishedScheduleProvider(schedules: PublishedSchedules()), clock: clock)
        #expect(try await after.reminders(for: booking).count == 2)
        #expect(try await after.calendarEvent(for: booking, location: nil).contains("DTSTART:20260324T080000Z"))
        #expect(try await after.cancel(code: booking.code).booking.status == .cancelledByCitizen)
    }

    @Test func visioPlainteCarriesAStableUnguessableLinkInTheCalendar() async throws {
        let provider = PublishedScheduleProvider(schedules: PublishedSchedules([Self.versailles: .standard(territory: .metropole)
                                                                                    .with(.visioPlainte, counters: 2)]))
        let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
        let meetings = DerivedMeetingProvider(secret: Array("test-secret-0123456789".utf8))
        let withoutLinks = AppointmentBook(store: InMemoryBookingStore(), schedules: provider, clock: clock)
        await #expect(throws: AppointmentError.motifNotOffered(station: Self.versailles, motif: .visioPlainte)) {
            try await withoutLinks.availableSlots(station: Self.versailles, motif: .visioPlainte, from: try Fixture.day("2026-03-24"), days: 1)
        }
        let book = AppointmentBook(store: InMemoryBookingStore(), schedules: provider, clock: clock, meetings: meetings)
        let slot = try #require(try await book.availableSlots(station: Self.versailles, motif: .visioPlainte, from: try Fixture.day("2026-03-24"), days: 1).first)
        #expect(slot.slot.end.timeIntervalSince(slot.slot.start) == 45 * 60)
        let booking = try await book.book(station: Self.versailles, motif: .visioPlainte, start: slot.slot.start)
        let link = try #require(try await book.meetingURL(for: booking))
        #expect(try await book.meetingURL(for: booking) == link)
        #expect(link.absoluteString.hasPrefix("https://") && link.lastPathComponent.count == 32)
        #expect(!link.absoluteString.contains(booking.code.rawValue) && !link.absoluteString.lowercased().contains(booking.id.uuidString.lowercased()))
        let other = try await book.book(station: Self.versailles, motif: .visioPlainte, start: slot.slot.start)
        #expect(try await book.meetingURL(for: other) != link)
        #expect(try DerivedMeetingProvider(secret: Array("another-secret-0123456".utf8)).meetingURL(for: booking) != link)
        let ics = try await book.calendarEvent(for: booking, location: "Commissariat de Versailles")
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\r\nURL:\(link.absoluteString)\r\n"))
        #expect(unfolded.contains("\r\nLOCATION:\(link.absoluteString)\r\n"))
        #expect(unfolded.contains("DESCRIPTION:Lien de la visio : \(link.absoluteString)"))
        #expect(unfolded.contains("caméra et micro"))
        // A visit has no link.
        let visit = try await book.book(station: Self.versailles, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"))
        #expect(try await book.meetingURL(for: visit) == nil)
        #expect(!(try await book.calendarEvent(for: visit, location: "Commissariat de Versailles")).contains("URL:"))
    }
}

extension AppointmentSchedule {
    /// This schedule with `motif` offered in the plainte ranges' hours.
    func with(_ motif: Motif, counters: Int) -> AppointmentSchedule {
        var copy = self
        copy.ranges[motif] = (ranges[.plainte] ?? []).map { WeeklyRange(unchecked: $0.weekdays, $0.range, counters: counters) }
        return copy
    }
}
