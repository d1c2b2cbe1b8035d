import Appointments
import Foundation
import MaSecuriteCore
import Testing
@testable import MaSecuriteCLI

@Suite struct AppointmentsCommandsTests {
    let bordeaux = "commissariat_police-33063-01"
    let fortDeFrance = "commissariat_police-97209-01"
    let strasbourg = "commissariat_police-67482-01"

    /// A deployment's schedules file: Bordeaux publishes no hours in the
    /// directory, so these tests publish the standard schedule for it (09:00–12:00
    /// and 14:00–17:00 on weekdays, 2 counters), as a deployment would.
    static let schedulesFile: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("masecurite-cli-schedules-\(UUID().uuidString).json").path
        let schedules = PublishedSchedules(["commissariat_police-33063-01": .standard(territory: .metropole)])
        _ = FileManager.default.createFile(atPath: path, contents: try? schedules.encoded())
        return path
    }()

    /// A fresh data directory and a clock at Monday 2026-03-23 08:00 Paris.
    final class Harness: Sendable {
        let directory: String
        let clock: ManualWallClock

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("masecurite-cli-\(UUID().uuidString)").path
            clock = ManualWallClock(try Date("2026-03-23T07:00:00Z", strategy: .iso8601))
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        var storePath: String { directory + "/masecurite/appointments.sqlite" }

        /// Runs with the bundled schedules only (no deployment file).
        func runWithoutSchedules(_ arguments: [String]) async -> (status: Int32, output: String, error: String) {
            let console = BufferConsole()
            let context = CommandContext(console: console, environment: ["XDG_DATA_HOME": directory, "HOME": directory], clock: clock)
            let status = await MaSecuriteCommandLine.main(arguments, context: context)
            return (status, console.output, console.errorOutput)
        }

        func run(_ arguments: [String]) async -> (status: Int32, output: String, error: String) {
            let console = BufferConsole()
            let context = CommandContext(console: console, environment: ["XDG_DATA_HOME": directory, "HOME": directory,
                                                                                   "MASECURITE_SCHEDULES": AppointmentsCommandsTests.schedulesFile],
                                         clock: clock)
            let status = await MaSecuriteCommandLine.main(arguments, context: context)
            return (status, console.output, console.errorOutput)
        }
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func slotsPrintStartEndRemainingWithTheStationOffset() async throws {
        let harness = try Harness()
        let result = await harness.run(["appointments", "slots", "--station", bordeaux, "--motif", "plainte", "--from", "2026-03-27", "--days", "4", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let slots = try #require(try json(result.output) as? [[String: Any]])
        #expect(slots.count == 24) // Friday (before the change to summer time) and Monday (after)
        #expect(slots.first?["start"] as? String == "2026-03-27T09:00:00+01:00")
        #expect(slots.first?["end"] as? String == "2026-03-27T09:30:00+01:00")
        #expect(slots.first?["remaining"] as? Int == 2)
        #expect(slots.last?["start"] as? String == "2026-03-30T16:30:00+02:00")
        #expect(slots.allSatisfy { Set($0.keys) == ["start", "end", "remaining"] })
        // Reading slots does not create the bookings file.
        #expect(!FileManager.default.fileExists(atPath: harness.storePath))
    }

    @Test func stationsOutsideTheCatalogsAreaOfferNoSlotAndSayWhereItRuns() async throws {
        let harness = try Harness()
        // The catalog's rendez-vous service does not run in Martinique (972).
        let result = await harness.run(["appointments", "slots", "--station", fortDeFrance, "--motif", "main-courante", "--from", "2026-03-24", "--days", "1", "--json"])
        #expect(result.status == 1)
        let error = try #require(try json(result.output) as? [String: String])
        #expect(error["error"] == "not-offered-here")
        #expect(error["message"]?.contains("972") == true && error["message"]?.contains("33") == true)
    }

    @Test func visioPlainteIsBookedWhereThePilotRunsWithItsMeetingLink() async throws {
        let harness = try Harness()
        // Plaisir (78), Yvelines: in the pilot, hours published (Mo-Sa 09:00-18:00).
        let station = "commissariat_police-78172-01"
        let slots = await harness.run(["appointments", "slots", "--station", station, "--motif", "visio-plainte", "--from", "2026-03-24", "--days", "1", "--json"])
        #expect(slots.status == 0, "\(slots.output)")
        let list = try #require(try json(slots.output) as? [[String: Any]])
        #expect(list.first?["start"] as? String == "2026-03-24T09:00:00+01:00" && list.first?["end"] as? String == "2026-03-24T09:45:00+01:00")
        let booked = await harness.run(["appointments", "book", "--station", station, "--motif", "visio-plainte", "--at", "2026-03-24T09:45:00+01:00",
                                        "--idempotency-key", "visio-1", "--json"])
        #expect(booked.status == 0, "\(booked.output)")
        let booking = try #require(try json(booked.output) as? [String: Any])
        let link = try #require(booking["meeting_url"] as? String)
        #expect(link.hasPrefix("https://") && (booking["documents"] as? [String])?.isEmpty == false)
        // The same booking always has the same link (retry, show, calendar).
        let retry = await harness.run(["appointments", "book", "--station", station, "--motif", "visio-plainte", "--at", "2026-03-24T09:45:00+01:00",
                                       "--idempotency-key", "visio-1", "--json"])
        #expect((try json(retry.output) as? [String: Any])?["meeting_url"] as? String == link)
        let code = try #require(booking["code"] as? String)
        let shown = await harness.run(["appointments", "show", code, "--json"])
        #expect((try json(shown.output) as? [String: String])?["meeting_url"] == link)
        let ics = await harness.run(["appointments", "show", code, "--ics"]).output.replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("\r\nURL:\(link)\r\n") && ics.contains("Lien de la visio : \(link)"))
        // Another booking, another link.
        let other = await harness.run(["appointments", "book", "--station", station, "--motif", "visio-plainte", "--at", "2026-03-24T10:30:00+01:00", "--json"])
        #expect((try json(other.output) as? [String: Any])?["meeting_url"] as? String != link)
        // Outside the pilot: a typed refusal saying where it runs.
        let outside = await harness.run(["appointments", "book", "--station", "commissariat_police-33522-01", "--motif", "visio-plainte",
                                         "--at", "2026-03-24T09:00:00+01:00", "--json"])
        let refusal = try #require(try json(outside.output) as? [String: String])
        #expect(outside.status == 1 && refusal["error"] == "not-offered-here")
        #expect(refusal["message"]?.contains("72, 78") == true, "\(refusal)")
        // A visit keeps its four keys (in Gironde: Yvelines has no online visits in the catalog).
        let visit = await harness.run(["appointments", "book", "--station", "commissariat_police-33522-01", "--motif", "plainte", "--at", "2026-03-24T09:00:00+01:00", "--json"])
        #expect((try json(visit.output) as? [String: String]).map { Set($0.keys) } == ["code", "station", "motif", "start"])
    }

    @Test func stationsWithoutPublishedHoursPointToThePhone() async throws {
        let harness = try Harness()
        // Talence's commissariat publishes Mo-Fr 08:00-18:00: the bundled default derives its slots from them.
        let published = await harness.runWithoutSchedules(["appointments", "slots", "--station", "commissariat_police-33522-01", "--motif", "plainte",
                                                           "--from", "2026-03-24", "--days", "1", "--json"])
        let slots = try #require(try json(published.output) as? [[String: Any]])
        #expect(slots.first?["start"] as? String == "2026-03-24T08:00:00+01:00")
        #expect(slots.last?["start"] as? String == "2026-03-24T17:30:00+01:00")
        #expect(slots.count == 20 && slots.allSatisfy { $0["remaining"] as? Int == 1 })
        // Bordeaux's does not publish its hours: no slot, and its number to call.
        let unpublished = await harness.runWithoutSchedules(["appointments", "slots", "--station", bordeaux, "--motif", "plainte",
                                                             "--from", "2026-03-24", "--days", "1", "--json"])
        #expect(unpublished.status == 1)
        let error = try #require(try json(unpublished.output) as? [String: String])
        #expect(error["error"] == "hours-not-published")
        #expect(error["message"]?.contains("05 57 85 77 77") == true, "\(error)")
        // A deployment file with an error is refused, located (file, station, field).
        let bad = harness.directory + "-bad-schedules.json"
        defer { try? FileManager.default.removeItem(atPath: bad) }
        _ = FileManager.default.createFile(atPath: bad, contents: Data(#"{"schema_version": 1, "stations": {"commissariat_police-33063-01": {"territory": "metropole", "ranges": {"plainte": [{"days": ["Mo"], "start": "09:00", "end": "12:00", "counters": 0}]}}}}"#.utf8))
        let refused = await harness.run(["appointments", "slots", "--station", bordeaux, "--motif", "plainte", "--from", "2026-03-24", "--schedules", bad])
        #expect(refused.status != 0 && refused.error.contains(bad) && refused.error.contains("station commissariat_police-33063-01")
                && refused.error.contains("ranges"), "\(refused.error)")
    }

    @Test func bookPrintsTheContractAndIsIdempotent() async throws {
        let harness = try Harness()
        let arguments = ["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-24T09:00:00+01:00",
                         "--idempotency-key", "retry-1", "--json"]
        let first = await harness.run(arguments)
        #expect(first.status == 0, "\(first.error)")
        let booking = try #require(try json(first.output) as? [String: String])
        #expect(Set(booking.keys) == ["code", "station", "motif", "start"])
        #expect(booking["station"] == bordeaux && booking["motif"] == "plainte" && booking["start"] == "2026-03-24T09:00:00+01:00")
        let code = try ConfirmationCode(try #require(booking["code"]))
        #expect(FileManager.default.fileExists(atPath: harness.storePath))
        let retry = await harness.run(arguments)
        #expect((try json(retry.output) as? [String: String])?["code"] == code.formatted)
        let slots = await harness.run(["appointments", "slots", "--station", bordeaux, "--motif", "plainte", "--from", "2026-03-24", "--days", "1", "--json"])
        let first09 = (try json(slots.output) as? [[String: Any]])?.first { $0["start"] as? String == "2026-03-24T09:00:00+01:00" }
        #expect(first09?["remaining"] as? Int == 1)
    }

    @Test func refusalsExitOneWithAJSONError() async throws {
        let harness = try Harness()
        func book(_ at: String, station: String? = nil) async throws -> (Int32, String?) {
            let result = await harness.run(["appointments", "book", "--station", station ?? bordeaux, "--motif", "plainte", "--at", at, "--json"])
            let error = (try? json(result.output) as? [String: String]).flatMap { $0 }
            if result.status != 0 { #expect(error?["message"]?.isEmpty == false) }
            return (result.status, error?["error"])
        }
        #expect(try await book("2026-03-23T09:00:00+01:00") == (1, "too-late"))
        #expect(try await book("2026-03-24T09:10:00+01:00") == (1, "outside-opening"))
        #expect(try await book("2026-05-12T09:00:00+02:00") == (1, "too-far-ahead"))
        #expect(try await book("2026-03-24T09:00:00+01:00", station: "not-a-station") == (1, "unknown-station"))
        #expect(try await book("2026-03-24T09:00:00+01:00").0 == 0)
        #expect(try await book("2026-03-24T08:00:00Z").0 == 0) // the same instant written in UTC
        #expect(try await book("2026-03-24T09:00:00+01:00") == (1, "slot-full"))
        // Without --json the refusal is still the JSON error, and a line on standard error.
        let plain = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-24T09:00:00+01:00"])
        #expect(plain.status == 1 && plain.output.contains("\"error\":\"slot-full\"") && plain.error.contains("full"))
        let usage = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "tomorrow"])
        #expect(usage.status == 2)
        let motif = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "visite", "--at", "2026-03-24T09:00:00+01:00"])
        #expect(motif.status == 2 && motif.error.contains("main-courante"))
    }

    @Test func cancelAndShowByCode() async throws {
        let harness = try Harness()
        let store = harness.directory + "/custom/bookings.sqlite"
        try FileManager.default.createDirectory(atPath: harness.directory + "/custom", withIntermediateDirectories: true)
        let booked = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "procuration",
                                        "--at", "2026-03-25T14:15:00+01:00", "--store", store, "--json"])
        let code = try #require((try json(booked.output) as? [String: String])?["code"])
        #expect(FileManager.default.fileExists(atPath: store) && !FileManager.default.fileExists(atPath: harness.storePath))
        let shown = await harness.run(["appointments", "show", code.lowercased(), "--store", store, "--json"])
        let details = try #require(try json(shown.output) as? [String: String])
        #expect(details["status"] == "booked" && details["start"] == "2026-03-25T14:15:00+01:00" && details["end"] == "2026-03-25T14:30:00+01:00")
        let ics = await harness.run(["appointments", "show", code, "--store", store, "--ics"])
        #expect(ics.status == 0 && ics.output.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.output.contains("DTSTART:20260325T131500Z\r\n"))
        // Unfolded (RFC 5545 §3.1): the station's name, address, postal code and commune; the documents to bring.
        let unfolded = ics.output.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\r\nLOCATION:Commissariat de police de Bordeaux\\, 23 rue François-de-Sourdis\\, 33000 Bordeaux\r\n"))
        #expect(!unfolded.contains("LOCATION:Station"))
        #expect(unfolded.contains("DESCRIPTION:") && unfolded.contains("À apporter :\\n- Une pièce d'identité"))
        let text = await harness.run(["appointments", "show", code, "--store", store])
        #expect(text.output.contains("  lieu :     Commissariat de police de Bordeaux, 23 rue François-de-Sourdis, 33000 Bordeaux"))
        let english = await harness.run(["appointments", "show", code, "--store", store, "--lang", "en"])
        #expect(english.output.contains("  place:     Commissariat de police de Bordeaux, 23 rue François-de-Sourdis, 33000 Bordeaux"))
        let cancelled = await harness.run(["appointments", "cancel", code, "--store", store])
        #expect(cancelled.status == 0 && cancelled.output.contains("annulé. Le créneau est de nouveau libre."))
        let again = await harness.run(["appointments", "cancel", code, "--store", store, "--json"])
        #expect(again.status == 1 && again.output.contains("not-active"))
        let missing = await harness.run(["appointments", "show", ConfirmationCode.random().formatted, "--store", store, "--json"])
        #expect(missing.status == 1 && missing.output.contains("not-found"))
        let malformed = await harness.run(["appointments", "show", "0000", "--store", store])
        #expect(malformed.status == 2)
    }

    @Test func moveKeepsTheCodeAndChecksTheNewSlot() async throws {
        let harness = try Harness()
        let booked = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-24T09:00:00+01:00", "--json"])
        let code = try #require((try json(booked.output) as? [String: String])?["code"])
        let refused = await harness.run(["appointments", "move", code, "--at", "2026-03-24T12:00:00+01:00", "--json"])
        #expect(refused.status == 1 && refused.output.contains("outside-opening"))
        let moved = await harness.run(["appointments", "move", code, "--at", "2026-03-31T14:00:00+02:00", "--json"])
        let details = try #require(try json(moved.output) as? [String: String])
        #expect(details["code"] == code && details["start"] == "2026-03-31T14:00:00+02:00" && details["status"] == "booked")
    }

    @Test func citizenCannotCancelInTheLastHour() async throws {
        let harness = try Harness()
        let booked = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-23T14:00:00+01:00", "--json"])
        let code = try #require((try json(booked.output) as? [String: String])?["code"])
        harness.clock.set(try Date("2026-03-23T12:30:00Z", strategy: .iso8601))
        let late = await harness.run(["appointments", "cancel", code, "--json"])
        #expect(late.status == 1 && late.output.contains("change-not-allowed"))
    }

    @Test func concurrentCommandsNeverOverbook() async throws {
        let harness = try Harness()
        // Twelve invocations at once, each with its own SQLite connection, on a 2-counter slot.
        let statuses = await withTaskGroup(of: Int32.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte",
                                       "--at", "2026-03-24T10:00:00+01:00", "--json"]).status
                }
            }
            var all: [Int32] = []
            for await status in group { all.append(status) }
            return all
        }
        #expect(statuses.filter { $0 == 0 }.count == 2)
        #expect(statuses.filter { $0 == 1 }.count == 10)
    }

    @Test func unknownStationsAreRefusedWithAHint() async throws {
        let harness = try Harness()
        // Well formed, but the directory has no such site (Fort-de-France has a commissariat, not a brigade).
        for id in ["gendarmerie-97209-01", "not-a-station"] {
            let book = await harness.run(["appointments", "book", "--station", id, "--motif", "plainte", "--at", "2026-03-24T09:00:00+01:00", "--json"])
            #expect(book.status == 1)
            let error = try #require(try json(book.output) as? [String: String])
            #expect(error["error"] == "unknown-station")
            #expect(error["message"]?.contains("'\(id)'") == true && error["message"]?.contains("masecurite stations near") == true)
            let slots = await harness.run(["appointments", "slots", "--station", id, "--motif", "plainte", "--from", "2026-03-24", "--json"])
            #expect(slots.status == 1)
            #expect((try json(slots.output) as? [String: String])?["error"] == "unknown-station")
        }
        // Without --json: slots explains on standard error; book still prints the JSON error (its contract).
        let slots = await harness.run(["appointments", "slots", "--station", "gendarmerie-97209-01", "--motif", "plainte", "--from", "2026-03-24"])
        #expect(slots.status == 1 && slots.output.isEmpty && slots.error.contains("masecurite stations near"))
        let book = await harness.run(["appointments", "book", "--station", "gendarmerie-97209-01", "--motif", "plainte", "--at", "2026-03-24T09:00:00+01:00"])
        #expect(book.status == 1 && book.output.contains("\"error\":\"unknown-station\"") && book.error.contains("masecurite stations near"))
        // A refused station creates no bookings file.
        #expect(!FileManager.default.fileExists(atPath: harness.storePath))
    }

    @Test func holidaysComeFromTheStationsTerritory() async throws {
        let harness = try Harness()
        // Good Friday (3 April 2026) is a public holiday in Alsace-Moselle, not in the rest of metropolitan France
        // (the Alsace-Moselle schedule itself is checked in AppointmentsTests): Strasbourg (67) is outside the
        // catalog's rendez-vous area, so it is refused whatever the day; Bordeaux opens on Good Friday.
        let slots = await harness.run(["appointments", "slots", "--station", bordeaux, "--motif", "plainte", "--from", "2026-04-03", "--days", "1", "--json"])
        #expect((try json(slots.output) as? [[String: Any]])?.first?["start"] as? String == "2026-04-03T09:00:00+02:00")
        let refused = await harness.run(["appointments", "book", "--station", strasbourg, "--motif", "plainte", "--at", "2026-04-03T09:00:00+02:00", "--json"])
        #expect(refused.status == 1 && refused.output.contains("not-offered-here"))
    }

    @Test func refusalsStateTimesInTheStationsLocalTime() async throws {
        let harness = try Harness()
        func message(_ arguments: [String]) async throws -> String {
            let result = await harness.run(arguments)
            #expect(result.status == 1)
            let error = try #require(try json(result.output) as? [String: String])
            let message = try #require(error["message"])
            #expect(!message.contains(":00Z"), "no UTC time in '\(message)'")
            return message
        }
        // Now is 08:00 in Paris: the earliest start is 10:00 (2 h notice).
        let tooLate = try await message(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-23T08:00:00Z", "--json"])
        #expect(tooLate.contains("2026-03-23T09:00:00+01:00") && tooLate.contains("2026-03-23T10:00:00+01:00"), "\(tooLate)")
        let outside = try await message(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-24T08:10:00Z", "--json"])
        #expect(outside.contains("2026-03-24T09:10:00+01:00"), "\(outside)")
        let farAhead = try await message(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-05-12T09:00:00+02:00", "--json"])
        #expect(farAhead.contains("2026-05-12T09:00:00+02:00") && farAhead.contains("2026-04-22T09:00:00+02:00"), "\(farAhead)")
        for _ in 0..<2 {
            let booked = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-25T09:00:00+01:00", "--json"])
            #expect(booked.status == 0)
        }
        let full = try await message(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-25T08:00:00Z", "--json"])
        #expect(full.contains("2026-03-25T09:00:00+01:00"), "\(full)")
        // Without --json, the line on standard error is in local time too.
        let plain = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-25T09:00:00+01:00"])
        #expect(plain.error.contains("2026-03-25T09:00:00+01:00"), "\(plain.error)")
        // Moving a booking: the refusal is in the booking's station time (after the change to summer time in Paris).
        let booked = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", "2026-03-24T09:00:00+01:00", "--json"])
        let code = try #require((try json(booked.output) as? [String: String])?["code"])
        let moved = try await message(["appointments", "move", code, "--at", "2026-03-31T10:00:00Z", "--json"])
        #expect(moved.contains("2026-03-31T12:00:00+02:00"), "\(moved)")
        let slots = await harness.run(["appointments", "slots", "--station", bordeaux, "--motif", "plainte", "--from", "2026-03-24", "--days", "1"])
        #expect(slots.output.contains("Commissariat de police de Bordeaux") && slots.output.contains("2026-03-24T09:30:00+01:00"))
    }

    /// The built `masecurite` executable next to the test bundle, if present.
    static var executable: String? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("masecurite").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    @Test(.enabled(if: executable != nil, "the masecurite executable is built"))
    func parallelProcessesNeverOverbook() async throws {
        let executable = try #require(Self.executable)
        let harness = try Harness()
        let store = harness.directory + "/shared.sqlite"
        try FileManager.default.createDirectory(atPath: harness.directory, withIntermediateDirectories: true)
        // The processes use the real clock: pick the first default slot at least three days ahead.
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let schedule = AppointmentSchedule.standard(territory: .metropole)
        let slot = try #require(schedule.slots(for: .plainte, from: LocalDate(Date().addingTimeInterval(3 * 86_400), in: paris), days: 14).first)
        let at = RFC3339.format(slot.start, in: paris)
        var processes: [(Process, Pipe)] = []
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", at, "--store", store,
                                 "--schedules", Self.schedulesFile, "--json"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            processes.append((process, pipe))
        }
        for (process, _) in processes { try process.run() }
        var outputs: [(Int32, String)] = []
        for (process, pipe) in processes {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            outputs.append((process.terminationStatus, String(decoding: data, as: UTF8.self)))
        }
        #expect(outputs.filter { $0.0 == 0 }.count == 2, "\(outputs)")
        #expect(outputs.filter { $0.0 == 1 }.allSatisfy { $0.1.contains("slot-full") }, "\(outputs)")
    }
}
