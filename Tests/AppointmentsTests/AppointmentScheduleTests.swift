@testable import Appointments
import Foundation
import Testing

@Suite struct AppointmentScheduleTests {
    let paris = AppointmentSchedule.standard(territory: .metropole)

    @Test func standardScheduleHasTwelvePlainteSlotsOnAWeekday() throws {
        let slots = paris.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        #expect(slots.count == 12)
        #expect(slots.allSatisfy { $0.capacity == 2 && $0.end.timeIntervalSince($0.start) == 1_800 })
        #expect(slots.first?.start == (try Fixture.date("2026-03-24T08:00:00Z")))
        #expect(slots.last?.start == (try Fixture.date("2026-03-24T15:30:00Z")))
        #expect(paris.slots(for: .procuration, from: try Fixture.day("2026-03-24"), days: 1).count == 24)
        #expect(paris.slots(for: .restitutionObjet, from: try Fixture.day("2026-03-24"), days: 1).isEmpty)
        #expect(!paris.offers(.autre))
    }

    @Test func weekendsAndPublicHolidaysAreClosed() throws {
        #expect(paris.slots(for: .plainte, from: try Fixture.day("2026-03-28"), days: 2).isEmpty)
        // Easter Monday 2026-04-06.
        #expect(paris.slots(for: .plainte, from: try Fixture.day("2026-04-06"), days: 1).isEmpty)
        var open = paris
        open.closedOnPublicHolidays = false
        #expect(open.slots(for: .plainte, from: try Fixture.day("2026-04-06"), days: 1).count == 12)
        // 22 May is a holiday in Martinique only.
        let martinique = AppointmentSchedule.standard(territory: .martinique)
        #expect(martinique.slots(for: .plainte, from: try Fixture.day("2026-05-22"), days: 1).isEmpty)
        #expect(paris.slots(for: .plainte, from: try Fixture.day("2026-05-22"), days: 1).count == 12)
    }

    @Test func wallClockTimesHoldAcrossDaylightSavingChange() throws {
        // Before the change (UTC+1) and after it (UTC+2): 09:00 local both days.
        let friday = paris.slots(for: .plainte, from: try Fixture.day("2026-03-27"), days: 1)
        let monday = paris.slots(for: .plainte, from: try Fixture.day("2026-03-30"), days: 1)
        #expect(friday.first?.start == (try Fixture.date("2026-03-27T08:00:00Z")))
        #expect(monday.first?.start == (try Fixture.date("2026-03-30T07:00:00Z")))
        let autumn = paris.slots(for: .plainte, from: try Fixture.day("2026-10-26"), days: 1)
        #expect(autumn.first?.start == (try Fixture.date("2026-10-26T08:00:00Z")))
    }

    @Test func aRangeContainingTheChangeHasNoDuplicateOrImpossibleSlot() throws {
        let night = try AppointmentSchedule.WeeklyRange([.sunday], TimeRange(start: LocalTime(hour: 1), end: LocalTime(hour: 4)), counters: 1)
        let schedule = AppointmentSchedule(territory: .metropole, ranges: [.plainte: [night]], closedOnPublicHolidays: false)
        let spring = schedule.slots(for: .plainte, from: try Fixture.day("2026-03-29"), days: 1)
        // 01:00–04:00 local on the spring-forward night lasts two real hours: four 30-minute slots.
        #expect(spring.map(\.start) == (try ["2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"].map(Fixture.date)))
        let autumn = schedule.slots(for: .plainte, from: try Fixture.day("2026-10-25"), days: 1)
        #expect(autumn.count == 6)
        #expect(zip(autumn, autumn.dropFirst()).allSatisfy { $0.end <= $1.start })
    }

    @Test func overseasStationsUseTheirOwnTimeZone() throws {
        let martinique = AppointmentSchedule.standard(territory: .martinique)
        let slots = martinique.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        // 09:00 in Fort-de-France is 13:00 UTC (UTC−4, no daylight saving).
        #expect(slots.first?.start == (try Fixture.date("2026-03-24T13:00:00Z")))
        let noumea = AppointmentSchedule.standard(territory: .nouvelleCaledonie)
        let slot = try #require(noumea.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1).first)
        #expect(slot.start == (try Fixture.date("2026-03-23T22:00:00Z")))
        #expect(slot.day == (try Fixture.day("2026-03-24")))
    }

    @Test func exceptionsCloseOrOpenDays() throws {
        var schedule = paris
        schedule.exceptions = [
            .closed(try Fixture.day("2026-03-24")),
            .extraOpening(try Fixture.day("2026-03-28"), motif: .plainte, range: try TimeRange(start: LocalTime(hour: 10), end: LocalTime(hour: 12)), counters: 3),
        ]
        #expect(schedule.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1).isEmpty)
        let saturday = schedule.slots(for: .plainte, from: try Fixture.day("2026-03-28"), days: 1)
        #expect(saturday.count == 4 && saturday.allSatisfy { $0.capacity == 3 })
        #expect(schedule.slots(for: .mainCourante, from: try Fixture.day("2026-03-28"), days: 1).isEmpty)
    }

    @Test func bufferAndStepSpaceTheSlots() throws {
        var schedule = paris
        schedule.bufferMinutes = 10
        let slots = schedule.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        // 09:00, 09:40, 10:20, 11:00 (11:40 would end after 12:00), then the afternoon.
        #expect(slots.prefix(4).map { $0.start.timeIntervalSince(slots[0].start) } == [0, 2_400, 4_800, 7_200])
        #expect(slots.count == 8)
        schedule.bufferMinutes = 0
        schedule.slotStepMinutes = 60
        #expect(schedule.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1).count == 6)
        schedule.slotStepMinutes = 5 // never closer than the duration
        #expect(schedule.slots(for: .plainte, from: try Fixture.day("2026-03-24"), days: 1).count == 12)
    }

    @Test func slotLookupFindsOnlyRealStarts() throws {
        #expect(paris.slot(for: .plainte, startingAt: try Fixture.date("2026-03-24T08:30:00Z")) != nil)
        #expect(paris.slot(for: .plainte, startingAt: try Fixture.date("2026-03-24T08:15:00Z")) == nil)
        #expect(paris.slot(for: .plainte, startingAt: try Fixture.date("2026-03-24T11:00:00Z")) == nil)
    }

    @Test func invalidRangesAreRefused() throws {
        let range = try TimeRange(start: LocalTime(hour: 9), end: LocalTime(hour: 12))
        #expect(throws: AppointmentError.self) { _ = try AppointmentSchedule.WeeklyRange([.monday], range, counters: 0) }
        #expect(throws: AppointmentError.self) { _ = try AppointmentSchedule.WeeklyRange([], range, counters: 1) }
    }

    @Test func stationIDsGiveTerritoryAndTimeZone() throws {
        #expect(try StationID.territory(of: "gendarmerie-97209-01") == .martinique)
        #expect(try StationID.territory(of: "commissariat_police-33063-01") == .metropole)
        #expect(try StationID.territory(of: "gendarmerie-67482-02") == .alsaceMoselle)
        #expect(try StationID.timeZone(of: "commissariat_police-98818-01").identifier == "Pacific/Noumea")
        for bad in ["", "gendarmerie", "gendarmerie-99999-01", "gendarmerie-33063-", "33063-01", "gendarmerie-3306-01"] {
            #expect(throws: AppointmentError.self, "\(bad)") { _ = try StationID.territory(of: bad) }
        }
    }
}
