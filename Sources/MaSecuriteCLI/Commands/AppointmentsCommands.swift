import Appointments
import Foundation
import MaSecuriteCore
import Teleservices

/// The `masecurite appointments` commands: list slots, book, cancel, show.
///
/// Bookings go to an SQLite file shared safely by concurrent processes:
/// `--store PATH`, else `$XDG_DATA_HOME/masecurite/appointments.sqlite`
/// (`~/.local/share/masecurite/appointments.sqlite` when unset). Station ids
/// come from the bundled station directory (`masecurite stations near`); an
/// unknown id is refused (`unknown-station`). A station offers slots only
/// where a schedule is published for it: derived from its published opening
/// hours (none when its hours are not published: `hours-not-published`), or
/// given in `--schedules FILE`; and only where the teleservice catalog says
/// online booking runs (`not-offered-here` elsewhere; visio-plainte where its
/// pilot runs). Every time is written in the station's time zone with its offset.
enum AppointmentsCommands: CommandArea {
    static var groups: [CommandGroup] {
        [CommandGroup("appointments", summary: "Book a time at a commissariat or brigade, cancel it, show it (iCalendar).")]
    }

    static let storeOption = OptionSpec("store", .value(placeholder: "PATH"),
                                        help: "SQLite file of the bookings (default: $XDG_DATA_HOME/masecurite/appointments.sqlite).")
    static let stationOption = OptionSpec("station", .value(placeholder: "ID"),
                                          help: "Station id from the directory (see 'masecurite stations near'), e.g. commissariat_police-33063-01.", required: true)
    static let motifOption = OptionSpec("motif", .value(placeholder: "M"),
                                        help: "One of \(Motif.allCases.map(\.rawValue).joined(separator: ", ")).", required: true)
    static let codePositional = PositionalSpec("CODE", help: "The confirmation code, e.g. K7QM-4XTR-9BWE-2HPA-ZC3N (case, spaces and dashes ignored).")

    static var commands: [CommandSpec] {
        [
            CommandSpec(
                path: ["appointments", "slots"],
                summary: "List the free slots of a station for a motif.",
                discussion: """
                Times are the station's local time with its UTC offset. Slots too soon (2 h notice), \
                too far (30 days) or full are not listed. A station whose hours are not published offers none \
                (error hours-not-published, with its phone number); outside the départements where the catalog's \
                rendez-vous service (or, for visio-plainte, the visioplainte pilot) runs, none either (not-offered-here).
                Example: masecurite appointments slots --station commissariat_police-33063-01 --motif plainte --from 2026-03-30 --days 5 --json
                """,
                options: [stationOption, motifOption,
                          fromOption,
                          daysOption,
                          storeOption, schedulesOption, CLILanguage.option, .json],
                run: slots
            ),
            CommandSpec(
                path: ["appointments", "book"],
                summary: "Book a slot (anonymous unless you give a contact).",
                discussion: """
                Prints {"code","station","motif","start"}; a visio-plainte booking adds "meeting_url" (the video link) \
                and "documents" (what to prepare). When refused, exits 1 and prints \
                {"error": "slot-full" | "outside-opening" | "too-late" | "too-far-ahead" | "day-closed" | \
                "hours-not-published" | "not-offered-here" | …, "message": …}.
                Retrying with the same --idempotency-key returns the same booking and never books twice.
                """,
                options: [stationOption, motifOption,
                          bookAtOption,
                          storeOption,
                          idempotencyKeyOption,
                          pseudonymOption,
                          emailOption,
                          phoneOption,
                          schedulesOption,
                          CLILanguage.option, .json],
                run: book
            ),
            CommandSpec(
                path: ["appointments", "cancel"],
                summary: "Cancel a booking by its confirmation code (not in the last hour).",
                positionals: [codePositional],
                options: [storeOption, schedulesOption, CLILanguage.option, .json],
                run: cancel
            ),
            CommandSpec(
                path: ["appointments", "move"],
                summary: "Move a booking to another slot of the same station and motif (not in the last hour).",
                discussion: "The code stays the same. If the new slot is refused, the booking keeps its current slot.",
                positionals: [codePositional],
                options: [moveAtOption,
                          storeOption, schedulesOption, CLILanguage.option, .json],
                run: move
            ),
            CommandSpec(
                path: ["appointments", "show"],
                summary: "Show a booking, or export it as an iCalendar event with --ics.",
                positionals: [codePositional],
                options: [storeOption,
                          schedulesOption,
                          icsOption,
                          CLILanguage.option, .json],
                run: show
            ),
        ]
    }

    // MARK: Store and output

    /// The store path: `--store`, else the user's data directory. An empty path
    /// or `:memory:` is refused: SQLite would keep the bookings nowhere, and a
    /// confirmation code for a booking that vanishes would mislead.
    static func storePath(_ arguments: ParsedArguments, _ context: CommandContext) throws(UsageError) -> String {
        try DataFile.path(arguments, option: AppointmentsCommands.storeOption, name: "appointments.sqlite",
                          kept: "the bookings would be kept nowhere", hint: "give the path of a file, e.g. --store bookings.sqlite", context)
    }

    /// `$XDG_DATA_HOME/masecurite/appointments.sqlite`, or `~/.local/share/masecurite/appointments.sqlite`.
    static func defaultStorePath(_ context: CommandContext) -> String {
        DataFile.defaultPath(name: "appointments.sqlite", context)
    }

    /// How a command uses the bookings file.
    enum StoreAccess {
        /// `book`: create the file (and its directory) when missing.
        case create
        /// `cancel`, `move`: change an existing file.
        case change
        /// `slots`, `show`: read an existing file, changing nothing in it.
        case read
    }

    /// Opens the store for `access`; `nil` when the file does not exist and
    /// `access` is not `.create`. A file that is another application's database
    /// is refused without being changed. Throws ``OperationError`` saying which
    /// file and why when it cannot be opened.
    static func openStore(_ arguments: ParsedArguments, _ context: CommandContext, _ access: StoreAccess) throws -> (any BookingStore)? {
        let path = try storePath(arguments, context)
        guard try DataFile.prepare(path, create: access == .create, what: "the bookings file") else { return nil }
        do {
            return access == .read ? try SQLiteBookingStore(readingOnly: path) : try SQLiteBookingStore(path: path)
        } catch let error as BookingStoreError {
            if case .foreignDatabase = error {
                throw OperationError("\(error.description); give the path of a bookings file with --store")
            }
            throw OperationError("cannot open the bookings file \(path): \(error)")
        } catch {
            throw OperationError("cannot open the bookings file \(path): \(error)")
        }
    }

    /// Opens the store like ``openStore(_:_:_:)``, printing a failure as the
    /// `store-unavailable` refusal (JSON on standard output with `json`);
    /// `.failed(status)` then carries the exit code.
    static func store(_ arguments: ParsedArguments, _ context: CommandContext, _ access: StoreAccess,
                      json: Bool, alsoOnStandardError: Bool = false) throws -> StoreOutcome {
        do {
            return .opened(try openStore(arguments, context, access))
        } catch let failure as OperationError {
            if alsoOnStandardError { context.console.errorLine("error: \(failure.message)") }
            return .failed(try refuse(code: "store-unavailable", message: failure.message, json: json, context))
        }
    }

    /// An opened store (or none when the file does not exist), or the exit code of a refusal already printed.
    enum StoreOutcome {
        case opened((any BookingStore)?)
        case failed(Int32)
    }

    /// The appointment book over `store`: the published schedules (see
    /// ``AppointmentsSetup``, with `--schedules` when given), the gate of
    /// `catalog` (bundled when `nil`) and the meeting links of visio-plainte.
    static func service(store: any BookingStore, context: CommandContext, arguments: ParsedArguments? = nil,
                        catalog: TeleserviceCatalog? = nil) throws -> AppointmentBook {
        let file = arguments?.value(AppointmentsCommands.schedulesOption)
            ?? context.environment["MASECURITE_SCHEDULES"].flatMap { $0.isEmpty ? nil : $0 }
        let provider = try AppointmentsSetup.provider(catalog: catalog, schedulesFile: file)
        let storeFile = (try? arguments.map { try storePath($0, context) }) ?? nil
        let keyPath = (storeFile ?? defaultStorePath(context)) + ".meeting-key"
        let meetings = StoreKeyMeetingProvider(environmentSecret: context.environment["MASECURITE_MEETING_SECRET"], keyPath: keyPath)
        return AppointmentBook(store: store, schedules: provider, clock: context.clock, meetings: meetings)
    }

    struct ErrorOutput: Encodable {
        let error: String
        let message: String
    }

    /// Prints a refusal: JSON on standard output when `json`; a line on standard error otherwise.
    static func refuse(code: String, message: String, json: Bool, _ context: CommandContext) throws -> Int32 {
        if json {
            context.console.line(try JSONOutput.encode(ErrorOutput(error: code, message: message), pretty: false))
        } else {
            context.console.errorLine("error: \(message)")
        }
        return 1
    }

    /// Prints a refusal with its times in `zone` (the station's) when known, else in UTC;
    /// a station whose hours are not published is given with its phone number.
    static func refuse(_ error: AppointmentError, in zone: TimeZone?, json: Bool, _ context: CommandContext) throws -> Int32 {
        var message = zone.map(error.message(in:)) ?? error.description
        if case .hoursNotPublished(let station) = error, let phone = (try? AppointmentPlace.directory(station))??.station?.phone?.display {
            message += " (phone: \(phone))"
        }
        return try refuse(code: error.code, message: message, json: json, context)
    }

    /// The directory's station `id` for `slots` and `book`; `nil` after printing
    /// the `unknown-station` refusal (on standard output when `json`).
    static func place(_ id: String, json: Bool, _ context: CommandContext) throws -> AppointmentPlace? {
        if let place = try AppointmentPlace.directory(id) { return place }
        _ = try refuse(code: "unknown-station", message: AppointmentPlace.unknownMessage(id), json: json, context)
        return nil
    }

    /// The time zone of the booking with `code`, to write the times of a refusal; `nil` when it cannot be read.
    static func zone(ofBooking code: ConfirmationCode, in book: AppointmentBook) async -> TimeZone? {
        guard let booking = try? await book.booking(code: code) else { return nil }
        return try? AppointmentPlace.stored(booking.station).timeZone
    }

    static func motif(_ arguments: ParsedArguments) throws(UsageError) -> Motif {
        let raw = try arguments.required(AppointmentsCommands.motifOption)
        guard let motif = Motif(identifier: raw) else {
            throw UsageError("--motif must be one of \(Motif.allCases.map(\.rawValue).joined(separator: ", ")); got '\(Echo.truncated(raw))'")
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

    // MARK: Commands

    struct SlotOutput: Encodable {
        let start: String
        let end: String
        let remaining: Int
    }

    @Sendable static func slots(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let station = try arguments.required(AppointmentsCommands.stationOption)
        let motif = try motif(arguments)
        let fromText = try arguments.required(AppointmentsCommands.fromOption)
        let from: LocalDate
        do { from = try LocalDate(iso: fromText) } catch { throw UsageError("--from expects a date YYYY-MM-DD, got '\(Echo.truncated(fromText))'") }
        let days = try arguments.int(AppointmentsCommands.daysOption, in: 1...90) ?? 7
        let json = arguments.flag(.json)
        let language = try CLILanguage.language(arguments)
        let t = Wording(language: language)
        guard let place = try place(station, json: json, context) else { return 1 }
        let zone = place.timeZone
        let opened: (any BookingStore)?
        switch try store(arguments, context, .read, json: json) {
        case .opened(let store): opened = store
        case .failed(let status): return status
        }
        let store = opened ?? InMemoryBookingStore()
        let book = try service(store: store, context: context, arguments: arguments)
        let slots: [AvailableSlot]
        do {
            slots = try await book.availableSlots(station: station, motif: motif, from: from, days: days)
        } catch {
            return try refuse(error, in: zone, json: json, context)
        }
        if json {
            let output = slots.map {
                SlotOutput(start: RFC3339.format($0.slot.start, in: zone), end: RFC3339.format($0.slot.end, in: zone), remaining: $0.remaining)
            }
            context.console.line(try JSONOutput.encode(output))
        } else if slots.isEmpty {
            context.console.line(t("Aucun créneau libre (\(motif.name.text(in: language))) — \(place.name) (\(station)) — à partir du \(from) sur \(days) jour(s).",
                                   "No free \(motif.rawValue) slot at \(place.name) (\(station)) from \(from) for \(days) day(s)."))
        } else {
            context.console.line(t("Créneaux libres (\(motif.name.text(in: language))) — \(place.name) (\(station)), heure locale \(zone.identifier) :",
                                   "Free \(motif.rawValue) slots at \(place.name) (\(station)), \(zone.identifier) time:"))
            for slot in slots {
                context.console.line("  \(RFC3339.format(slot.slot.start, in: zone))  "
                    + t("\(slot.remaining) guichet(s) libre(s)", "\(slot.remaining) counter(s) free"))
            }
        }
        return 0
    }

    struct BookOutput: Encodable {
        let code: String
        let station: String
        let motif: String
        let start: String
        /// The video link of a visio-plainte booking (absent for a visit).
        var meetingURL: String?
        /// What to prepare, for a visio-plainte booking (absent for a visit).
        var documents: [String]?

        enum CodingKeys: String, CodingKey { case code, station, motif, start, meetingURL = "meeting_url", documents }
    }

    @Sendable static func book(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let station = try arguments.required(AppointmentsCommands.stationOption)
        let motif = try motif(arguments)
        _ = try arguments.required(AppointmentsCommands.bookAtOption)
        guard let start = try arguments.date(AppointmentsCommands.bookAtOption) else { throw UsageError("missing required option --at") }
        let contact = Contact(pseudonym: arguments.value(AppointmentsCommands.pseudonymOption), email: arguments.value(AppointmentsCommands.emailOption), phone: arguments.value(AppointmentsCommands.phoneOption))
        let json = arguments.flag(.json)
        let language = try CLILanguage.language(arguments)
        let t = Wording(language: language)
        // Refuse an unknown station before creating any file. The JSON error is
        // the contract of `book`, with or without --json.
        guard let place = try AppointmentPlace.directory(station) else {
            let message = AppointmentPlace.unknownMessage(station)
            if !json { context.console.errorLine("error: \(message)") }
            return try refuse(code: "unknown-station", message: message, json: true, context)
        }
        let zone = place.timeZone
        let store: any BookingStore
        // The JSON error is the contract of `book`, with or without --json.
        switch try self.store(arguments, context, .create, json: true, alsoOnStandardError: !json) {
        case .opened(let opened?): store = opened
        case .opened(nil): throw OperationError("cannot open the bookings file")
        case .failed(let status): return status
        }
        let book = try service(store: store, context: context, arguments: arguments)
        let booking: Booking
        let link: URL?
        do throws(AppointmentError) {
            booking = try await book.book(station: station, motif: motif, start: start, contact: contact.isEmpty ? nil : contact,
                                          idempotencyKey: arguments.value(AppointmentsCommands.idempotencyKeyOption))
            link = try await book.meetingURL(for: booking)
        } catch {
            // The JSON error is the contract of `book`, with or without --json.
            if !json { context.console.errorLine("error: \(error.message(in: zone))") }
            return try refuse(error, in: zone, json: true, context)
        }
        var output = BookOutput(code: booking.code.formatted, station: booking.station, motif: booking.motif.rawValue,
                                start: RFC3339.format(booking.start, in: zone))
        if let link {
            output.meetingURL = link.absoluteString
            output.documents = booking.motif.defaultRules.documents.map { $0.text(in: language) }
        }
        if json {
            context.console.line(try JSONOutput.encode(output))
        } else {
            context.console.line(t("Rendez-vous réservé : \(motif.name.text(in: language)) — \(place.location), le \(output.start).",
                                   "Booked: \(motif.name.text(in: language)) at \(place.location), \(output.start)."))
            context.console.line(t("Code de confirmation : \(output.code) (gardez-le pour afficher ou annuler le rendez-vous).",
                                   "Confirmation code: \(output.code) (keep it to cancel or show the booking)."))
            if let url = output.meetingURL {
                context.console.line(t("Lien de la visio : \(url)", "Video call link: \(url)"))
                context.console.line(t("À préparer :", "To prepare:"))
                for document in output.documents ?? [] { context.console.line("  - \(document)") }
            }
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
        /// The video link of a visio-plainte booking (absent for a visit).
        var meetingURL: String?

        enum CodingKeys: String, CodingKey { case code, station, motif, start, end, status, meetingURL = "meeting_url" }
    }

    static func statusOutput(_ booking: Booking, in zone: TimeZone, meetingURL: URL? = nil) -> StatusOutput {
        StatusOutput(code: booking.code.formatted, station: booking.station, motif: booking.motif.rawValue,
                     start: RFC3339.format(booking.start, in: zone), end: RFC3339.format(booking.end, in: zone),
                     status: booking.status.rawValue, meetingURL: meetingURL?.absoluteString)
    }

    @Sendable static func cancel(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let code = try code(arguments)
        let t = Wording(language: try CLILanguage.language(arguments))
        return try await change(code, json: arguments.flag(.json), arguments, context) { book throws(AppointmentError) in
            try await book.cancel(code: code)
        } message: { output in
            t("Rendez-vous \(code.formatted) (\(output.start)) annulé. Le créneau est de nouveau libre.",
              "Cancelled booking \(code.formatted) (\(output.start)). The slot is free again.")
        }
    }

    @Sendable static func move(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let code = try code(arguments)
        _ = try arguments.required(AppointmentsCommands.moveAtOption)
        guard let start = try arguments.date(AppointmentsCommands.moveAtOption) else { throw UsageError("missing required option --at") }
        let t = Wording(language: try CLILanguage.language(arguments))
        return try await change(code, json: arguments.flag(.json), arguments, context) { book throws(AppointmentError) in
            try await book.reschedule(code: code, to: start)
        } message: { output in
            t("Le rendez-vous \(output.code) commence désormais le \(output.start).", "Booking \(output.code) now starts at \(output.start).")
        }
    }

    /// Runs `body` on the book of the existing store; a missing store is
    /// refused as booking `code` not found (exit 1), as `cancel`, `move` and
    /// `show` all do.
    static func withExistingBook(
        _ code: ConfirmationCode, json: Bool, _ access: StoreAccess, _ arguments: ParsedArguments, _ context: CommandContext,
        _ body: (AppointmentBook) async throws -> Int32
    ) async throws -> Int32 {
        switch try store(arguments, context, access, json: json) {
        case .failed(let status):
            return status
        case .opened(nil):
            return try refuse(.notFound(code), in: nil, json: json, context)
        case .opened(let store?):
            return try await body(try service(store: store, context: context, arguments: arguments))
        }
    }

    /// The shared tail of `cancel` and `move`: applies `apply` to booking
    /// `code`, refuses its error in the booking's time zone, and prints the
    /// changed booking as JSON or as `message`.
    static func change(
        _ code: ConfirmationCode, json: Bool, _ arguments: ParsedArguments, _ context: CommandContext,
        apply: (AppointmentBook) async throws(AppointmentError) -> ChangeOutcome,
        message: (StatusOutput) -> String
    ) async throws -> Int32 {
        try await withExistingBook(code, json: json, .change, arguments, context) { book in
            let outcome: ChangeOutcome
            do throws(AppointmentError) {
                outcome = try await apply(book)
            } catch {
                return try refuse(error, in: await zone(ofBooking: code, in: book), json: json, context)
            }
            let output = statusOutput(outcome.booking, in: try AppointmentPlace.stored(outcome.booking.station).timeZone)
            if json {
                context.console.line(try JSONOutput.encode(output))
            } else {
                context.console.line(message(output))
            }
            return 0
        }
    }

    @Sendable static func show(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let code = try code(arguments)
        let json = arguments.flag(.json)
        return try await withExistingBook(code, json: json, .read, arguments, context) { book in
            try await show(code, book: book, json: json, arguments, context)
        }
    }

    /// `show` once the book is open: prints booking `code` as text, JSON or
    /// an iCalendar event.
    static func show(
        _ code: ConfirmationCode, book: AppointmentBook, json: Bool, _ arguments: ParsedArguments, _ context: CommandContext
    ) async throws -> Int32 {
        let booking: Booking
        do {
            booking = try await book.booking(code: code)
        } catch {
            return try refuse(error, in: nil, json: json, context)
        }
        let place: AppointmentPlace
        do {
            place = try AppointmentPlace.stored(booking.station)
        } catch let error as AppointmentError {
            return try refuse(error, in: nil, json: json, context)
        }
        let language = try CLILanguage.language(arguments)
        if arguments.flag(AppointmentsCommands.icsOption) {
            let ics: String
            do {
                ics = try await book.calendarEvent(for: booking, location: place.location, language: language)
            } catch {
                return try refuse(error, in: place.timeZone, json: json, context)
            }
            context.console.write(ics)
            return 0
        }
        let link: URL?
        do throws(AppointmentError) { link = try await book.meetingURL(for: booking) } catch { return try refuse(error, in: place.timeZone, json: json, context) }
        let output = statusOutput(booking, in: place.timeZone, meetingURL: link)
        if json {
            context.console.line(try JSONOutput.encode(output))
            return 0
        }
        let t = Wording(language: language)
        context.console.line(t("Rendez-vous ", "Booking ") + output.code)
        context.console.line(t.label("station :", "station:", width: 11) + output.station)
        context.console.line(t.label("lieu :", "place:", width: 11) + place.location)
        context.console.line(t.label("motif :", "motif:", width: 11) + booking.motif.name.text(in: language))
        context.console.line(t.label("début :", "start:", width: 11) + output.start)
        context.console.line(t.label("fin :", "end:", width: 11) + output.end)
        context.console.line(t.label("statut :", "status:", width: 11) + status(booking.status, t))
        if let url = output.meetingURL { context.console.line(t.label("visio :", "video:", width: 11) + url) }
        let documents = booking.motif.defaultRules.documents
        if !documents.isEmpty {
            context.console.line(t("  à apporter :", "  bring:"))
            for document in documents { context.console.line("    - \(document.text(in: language))") }
        }
        return 0
    }
}

extension AppointmentsCommands {
    /// A booking's status in words.
    static func status(_ status: BookingStatus, _ t: Wording) -> String {
        switch status {
        case .booked: t("réservé", "booked")
        case .cancelledByCitizen: t("annulé par vous", "cancelled by you")
        case .cancelledByStation: t("annulé par le commissariat ou la brigade", "cancelled by the station")
        case .honoured: t("honoré", "honoured")
        case .noShow: t("non honoré (absence)", "missed (no-show)")
        }
    }
}

extension AppointmentsCommands {
    // The options of its commands, read by value so that a misspelt name does not compile.
    static let fromOption = OptionSpec("from", .value(placeholder: "YYYY-MM-DD"), help: "First local date.", required: true)
    static let daysOption = OptionSpec("days", .value(placeholder: "N"), help: "Number of days (1…90, default 7).")
    static let bookAtOption = OptionSpec("at", .value(placeholder: "ISO8601"), help: "Slot start with offset, e.g. 2026-03-30T09:00:00+02:00.", required: true)
    static let idempotencyKeyOption = OptionSpec("idempotency-key", .value(placeholder: "K"), help: "A key identifying this request, to retry safely.")
    static let pseudonymOption = OptionSpec("pseudonym", .value(placeholder: "NAME"), help: "Optional name to call you at the counter.")
    static let emailOption = OptionSpec("email", .value(placeholder: "ADDRESS"), help: "Optional e-mail for a reminder.")
    static let phoneOption = OptionSpec("phone", .value(placeholder: "NUMBER"), help: "Optional phone number for a reminder.")
    static let moveAtOption = OptionSpec("at", .value(placeholder: "ISO8601"), help: "New slot start with offset, e.g. 2026-03-31T14:00:00+02:00.", required: true)
    static let icsOption = OptionSpec("ics", .flag, help: "Print an iCalendar (RFC 5545) event to import in a calendar.")
    static let schedulesOption = OptionSpec("schedules", .value(placeholder: "FILE"),
                                            help: "A JSON file of published station schedules (schema_version 1) added to the bundled ones, which it overrides station by station (default: $MASECURITE_SCHEDULES).")
}
