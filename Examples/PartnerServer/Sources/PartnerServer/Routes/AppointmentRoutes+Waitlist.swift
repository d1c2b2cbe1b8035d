import Appointments
import Foundation
import Hummingbird

/// `/v1/appointments/waitlist`: join the waiting list for a station, a motif
/// and a day (or a range of starts), read where you stand with the opaque
/// reference you were given, accept the seat kept for you before it expires,
/// or leave.
///
/// The reference (the entry's random id) is the only key to the entry: like a
/// confirmation code it appears in paths, never in logs, and the answers
/// never echo the contact given.
extension AppointmentRoutes {
    func registerWaitlist(on router: RouterGroup<ServerContext>) {
        router.post("appointments/waitlist", use: joinWaitlist)
        router.get("appointments/waitlist/{reference}", use: waitlistStatus)
        router.post("appointments/waitlist/{reference}/accept", use: acceptOffer)
        router.delete("appointments/waitlist/{reference}", use: leaveWaitlist)
    }

    /// `POST /v1/appointments/waitlist`: a day, or a range `from`…`to` of acceptable starts.
    struct JoinBody: Decodable {
        let station: String
        let motif: String
        let day: String?
        let from: String?
        let to: String?
        let contact: ContactBody?

        private enum CodingKeys: String, CodingKey, CaseIterable { case station, motif, day, from, to, contact }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            station = try c.decode(String.self, forKey: .station)
            motif = try c.decode(String.self, forKey: .motif)
            day = try c.decodeIfPresent(String.self, forKey: .day)
            from = try c.decodeIfPresent(String.self, forKey: .from)
            to = try c.decodeIfPresent(String.self, forKey: .to)
            contact = try c.decodeIfPresent(ContactBody.self, forKey: .contact)
        }
    }

    /// `POST /v1/appointments/waitlist/{reference}/accept` (the body is optional).
    struct AcceptBody: Decodable {
        let contact: ContactBody?

        private enum CodingKeys: String, CodingKey, CaseIterable { case contact }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            contact = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(ContactBody.self, forKey: .contact)
        }
    }

    struct OfferJSON: Encodable {
        let start: String
        let end: String
        let expires_at: String
    }

    struct WaitlistJSON: Encodable {
        let reference: String
        let station: String
        let motif: String
        let earliest: String
        let latest: String
        /// `waiting`, `offered` or `offer-expired`.
        let status: String
        /// Place in line while waiting (1 = next).
        let position: Int?
        /// The seat kept (or that was kept) for the entry.
        let offer: OfferJSON?

        private enum CodingKeys: String, CodingKey { case reference, station, motif, earliest, latest, status, position, offer }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reference, forKey: .reference)
            try container.encode(station, forKey: .station)
            try container.encode(motif, forKey: .motif)
            try container.encode(earliest, forKey: .earliest)
            try container.encode(latest, forKey: .latest)
            try container.encode(status, forKey: .status)
            try container.encode(position, forKey: .position)
            try container.encode(offer, forKey: .offer)
        }
    }

    struct DepartureJSON: Encodable {
        let reference: String
        let status: String
        let declined_offer: Bool
    }

    /// The most a range may span: a longer one would hold a place in every line of the month.
    static let longestWaitingRange: TimeInterval = 31 * 86_400

    private func parseReference(_ context: ServerContext) throws -> UUID {
        let text = context.parameters.get("reference") ?? ""
        guard text.count == 36, let id = UUID(uuidString: text) else {
            throw APIProblem(.invalidParameter, "this is not a waiting-list reference (36 characters, as given when you joined)", field: "reference")
        }
        return id
    }

    private func json(_ status: WaitlistStatus) -> WaitlistJSON {
        func format(_ date: Date, _ station: String) -> String {
            RFC3339.format(date, in: (try? StationID.timeZone(of: station)) ?? .gmt)
        }
        switch status {
        case .waiting(let entry, let position):
            return WaitlistJSON(reference: entry.id.uuidString.lowercased(), station: entry.station, motif: entry.motif.rawValue,
                                earliest: format(entry.earliest, entry.station), latest: format(entry.latest, entry.station),
                                status: "waiting", position: position, offer: nil)
        case .offered(let hold), .offerExpired(let hold):
            let expired: Bool = if case .offerExpired = status { true } else { false }
            return WaitlistJSON(reference: hold.entry.id.uuidString.lowercased(), station: hold.station, motif: hold.motif.rawValue,
                                earliest: format(hold.entry.earliest, hold.station), latest: format(hold.entry.latest, hold.station),
                                status: expired ? "offer-expired" : "offered", position: nil,
                                offer: OfferJSON(start: format(hold.start, hold.station), end: format(hold.end, hold.station),
                                                 expires_at: format(hold.expiresAt, hold.station)))
        }
    }

    // MARK: Handlers

    @Sendable func joinWaitlist(_ request: Request, context: ServerContext) async throws -> Response {
        let body = try await StrictJSON.decode(JoinBody.self, from: request, limit: services.maxBodyBytes)
        let station = try findStation(body.station, field: "station")
        let motif = try parseMotif(body.motif, field: "motif")
        let contact = try body.contact.map(Self.contact).flatMap { $0.isEmpty ? nil : $0 }
        let book = services.appointments
        let entry: WaitlistEntry
        switch (body.day, body.from, body.to) {
        case (let text?, nil, nil):
            let day: LocalDate
            do { day = try LocalDate(iso: text) } catch {
                throw APIProblem(.invalidBody, "field 'day' must be a date YYYY-MM-DD (got '\(text)')", field: "day")
            }
            entry = try await run { () async throws(AppointmentError) in
                try await book.joinWaitlist(station: station.id, motif: motif, day: day, contact: contact)
            }
        case (nil, let fromText?, let toText?):
            let from = try parseInstant(fromText, field: "from")
            let to = try parseInstant(toText, field: "to")
            guard from <= to else { throw APIProblem(.invalidBody, "field 'to' must not be before 'from'", field: "to") }
            guard to.timeIntervalSince(from) <= Self.longestWaitingRange else {
                throw APIProblem(.invalidBody, "the range from 'from' to 'to' must span 31 days at most", field: "to")
            }
            entry = try await run { () async throws(AppointmentError) in
                try await book.joinWaitlist(station: station.id, motif: motif, earliest: from, latest: to, contact: contact)
            }
        default:
            throw APIProblem(.invalidBody, "give either 'day' (YYYY-MM-DD) or both 'from' and 'to' (RFC 3339 date-times), not both",
                             field: body.day == nil ? (body.from == nil ? "from" : "to") : "day")
        }
        let status = try await run { () async throws(AppointmentError) in try await book.waitlistStatus(entry.id) }
        return try JSONCoding.response(json(status), status: .created,
                                       headers: [.location: "/v1/appointments/waitlist/\(entry.id.uuidString.lowercased())",
                                                 .cacheControl: "no-store"])
    }

    @Sendable func waitlistStatus(_ request: Request, context: ServerContext) async throws -> Response {
        let reference = try parseReference(context)
        let book = services.appointments
        let status = try await run { () async throws(AppointmentError) in try await book.waitlistStatus(reference) }
        return try JSONCoding.response(json(status), headers: [.cacheControl: "no-store"])
    }

    @Sendable func acceptOffer(_ request: Request, context: ServerContext) async throws -> Response {
        let reference = try parseReference(context)
        // The body is optional: an empty one keeps the contact given when joining.
        var contact: Contact?
        if request.headers[.contentLength].flatMap(Int.init) ?? 1 > 0 {
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: services.maxBodyBytes) } catch {
                throw APIProblem(.bodyTooLarge, "the body is larger than \(services.maxBodyBytes) bytes")
            }
            if buffer.readableBytes > 0 {
                if let contentType = request.headers[.contentType],
                   contentType.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) != "application/json" {
                    throw APIProblem(.unsupportedMediaType, "send the body as application/json")
                }
                contact = try StrictJSON.decode(AcceptBody.self, from: Data(buffer.readableBytesView)).contact.map(Self.contact)
            }
        }
        let book = services.appointments
        let given = contact
        let booking = try await run { () async throws(AppointmentError) in try await book.acceptOffer(reference, contact: given) }
        return try JSONCoding.response(try await json(booking), status: .created,
                                       headers: [.location: "/v1/appointments/\(booking.code.rawValue)", .cacheControl: "no-store"])
    }

    @Sendable func leaveWaitlist(_ request: Request, context: ServerContext) async throws -> Response {
        let reference = try parseReference(context)
        let book = services.appointments
        let departure = try await run { () async throws(AppointmentError) in try await book.leaveWaitlist(reference) }
        return try JSONCoding.response(DepartureJSON(reference: departure.entry.id.uuidString.lowercased(), status: "left",
                                                     declined_offer: departure.declinedOffer),
                                       headers: [.cacheControl: "no-store"])
    }
}
