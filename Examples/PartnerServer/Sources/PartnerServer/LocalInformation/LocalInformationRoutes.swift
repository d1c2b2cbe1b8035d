import Foundation
import HTTPTypes
import Hummingbird
import LocalInformation
import MaSecuriteCore
import StationDirectory

/// `/v1/local-information`: the local news of a place (département, commune, postal
/// code or commune name, resolved like the station search), its themes and its feeds;
/// `/v1/subscriptions`: anonymous subscriptions, whose token is shown once and kept
/// only as a SHA-256 digest, with their own feed.
///
/// A subscription token appears in paths but never in logs (the access log writes
/// the route template).
struct LocalInformationRoutes {
    let services: ServerServices
    var local: LocalInformationServices { services.localInformation }

    func register(on router: RouterGroup<ServerContext>) {
        router.get("local-information", use: list)
        router.get("local-information/themes", use: themes)
        router.get("local-information/feed", use: feed)
        router.post("subscriptions", use: subscribe)
        router.get("subscriptions/{token}/feed", use: subscriptionFeed)
        router.delete("subscriptions/{token}", use: unsubscribe)
    }

    // MARK: Responses

    struct LinkJSON: Encodable {
        let kind: String
        let id: String?
        let url: String?
        let place: String?
        let address: String?
        let starts: String?
        let ends: String?
    }

    struct ItemJSON: Encodable {
        let id: String
        let themes: [String]
        let title: String
        let summary: String
        let valid_from: String
        let valid_until: String
        let updated: String
        let link: LinkJSON
    }

    struct FeedsJSON: Encodable {
        let atom: String
        let json: String
    }

    struct ListJSON: Encodable {
        let territory: String
        let department: String
        let place: PlaceJSON?
        let examples: Bool
        let version: String
        let items: [ItemJSON]
        let feeds: FeedsJSON
    }

    struct ThemeJSON: Encodable {
        let id: String
        let label: String
    }

    struct ThemesJSON: Encodable {
        let themes: [ThemeJSON]
    }

    struct SubscriptionJSON: Encodable {
        let token: String
        let territory: String
        let themes: [String]
        let created: String
        let feeds: FeedsJSON
        let note: String
    }

    /// `POST /v1/subscriptions`.
    struct SubscribeBody: Decodable {
        let territory: String
        let themes: [String]?

        private enum CodingKeys: String, CodingKey, CaseIterable { case territory, themes }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            territory = try c.decode(String.self, forKey: .territory)
            themes = try c.decodeIfPresent([String].self, forKey: .themes)
        }
    }

    // MARK: Places

    /// A territory read from the query: `department`, `insee`, `postal_code` or `commune` (a name),
    /// resolved by the directory like `/v1/stations/near`, with the query that names it again.
    struct ResolvedTerritory {
        let territory: LocalTerritory
        let place: PlaceJSON?
        /// `department=33` or `insee=33063`.
        let query: String
    }

    func territory(_ query: QueryReader) throws -> ResolvedTerritory {
        let given = ["department", "insee", "postal_code", "commune"].filter { query.string($0) != nil }
        guard given.count == 1, let field = given.first, let text = query.string(field) else {
            throw APIProblem(.invalidParameter, given.isEmpty ? "give the place: 'department', 'insee', 'postal_code' or 'commune'"
                                                              : "give one place parameter, not \(given.joined(separator: " and "))",
                             field: given.dropFirst().first ?? "department")
        }
        if field == "department" {
            do {
                let code = try DepartementCode(text)
                return ResolvedTerritory(territory: .departement(code), place: nil, query: "department=\(code.rawValue)")
            } catch {
                throw APIProblem(.invalidParameter, "query parameter 'department' must be a département code such as 33, 2A or 972 (got '\(Echo.truncated(text))')",
                                 field: field)
            }
        }
        let place: Place
        switch field {
        case "insee":
            do { place = .insee(try INSEECode(text)) } catch {
                throw APIProblem(.invalidParameter, "query parameter 'insee' must be an INSEE commune code of 5 characters (got '\(Echo.truncated(text))')",
                                 field: field)
            }
        case "postal_code":
            do { place = .postalCode(try PostalCode(text)) } catch {
                throw APIProblem(.invalidParameter, "query parameter 'postal_code' must be a French postal code of 5 digits (got '\(Echo.truncated(text))')",
                                 field: field)
            }
        default:
            place = .communeName(text)
        }
        // The directory's resolver, shared with the station search, the guichet and the command line.
        let resolved: ResolvedPlace
        do throws(PlaceError) {
            resolved = try services.stations.resolve(place)
        } catch {
            switch error {
            case .invalid: throw APIProblem(.invalidParameter, error.description, field: field)
            case .communesUnavailable: throw APIProblem(.internalError, error.description)
            default: throw APIProblem(.placeNotFound, error.description, field: field)
            }
        }
        guard let insee = resolved.insee.flatMap({ try? INSEECode($0) }) else {
            return ResolvedTerritory(territory: .departement(resolved.departement), place: nil, query: "department=\(resolved.departement.rawValue)")
        }
        let commune = try services.stations.communeGazetteer().commune(insee: insee)
        return ResolvedTerritory(territory: .commune(insee), place: commune.map(PlaceJSON.init), query: "insee=\(insee.rawValue)")
    }

    /// The `theme` parameters (repeatable), each a theme of the catalog.
    func themes(_ request: Request) throws -> [String] {
        let themes = request.uri.queryParameters[values: "theme"].map(String.init)
        for theme in themes where local.catalog.theme(theme) == nil {
            throw APIProblem(.invalidParameter, "'\(Echo.truncated(theme))' is not a theme; themes: \(local.catalog.themes.map(\.id).joined(separator: ", "))",
                             field: "theme")
        }
        return themes
    }

    static func format(_ query: QueryReader) throws -> FeedFormat {
        let text = query.string("format") ?? "atom"
        guard let format = FeedFormat(rawValue: text) else {
            throw APIProblem(.invalidParameter, "query parameter 'format' must be 'atom' or 'json' (got '\(Echo.truncated(text))')", field: "format")
        }
        return format
    }

    func item(_ item: LocalInformationItem, in territory: LocalTerritory, language: Language) -> ItemJSON {
        let zone = territory.departement.timeZone
        let link: LinkJSON
        switch item.link {
        case .fiche(let id):
            link = LinkJSON(kind: "fiche", id: id, url: nil, place: nil, address: nil, starts: nil, ends: nil)
        case .teleservice(let id):
            let url = services.teleservices.services.first { $0.id == id }?.url.absoluteString
            link = LinkJSON(kind: "teleservice", id: id, url: url, place: nil, address: nil, starts: nil, ends: nil)
        case .event(let event):
            link = LinkJSON(kind: "event", id: nil, url: nil, place: event.place.text(in: language), address: event.address,
                            starts: RFC3339.format(event.starts, in: zone), ends: RFC3339.format(event.ends, in: zone))
        }
        return ItemJSON(id: item.id, themes: item.themes, title: item.title.text(in: language), summary: item.summary.text(in: language),
                        valid_from: RFC3339.format(item.window.start, in: zone), valid_until: RFC3339.format(item.window.end, in: zone),
                        updated: RFC3339.format(item.updated, in: zone), link: link)
    }

    static func feeds(_ base: String, themes: [String], language: Language) -> FeedsJSON {
        var extra = themes.map { "&theme=\($0)" }.joined()
        if language == .english { extra += "&lang=en" }
        let separator = base.contains("?") ? "&" : "?"
        return FeedsJSON(atom: base + separator + "format=atom" + extra, json: base + separator + "format=json" + extra)
    }

    /// A feed answer: 200 with the body, or 304 without one, with `ETag`, `Last-Modified` and `Cache-Control`.
    static func response(_ feed: LocalFeed, format: FeedFormat, request: Request, extraHeaders: HTTPFields = [:]) -> Response {
        let conditional = ConditionalRequest(ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince])
        let answer = feed.response(format, request: conditional)
        var headers = extraHeaders
        for (key, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(key) { headers[name] = value }
        }
        let status: HTTPResponse.Status = answer.status == 304 ? .notModified : .ok
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }

    // MARK: Handlers

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let language = try query.language()
        let place = try territory(query)
        let themes = try themes(request)
        let items = local.catalog.items(for: place.territory, themes: Set(themes), at: services.clock.now())
        return try JSONCoding.response(ListJSON(
            territory: place.territory.description, department: place.territory.departement.rawValue, place: place.place,
            examples: local.catalog.examples, version: local.catalog.version,
            items: items.map { item($0, in: place.territory, language: language) },
            feeds: Self.feeds("/v1/local-information/feed?" + place.query, themes: themes, language: language)))
    }

    @Sendable func themes(_ request: Request, context: ServerContext) async throws -> Response {
        let language = try QueryReader(request: request, context: context).language()
        return try JSONCoding.response(ThemesJSON(themes: local.catalog.themes.map { ThemeJSON(id: $0.id, label: $0.label.text(in: language)) }))
    }

    @Sendable func feed(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let language = try query.language()
        let format = try Self.format(query)
        let place = try territory(query)
        let feed = LocalFeed(catalog: local.catalog, territory: place.territory, themes: try themes(request), now: services.clock.now(),
                             options: FeedOptions(language: language))
        return Self.response(feed, format: format, request: request)
    }

    @Sendable func subscribe(_ request: Request, context: ServerContext) async throws -> Response {
        let body = try await StrictJSON.decode(SubscribeBody.self, from: request, limit: services.maxBodyBytes)
        let territory: LocalTerritory
        do { territory = try LocalTerritory(body.territory) } catch {
            throw APIProblem(.invalidBody, "field 'territory' must be departement:CODE, commune:INSEE, a département code or an INSEE code (\(error.description))",
                             field: "territory")
        }
        if case .commune(let code) = territory, try services.stations.communeGazetteer().commune(insee: code) == nil {
            throw APIProblem(.unknownReference, "no commune has the INSEE code \(code.rawValue)", field: "territory")
        }
        let themes = body.themes ?? []
        let now = services.clock.now()
        let token: SubscriptionToken
        do {
            token = try await local.subscribing.subscribe(territory: territory, themes: themes, now: now)
        } catch let error as LocalInformationError {
            throw LocalInformationProblems.problem(error)
        } catch {
            throw APIProblem(.storageUnavailable, "the subscription could not be stored; try again")
        }
        let sorted = Array(Set(themes)).sorted()
        let base = "/v1/subscriptions/\(token.rawValue)/feed"
        let json = SubscriptionJSON(
            token: token.rawValue, territory: territory.description, themes: sorted, created: RFC3339.format(now),
            feeds: Self.feeds(base, themes: [], language: .french),
            note: "Keep this token: it is the only key to the subscription, shown once; the service keeps only its SHA-256.")
        return try JSONCoding.response(json, status: .created, headers: [.cacheControl: "no-store"])
    }

    func subscription(_ context: ServerContext) async throws -> (SubscriptionToken, FeedSubscription) {
        let text = context.parameters.get("token") ?? ""
        let token: SubscriptionToken
        do { token = try SubscriptionToken(text) } catch {
            throw APIProblem(.invalidParameter, "this is not a subscription token (43 characters of A–Z, a–z, 0–9, - and _)", field: "token")
        }
        let found: FeedSubscription?
        do { found = try await local.subscribing.subscription(token) } catch {
            throw APIProblem(.storageUnavailable, "the subscriptions could not be read; try again")
        }
        guard let found else { throw APIProblem(.subscriptionNotFound, "no subscription has this token (it may have been cancelled)", field: "token") }
        return (token, found)
    }

    @Sendable func subscriptionFeed(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let language = try query.language()
        let format = try Self.format(query)
        let (_, subscription) = try await subscription(context)
        let feed = LocalFeed(catalog: local.catalog, subscription: subscription, now: services.clock.now(), options: FeedOptions(language: language))
        return Self.response(feed, format: format, request: request)
    }

    @Sendable func unsubscribe(_ request: Request, context: ServerContext) async throws -> Response {
        let (token, _) = try await subscription(context)
        do { try await local.subscribing.unsubscribe(token) } catch {
            throw APIProblem(.storageUnavailable, "the subscription could not be cancelled; try again")
        }
        return Response(status: .noContent)
    }
}

/// The problems of the SDK's local-information refusals.
enum LocalInformationProblems {
    /// `unknown-reference` and `limit-exceeded` (422) or `invalid-body` (400), naming the field.
    static func problem(_ error: LocalInformationError, field rename: [String: String] = [:]) -> APIProblem {
        let path = error.path
        let field = rename[path] ?? path
        switch error {
        case .unknownReference: return APIProblem(.unknownReference, error.description, field: field)
        case .tooLong, .tooMany: return APIProblem(.limitExceeded, error.description.replacingOccurrences(of: path, with: field), field: field)
        default: return APIProblem(.invalidBody, error.description, field: field)
        }
    }
}
