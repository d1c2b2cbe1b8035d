import Appointments
import Foundation
import MaSecuriteCore
import SQLiteSupport
import Testing
@testable import MaSecuriteCLI

/// Input the command line must refuse, with a message naming the option and the value (issue 16).
@Suite struct InputStrictnessTests {
    typealias Harness = AppointmentsCommandsTests.Harness
    let bordeaux = "commissariat_police-33063-01"

    @Test("impossible or sloppy date-times are refused by every option that reads one", arguments: [
        ("2026-03-31T09:00:00+02:00x", "unexpected text after the offset"),
        ("2026-02-29T09:00:00+01:00", "February 2026 has 28 days, not 29"),
        ("2026-11-31T09:00:00+01:00", "November 2026 has 30 days, not 31"),
        ("2026-03-24T08:60:00+01:00", "minute 60 does not exist"),
        ("2026-03-24T9:00:00+01:00", "the hour must have 2 digits"),
        ("2026-03-24T09:00:00+01", "the offset must be ±HH:MM"),
        ("2026-03-24T09:00:00", "the offset is missing"),
    ])
    func strictDateTimes(_ value: String, _ reason: String) async throws {
        let harness = try Harness()
        for command in [["appointments", "book", "--station", bordeaux, "--motif", "plainte", "--at", value],
                        ["stations", "near", "--postal-code", "33000", "--open-at", value],
                        ["guide", "on m'a volé mon vélo", "--date", value]] {
            let result = await harness.run(command)
            let option = command[command.count - 2]
            #expect(result.status == 2, "\(command)")
            #expect(result.error.contains("\(option) '\(value)' is not a valid date-time: \(reason)"), "\(result.error)")
            #expect(!result.output.contains("code"), "nothing booked: \(result.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: harness.storePath))
    }

    @Test("a valid date-time with its offset still books", .timeLimit(.minutes(1)))
    func validDateTimeBooks() async throws {
        let harness = try Harness()
        let result = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte",
                                        "--at", "2026-03-24T09:00:00+01:00", "--json"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\"start\" : \"2026-03-24T09:00:00+01:00\""))
    }

    @Test("--store that keeps nothing is refused before booking", arguments: ["", " ", ":memory:", "file::memory:"])
    func storeKeepingNothing(_ store: String) async throws {
        let harness = try Harness()
        let result = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte",
                                        "--at", "2026-03-24T09:00:00+01:00", "--store", store])
        #expect(result.status == 2)
        #expect(result.error.contains("--store '\(store)' names no file"))
        #expect(!result.output.contains("Confirmation") && !result.output.contains("code"))
    }

    /// Another application's SQLite file with one table.
    func foreignDatabase(_ harness: Harness) throws -> String {
        try FileManager.default.createDirectory(atPath: harness.directory, withIntermediateDirectories: true)
        let path = harness.directory + "/other.sqlite"
        try ForeignDatabase.create(at: path)
        return path
    }

    @Test("a foreign database is neither changed nor used, and --json says why on standard output")
    func foreignDatabaseIsLeftAlone() async throws {
        let harness = try Harness()
        let path = try foreignDatabase(harness)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for verb in [["show"], ["cancel"], ["move", "--at", "2026-03-24T09:00:00+01:00"]] {
            let result = await harness.run(["appointments", verb[0], "K7QM-4XTR-9BWE-2HPA-ZC3N"] + verb.dropFirst() + ["--store", path, "--json"])
            #expect(result.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: String])
            #expect(object["error"] == "store-unavailable")
            #expect(object["message"]?.contains("is not a MaSecurite bookings file (it holds the tables notes)") == true)
        }
        let booked = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte",
                                        "--at", "2026-03-24T09:00:00+01:00", "--store", path])
        #expect(booked.status == 1)
        #expect(booked.error.contains("not a MaSecurite bookings file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("show opens the bookings file read-only")
    func showReadsOnly() async throws {
        let harness = try Harness()
        let booked = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte",
                                        "--at", "2026-03-24T09:00:00+01:00", "--json"])
        let code = try #require(try JSONSerialization.jsonObject(with: Data(booked.output.utf8)) as? [String: String])["code"]
        let shown = await harness.run(["appointments", "show", try #require(code), "--json"])
        #expect(shown.status == 0, "\(shown.error)")
        #expect(shown.output.contains("\"status\" : \"booked\""))
    }

    @Test("a store that cannot be opened gives a JSON error with --json")
    func unopenableStoreWithJSON() async throws {
        let harness = try Harness()
        try FileManager.default.createDirectory(atPath: harness.directory + "/dir.sqlite", withIntermediateDirectories: true)
        let result = await harness.run(["appointments", "show", "K7QM-4XTR-9BWE-2HPA-ZC3N", "--store", harness.directory + "/dir.sqlite", "--json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: String])
        #expect(object["error"] == "store-unavailable")
        let guide = await harness.run(["guide", "on m'a volé mon vélo", "--postal-code", "33000",
                                       "--store", harness.directory + "/dir.sqlite", "--json"])
        #expect(guide.status == 1)
        let failure = try #require(try JSONSerialization.jsonObject(with: Data(guide.output.utf8)) as? [String: String])
        #expect(failure["error"] == "operation-failed")
        #expect(failure["message"]?.contains("cannot open the bookings file") == true)
    }

    @Test("broken JSON content says line and column")
    func brokenContentSaysWhere() async throws {
        let harness = try Harness()
        let folder = harness.directory + "/content"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("{\n  \"content_version\": \"x\",\n  \"journeys\": [\n    oops\n  ]\n}\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/tree.json"))
        let result = await harness.run(["content", "validate", folder])
        #expect(result.status == 1)
        #expect(result.error.contains("tree.json: not valid JSON at line 4, column 5: unexpected 'o'"), "\(result.error)")
    }

    @Test("Monaco's 98000 is not called a CEDEX code")
    func monaco() async throws {
        let result = await (try Harness()).run(["stations", "near", "--postal-code", "98000"])
        #expect(result.status == 1)
        #expect(result.error.contains("Monaco"))
        #expect(!result.error.contains("CEDEX"))
    }

    @Test("a UTF-8 byte order mark before the batch header does not shift query indices")
    func batchWithByteOrderMark() async throws {
        let console = BufferConsole(input: "\u{FEFF}lat,lon\n44.8378,-0.5792\n")
        let status = await MaSecuriteCommandLine.main(["stations", "nearest", "--k", "1"], context: CommandContext(console: console))
        #expect(status == 0, "\(console.errorOutput)")
        #expect(console.output.split(separator: "\n").dropFirst().first?.hasPrefix("0,1,") == true, "\(console.output)")
    }

    @Test("ids and values echoed in errors are truncated")
    func longValuesAreTruncated() async throws {
        let long = String(repeating: "x", count: 100_000)
        let harness = try Harness()
        for command in [["stations", "show", long], ["appointments", "book", "--station", long, "--motif", "plainte",
                                                      "--at", "2026-03-24T09:00:00+01:00"],
                        ["guide", "--leaf", long], ["appointments", "show", long], ["stations", "near", "--commune", long]] {
            let result = await harness.run(command)
            #expect(result.status != 0)
            #expect(result.error.count + result.output.count < 2_000, "\(command[0]) \(command[1])")
            #expect(result.error.contains(String(repeating: "x", count: 64) + "…"), "\(command[0]) \(command[1]): \(result.error.prefix(300))")
        }
    }

    @Test("a failed write of standard output is reported, not lost")
    func writeFailureIsKept() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let console = StandardConsole(output: descriptor, error: descriptor)
        console.write("hello\n")
        #expect(console.outputFailure == nil)
        console.flush()
        #expect(console.outputFailure != nil)
    }
}

/// Another application's SQLite database, made with the SDK's own SQLite wrapper.
enum ForeignDatabase {
    struct Failure: SQLiteFailure {
        let message: String
        static func database(code: Int32, message: String, operation: String) -> Self {
            Failure(message: "\(operation): \(message) (\(code))")
        }
    }

    /// Creates `path` holding one table `notes`, in the default rollback journal (not WAL).
    static func create(at path: String) throws {
        let connection = try SQLiteConnection<Failure>(path: path, busyTimeoutMilliseconds: 1_000)
        try connection.execute("PRAGMA journal_mode=DELETE; CREATE TABLE notes (x TEXT)", operation: "creating a foreign database")
    }
}
