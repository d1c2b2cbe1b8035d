import Appointments
import Foundation
import MaSecuriteCore

/// The `masecurite appointments` commands: list slots, book, cancel, show.
///
/// Bookings go to an SQLite file shared safely by concurrent processes:
/// `--store PATH`, else `$XDG_DATA_HOME/masecurite/appointments.sqlite`
/// (`~/.local/share/masecurite/appointments.sqlite` when unset). Stations use
/// the default appointment schedule in their own time zone, read from the
/// station id (`<kind>-<INSEE>-<nn>`).
enum AppointmentsCommands: CommandArea {
    static var groups: [CommandGroup] {
        [CommandGroup("appointments", summary: "Book a time at a commissariat or brigade, cancel it, show it (iCalendar).")]
    }

    static let storeOption = OptionSpec("store", .value(placeholder: "PATH"),
                                        help: "SQLite file of the bookings (default: $XDG_DATA_HOME/masecurite/appointments.sqlite).")
    static let stationOption = OptionSpec("station", .value(placeholder: "ID"),
                                          help: "Station id from the directory, e.g. commissariat_police-33063-01.")
    static let motifOption = OptionSpec("motif", .value(placeholder: "M"),
                                        help: "One of \(Motif.allCases.map(\.rawValue).joined(separator: ", ")).")
    static let codePositional = PositionalSpec("CODE", help: "The confirmation code, e.g. K7QM-4XTR-9BWE-2HPA-ZC3N (case, spaces and dashes ignored).")

    static var commands: [CommandSpec] {
        [
            CommandSpec(
                path: ["appointments", "slots"],
                summary: "List the free slots of a station for a motif.",
                discussion: """
                Times are the station's local time with its UTC offset. Slots too soon (2 h notice), \
                too far (30 days) or full are not listed.
                Example: masecurite appointments slots --station commissariat_police-33063-01 --motif plainte --from 2026-03-30 --days 5 --json
                """,
                options: [stationOption, motifOption,
                          OptionSpec("from", .value(placeholder: "YYYY-MM-DD"), help: "First local date."),
                          OptionSpec("days", .value(placeholder: "N"), help: "Number of days (1…90, default 7)."),
                          storeOption, .json],
                run: slots
            ),
            CommandSpec(
                path: ["appointments", "book"],
                summary: "Book a slot (anonymous unless you give a contact).",
                discussion: """
                Prints {"code","station","motif","start"}. When refused, exits 1 and prints \
                {"error": "slot-full" | "outside-opening" | "too-late" | "too-far-ahead" | "day-closed" | …, "message": …}.
                Retrying with the same --idempotency-key returns the same booking and never books twice.
                """,
                options: [stationOption, motifOption,
                          OptionSpec("at", .value(placeholder: "ISO8601"), help: "Slot start with offset, e.g. 2026-03-30T09:00:00+02:00."),
                          storeOption,
                          OptionSpec("idempotency-key", .value(placeholder: "K"), help: "A key identifying this request, to retry safely."),
                          OptionSpec("pseudonym", .value(placeholder: "NAME"), help: "Optional name to call you at the counter."),
                          OptionSpec("email", .value(placeholder: "ADDRESS"), help: "Optional e-mail for a reminder."),
                          OptionSpec("phone", .value(placeholder: "NUMBER"), help: "Optional phone number for a reminder."),
                          .json],
                run: book
            ),
            CommandSpec(
                path: ["appointments", "cancel"],
                summary: "Cancel a booking by its confirmation code (not in the last hour).",
                positionals: [codePositional],
                options: [storeOption, .json],
                run: cancel
            ),
            CommandSpec(
                path: ["appointments", "show"],
                summary: "Show a booking, or export it as an iCalendar event with --ics.",
                positionals: [codePositional],
                options: [storeOption,
                          OptionSpec("ics", .flag, help: "Print an iCalendar (RFC 5545) event to import in a calendar."),
                          .json],
                run: show
            ),
        ]
    }

    // MARK: Store and output

    /// The store path: `--store`, else the user's data directory.
    static func storePath(_ arguments: ParsedArguments, _ context: CommandContext) -> String {
        if let path = arguments.value("store") { return path }
        let base: String
        if let data = context.environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = data
        } else {
            let home = context.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
            base = home + "/.local/share"
        }
        return base + "/masecurite/appointments.sqlite"
    }

    /// Opens the store, creating the file and its directory when `create` is true;
    /// `nil` when it does not exist and `create` is false.
    static func openStore(_ arguments: ParsedArguments, _ context: CommandContext, create: Bool) throws -> (any BookingStore)? {
        let path = storePath(arguments, context)
        if !FileManager.default.fileExists(atPath: path) {
            guard create else { return nil }
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw OperationError("cannot create the directory \(directory) for the bookings file: \(error.localizedDescription)")
                }
            }
        }
        do {
            return try SQLiteBookingStore(path: path)
        } catch {
            throw OperationError("cannot open the bookings file \(path): \(error)")
        }
    }

    static func service(store: any BookingStore, context: CommandContext) -> AppointmentBook {
        AppointmentBook(store: store, schedules: DefaultScheduleProvider(), clock: context.clock)
    }

    struct ErrorOutput: Encodable {
        let error: String
        let message: String
    }

    /// Prints a refusal: JSON on standard output when `json`, always for `book`; a line on standard error otherwise.
    static func refuse(_ error: AppointmentError, json: Bool, _ context: CommandContext) throws -> Int32 {
        if json {
            context.console.line(try JSONOutput.encode(ErrorOutput(error: error.code, message: error.description), pretty: false))
        } else {
            context.console.errorLine("error: \(error.description)")
        }
        return 1
    }

    static func motif(_ arguments: ParsedArguments) throws(UsageError) -> Motif {
        let raw = try arguments.required("motif")
        guard let motif = Motif(identifier: raw) else {
            throw UsageError("--motif must be one of \(Motif.allCases.map(\.rawValue).joined(separator: ", ")); got '\(raw)'")
        }
        return motif
    }

    static func code(_ arguments: ParsedArguments) throws(UsageError) -> ConfirmationCode {
        let raw = arguments.positional(0) ?? ""
        do {
            return try ConfirmationCode(raw)
        } catch {
            throw UsageError(error.description)
        }
    }

    /// `2026-03-30T09:00:00+02:00`: the station's wall-clock time with its UTC offset (extended format).
    static func iso(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = Int((Double(local) / 86_400).rounded(.down))
        let day = LocalDate(daysSinceEpoch: days)
        let seconds = local - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset) / 60
        return "\(day)T\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))\(sign)\(two(magnitude / 60)):\(two(magnitude % 60))"
    }

    static func timeZone(of station: String) -> TimeZone {
        (try? StationID.timeZone(of: station)) ?? TimeZone(identifier: "Europe/Paris") ?? .gmt
    }

    // MARK: Commands

    struct SlotOutput: Encodable {
        let start: String
        let end: String
        let remaining: Int
    }

    @Sendable static func slots(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let station = try arguments.required("station")
        let motif = try motif(arguments)
        let fromText = try arguments.required("from")
        let from: LocalDate
        do { from = try LocalDate(iso: fromText) } catch { throw UsageError("--from expects a date YYYY-MM-DD, got '\(fromText)'") }
        let days = try arguments.int("days", in: 1...90) ?? 7
        let json = arguments.flag("json")
        let store = try openStore(arguments, context, create: false) ?? InMemoryBookingStore()
        let book = service(store: store, context: context)
        let slots: [AvailableSlot]
        do {
            slots = try await book.availableSlots(station: station, motif: motif, from: from, days: days)
        } catch {
            return try refuse(error, json: json, context)
        }
        let zone = timeZone(of: station)
        if json {
            let output = slots.map { SlotOutput(start: iso($0.slot.start, in: zone), end: iso($0.slot.end, in: zone), remaining: $0.remaining) }
            context.console.line(try JSONOutput.encode(output))
        } else if slots.isEmpty {
            context.console.line("No free \(motif.rawValue) slot at \(station) from \(from) for \(days) day(s).")
        } else {
            context.console.line("Free \(motif.rawValue) slots at \(station) (\(zone.identifier) time):")
            for slot in slots {
                context.console.line("  \(iso(slot.slot.start, in: zone))  \(slot.remaining) counter(s) free")
            }
        }
        return 0
    }

    struct BookOutput: Encodable {
        let code: String
        let station: String
        let motif: String
        let start: String
    }

    @Sendable static func book(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let station = try arguments.required("station")
        let motif = try motif(arguments)
        _ = try arguments.required("at")
        guard let start = try arguments.date("at") else { throw UsageError("missing required option --at") }
        let contact = Contact(pseudonym: arguments.value("pseudonym"), email: arguments.value("email"), phone: arguments.value("phone"))
        let json = arguments.flag("json")
        // Refuse a bad station before creating any file.
        do { _ = try StationID.territory(of: station) } catch { return try refuse(error, json: true, context) }
        guard let store = try openStore(arguments, context, create: true) else { throw OperationError("cannot open the bookings file") }
        let book = service(store: store, context: context)
        let booking: Booking
        do {
            booking = try await book.book(station: station, motif: motif, start: start, contact: contact.isEmpty ? nil : contact,
                                          idempotencyKey: arguments.value("idempotency-key"))
        } catch {
            // The JSON error is the contract of `book`, with or without --json.
            if !json { context.console.errorLine("error: \(error.description)") }
            return try refuse(error, json: true, context)
        }
        let zone = timeZone(of: station)
        let output = BookOutput(code: booking.code.formatted, station: booking.station, motif: booking.motif.rawValue,
                                start: iso(booking.start, in: zone))
        if json {
            context.console.line(try JSONOutput.encode(output))
        } else {
            context.console.line("Booked: \(motif.name.text(in: .english)) at \(station), \(output.start).")
            context.console.line("Confirmation code: \(output.code) (keep it to cancel or show the booking).")
            context.console.line(try JSONOutput.encode(output, pretty: false))
        }
        return 0
    }

    struct StatusOutput: Encodable {
        let code: String
        let station: String
        let motif: String
        let start: String
        let end: String
        let status: String
    }

    static func statusOutput(_ booking: Booking) -> StatusOutput {
        let zone = timeZone(of: booking.station)
        return StatusOutput(code: booking.code.formatted, station: booking.station, motif: booking.motif.rawValue,
                            start: iso(booking.start, in: zone), end: iso(booking.end, in: zone),
                            status: booking.status.rawValue)
    }

    @Sendable static func cancel(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let code = try code(arguments)
        let json = arguments.flag("json")
        guard let store = try openStore(arguments, context, create: false) else {
            return try refuse(.notFound(code), json: json, context)
        }
        let outcome: ChangeOutcome
        do {
            outcome = try await service(store: store, context: context).cancel(code: code)
        } catch {
            return try refuse(error, json: json, context)
        }
        if json {
            context.console.line(try JSONOutput.encode(statusOutput(outcome.booking)))
        } else {
            context.console.line("Cancelled booking \(code.formatted) (\(statusOutput(outcome.booking).start)). The slot is free again.")
        }
        return 0
    }

    @Sendable static func show(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let code = try code(arguments)
        let json = arguments.flag("json")
        guard let store = try openStore(arguments, context, create: false) else {
            return try refuse(.notFound(code), json: json, context)
        }
        let book = service(store: store, context: context)
        let booking: Booking
        do {
            booking = try await book.booking(code: code)
        } catch {
            return try refuse(error, json: json, context)
        }
        if arguments.flag("ics") {
            let ics: String
            do {
                ics = try await book.calendarEvent(for: booking, location: "Station \(booking.station)")
            } catch {
                return try refuse(error, json: json, context)
            }
            context.console.write(ics)
            return 0
        }
        let output = statusOutput(booking)
        if json {
            context.console.line(try JSONOutput.encode(output))
            return 0
        }
        context.console.line("Booking \(output.code)")
        context.console.line("  station: \(output.station)")
        context.console.line("  motif:   \(output.motif)")
        context.console.line("  start:   \(output.start)")
        context.console.line("  end:     \(output.end)")
        context.console.line("  status:  \(output.status)")
        let documents = booking.motif.defaultRules.documents
        if !documents.isEmpty {
            context.console.line("  bring:")
            for document in documents { context.console.line("    - \(document.text(in: .english))") }
        }
        return 0
    }
}
