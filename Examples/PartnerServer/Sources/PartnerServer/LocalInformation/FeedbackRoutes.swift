import Foundation
import Hummingbird
import LocalInformation
import MaSecuriteCore

/// `/v1/feedback`: « Je donne mon avis » on a fiche or a leaf — was it useful, and
/// an optional comment that becomes a case answered within four days — and the
/// answer, read with the reference given back. Phone numbers, e-mail addresses
/// and introduced names are masked before anything is stored; the comment is
/// never logged, nor the reference (the access log writes the route template).
struct FeedbackRoutes {
    let services: ServerServices
    var local: LocalInformationServices { services.localInformation }

    /// Registers on the `/v1/feedback` group (which carries the per-client limit of submissions).
    func register(on group: RouterGroup<ServerContext>) {
        group.post(use: give)
        group.get("{reference}", use: show)
    }

    /// `POST /v1/feedback`.
    struct GiveBody: Decodable {
        let about: String
        let useful: Bool
        let comment: String?

        private enum CodingKeys: String, CodingKey, CaseIterable { case about, useful, comment }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            about = try c.decode(String.self, forKey: .about)
            useful = try c.decode(Bool.self, forKey: .useful)
            comment = try c.decodeIfPresent(String.self, forKey: .comment)
        }
    }

    /// The receipt: `reference`, `due` and `answer_url` are `null` (not left out) for a vote without comment.
    struct ReceiptJSON: Encodable {
        let reference: String?
        let due: String?
        let masked: Bool
        let answer_url: String?

        enum CodingKeys: String, CodingKey { case reference, due, masked, answer_url }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(reference, forKey: .reference)
            try c.encode(due, forKey: .due)
            try c.encode(masked, forKey: .masked)
            try c.encode(answer_url, forKey: .answer_url)
        }
    }

    /// What the citizen reads with the reference (never the comment).
    struct AnswerJSON: Encodable {
        let reference: String
        let about: String
        let status: String
        let received: String
        let due: String
        let answer: String?
        let answered: String?

        enum CodingKeys: String, CodingKey { case reference, about, status, received, due, answer, answered }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(reference, forKey: .reference)
            try c.encode(about, forKey: .about)
            try c.encode(status, forKey: .status)
            try c.encode(received, forKey: .received)
            try c.encode(due, forKey: .due)
            try c.encode(answer, forKey: .answer)
            try c.encode(answered, forKey: .answered)
        }
    }

    static func reference(_ context: ServerContext) throws -> FeedbackReference {
        do { return try FeedbackReference(context.parameters.get("reference") ?? "") } catch {
            throw APIProblem(.invalidParameter, "this is not an avis reference (A- and 20 letters or digits, e.g. A-K7QM-4XTR-9BWE-2HPA-ZC3N)",
                             field: "reference")
        }
    }

    @Sendable func give(_ request: Request, context: ServerContext) async throws -> Response {
        let body = try await StrictJSON.decode(GiveBody.self, from: request, limit: services.maxBodyBytes)
        let receipt: FeedbackReceipt
        do {
            let about = try ContentReference(body.about)
            receipt = try await local.desk.give(about: about, useful: body.useful, comment: body.comment)
        } catch let error as LocalInformationError {
            throw LocalInformationProblems.problem(error)
        } catch {
            throw APIProblem(.storageUnavailable, "the avis could not be stored; try again")
        }
        let reference = receipt.reference?.formatted
        return try JSONCoding.response(ReceiptJSON(reference: reference, due: receipt.due.map { RFC3339.format($0) }, masked: receipt.masked,
                                                   answer_url: reference.map { "/v1/feedback/\($0)" }),
                                       status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        let reference = try Self.reference(context)
        let view: FeedbackAnswerView?
        do { view = try await local.desk.read(reference) } catch {
            throw APIProblem(.storageUnavailable, "the avis could not be read; try again")
        }
        guard let view else { throw APIProblem(.feedbackNotFound, "no avis has this reference", field: "reference") }
        return try JSONCoding.response(AnswerJSON(reference: view.reference.formatted, about: view.about.description, status: view.status.rawValue,
                                                  received: RFC3339.format(view.received), due: RFC3339.format(view.due), answer: view.answer,
                                                  answered: view.answered.map { RFC3339.format($0) }),
                                       headers: [.cacheControl: "no-store"])
    }
}
