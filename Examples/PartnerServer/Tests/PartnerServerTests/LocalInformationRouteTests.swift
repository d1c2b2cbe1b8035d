import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LocalInformation
import MaSecuriteCore
@testable import PartnerServer
import Testing

/// The server's local-information routes over in-memory stores and a fixed clock.
enum LocalHarness {
    /// 2026-12-06T12:00:00Z: the bundled examples are current.
    static let now = Date(timeIntervalSince1970: 1_796_558_400)
    static let teamToken = "team-token-for-tests-0123456789"
    static let operatorToken = "operator-token-for-tests-0123456789"

    static func configuration(feedbackPerHour: Int = 0, trustForwardedFor: Bool = false, teamTokens: [String] = [teamToken]) -> ServerConfiguration {
        var configuration = TestSupport.configuration
        configuration.teamTokens = teamTokens
        configuration.feedbackRateLimitPerHour = feedbackPerHour
        configuration.trustForwardedFor = trustForwardedFor
        return configuration
    }

    /// Runs `body` with the services (to look into the stores) and a client of the router.
    static func run<T: Sendable>(_ configuration: ServerConfiguration = configuration(), clock: ManualWallClock = ManualWallClock(now),
                                 _ body: @Sendable (ServerServices, any TestClientProtocol) async throws -> T) async throws -> T {
        let (services, _) = try await PartnerServer.makeServices(configuration: configuration, clock: clock, logger: TestSupport.quietLogger)
        let router = try PartnerServer.makeRouter(services: services, configuration: configuration)
        let app = Application(router: router, logger: TestSupport.quietLogger)
        return try await app.test(.router) { client in try await body(services, client) }
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }
}

extension TestClientProtocol {
    /// Any request, returning status, headers and the body as text.
    func text(_ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:], json: Any? = nil)
        async throws -> (HTTPResponse.Status, HTTPFields, String) {
        var all = headers
        var body: ByteBuffer?
        if let json {
            all[.contentType] = "application/json"
            body = try TestSupport.json(json)
        }
        return try await execute(uri: uri, method: method, headers: all, body: body) { response in
            (response.status, response.headers, String(buffer: response.body))
        }
    }

    /// Any request, returning status and the JSON object body.
    func object(_ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:], json: Any? = nil)
        async throws -> (HTTPResponse.Status, [String: Any]) {
        let (status, _, text) = try await self.text(uri, method: method, headers: headers, json: json)
        return (status, try TestSupport.object(ByteBuffer(string: text)))
    }
}

@Suite struct LocalInformationRouteTests {
    func ids(_ body: [String: Any]) -> [String] {
        ((body["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    @Test func theNewsOfAPlaceAreResolvedLikeTheStationSearch() async throws {
        try await LocalHarness.run { services, client in
            let catalog = services.localInformation.catalog
            let expected = catalog.items(for: .commune(try INSEECode("33063")), at: LocalHarness.now).map(\.id)
            let (status, bordeaux) = try await client.object("/v1/local-information?postal_code=33000")
            #expect(status == .ok)
            #expect(bordeaux["territory"] as? String == "commune:33063" && bordeaux["department"] as? String == "33")
            #expect((bordeaux["place"] as? [String: Any])?["name"] as? String == "Bordeaux")
            #expect(bordeaux["examples"] as? Bool == true, "the bundled items are examples and say so")
            #expect(ids(bordeaux) == expected && !expected.isEmpty)
            let feeds = try #require(bordeaux["feeds"] as? [String: String])
            #expect(feeds["atom"] == "/v1/local-information/feed?insee=33063&format=atom")

            let (_, byName) = try await client.object("/v1/local-information?commune=Bordeaux")
            #expect(ids(byName) == expected, "a commune name gives the same items as its postal code")
            let (_, gironde) = try await client.object("/v1/local-information?department=33&lang=en")
            #expect(Set(ids(gironde)) == Set(catalog.items(for: .departement(try DepartementCode("33")), at: LocalHarness.now).map(\.id)))
            #expect(ids(gironde).contains("exemple-marquage-velo-saint-medard"), "a département lists its communes' items")
            let items = try #require(gironde["items"] as? [[String: Any]])
            #expect(items.allSatisfy { ($0["title"] as? String)?.hasPrefix("[Example]") == true }, "lang=en gives the English texts")
            let event = try #require(items.first { $0["id"] as? String == "exemple-marquage-velo-saint-medard" }?["link"] as? [String: Any])
            #expect(event["kind"] as? String == "event" && (event["starts"] as? String)?.hasSuffix("+01:00") == true,
                    "an event's times are in the département's zone")
            let (_, velo) = try await client.object("/v1/local-information?insee=33449&theme=velo")
            #expect(ids(velo) == ["exemple-marquage-velo-saint-medard"])
            let (_, paris) = try await client.object("/v1/local-information?department=75&theme=velo")
            #expect(ids(paris).isEmpty)

            for (uri, field, status) in [("/v1/local-information", "department", HTTPResponse.Status.badRequest),
                                         ("/v1/local-information?department=33&insee=33063", "insee", .badRequest),
                                         ("/v1/local-information?department=20", "department", .badRequest),
                                         ("/v1/local-information?postal_code=3300", "postal_code", .badRequest),
                                         ("/v1/local-information?postal_code=33999", "postal_code", .notFound),
                                         ("/v1/local-information?department=33&theme=chasse", "theme", .badRequest)] {
                let (got, problem) = try await client.object(uri)
                #expect(got == status && problem["field"] as? String == field, "\(uri): \(got) \(problem)")
            }
            let (_, themes) = try await client.object("/v1/local-information/themes?lang=en")
            let labels = try #require(themes["themes"] as? [[String: Any]])
            #expect(labels.compactMap { $0["id"] as? String } == catalog.themes.map(\.id))
            #expect(labels.first { $0["id"] as? String == "velo" }?["label"] as? String == "Bikes and scooters")
        }
    }

    @Test func feedsAreTheSDKsWithConditionalAnswers() async throws {
        try await LocalHarness.run { services, client in
            let sdk = LocalFeed(catalog: services.localInformation.catalog, territory: .departement(try DepartementCode("33")), now: LocalHarness.now)
            let (status, headers, atom) = try await client.text("/v1/local-information/feed?department=33&format=atom")
            #expect(status == .ok && atom == sdk.atom(), "the body is the SDK's Atom feed")
            #expect(headers[.contentType] == "application/atom+xml; charset=utf-8")
            let etag = try #require(headers[.eTag])
            #expect(etag == sdk.etag(.atom))
            let lastModified = try #require(headers[.lastModified])
            let (again, againHeaders, empty) = try await client.text("/v1/local-information/feed?department=33", headers: [.ifNoneMatch: etag])
            #expect(again == .notModified && empty.isEmpty && againHeaders[.eTag] == etag, "atom is the default format; a matching ETag gives 304")
            let (since, _, _) = try await client.text("/v1/local-information/feed?department=33&format=atom", headers: [.ifModifiedSince: lastModified])
            #expect(since == .notModified)
            let (stale, _, body) = try await client.text("/v1/local-information/feed?department=33&format=atom", headers: [.ifNoneMatch: "\"stale\""])
            #expect(stale == .ok && body == atom)
            let (_, jsonHeaders, json) = try await client.text("/v1/local-information/feed?department=33&format=json&theme=velo&lang=en")
            #expect(jsonHeaders[.contentType] == "application/feed+json; charset=utf-8")
            let document = try TestSupport.object(ByteBuffer(string: json))
            #expect(document["version"] as? String == "https://jsonfeed.org/version/1.1")
            #expect((document["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                == ["urn:masecurite:local-information:item:exemple-marquage-velo-saint-medard"])
            let (bad, problem) = try await client.object("/v1/local-information/feed?department=33&format=rss")
            #expect(bad == .badRequest && problem["field"] as? String == "format")
        }
    }

    @Test func aSubscriptionHasAnOpaqueTokenKeptOnlyAsItsDigest() async throws {
        try await LocalHarness.run { services, client in
            let (status, headers, text) = try await client.text("/v1/subscriptions", method: .post,
                                                                json: ["territory": "departement:33", "themes": ["velo", "velo"]])
            #expect(status == .created, "\(text)")
            #expect(headers[.cacheControl] == "no-store")
            let created = try TestSupport.object(ByteBuffer(string: text))
            let token = try #require(created["token"] as? String)
            #expect(token.count == 43 && created["themes"] as? [String] == ["velo"])
            let stored = try await services.localInformation.subscriptions.subscriptions()
            #expect(stored.map(\.digest) == [try SubscriptionToken(token).digest] && !stored.contains { $0.digest == token },
                    "the store keeps the SHA-256 of the token, never the token")
            let feeds = try #require(created["feeds"] as? [String: String])
            #expect(feeds["json"] == "/v1/subscriptions/\(token)/feed?format=json")

            let (feedStatus, feedHeaders, json) = try await client.text("/v1/subscriptions/\(token)/feed?format=json")
            #expect(feedStatus == .ok)
            let items = try #require(try TestSupport.object(ByteBuffer(string: json))["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["id"] as? String } == ["urn:masecurite:local-information:item:exemple-marquage-velo-saint-medard"],
                    "the subscription's feed has its themes only")
            let (notModified, _, _) = try await client.text("/v1/subscriptions/\(token)/feed?format=json",
                                                            headers: [.ifNoneMatch: try #require(feedHeaders[.eTag])])
            #expect(notModified == .notModified)

            let (deleted, _, _) = try await client.text("/v1/subscriptions/\(token)", method: .delete)
            #expect(deleted == .noContent)
            let (gone, problem) = try await client.object("/v1/subscriptions/\(token)/feed")
            #expect(gone == .notFound && problem["type"] as? String == "urn:masecurite:problem:subscription-not-found")
            let (twice, _) = try await client.object("/v1/subscriptions/\(token)", method: .delete)
            #expect(twice == .notFound)
            let (malformed, bad) = try await client.object("/v1/subscriptions/short/feed")
            #expect(malformed == .badRequest && bad["field"] as? String == "token")
        }
    }

    @Test func subscribingRefusesUnknownThemesAndPlacesWithTheirField() async throws {
        try await LocalHarness.run { _, client in
            let cases: [([String: Any], HTTPResponse.Status, String, String)] = [
                (["territory": "33", "themes": ["velo", "chasse"]], .unprocessableContent, "unknown-reference", "themes[1]"),
                (["territory": "33", "themes": (0..<21).map { "t\($0)" }], .unprocessableContent, "limit-exceeded", "themes"),
                (["territory": "commune:33999"], .unprocessableContent, "unknown-reference", "territory"),
                (["territory": "region:75"], .badRequest, "invalid-body", "territory"),
                (["territory": "33", "colour": "blue"], .badRequest, "invalid-body", "colour"),
                (["themes": ["velo"]], .badRequest, "invalid-body", "territory"),
            ]
            for (body, status, type, field) in cases {
                let (got, problem) = try await client.object("/v1/subscriptions", method: .post, json: body)
                #expect(got == status && problem["type"] as? String == "urn:masecurite:problem:\(type)" && problem["field"] as? String == field,
                        "\(body): \(got) \(problem)")
            }
            let (ok, subscription) = try await client.object("/v1/subscriptions", method: .post, json: ["territory": "33063"])
            #expect(ok == .created && subscription["territory"] as? String == "commune:33063" && subscription["themes"] as? [String] == [])
        }
    }
}

/// Two instances on one PostgreSQL database (behind a load balancer without sticky
/// sessions): a subscription made on one is read and cancelled on the other, an avis
/// given on one is answered by the team on the other and read back on the first.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct LocalInformationTwoInstancesTests {
    @Test func subscriptionsAndAvisAreSharedByTheInstances() async throws {
        var configuration = LocalHarness.configuration()
        let url = try #require(TestSupport.postgresURL)
        configuration.postgresURL = url
        configuration.postgresSchema = PostgresFixture.freshSchema()
        let first = try await TestSupport.application(configuration)
        let second = try await TestSupport.application(configuration)
        try await first.test(.live) { one in
            try await second.test(.live) { two in
                let (created, subscription) = try await one.object("/v1/subscriptions", method: .post, json: ["territory": "69123", "themes": ["velo"]])
                #expect(created == .created)
                let token = try #require(subscription["token"] as? String)
                let (feed, _, atom) = try await two.text("/v1/subscriptions/\(token)/feed")
                #expect(feed == .ok && atom.contains("exemple-trottinettes-lyon"), "the other instance serves the subscription's feed")
                let (cancelled, _, _) = try await two.text("/v1/subscriptions/\(token)", method: .delete)
                #expect(cancelled == .noContent)
                let (gone, _) = try await one.object("/v1/subscriptions/\(token)/feed")
                #expect(gone == .notFound)

                let (given, receipt) = try await one.object("/v1/feedback", method: .post,
                                                            json: ["about": "fiche:otv", "useful": false, "comment": "mon numéro : 06 12 34 56 78"])
                #expect(given == .created)
                let reference = try #require(receipt["reference"] as? String)
                let team = LocalHarness.bearer(LocalHarness.teamToken)
                let (_, listed) = try await two.object("/v1/team/feedback", headers: team)
                #expect((listed["cases"] as? [[String: Any]])?.first?["comment"] as? String == "mon numéro : [téléphone]")
                let (answered, _) = try await two.object("/v1/team/feedback/\(reference)/answer", method: .post, headers: team, json: ["text": "Merci."])
                #expect(answered == .ok)
                let (_, view) = try await one.object("/v1/feedback/\(reference)")
                #expect(view["status"] as? String == "answered" && view["answer"] as? String == "Merci.")
                let (twice, _) = try await one.object("/v1/team/feedback/\(reference)/answer", method: .post, headers: team, json: ["text": "Encore."])
                #expect(twice == .conflict, "answered once, whichever instance the team uses")
            }
        }
    }
}

/// What a deployment configures: the team's tokens file, its own local-information
/// file, and with `--sqlite-path` a local-information file beside the bookings'.
@Suite struct LocalInformationConfigurationTests {
    @Test func theTeamTokensFileIsCheckedLineByLine() throws {
        let tokens = try TeamTokensFile.parse("# the avis team\n\nteam-token-alpha-0123456789\n  team-token-beta-0123456789  \n", path: "team.txt")
        #expect(tokens == ["team-token-alpha-0123456789", "team-token-beta-0123456789"])
        #expect(throws: TeamTokensFileError(path: "team.txt", line: 2, reason: "a token is 16 or more printable ASCII characters without spaces")) {
            _ = try TeamTokensFile.parse("team-token-alpha-0123456789\nshort\n", path: "team.txt")
        }
        #expect(throws: TeamTokensFileError(path: "team.txt", line: 2, reason: "this token is given twice")) {
            _ = try TeamTokensFile.parse("team-token-alpha-0123456789\nteam-token-alpha-0123456789\n", path: "team.txt")
        }
        #expect(throws: TeamTokensFileError(path: "team.txt", line: nil, reason: "the file holds no token")) {
            _ = try TeamTokensFile.parse("# nobody yet\n", path: "team.txt")
        }
        let error = TeamTokensFileError(path: "team.txt", line: 2, reason: "this token is given twice")
        #expect(error.description == "team tokens file team.txt, line 2: this token is given twice")
        #expect(throws: TeamTokensFileError.self) { _ = try TeamTokensFile.load(path: "/nonexistent/team.txt") }
    }

    @Test func aDeploymentsFileIsServedAndABadOneRefusedWithItsPlaces() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("local-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file: [String: Any] = [
            "schema_version": 1, "version": "deployment-1",
            "themes": [["id": "velo", "label": ["fr": "Vélos", "en": "Bikes"]]],
            "items": [["id": "marquage-pessac", "themes": ["velo"], "communes": ["33318"],
                       "valid_from": "2026-12-01T00:00:00+01:00", "valid_until": "2027-01-01T00:00:00+01:00", "updated": "2026-12-01T09:00:00+01:00",
                       "title": ["fr": "Marquage de vélos", "en": "Bike marking"], "summary": ["fr": "Venez avec votre vélo.", "en": "Bring your bike."],
                       "link": ["fiche": "otv"]]],
        ]
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: path))
        var configuration = LocalHarness.configuration()
        configuration.localInformationPath = path
        try await LocalHarness.run(configuration) { _, client in
            let (_, body) = try await client.object("/v1/local-information?insee=33318")
            #expect(body["examples"] as? Bool == false && body["version"] as? String == "deployment-1")
            #expect((body["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["marquage-pessac"])
        }
        var broken = file
        broken["items"] = [["id": "sans-anglais", "themes": ["velo"], "departements": ["33"],
                            "valid_from": "2026-12-01T00:00:00+01:00", "valid_until": "2027-01-01T00:00:00+01:00", "updated": "2026-12-01T09:00:00+01:00",
                            "title": ["fr": "Titre"], "summary": ["fr": "Résumé", "en": "Summary"], "link": ["fiche": "otv"]]]
        try JSONSerialization.data(withJSONObject: broken).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: LocalInformationFileError.self) { _ = try configuration.localInformationCatalog() }
        #expect(error.description.contains(path) && error.description.contains("items[0].title.en"), "\(error)")
    }

    @Test func withSQLiteTheAvisLiveInAFileBesideTheBookings() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bookings = directory.appendingPathComponent("bookings.sqlite").path
        #expect(ServerConfiguration.localInformationSQLitePath(besides: bookings) == directory.appendingPathComponent("bookings-local-information.sqlite").path)
        var configuration = LocalHarness.configuration()
        configuration.sqlitePath = bookings
        let reference = try await LocalHarness.run(configuration) { services, client -> String in
            #expect(services.localInformation.storageName == "sqlite")
            let (_, receipt) = try await client.object("/v1/feedback", method: .post, json: ["about": "fiche:otv", "useful": false, "comment": "à revoir"])
            return try #require(receipt["reference"] as? String)
        }
        try await LocalHarness.run(configuration) { _, client in
            let (status, view) = try await client.object("/v1/feedback/\(reference)")
            #expect(status == .ok && view["status"] as? String == "received", "the case survives a restart")
        }
    }
}
