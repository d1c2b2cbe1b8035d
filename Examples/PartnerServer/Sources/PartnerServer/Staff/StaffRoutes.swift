import Appointments
import Foundation
import Hummingbird
import Logging
import StationDirectory

/// `/v1/staff/stations/{station}/…`: a station's back office. Every route
/// needs `Authorization: Bearer <token>` of a staff account (``StaffAccount``)
/// that lists the station: no or a wrong token is a `401 unauthorized`, a
/// token of another station's account a `403 forbidden`.
///
/// - `GET`/`PUT …/schedule`: read, publish or replace the station's schedule
///   (the station's entry of a schedules file; a mistake is a located `422 invalid-schedule`).
/// - `POST …/closures`: close a day; its bookings are cancelled, each with a
///   notice in the outbox that offers the next free slots and the waiting list.
/// - `GET …/appointments?day=`: the day's list, with the minimum to run the
///   counter: a short reference, times, motif, status, counter and the name
///   given to be called by (never an e-mail address or a phone number).
///
/// Each change is written to the log with the account id (an audit trail); no
/// citizen's data is.
struct StaffRoutes {
    let services: ServerServices
    /// Where staff publications are kept (the booking store).
    let schedules: any ScheduleStore

    func register(on router: RouterGroup<ServerContext>) {
        router.get("staff/stations/{station}/schedule", use: showSchedule)
        router.put("staff/stations/{station}/schedule", use: publishSchedule)
        router.post("staff/stations/{station}/closures", use: closeDay)
        router.delete("staff/stations/{station}/closures/{day}", use: reopenDay)
        router.get("staff/stations/{station}/appointments", use: dayList)
    }

    // MARK: Authentication

    static let realm = "Bearer realm=\"masecurite-staff\""

    /// The account of the request's bearer token, if it may act for the path's station.
    func authorize(_ request: Request, context: ServerContext) throws -> (StaffAccount, Station) {
        guard let header = request.headers[.authorization] else {
            throw APIProblem(.unauthorized, "the back office needs 'Authorization: Bearer <token>' of a staff account",
                             headers: [.wwwAuthenticate: Self.realm])
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              let account = services.staff.account(token: parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw APIProblem(.unauthorized, "this token is not a staff account's", headers: [.wwwAuthenticate: Self.realm + ", error=\"invalid_token\""])
        }
        let id = context.parameters.get("station") ?? ""
        guard account.stations.contains(id) else {
            throw APIProblem(.forbidden, "this staff account does not act for station '\(id)'", field: "station")
        }
        guard let station = services.stations.station(id: id) else {
            throw APIProblem(.stationNotFound, "no station has the id '\(id)'", field: "station")
        }
        return (account, station)
    }

    // MARK: Bodies and answers

    /// `POST …/closures`.
    struct ClosureBody: Decodable {
        let day: String

        private enum CodingKeys: String, CodingKey, CaseIterable { case day }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            day = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .day)
        }
    }

    struct PublicationJSON: Encodable {
        let version: Int
        let published_at: String
        let published_by: String?

        private enum CodingKeys: String, CodingKey { case version, published_at, published_by }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(published_at, forKey: .published_at)
            try container.encode(published_by, forKey: .published_by)
        }
    }

    struct ScheduleJSON: Encodable {
        let station: String
        /// The staff publication in force, or `null` when the station follows the deployment's file or its published hours.
        let published: PublicationJSON?
        /// The schedule in force, or `null` when the station has none (it offers no online appointment).
        let schedule: AppointmentSchedule?

        private enum CodingKeys: String, CodingKey { case station, published, schedule }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(station, forKey: .station)
            try container.encode(published, forKey: .published)
            try container.encode(schedule, forKey: .schedule)
        }
    }

    struct CancelledJSON: Encodable {
        let reference: String
        let start: String
        let motif: String
        /// Whether a cancellation notice was put in the outbox (the citizen gave an e-mail or a phone number).
        let notified: Bool
    }

    struct ClosureJSON: Encodable {
        let station: String
        let day: String
        let already_closed: Bool
        let cancelled: [CancelledJSON]
    }

    struct ReopeningJSON: Encodable {
        let station: String
        let day: String
        /// Whether the day was closed (false: it was open, nothing changed).
        let reopened: Bool
    }

    struct AppointmentJSON: Encodable {
        let reference: String
        let start: String
        let end: String
        let motif: String
        let status: String
        let counter: Int?
        let pseudonym: String?

        private enum CodingKeys: String, CodingKey { case reference, start, end, motif, status, counter, pseudonym }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reference, forKey: .reference)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(motif, forKey: .motif)
            try container.encode(status, forKey: .status)
            try container.encode(counter, forKey: .counter)
            try container.encode(pseudonym, forKey: .pseudonym)
        }
    }

    struct DayJSON: Encodable {
        let station: String
        let day: String
        let time_zone: String
        let appointments: [AppointmentJSON]
    }

    /// What staff see of a confirmation code: its last group, enough to match
    /// the code a citizen shows, never enough to read or change the booking.
    static func reference(_ code: ConfirmationCode) -> String { String(code.rawValue.suffix(4)) }

    private func zone(_ station: Station) -> TimeZone { (try? StationID.timeZone(of: station.id)) ?? .gmt }

    private func storage<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw APIProblem(.storageUnavailable, "the booking storage did not answer; retry")
        }
    }

    private func answer(_ station: Station, published: StationSchedulePublication?) async throws -> ScheduleJSON {
        var schedule = published?.schedule
        if schedule == nil {
            let book = services.appointments
            do {
                schedule = try await book.schedule(for: station.id)
            } catch {
                if case .hoursNotPublished = error {} else { throw AppointmentRoutes.problem(error) }
            }
        }
        return ScheduleJSON(station: station.id,
                            published: published.map {
                                PublicationJSON(version: $0.version, published_at: RFC3339.format($0.publishedAt, in: zone(station)),
                                                published_by: $0.publishedBy)
                            },
                            schedule: schedule)
    }

    // MARK: Handlers

    @Sendable func showSchedule(_ request: Request, context: ServerContext) async throws -> Response {
        let (_, station) = try authorize(request, context: context)
        let schedules = self.schedules
        let published = try await storage { try await schedules.publishedSchedule(station: station.id) }
        return try JSONCoding.response(try await answer(station, published: published), headers: [.cacheControl: "no-store"])
    }

    @Sendable func publishSchedule(_ request: Request, context: ServerContext) async throws -> Response {
        let (account, station) = try authorize(request, context: context)
        let schedule = try await Self.readSchedule(request, station: station.id, limit: services.maxBodyBytes)
        let schedules = self.schedules
        let now = services.clock.now()
        let published = try await storage { try await schedules.publishSchedule(schedule, station: station.id, by: account.id, at: now) }
        context.logger.notice("staff published a schedule", metadata: [
            "staff.account": "\(account.id)", "station": "\(station.id)", "schedule.version": "\(published.version)",
        ])
        return try JSONCoding.response(try await answer(station, published: published), headers: [.cacheControl: "no-store"])
    }

    /// The body as the station's entry of a schedules file, checked as the file would be
    /// (`PublishedSchedules`): a mistake is a `422 invalid-schedule` naming the field.
    static func readSchedule(_ request: Request, station: String, limit: Int) async throws -> AppointmentSchedule {
        if let contentType = request.headers[.contentType],
           contentType.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) != "application/json" {
            throw APIProblem(.unsupportedMediaType, "send the schedule as application/json")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw APIProblem(.bodyTooLarge, "the body is larger than \(limit) bytes")
        }
        let body = Data(buffer.readableBytesView)
        guard (try? JSONSerialization.jsonObject(with: body)) is [String: Any] else {
            throw APIProblem(.invalidBody, "the body must be a JSON object: the station's schedule, as in a schedules file")
        }
        // The station's entry of a one-station file: the same checks, the same located errors.
        var file = Data(#"{"schema_version":1,"stations":{"#.utf8)
        file.append(try JSONEncoder().encode(station))
        file.append(Data(":".utf8))
        file.append(body)
        file.append(Data("}}".utf8))
        do {
            let published = try PublishedSchedules(data: file, file: "the schedule")
            guard let schedule = published[station] else { throw APIProblem(.invalidSchedule, "the schedule could not be read") }
            return schedule
        } catch let error as ScheduleFileError {
            throw APIProblem(.invalidSchedule, error.message, field: error.field)
        }
    }

    @Sendable func closeDay(_ request: Request, context: ServerContext) async throws -> Response {
        let (account, station) = try authorize(request, context: context)
        let body = try await StrictJSON.decode(ClosureBody.self, from: request, limit: services.maxBodyBytes)
        let day: LocalDate
        do { day = try LocalDate(iso: body.day) } catch {
            throw APIProblem(.invalidBody, "field 'day' must be a date YYYY-MM-DD (got '\(body.day)')", field: "day")
        }
        let zone = zone(station)
        guard day >= LocalDate(services.clock.now(), in: zone) else {
            throw APIProblem(.invalidBody, "field 'day' is \(day), a day already past at the station", field: "day")
        }
        let book = services.appointments
        let store = book.store
        let before = try await storage { try await store.closedDays(station: station.id) }
        let cancelled = try await AppointmentRoutes(services: services).run { () async throws(AppointmentError) in
            try await book.closeDay(station: station.id, day: day)
        }
        context.logger.notice("staff closed a day", metadata: [
            "staff.account": "\(account.id)", "station": "\(station.id)", "day": "\(day)", "bookings.cancelled": "\(cancelled.count)",
        ])
        return try JSONCoding.response(ClosureJSON(
            station: station.id, day: day.description, already_closed: before.contains(day),
            cancelled: cancelled.map {
                CancelledJSON(reference: Self.reference($0.code), start: RFC3339.format($0.start, in: zone), motif: $0.motif.rawValue,
                              notified: !NotificationChannel.channels(of: $0.contact).isEmpty)
            }), headers: [.cacheControl: "no-store"])
    }

    /// `DELETE /v1/staff/stations/{station}/closures/{day}`: reopens a day closed
    /// by mistake or no longer needed; its slots can be booked again. The
    /// bookings the closure cancelled stay cancelled (their citizens were told).
    @Sendable func reopenDay(_ request: Request, context: ServerContext) async throws -> Response {
        let (account, station) = try authorize(request, context: context)
        let text = context.parameters.get("day") ?? ""
        let day: LocalDate
        do { day = try LocalDate(iso: text) } catch {
            throw APIProblem(.invalidParameter, "path parameter 'day' must be a date YYYY-MM-DD (got '\(text.prefix(40))')", field: "day")
        }
        guard day >= LocalDate(services.clock.now(), in: zone(station)) else {
            throw APIProblem(.invalidParameter, "path parameter 'day' is \(day), a day already past at the station", field: "day")
        }
        let book = services.appointments
        let reopened = try await AppointmentRoutes(services: services).run { () async throws(AppointmentError) in
            try await book.reopenDay(station: station.id, day: day)
        }
        context.logger.notice("staff reopened a day", metadata: [
            "staff.account": "\(account.id)", "station": "\(station.id)", "day": "\(day)", "reopened": "\(reopened)",
        ])
        return try JSONCoding.response(ReopeningJSON(station: station.id, day: day.description, reopened: reopened),
                                       headers: [.cacheControl: "no-store"])
    }

    @Sendable func dayList(_ request: Request, context: ServerContext) async throws -> Response {
        let (_, station) = try authorize(request, context: context)
        let zone = zone(station)
        let day = try QueryReader(request: request, context: context).date("day") ?? LocalDate(services.clock.now(), in: zone)
        let book = services.appointments
        let list = try await AppointmentRoutes(services: services).run { () async throws(AppointmentError) in
            try await book.appointments(station: station.id, day: day)
        }
        return try JSONCoding.response(DayJSON(
            station: station.id, day: day.description, time_zone: zone.identifier,
            appointments: list.map {
                AppointmentJSON(reference: Self.reference($0.code), start: RFC3339.format($0.start, in: zone), end: RFC3339.format($0.end, in: zone),
                                motif: $0.motif.rawValue, status: $0.status.rawValue, counter: $0.seat.map { $0 + 1 },
                                pseudonym: $0.status.holdsSeat ? $0.contact?.pseudonym : nil)
            }), headers: [.cacheControl: "no-store"])
    }
}
