import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LocalInformation
import Logging
import MaSecuriteCore
@testable import PartnerServer
import Testing

/// « Je donne mon avis » over HTTP: the receipt, masking before storage, located
/// refusals, the citizen's answer, the team's routes behind their token, the
/// per-client limit of submissions, usage recorded by the orientation routes,
/// the report with small counts withheld, and the retention purge.
@Suite struct FeedbackRouteTests {
    static let comment = "Je m'appelle Claire Martin, 06 12 34 56 78, claire.martin@example.org : le lien de la fiche ne marche pas"

    @Test func aVoteIsCountedAndACommentBecomesAMaskedCaseWithAReference() async throws {
        try await LocalHarness.run { services, client in
            let (voted, vote) = try await client.object("/v1/feedback", method: .post, json: ["about": "fiche:otv", "useful": true])
            #expect(voted == .created)
            #expect(vote["reference"] is NSNull && vote["due"] is NSNull && vote["answer_url"] is NSNull && vote["masked"] as? Bool == false,
                    "a vote without comment gives no reference: \(vote)")
            let (status, headers, text) = try await client.text("/v1/feedback", method: .post,
                                                                json: ["about": "fiche:otv", "useful": false, "comment": Self.comment])
            #expect(status == .created && headers[.cacheControl] == "no-store", "\(text)")
            let receipt = try TestSupport.object(ByteBuffer(string: text))
            let reference = try #require(receipt["reference"] as? String)
            #expect(receipt["masked"] as? Bool == true)
            #expect(receipt["due"] as? String == "2026-12-10T12:00:00Z", "four days (96 h) after receipt")
            #expect(receipt["answer_url"] as? String == "/v1/feedback/\(reference)")

            let stored = try #require(try await services.localInformation.cases.cases(status: nil).first)
            #expect(stored.comment == "Je m'appelle [nom], [téléphone], [e-mail] : le lien de la fiche ne marche pas",
                    "phone, e-mail and name are masked before storage")
            let counts = try await services.localInformation.usage.counts()
            let otv = try ContentReference("fiche:otv")
            #expect(Set(counts) == [UsageCount(about: otv, outcome: .useful, count: 1), UsageCount(about: otv, outcome: .notUseful, count: 1)],
                    "both votes are usage events of channel server")

            let (read, view) = try await client.object("/v1/feedback/\(reference.lowercased())")
            #expect(read == .ok && view["status"] as? String == "received" && view["answer"] is NSNull && view["comment"] == nil,
                    "the citizen reads where it stands (never the comment back): \(view)")
        }
    }

    @Test func refusalsNameTheirFieldWithStableTypes() async throws {
        try await LocalHarness.run { services, client in
            let long = String(repeating: "é", count: FeedbackDesk.commentLimit + 1)
            let cases: [([String: Any], HTTPResponse.Status, String, String)] = [
                (["about": "fiche:nope", "useful": true], .unprocessableContent, "unknown-reference", "about"),
                (["about": "leaf:nope", "useful": true, "comment": "x"], .unprocessableContent, "unknown-reference", "about"),
                (["about": "fiche:otv", "useful": false, "comment": long], .unprocessableContent, "limit-exceeded", "comment"),
                (["about": "page:otv", "useful": true], .badRequest, "invalid-body", "about"),
                (["about": "fiche:otv"], .badRequest, "invalid-body", "useful"),
                (["about": "fiche:otv", "useful": "yes"], .badRequest, "invalid-body", "useful"),
                (["about": "fiche:otv", "useful": true, "name": "Claire"], .badRequest, "invalid-body", "name"),
            ]
            for (body, status, type, field) in cases {
                let (got, problem) = try await client.object("/v1/feedback", method: .post, json: body)
                #expect(got == status && problem["type"] as? String == "urn:masecurite:problem:\(type)" && problem["field"] as? String == field,
                        "\(body.keys.sorted()): \(got) \(problem)")
            }
            #expect(try await services.localInformation.cases.cases(status: nil).isEmpty, "nothing refused was stored")
            #expect(try await services.localInformation.usage.counts().isEmpty, "no vote of a refused avis was counted")
            let (malformed, bad) = try await client.object("/v1/feedback/nonsense")
            #expect(malformed == .badRequest && bad["field"] as? String == "reference")
            let (unknown, missing) = try await client.object("/v1/feedback/A-2222-2222-2222-2222-2222")
            #expect(unknown == .notFound && missing["type"] as? String == "urn:masecurite:problem:feedback-not-found")
        }
    }

    @Test func theTeamRoutesTakeTheTeamsTokenOnly() async throws {
        var configuration = LocalHarness.configuration()
        configuration.operators = [OperatorAccount(id: "op-1", displayName: "Agent 0001", token: LocalHarness.operatorToken)]
        try await LocalHarness.run(configuration) { _, client in
            let (none, headers, _) = try await client.text("/v1/team/feedback/overdue")
            #expect(none == .unauthorized && headers[.wwwAuthenticate] == "Bearer realm=\"masecurite-team\"")
            let (wrong, problem) = try await client.object("/v1/team/feedback", headers: LocalHarness.bearer("not-the-team-token-at-all"))
            #expect(wrong == .unauthorized && problem["type"] as? String == "urn:masecurite:problem:unauthorized")
            let (basic, _) = try await client.object("/v1/team/stats/fiches", headers: [.authorization: "Basic \(LocalHarness.teamToken)"])
            #expect(basic == .unauthorized)
            let (operatorToken, forbidden) = try await client.object("/v1/team/feedback", headers: LocalHarness.bearer(LocalHarness.operatorToken))
            #expect(operatorToken == .forbidden && forbidden["type"] as? String == "urn:masecurite:problem:forbidden")
            let (team, _) = try await client.object("/v1/team/feedback", headers: LocalHarness.bearer(LocalHarness.teamToken))
            #expect(team == .ok)
        }
        try await LocalHarness.run(LocalHarness.configuration(teamTokens: [])) { _, client in
            let (off, problem) = try await client.object("/v1/team/feedback/overdue", headers: LocalHarness.bearer(LocalHarness.teamToken))
            #expect(off == .forbidden && (problem["detail"] as? String)?.contains("--team-token-file") == true,
                    "without a team configured nobody gets in")
        }
    }

    @Test func theTeamSeesOverdueCasesAnswersThemAndTheCitizenReadsTheAnswer() async throws {
        let clock = ManualWallClock(LocalHarness.now)
        try await LocalHarness.run(clock: clock) { _, client in
            let team = LocalHarness.bearer(LocalHarness.teamToken)
            let (_, receipt) = try await client.object("/v1/feedback", method: .post,
                                                       json: ["about": "leaf:a-veh-velo", "useful": false, "comment": Self.comment])
            let reference = try #require(receipt["reference"] as? String)
            let (_, listed) = try await client.object("/v1/team/feedback?status=received", headers: team)
            let cases = try #require(listed["cases"] as? [[String: Any]])
            #expect(cases.count == 1 && (cases.first?["comment"] as? String)?.contains("[téléphone]") == true && cases.first?["overdue"] as? Bool == false)
            let (_, none) = try await client.object("/v1/team/feedback/overdue", headers: team)
            #expect((none["cases"] as? [Any])?.isEmpty == true)
            clock.advance(by: FeedbackCase.answerDelay + 1)
            let (_, overdue) = try await client.object("/v1/team/feedback/overdue", headers: team)
            let late = try #require(overdue["cases"] as? [[String: Any]])
            #expect(late.compactMap { $0["reference"] as? String } == [reference] && late.first?["overdue"] as? Bool == true)

            let (empty, blank) = try await client.object("/v1/team/feedback/\(reference)/answer", method: .post, headers: team, json: ["text": "  "])
            #expect(empty == .badRequest && blank["field"] as? String == "text")
            let (long, tooLong) = try await client.object("/v1/team/feedback/\(reference)/answer", method: .post, headers: team,
                                                          json: ["text": String(repeating: "a", count: FeedbackDesk.answerLimit + 1)])
            #expect(long == .unprocessableContent && tooLong["type"] as? String == "urn:masecurite:problem:limit-exceeded" && tooLong["field"] as? String == "text")
            let (answered, updated) = try await client.object("/v1/team/feedback/\(reference)/answer", method: .post, headers: team,
                                                              json: ["text": "Merci : le lien est corrigé. Appelez le 06 99 88 77 66 si besoin."])
            #expect(answered == .ok && updated["status"] as? String == "answered")
            let (_, view) = try await client.object("/v1/feedback/\(reference)")
            #expect(view["status"] as? String == "answered" && view["answer"] as? String == "Merci : le lien est corrigé. Appelez le [téléphone] si besoin.",
                    "the citizen reads the answer, masked like comments")
            let (twice, conflict) = try await client.object("/v1/team/feedback/\(reference)/answer", method: .post, headers: team, json: ["text": "encore"])
            #expect(twice == .conflict && conflict["type"] as? String == "urn:masecurite:problem:invalid-transition")
            let (closed, done) = try await client.object("/v1/team/feedback/\(reference)/close", method: .post, headers: team)
            #expect(closed == .ok && done["status"] as? String == "closed" && done["closed"] as? String != nil)
            let (again, _) = try await client.object("/v1/team/feedback/\(reference)/close", method: .post, headers: team)
            #expect(again == .conflict)
            let (unknown, _) = try await client.object("/v1/team/feedback/A-2222-2222-2222-2222-2222/close", method: .post, headers: team)
            #expect(unknown == .notFound)
            let (badStatus, _) = try await client.object("/v1/team/feedback?status=open", headers: team)
            #expect(badStatus == .badRequest)
        }
    }

    @Test func avisSubmissionsAreLimitedPerClient() async throws {
        try await LocalHarness.run(LocalHarness.configuration(feedbackPerHour: 3, trustForwardedFor: true)) { _, client in
            let first: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.7"]
            let second: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.9"]
            var reference: String?
            for _ in 0..<3 {
                let (status, receipt) = try await client.object("/v1/feedback", method: .post, headers: first,
                                                                json: ["about": "fiche:otv", "useful": false, "comment": "à revoir"])
                #expect(status == .created)
                reference = receipt["reference"] as? String
            }
            let (status, headers, text) = try await client.text("/v1/feedback", method: .post, headers: first, json: ["about": "fiche:otv", "useful": true])
            #expect(status == .tooManyRequests, "\(text)")
            let retry = Int(headers[.retryAfter] ?? "") ?? 0
            #expect((1_100...1_200).contains(retry), "one more avis an hour / 3 later: Retry-After \(retry)")
            #expect(text.contains("too many avis"))
            let (other, _) = try await client.object("/v1/feedback", method: .post, headers: second, json: ["about": "fiche:otv", "useful": true])
            #expect(other == .created, "another client is not held back")
            let (read, _) = try await client.object("/v1/feedback/\(try #require(reference))", headers: first)
            #expect(read == .ok, "reading an answer is not an avis: not limited by it")
            let (orientation, _) = try await client.object("/v1/local-information?department=33", headers: first)
            #expect(orientation == .ok, "the other routes keep the general limit only")
        }
    }

    /// Steps from the journey `victime` taking the first choice each time, until a leaf.
    static func walkToALeaf(_ client: any TestClientProtocol) async throws -> String {
        var (_, state) = try await client.object("/v1/orientation/step", method: .post, json: ["action": "start", "journey": "victime"])
        for _ in 0..<12 {
            if let leaf = (state["leaf"] as? [String: Any])?["id"] as? String { return leaf }
            let token = try #require(state["token"] as? String)
            (_, state) = try await client.object("/v1/orientation/step", method: .post, json: ["token": token, "action": "choose", "choice": 0])
        }
        throw WalkError.noLeaf
    }

    enum WalkError: Error { case noLeaf }

    @Test func theOrientationRoutesRecordUsageAndTheTeamGetsTheReportWithSmallCountsWithheld() async throws {
        try await LocalHarness.run { services, client in
            var leaf = ""
            for _ in 0..<12 { leaf = try await Self.walkToALeaf(client) }
            for _ in 0..<3 { _ = try await client.object("/v1/fiches/otv") }
            let (_, state) = try await client.object("/v1/orientation/step", method: .post, json: ["action": "start", "journey": "victime"])
            _ = try await client.object("/v1/orientation?token=\(try #require(state["token"] as? String))")
            let counts = try await services.localInformation.usage.counts()
            #expect(counts.contains(UsageCount(about: try ContentReference(kind: .leaf, id: leaf), outcome: .shown, count: 12)),
                    "each step reaching the leaf is one shown: \(counts)")
            #expect(counts.contains(UsageCount(about: try ContentReference("fiche:otv"), outcome: .shown, count: 3)))
            #expect(counts.reduce(0) { $0 + $1.count } == 15, "re-reading a state or starting a journey records nothing")

            let team = LocalHarness.bearer(LocalHarness.teamToken)
            let (status, headers, json) = try await client.text("/v1/team/stats/fiches", headers: team)
            #expect(status == .ok && headers[.contentType] == "application/json; charset=utf-8")
            let report = try TestSupport.object(ByteBuffer(string: json))
            #expect(report["threshold"] as? Int == 10)
            let rows = try #require(report["rows"] as? [[String: Any]])
            let leafRow = try #require(rows.first { $0["id"] as? String == leaf })
            #expect((leafRow["counts"] as? [String: Any])?["shown"] as? Int == 12)
            let ficheRow = try #require(rows.first { $0["id"] as? String == "otv" })
            #expect((ficheRow["counts"] as? [String: Any])?["shown"] is NSNull, "3 < 10: withheld, so nobody can be singled out")
            let (_, csvHeaders, csv) = try await client.text("/v1/team/stats/fiches?format=csv", headers: team)
            #expect(csvHeaders[.contentType]?.hasPrefix("text/csv") == true && csv.hasPrefix("kind,id,shown,") && csv.contains("fiche,otv,,"))
            let (_, svgHeaders, svg) = try await client.text("/v1/team/stats/fiches?format=svg", headers: team)
            #expect(svgHeaders[.contentType]?.hasPrefix("image/svg+xml") == true && svg.contains("<title id=\"chart-title\">"))
            let (_, _, strict) = try await client.text("/v1/team/stats/fiches?threshold=20", headers: team)
            let strictReport = try TestSupport.object(ByteBuffer(string: strict))
            let strictLeaf = (strictReport["rows"] as? [[String: Any]])?.first { $0["id"] as? String == leaf }
            #expect(strictReport["threshold"] as? Int == 20 && (strictLeaf?["counts"] as? [String: Any])?["shown"] is NSNull, "a higher k withholds more")
            let (low, _) = try await client.object("/v1/team/stats/fiches?threshold=5", headers: team)
            #expect(low == .badRequest, "k below 10 is refused")
            let (later, empty) = try await client.object("/v1/team/stats/fiches?from=2027-01-01T00:00:00Z", headers: team)
            #expect(later == .ok && (empty["rows"] as? [Any])?.isEmpty == true, "no event from 2027: \(empty)")
        }
    }

    @Test func theRetentionPurgesOldUsageEventsAndOldClosedCasesOnly() async throws {
        var configuration = LocalHarness.configuration()
        configuration.retention = try LocalInformationRetention(usageEventDays: 30, closedCaseDays: 7)
        try await LocalHarness.run(configuration) { services, _ in
            let local = services.localInformation
            let about = try ContentReference("fiche:otv")
            let day: TimeInterval = 86_400
            try await local.usage.record([UsageEvent(about: about, outcome: .shown, at: LocalHarness.now - 31 * day, channel: .server),
                                          UsageEvent(about: about, outcome: .shown, at: LocalHarness.now - 29 * day, channel: .server)])
            let old = FeedbackCase(reference: .random(), about: about, useful: false, comment: "ancien", received: LocalHarness.now - 20 * day)
            let waiting = FeedbackCase(reference: .random(), about: about, useful: false, comment: "en attente", received: LocalHarness.now - 60 * day)
            try await local.cases.add(old)
            try await local.cases.add(waiting)
            _ = try await local.cases.close(old.reference, at: LocalHarness.now - 8 * day)
            let service = LocalInformationRetentionService(services: local, intervalSeconds: 3_600, logger: TestSupport.quietLogger)
            let report = try #require(await service.purgeOnce())
            #expect(report == RetentionReport(usageEventsDeleted: 1, closedCasesDeleted: 1))
            #expect(try await local.cases.cases(status: nil).map(\.reference) == [waiting.reference], "a case still waiting is kept")
            #expect(try await local.usage.counts() == [UsageCount(about: about, outcome: .shown, count: 1)])
            #expect(await service.purgeOnce() == RetentionReport())
        }
    }

    @Test func tokensReferencesAndCommentsNeverReachTheLogs() async throws {
        let capture = LogCapture()
        var logger = Logger(label: "privacy") { _ in CapturingLogHandler(capture: capture) }
        logger.logLevel = .trace
        let configuration = LocalHarness.configuration()
        let (services, _) = try await PartnerServer.makeServices(configuration: configuration, clock: ManualWallClock(LocalHarness.now), logger: logger)
        let app = Application(router: try PartnerServer.makeRouter(services: services, configuration: configuration), logger: logger)
        let secrets = try await app.test(.router) { client -> [String] in
            let (_, subscription) = try await client.object("/v1/subscriptions", method: .post, json: ["territory": "33"])
            let token = try #require(subscription["token"] as? String)
            _ = try await client.text("/v1/subscriptions/\(token)/feed")
            let (_, receipt) = try await client.object("/v1/feedback", method: .post,
                                                       json: ["about": "fiche:otv", "useful": false, "comment": "Zorglub a écrit ceci"])
            let reference = try #require(receipt["reference"] as? String)
            _ = try await client.object("/v1/feedback/\(reference)")
            _ = try await client.object("/v1/team/feedback/\(reference)/answer", method: .post,
                                        headers: LocalHarness.bearer(LocalHarness.teamToken), json: ["text": "Réponse Bidulon"])
            return [token, reference, reference.replacingOccurrences(of: "-", with: ""), "Zorglub", "Bidulon", LocalHarness.teamToken]
        }
        let lines = capture.all
        #expect(lines.contains { $0.contains("http.route=/v1/feedback/{reference}") }, "the access log names the route template")
        for secret in secrets {
            #expect(!lines.contains { $0.contains(secret) }, "a secret or a text appears in the logs")
        }
    }
}
