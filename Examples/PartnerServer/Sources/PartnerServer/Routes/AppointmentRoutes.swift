import Appointments
import Foundation
import Hummingbird
import StationDirectory

/// `/v1/appointments`: free slots, booking with an idempotency key, and
/// show / cancel / reschedule / calendar file by confirmation code.
///
/// The confirmation code is the only key to a booking: it appears in paths
/// but never in logs (the access log writes the route template).
struct AppointmentRoutes {
    let services: ServerServices

    func register(on router: RouterGroup<ServerContext>) {
        router.get("appointments/slots", use: slots)
        router.post("appointments", use: book)
        router.get("appointments/{code}.ics", use: calendar)
        router.get("appointments/{code}", use: show)
        router.post("appointments/{code}/cancel", use: cancel)
        router.post("appointments/{code}/reschedule", use: reschedule)
        registerWaitlist(on: router)
    }

    // MARK: Bodies

    struct ContactBody: Decodable {
        let pseudonym: String?
        let email: String?
        let phone: String?

        private enum CodingKeys: String, CodingKey, CaseIterable { case pseudonym, email, phone }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            pseudonym = try c.decodeIfPresent(String.self, forKey: .pseudonym)
            email = try c.decodeIfPresent(String.self, forKey: .email)
            phone = try c.decodeIfPresent(String.self, forKey: .phone)
        }
    }

    /// `POST /v1/appointments`.
    struct BookBody: Decodable {
        let station: String
        let motif: String
        let start: String
        let contact: ContactBody?

        private enum CodingKeys: String, CodingKey, CaseIterable { case station, motif, start, contact }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            station = try c.decode(String.self, forKey: .station)
            motif = try c.decode(String.self, forKey: .motif)
            start = try c.decode(String.self, forKey: .start)
            contact = try c.decodeIfPresent(ContactBody.self, forKey: .contact)
        }
    }

    /// `POST /v1/appointments/{code}/reschedule`.
    struct RescheduleBody: Decodable {
        let start: String

        private enum CodingKeys: String, CodingKey, CaseIterable { case start }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            start = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .start)
        }
    }

    // MARK: Responses

    struct SlotJSON: Encodable {
        let start: String
        let end: String
        let capacity: Int
        let remaining: Int
    }

    struct SlotsJSON: Encodable {
        let station: String
        let motif: String
        let time_zone: String
        let slots: [SlotJSON]
    }

    struct BookingJSON: Encodable {
        let code: String
        let station: String
        let station_name: String?
        let motif: String
        let start: String
        let end: String
        let status: String
        let documents: [String]
        /// The video link of a `visio-plainte` booking (absent for a visit).
        let meeting_url: String?
    }

    // MARK: Helpers

    func findStation(_ id: String, field: String) throws -> Station {
        guard let station = services.stations.station(id: id) else {
            throw APIProblem(.stationNotFound, "no station has the id '\(id)'", field: field)
        }
        return station
    }

    func parseMotif(_ text: String, field: String) throws -> Motif {
        guard let motif = Motif(identifier: text) else {
            throw APIProblem(.invalidParameter, "'\(field)' must be one of \(Motif.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(text)')",
                             field: field)
        }
        return motif
    }

    private func parseCode(_ context: ServerContext) throws -> ConfirmationCode {
        let text = context.parameters.get("code") ?? ""
        do {
            return try ConfirmationCode(text)
        } catch {
            throw APIProblem(.invalidCode, "this is not a confirmation code (20 characters, e.g. K7QM-4XTR-9BWE-2HPA-ZC3N)", field: "code")
        }
    }

    func parseInstant(_ text: String, field: String) throws -> Date {
        guard let date = RFC3339.parse(text) else {
            throw APIProblem(.invalidBody, "field '\(field)' must be an RFC 3339 date-time such as 2026-03-30T09:00:00+02:00 (got '\(text)')",
                             field: field)
        }
        return date
    }

    /// Maps an SDK refusal to its problem (messages name no confirmation code).
    static func problem(_ error: AppointmentError) -> APIProblem {
        switch error {
        case .slotFull: return APIProblem(.slotFull, "every counter of this slot is taken; choose another slot", field: "start")
        case .outsideOpening: return APIProblem(.outsideOpening, error.description, field: "start")
        case .tooLate: return APIProblem(.tooLate, error.description, field: "start")
        case .tooFarAhead: return APIProblem(.tooFarAhead, error.description, field: "start")
        case .motifNotOffered: return APIProblem(.motifNotOffered, error.description, field: "motif")
        case .contactRequired: return APIProblem(.contactRequired, error.description, field: "contact")
        case .dayClosed: return APIProblem(.dayClosed, error.description, field: "start")
        case .notFound: return APIProblem(.bookingNotFound, "no booking has this confirmation code", field: "code")
        case .changeNotAllowed(_, let reason): return APIProblem(.changeNotAllowed, "this booking can no longer be changed: \(reason)")
        case .notActive(_, let status): return APIProblem(.notActive, "this booking is \(status.rawValue), not booked")
        case .idempotencyConflict: return APIProblem(.idempotencyConflict, "this Idempotency-Key was already used for a different booking request",
                                                      field: "Idempotency-Key")
        case .invalidCode: return APIProblem(.invalidCode, "this is not a confirmation code", field: "code")
        case .invalidStation(let id): return APIProblem(.stationNotFound, "no station has the id '\(id)'", field: "station")
        case .invalidSchedule: return APIProblem(.internalError, "the station's schedule is not valid")
        case .storage: return APIProblem(.storageUnavailable, "the booking storage did not answer; retry with the same Idempotency-Key")
        // The slots route's documented answer for a station that takes no online appointment.
        case .hoursNotPublished, .notOfferedHere: return APIProblem(.motifNotOffered, error.description, field: "station")
        case .offerUnavailable(_, let expiredAt):
            let reason = expiredAt.map { "its time ran out at \(RFC3339.format($0, in: .gmt))" } ?? "it was booked or passed on"
            return APIProblem(.offerUnavailable, "the seat offered to you is no longer kept: \(reason); join the waiting list again or choose another slot")
        case .waitlistEntryNotFound: return APIProblem(.waitlistEntryNotFound, error.description, field: "reference")
        case .offerNotYetMade: return APIProblem(.offerNotYetMade, error.description)
        }
    }

    func run<T: Sendable>(_ body: () async throws(AppointmentError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Self.problem(error)
        }
    }

    func json(_ booking: Booking, language: Language = .french) async throws -> BookingJSON {
        let zone = (try? StationID.timeZone(of: booking.station)) ?? .gmt
        let book = services.appointments
        // A booking made before its station stopped publishing a schedule stays readable (its motif's default rules).
        let rules = try await run { () async throws(AppointmentError) -> MotifRules in
            do throws(AppointmentError) {
                return try await book.schedule(for: booking.station).rules(for: booking.motif)
            } catch {
                if case .hoursNotPublished = error { return booking.motif.defaultRules }
                throw error
            }
        }
        let link = try await run { () async throws(AppointmentError) -> URL? in try await book.meetingURL(for: booking) }
        return BookingJSON(code: booking.code.formatted, station: booking.station,
                           station_name: services.stations.station(id: booking.station)?.name,
                           motif: booking.motif.rawValue, start: RFC3339.format(booking.start, in: zone),
                           end: RFC3339.format(booking.end, in: zone), status: booking.status.rawValue,
                           documents: rules.documents.map { $0.text(in: language) }, meeting_url: link?.absoluteString)
    }

    /// The contact of a body, checked (sizes, an e-mail that looks like one).
    static func contact(_ given: ContactBody) throws -> Contact {
        for (name, value) in [("pseudonym", given.pseudonym), ("email", given.email), ("phone", given.phone)] {
            if let value, value.count > 200 { throw APIProblem(.invalidBody, "field 'contact.\(name)' is longer than 200 characters", field: "contact.\(name)") }
        }
        if let email = given.email, !email.contains("@") {
            throw APIProblem(.invalidBody, "field 'contact.email' is not an e-mail address", field: "contact.email")
        }
        return Contact(pseudonym: given.pseudonym, email: given.email, phone: given.phone)
    }

    // MARK: Handlers

    @Sendable func slots(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let station = try findStation(try query.required("station"), field: "station")
        let motif = try parseMotif(try query.required("motif"), field: "motif")
        let zone = (try? StationID.timeZone(of: station.id)) ?? .gmt
        let from = try query.date("from") ?? LocalDate(services.clock.now(), in: zone)
        let days = try query.int("days", default: 7, range: 1...31)
        let book = services.appointments
        let slots = try await run { () async throws(AppointmentError) in
            try await book.availableSlots(station: station.id, motif: motif, from: from, days: days)
        }
        return try JSONCoding.response(SlotsJSON(
            station: station.id, motif: motif.rawValue, time_zone: zone.identifier,
            slots: slots.map { SlotJSON(start: RFC3339.format($0.slot.start, in: zone), end: RFC3339.format($0.slot.end, in: zone),
                                        capacity: $0.slot.capacity, remaining: $0.remaining) }))
    }

    @Sendable func book(_ request: Request, context: ServerContext) async throws -> Response {
        var key: String?
        if let text = request.headers.first(where: { $0.name.canonicalName == "idempotency-key" })?.value {
            guard (1...200).contains(text.utf8.count), text.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E }) else {
                throw APIProblem(.invalidParameter, "the Idempotency-Key header must hold 1 to 200 visible ASCII characters", field: "Idempotency-Key")
            }
            key = text
        }
        let body = try await StrictJSON.decode(BookBody.self, from: request, limit: services.maxBodyBytes)
        let station = try findStation(body.station, field: "station")
        let motif = try parseMotif(body.motif, field: "motif")
        let start = try parseInstant(body.start, field: "start")
        let contact = try body.contact.map(Self.contact)
        let book = services.appointments
        let booking = try await run { () async throws(AppointmentError) in
            try await book.book(station: station.id, motif: motif, start: start, contact: contact, idempotencyKey: key)
        }
        return try JSONCoding.response(try await json(booking), status: .created,
                                       headers: [.location: "/v1/appointments/\(booking.code.rawValue)", .cacheControl: "no-store"])
    }

    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        let code = try parseCode(context)
        let book = services.appointments
        let booking = try await run { () async throws(AppointmentError) in try await book.booking(code: code) }
        return try JSONCoding.response(try await json(booking), headers: [.cacheControl: "no-store"])
    }

    @Sendable func cancel(_ request: Request, context: ServerContext) async throws -> Response {
        let code = try parseCode(context)
        let book = services.appointments
        let outcome = try await run { () async throws(AppointmentError) in try await book.cancel(code: code) }
        return try JSONCoding.response(try await json(outcome.booking), headers: [.cacheControl: "no-store"])
    }

    @Sendable func reschedule(_ request: Request, context: ServerContext) async throws -> Response {
        let code = try parseCode(context)
        let body = try await StrictJSON.decode(RescheduleBody.self, from: request, limit: services.maxBodyBytes)
        let start = try parseInstant(body.start, field: "start")
        let book = services.appointments
        let outcome = try await run { () async throws(AppointmentError) in try await book.reschedule(code: code, to: start) }
        return try JSONCoding.response(try await json(outcome.booking), headers: [.cacheControl: "no-store"])
    }

    @Sendable func calendar(_ request: Request, context: ServerContext) async throws -> Response {
        let code = try parseCode(context)
        let language: Language = QueryReader(request: request, context: context).string("lang") == "en" ? .english : .french
        let book = services.appointments
        let booking = try await run { () async throws(AppointmentError) in try await book.booking(code: code) }
        let location = services.stations.station(id: booking.station).map { station in
            [station.name, station.address, "\(station.postalCode.rawValue) \(station.commune)"].compactMap { $0 }.joined(separator: ", ")
        }
        let text = try await run { () async throws(AppointmentError) in
            try await book.calendarEvent(for: booking, location: location, language: language)
        }
        return Response(status: .ok,
                        headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store",
                                  .contentDisposition: "attachment; filename=\"rendez-vous.ics\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
