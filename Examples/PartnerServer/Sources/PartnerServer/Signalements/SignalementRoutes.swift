import Foundation
import Hummingbird
import MaSecurite
import Signalements
import StationDirectory

/// `/v1/signalements`: the kinds, the competent unit of a place, filing a signalement (anonymous
/// unless a contact is given) and reading where it stands by its reference.
///
/// Filing writes the signalement and its delivery job in one transaction of the outbox (PostgreSQL
/// when the server has a database); the deliverer (``SignalementDeliveryService``) sends it. The
/// reference is the only key to the receipt: it appears in paths but never in logs (the access log
/// writes the route template), and neither the filing's answer nor the receipt holds what the citizen
/// typed (a refusal may quote the refused value back, truncated, as every problem of this API does).
struct SignalementRoutes {
    let services: ServerServices

    func register(on router: RouterGroup<ServerContext>) {
        router.get("signalements/kinds", use: kinds)
        router.get("signalements/competent", use: competent)
        router.post("signalements", use: submit)
        router.get("signalements/{reference}", use: show)
    }

    /// The kind only a chat operator files (with the visitor's consent), never this route.
    static let chatOnlyKind = ChatSignalementDesk.defaultKind

    // MARK: Bodies

    struct ContactBody: Decodable {
        let name: String?
        let email: String?
        let phone: String?

        private enum CodingKeys: String, CodingKey, CaseIterable { case name, email, phone }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            email = try c.decodeIfPresent(String.self, forKey: .email)
            phone = try c.decodeIfPresent(String.self, forKey: .phone)
        }
    }

    /// `POST /v1/signalements`: the kind, exactly one place, the fields and an optional contact.
    struct SubmitBody: Decodable {
        let kind: String
        let insee: String?
        let postalCode: String?
        let commune: String?
        let lat: Double?
        let lon: Double?
        let fields: [String: String]
        let contact: ContactBody?

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case kind, insee, postalCode = "postal_code", commune, lat, lon, fields, contact
        }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kind = try c.decode(String.self, forKey: .kind)
            insee = try c.decodeIfPresent(String.self, forKey: .insee)
            postalCode = try c.decodeIfPresent(String.self, forKey: .postalCode)
            commune = try c.decodeIfPresent(String.self, forKey: .commune)
            lat = try c.decodeIfPresent(Double.self, forKey: .lat)
            lon = try c.decodeIfPresent(Double.self, forKey: .lon)
            fields = try c.decode([String: String].self, forKey: .fields)
            contact = try c.decodeIfPresent(ContactBody.self, forKey: .contact)
        }
    }

    // MARK: Responses

    struct FieldJSON: Encodable {
        let name: String
        let type: String
        let required: Bool
        let max_length: Int?
        let choices: [String]?
        let label: String
        let only_if: [String: String]?
    }

    struct KindJSON: Encodable {
        let id: String
        let label: String
        let summary: String
        let urgent_notice: String?
        let chat_only: Bool
        let fields: [FieldJSON]
    }

    struct KindsJSON: Encodable {
        let version: String
        let kinds: [KindJSON]
    }

    struct CompetenceJSON: Encodable {
        let insee: String
        let commune: String?
        let institution: String
        let unit_id: String
        let unit_name: String
        let approximate: Bool
        let source: String

        init(_ competence: Competence) {
            insee = competence.insee
            commune = competence.commune
            institution = competence.institution.rawValue
            unit_id = competence.unit.id
            unit_name = competence.unit.name
            approximate = competence.approximate
            source = competence.source
        }
    }

    struct FiledJSON: Encodable {
        let reference: String
        let kind: String
        let status: String
        let institution: String
        let unit_id: String
        let unit_name: String
        let approximate: Bool
        let filed_at: String
    }

    struct UnitJSON: Encodable {
        let id: String
        let name: String
        let institution: String
    }

    struct ReceiptJSON: Encodable {
        let reference: String
        let kind: String
        let unit: UnitJSON
        let approximate: Bool
        let status: String
        let attempts: Int
        let filed_at: String
        let delivered_at: String?
        let purged: Bool
    }

    // MARK: Places

    /// One place of a query or body: exactly one of `insee`, `postal_code`, `commune`, or `lat` with `lon`.
    enum GivenPlace {
        case insee(String)
        case place(Place, field: String)
    }

    static func place(insee: String?, postalCode: String?, commune: String?, lat: Double?, lon: Double?, where origin: String) throws -> GivenPlace {
        let given = [insee != nil, postalCode != nil, commune != nil, lat != nil || lon != nil].filter { $0 }.count
        let kind: ProblemKind = origin == "body" ? .invalidBody : .invalidParameter
        guard given == 1 else {
            throw APIProblem(kind, given == 0 ? "give the place: 'insee', 'postal_code', 'commune', or 'lat' and 'lon'"
                                              : "give exactly one place: 'insee', 'postal_code', 'commune', or 'lat' and 'lon'", field: "insee")
        }
        if let insee { return .insee(insee) }
        if let postalCode {
            do {
                return .place(.postalCode(try PostalCode(postalCode)), field: "postal_code")
            } catch {
                throw APIProblem(kind, "'postal_code' must be a French postal code of 5 digits (got '\(Echo.truncated(postalCode))')", field: "postal_code")
            }
        }
        if let commune { return .place(.communeName(commune), field: "commune") }
        guard let lat else { throw APIProblem(kind, "'lat' is required with 'lon'", field: "lat") }
        guard let lon else { throw APIProblem(kind, "'lon' is required with 'lat'", field: "lon") }
        do {
            return .place(.point(try GeoPoint(latitude: lat, longitude: lon)), field: "lat")
        } catch {
            throw APIProblem(kind, "\(error)", field: "lat")
        }
    }

    /// The competent unit of a place: an INSEE code goes straight to the competence source; other
    /// places are resolved by the directory first (the resolver the guichet and the CLI share).
    func competence(of place: GivenPlace, invalid kind: ProblemKind) throws -> Competence {
        let source = services.signalements.competence
        do {
            switch place {
            case .insee(let text):
                let insee: INSEECode
                do { insee = try INSEECode(text) } catch { throw APIProblem(kind, "'insee': \(error.description)", field: "insee") }
                return try source.competence(for: insee)
            case .place(let place, let field):
                do {
                    return try services.stations.competence(for: place, from: source).competence
                } catch let error as PlaceError {
                    switch error {
                    case .invalid: throw APIProblem(kind, error.description, field: field)
                    case .communesUnavailable: throw APIProblem(.internalError, error.description)
                    default: throw APIProblem(.placeNotFound, error.description, field: field)
                    }
                }
            }
        } catch let error as CompetenceError {
            throw APIProblem(.noCompetentUnit, error.description, field: place.field)
        }
    }

    // MARK: Handlers

    @Sendable func kinds(_ request: Request, context: ServerContext) async throws -> Response {
        let language = try QueryReader(request: request, context: context).language()
        let catalog = services.signalements.catalog
        return try JSONCoding.response(KindsJSON(version: catalog.version, kinds: catalog.kinds.map { kind in
            KindJSON(id: kind.id, label: kind.label.text(in: language), summary: kind.summary.text(in: language),
                     urgent_notice: kind.urgentNotice?.text(in: language), chat_only: kind.id == Self.chatOnlyKind,
                     fields: kind.fields.map {
                         FieldJSON(name: $0.name, type: $0.type.rawValue, required: $0.required, max_length: $0.maxLength,
                                   choices: $0.type == .recurrence ? Recurrence.allCases.map(\.rawValue) : $0.choices,
                                   label: $0.label.text(in: language), only_if: $0.onlyIf)
                     })
        }))
    }

    @Sendable func competent(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let place = try Self.place(insee: query.string("insee"), postalCode: query.string("postal_code"), commune: query.string("commune"),
                                   lat: try query.double("lat"), lon: try query.double("lon"), where: "query")
        return try JSONCoding.response(CompetenceJSON(try competence(of: place, invalid: .invalidParameter)))
    }

    @Sendable func submit(_ request: Request, context: ServerContext) async throws -> Response {
        let body = try await StrictJSON.decode(SubmitBody.self, from: request, limit: services.maxBodyBytes)
        guard body.kind != Self.chatOnlyKind else {
            throw APIProblem(.invalidSignalement, "a signalement of kind \(Self.chatOnlyKind) is filed by a chat operator, from the conversation, "
                             + "with the visitor's consent for the excerpt; choose another kind", field: "kind")
        }
        var fields = body.fields
        for name in fields.keys where name.hasPrefix("contact") {
            throw APIProblem(.invalidSignalement, "give the contact as 'contact': {\"name\", \"email\", \"phone\"}, not as a field",
                             field: "fields.\(Echo.truncated(name))")
        }
        if let contact = body.contact {
            fields["contact.name"] = contact.name
            fields["contact.email"] = contact.email
            fields["contact.phone"] = contact.phone
        }
        let desk = services.signalements
        // What was typed is checked first: its refusals name the field (`fields.when.end`, `contact.email`).
        do {
            _ = try desk.catalog.validate(kind: body.kind, fields: fields)
        } catch {
            throw APIProblem(.invalidSignalement, error.description, field: error.path ?? "kind")
        }
        let place = try Self.place(insee: body.insee, postalCode: body.postalCode, commune: body.commune, lat: body.lat, lon: body.lon,
                                   where: "body")
        let competence = try competence(of: place, invalid: .invalidBody)
        let signalement: Signalement
        do {
            signalement = try await desk.file(kind: body.kind, commune: try INSEECode(competence.insee), fields: fields)
        } catch let error as SignalementError {
            throw APIProblem(.invalidSignalement, error.description, field: error.path ?? "kind")
        } catch let error as CompetenceError {
            throw APIProblem(.noCompetentUnit, error.description, field: place.field)
        } catch {
            throw APIProblem(.storageUnavailable, "the signalement could not be stored; nothing was filed, send it again")
        }
        let filed = FiledJSON(reference: signalement.reference.formatted, kind: signalement.kind, status: DeliveryStatus.pending.rawValue,
                              institution: signalement.competence.institution.rawValue, unit_id: signalement.competence.unit.id,
                              unit_name: signalement.competence.unit.name, approximate: signalement.competence.approximate,
                              filed_at: RFC3339.format(signalement.filedAt, in: .gmt))
        return try JSONCoding.response(filed, status: .created,
                                       headers: [.location: "/v1/signalements/\(signalement.reference.formatted)", .cacheControl: "no-store"])
    }

    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        let text = context.parameters.get("reference") ?? ""
        let reference: SignalementReference
        do {
            reference = try SignalementReference(text)
        } catch {
            throw APIProblem(.invalidReference, "this is not a signalement reference (S- and 20 symbols, e.g. S-K7QM-4XTR-9BWE-2HPA-ZC3N)",
                             field: "reference")
        }
        let receipt: SignalementReceipt?
        do {
            receipt = try await services.signalements.receipt(reference)
        } catch {
            throw APIProblem(.storageUnavailable, "the signalements storage did not answer; retry")
        }
        guard let receipt else { throw APIProblem(.signalementNotFound, "no signalement has this reference", field: "reference") }
        return try JSONCoding.response(ReceiptJSON(
            reference: receipt.reference.formatted, kind: receipt.kind,
            unit: UnitJSON(id: receipt.unit.id, name: receipt.unit.name, institution: receipt.unit.institution.rawValue),
            approximate: receipt.approximate, status: receipt.status.rawValue, attempts: receipt.attempts,
            filed_at: RFC3339.format(receipt.filedAt, in: .gmt), delivered_at: receipt.deliveredAt.map { RFC3339.format($0, in: .gmt) },
            purged: receipt.isPurged), headers: [.cacheControl: "no-store"])
    }
}

extension SignalementRoutes.GivenPlace {
    /// The body field or query parameter that gave the place.
    var field: String {
        switch self {
        case .insee: "insee"
        case .place(_, let field): field
        }
    }
}
