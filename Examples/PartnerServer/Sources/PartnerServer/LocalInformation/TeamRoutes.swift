import Foundation
import HTTPTypes
import Hummingbird
import LocalInformation
import MaSecuriteCore

/// Lets only the avis team through: `Authorization: Bearer <token>` with a token of
/// ``ServerConfiguration/teamTokens``. No or an unknown token → 401 `unauthorized`
/// (with `WWW-Authenticate`); a chat operator's token, or no team configured at
/// all → 403 `forbidden`. Tokens are compared by their SHA-256 and never logged.
struct TeamAuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let services: LocalInformationServices

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        switch services.access(authorization: request.headers[.authorization]) {
        case .team:
            return try await next(request, context)
        case .unauthenticated:
            throw APIProblem(.unauthorized, "the team routes need 'Authorization: Bearer <token>' with a token of the avis team",
                             headers: [.wwwAuthenticate: "Bearer realm=\"masecurite-team\""])
        case .notTeam:
            throw APIProblem(.forbidden, "this token is a chat operator's: the team routes take the avis team's tokens (--team-token-file)")
        case .disabled:
            throw APIProblem(.forbidden, "the team routes are off: start the server with --team-token-file")
        }
    }
}

/// `/v1/team`: the avis team's routes, behind ``TeamAuthenticationMiddleware``: the
/// cases with their (masked) comments, the overdue list, answering and closing a
/// case, and "which fiche works" per fiche and leaf with counts under *k* withheld.
struct TeamRoutes {
    let services: ServerServices
    var local: LocalInformationServices { services.localInformation }

    func register(on group: RouterGroup<ServerContext>) {
        group.get("feedback", use: list)
        group.get("feedback/overdue", use: overdue)
        group.post("feedback/{reference}/answer", use: answer)
        group.post("feedback/{reference}/close", use: close)
        group.get("stats/fiches", use: stats)
    }

    /// `POST /v1/team/feedback/{reference}/answer`.
    struct AnswerBody: Decodable {
        let text: String

        private enum CodingKeys: String, CodingKey, CaseIterable { case text }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            text = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .text)
        }
    }

    /// A case as the team sees it, comment included (already masked).
    struct CaseJSON: Encodable {
        let reference: String
        let about: String
        let useful: Bool
        let status: String
        let received: String
        let due: String
        let overdue: Bool
        let comment: String
        let answer: String?
        let answered: String?
        let closed: String?

        init(_ item: FeedbackCase, now: Date) {
            reference = item.reference.formatted
            about = item.about.description
            useful = item.useful
            status = item.status.rawValue
            received = RFC3339.format(item.received)
            due = RFC3339.format(item.due)
            overdue = item.isOverdue(at: now)
            comment = item.comment
            answer = item.answer
            answered = item.answered.map { RFC3339.format($0) }
            closed = item.closed.map { RFC3339.format($0) }
        }

        enum CodingKeys: String, CodingKey { case reference, about, useful, status, received, due, overdue, comment, answer, answered, closed }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(reference, forKey: .reference)
            try c.encode(about, forKey: .about)
            try c.encode(useful, forKey: .useful)
            try c.encode(status, forKey: .status)
            try c.encode(received, forKey: .received)
            try c.encode(due, forKey: .due)
            try c.encode(overdue, forKey: .overdue)
            try c.encode(comment, forKey: .comment)
            try c.encode(answer, forKey: .answer)
            try c.encode(answered, forKey: .answered)
            try c.encode(closed, forKey: .closed)
        }
    }

    struct CasesJSON: Encodable {
        let now: String
        let cases: [CaseJSON]
    }

    private func read<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let problem as APIProblem { throw problem } catch {
            throw APIProblem(.storageUnavailable, "\(what) could not be read; try again")
        }
    }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        var status: FeedbackStatus?
        if let text = query.string("status") {
            guard let parsed = FeedbackStatus(rawValue: text) else {
                throw APIProblem(.invalidParameter, "query parameter 'status' must be received, answered or closed (got '\(Echo.truncated(text))')",
                                 field: "status")
            }
            status = parsed
        }
        let now = services.clock.now()
        let cases = try await read("the cases") { try await local.cases.cases(status: status) }
        return try JSONCoding.response(CasesJSON(now: RFC3339.format(now), cases: cases.map { CaseJSON($0, now: now) }),
                                       headers: [.cacheControl: "no-store"])
    }

    @Sendable func overdue(_ request: Request, context: ServerContext) async throws -> Response {
        let now = services.clock.now()
        let cases = try await read("the overdue cases") { try await local.cases.overdue(now: now) }
        return try JSONCoding.response(CasesJSON(now: RFC3339.format(now), cases: cases.map { CaseJSON($0, now: now) }),
                                       headers: [.cacheControl: "no-store"])
    }

    private func change(_ body: () async throws -> FeedbackCase) async throws -> Response {
        do {
            let updated = try await body()
            return try JSONCoding.response(CaseJSON(updated, now: services.clock.now()), headers: [.cacheControl: "no-store"])
        } catch let error as LocalInformationError {
            throw LocalInformationProblems.problem(error, field: ["answer": "text"])
        } catch let error as LocalInformationStoreError {
            switch error {
            case .notFound: throw APIProblem(.feedbackNotFound, "no avis has this reference", field: "reference")
            case .invalidTransition: throw APIProblem(.invalidTransition, error.description, field: "reference")
            default: throw APIProblem(.storageUnavailable, "the case could not be changed; try again")
            }
        } catch let problem as APIProblem {
            throw problem
        } catch {
            throw APIProblem(.storageUnavailable, "the case could not be changed; try again")
        }
    }

    @Sendable func answer(_ request: Request, context: ServerContext) async throws -> Response {
        let reference = try FeedbackRoutes.reference(context)
        let body = try await StrictJSON.decode(AnswerBody.self, from: request, limit: services.maxBodyBytes)
        return try await change { try await local.desk.answer(reference, text: body.text) }
    }

    @Sendable func close(_ request: Request, context: ServerContext) async throws -> Response {
        let reference = try FeedbackRoutes.reference(context)
        return try await change { try await local.cases.close(reference, at: services.clock.now()) }
    }

    @Sendable func stats(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let format = query.string("format") ?? "json"
        guard ["json", "csv", "svg"].contains(format) else {
            throw APIProblem(.invalidParameter, "query parameter 'format' must be json, csv or svg (got '\(Echo.truncated(format))')", field: "format")
        }
        let threshold = try query.int("threshold", default: UsageReport.minimumThreshold, range: UsageReport.minimumThreshold...1_000_000)
        let from = try query.instant("from"), until = try query.instant("until")
        let counts = try await read("the usage events") { try await local.usage.counts(from: from, until: until) }
        let report = UsageReport(counts: counts, threshold: threshold)
        let (body, type): (String, String) = switch format {
        case "csv": (report.csv(), "text/csv; charset=utf-8; header=present")
        case "svg": (report.svg(), "image/svg+xml; charset=utf-8")
        default: (report.json(), "application/json; charset=utf-8")
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
