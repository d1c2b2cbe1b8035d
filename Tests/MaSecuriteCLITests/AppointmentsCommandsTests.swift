import Appointments
import Foundation
import MaSecuriteCore
import Testing
@testable import MaSecuriteCLI

@Suite struct AppointmentsCommandsTests {
    let bordeaux = "commissariat_police-33063-01"
    let fortDeFrance = "gendarmerie-97209-01"

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

        func run(_ arguments: [String]) async -> (status: Int32, output: String, error: String) {
            let console = BufferConsole()
            let context = CommandContext(console: console, environment: ["XDG_DATA_HOME": directory, "HOME": directory], clock: clock)
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

    @Test func overseasSlotsAreInLocalTime() async throws {
        let harness = try Harness()
        let result = await harness.run(["appointments", "slots", "--station", fortDeFrance, "--motif", "main-courante", "--from", "2026-03-24", "--days", "1", "--json"])
        let slots = try #require(try json(result.output) as? [[String: Any]])
        #expect(slots.first?["start"] as? String == "2026-03-24T09:00:00-04:00")
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
        #expect(try await book("2026-03-24T09:00:00+01:00", station: "not-a-station") == (1, "invalid-station"))
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
        let booked = await harness.run(["appointments", "book", "--station", fortDeFrance, "--motif", "procuration",
                                        "--at", "2026-03-25T14:15:00-04:00", "--store", store, "--json"])
        let code = try #require((try json(booked.output) as? [String: String])?["code"])
        #expect(FileManager.default.fileExists(atPath: store) && !FileManager.default.fileExists(atPath: harness.storePath))
        let shown = await harness.run(["appointments", "show", code.lowercased(), "--store", store, "--json"])
        let details = try #require(try json(shown.output) as? [String: String])
        #expect(details["status"] == "booked" && details["start"] == "2026-03-25T14:15:00-04:00" && details["end"] == "2026-03-25T14:30:00-04:00")
        let ics = await harness.run(["appointments", "show", code, "--store", store, "--ics"])
        #expect(ics.status == 0 && ics.output.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.output.contains("DTSTART:20260325T181500Z\r\n"))
        let cancelled = await harness.run(["appointments", "cancel", code, "--store", store])
        #expect(cancelled.status == 0 && cancelled.output.contains("Cancelled"))
        let again = await harness.run(["appointments", "cancel", code, "--store", store, "--json"])
        #expect(again.status == 1 && again.output.contains("not-active"))
        let missing = await harness.run(["appointments", "show", ConfirmationCode.random().formatted, "--store", store, "--json"])
        #expect(missing.status == 1 && missing.output.contains("not-found"))
        let malformed = await harness.run(["appointments", "show", "0000", "--store", store])
        #expect(malformed.status == 2)
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
        let at = AppointmentsCommands.iso(slot.start, in: paris)
        var processes: [(Process, Pipe)] = []
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", at, "--store", store, "--json"]
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
