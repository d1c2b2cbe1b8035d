import Foundation
import Hummingbird
import Teleservices

/// `/v1/teleservices`: the online services offered in a département on a date,
/// and the eligibility check of one service against the citizen's answers.
struct TeleserviceRoutes {
    let services: ServerServices

    func register(on router: RouterGroup<ServerContext>) {
        router.get("teleservices", use: list)
        router.post("teleservices/{id}/check", use: check)
    }

    struct ServiceJSON: Encodable {
        let id: String
        let name: String
        let purpose: String
        let url: String
        let channels: [String]
        let authentication: [String]
        let anonymity_possible: Bool
        let minimum_age: Int?
        let replaced_by: String?

        init(_ service: Teleservice, language: Language) {
            id = service.id
            name = service.name.text(in: language)
            purpose = service.purpose.text(in: language)
            url = service.url.absoluteString
            channels = service.channels.map(\.rawValue)
            authentication = service.authentication.map(\.rawValue)
            anonymity_possible = service.anonymityPossible
            minimum_age = service.minimumAge
            replaced_by = service.replacedBy
        }
    }

    struct ListJSON: Encodable {
        let catalog_version: String
        let department: String?
        let date: String
        let services: [ServiceJSON]
    }

    /// A fact value as JSON gives it: boolean, number or string (`"?"` = « I don't know »).
    enum FactInput: Decodable {
        case bool(Bool), number(Double), text(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let value = try? c.decode(Bool.self) { self = .bool(value); return }
            if let value = try? c.decode(Double.self) { self = .number(value); return }
            if let value = try? c.decode(String.self) { self = .text(value); return }
            throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "a fact is a boolean, a number or a string"))
        }

        var text: String {
            switch self {
            case .bool(let value): return value ? "true" : "false"
            case .number(let value): return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
            case .text(let value): return value
            }
        }
    }

    /// `POST /v1/teleservices/{id}/check`.
    struct CheckBody: Decodable {
        let facts: [String: FactInput]
        let date: String?
        let lang: Language?

        private enum CodingKeys: String, CodingKey, CaseIterable { case facts, date, lang }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            facts = try c.decodeIfPresent([String: FactInput].self, forKey: .facts) ?? [:]
            date = try c.decodeIfPresent(String.self, forKey: .date)
            lang = try c.decodeIfPresent(Language.self, forKey: .lang)
        }
    }

    struct EligibilityJSON: Encodable {
        let service: String
        let verdict: String
        let reasons: [String]
        let missing: [String]
        let alternatives: [String]
    }

    private func today(in departement: DepartementCode?) -> LocalDate {
        LocalDate(services.clock.now(), in: departement?.timeZone ?? TimeZone(identifier: "Europe/Paris") ?? .gmt)
    }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let language = try query.language()
        var departement: DepartementCode?
        if let text = query.string("department") {
            do {
                departement = try DepartementCode(text)
            } catch {
                throw APIProblem(.invalidParameter, "query parameter 'department' must be a département code such as 33, 2A or 974 (got '\(text)')",
                                 field: "department")
            }
        }
        let date = try query.date("date") ?? today(in: departement)
        let catalog = services.teleservices
        let offered = departement.map { catalog.services(availableIn: $0, on: date) }
            ?? catalog.services.filter { $0.isAvailableSomewhere(on: date) }
        return try JSONCoding.response(ListJSON(catalog_version: catalog.version, department: departement?.rawValue,
                                                date: date.description, services: offered.map { ServiceJSON($0, language: language) }))
    }

    @Sendable func check(_ request: Request, context: ServerContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        let catalog = services.teleservices
        guard catalog.service(id: id) != nil else {
            throw APIProblem(.teleserviceNotFound, "no teleservice has the id '\(id)'; valid ids: \(catalog.serviceIDs.joined(separator: ", "))", field: "id")
        }
        let body = try await StrictJSON.decode(CheckBody.self, from: request, limit: services.maxBodyBytes)
        var situation = Situation()
        for (name, value) in body.facts.sorted(by: { $0.key < $1.key }) {
            do {
                situation[name] = try catalog.facts.answer(for: name, text: value.text)
            } catch {
                throw APIProblem(.invalidFact, error.description, field: "facts.\(name)")
            }
        }
        let date: LocalDate
        if let text = body.date {
            do { date = try LocalDate(iso: text) } catch { throw APIProblem(.invalidBody, "field 'date' must be a date YYYY-MM-DD (got '\(text)')", field: "date") }
        } else {
            var departement: DepartementCode?
            if case .departement(let code)? = situation.value(of: TeleserviceCatalog.departmentFact) { departement = code }
            date = today(in: departement)
        }
        let result: Eligibility
        do {
            result = try catalog.evaluate(serviceID: id, situation: situation, on: date)
        } catch {
            throw APIProblem(.invalidFact, error.description, field: "facts")
        }
        let language = body.lang ?? .french
        return try JSONCoding.response(EligibilityJSON(service: result.serviceID, verdict: result.verdict.rawValue,
                                                       reasons: result.reasons(in: language), missing: result.missing,
                                                       alternatives: result.alternatives))
    }
}
