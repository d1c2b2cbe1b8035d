import Foundation
import Hummingbird

/// The stable kinds of error the API returns. Each becomes an RFC 9457
/// problem whose `type` is `urn:masecurite:problem:<rawValue>`; clients branch
/// on `type`, never on the human `detail`.
public enum ProblemKind: String, Sendable, CaseIterable {
    case routeNotFound = "route-not-found"
    case methodNotAllowed = "method-not-allowed"
    case invalidBody = "invalid-body"
    case invalidParameter = "invalid-parameter"
    case unsupportedMediaType = "unsupported-media-type"
    case bodyTooLarge = "body-too-large"
    case rateLimited = "rate-limited"
    case stationNotFound = "station-not-found"
    case placeNotFound = "place-not-found"
    case teleserviceNotFound = "teleservice-not-found"
    case ficheNotFound = "fiche-not-found"
    case invalidFact = "invalid-fact"
    case invalidSessionToken = "invalid-session-token"
    case invalidChoice = "invalid-choice"
    case bookingNotFound = "booking-not-found"
    case invalidCode = "invalid-code"
    case slotFull = "slot-full"
    case outsideOpening = "outside-opening"
    case tooLate = "too-late"
    case tooFarAhead = "too-far-ahead"
    case motifNotOffered = "motif-not-offered"
    case contactRequired = "contact-required"
    case dayClosed = "day-closed"
    case changeNotAllowed = "change-not-allowed"
    case notActive = "not-active"
    case idempotencyConflict = "idempotency-conflict"
    case unauthorized = "unauthorized"
    case forbidden = "forbidden"
    case subscriptionNotFound = "subscription-not-found"
    case feedbackNotFound = "feedback-not-found"
    case unknownReference = "unknown-reference"
    case limitExceeded = "limit-exceeded"
    case invalidTransition = "invalid-transition"
    case invalidSchedule = "invalid-schedule"
    case waitlistEntryNotFound = "waitlist-entry-not-found"
    case offerNotYetMade = "offer-not-yet-made"
    case offerUnavailable = "offer-unavailable"
    case notReady = "not-ready"
    case storageUnavailable = "storage-unavailable"
    case internalError = "internal-error"
    case invalidSignalement = "invalid-signalement"
    case noCompetentUnit = "no-competent-unit"
    case signalementNotFound = "signalement-not-found"
    case invalidReference = "invalid-reference"
    case viewNotFound = "view-not-found"
    case followUpAlreadyRecorded = "follow-up-already-recorded"

    /// The problem `type` URI.
    public var typeURI: String { "urn:masecurite:problem:\(rawValue)" }

    /// The HTTP status of this kind.
    public var status: HTTPResponse.Status {
        switch self {
        case .routeNotFound, .stationNotFound, .placeNotFound, .teleserviceNotFound, .ficheNotFound, .bookingNotFound,
             .subscriptionNotFound, .feedbackNotFound, .waitlistEntryNotFound, .signalementNotFound, .viewNotFound: return .notFound
        case .methodNotAllowed: return .methodNotAllowed
        case .invalidBody, .invalidParameter, .invalidSessionToken, .invalidCode, .invalidReference: return .badRequest
        case .unsupportedMediaType: return .unsupportedMediaType
        case .bodyTooLarge: return .contentTooLarge
        case .rateLimited: return .tooManyRequests
        case .invalidFact, .invalidChoice, .outsideOpening, .tooLate, .tooFarAhead, .motifNotOffered, .contactRequired,
             .unknownReference, .limitExceeded, .invalidSchedule, .invalidSignalement, .noCompetentUnit:
            return .unprocessableContent
        case .slotFull, .dayClosed, .changeNotAllowed, .notActive, .idempotencyConflict, .invalidTransition, .offerNotYetMade,
             .offerUnavailable, .followUpAlreadyRecorded: return .conflict
        case .unauthorized: return .unauthorized
        case .forbidden: return .forbidden
        case .notReady, .storageUnavailable: return .serviceUnavailable
        case .internalError: return .internalServerError
        }
    }

    /// A short, fixed summary of the kind (the problem `title`).
    public var title: String {
        switch self {
        case .routeNotFound: return "No such route"
        case .methodNotAllowed: return "Method not allowed on this route"
        case .invalidBody: return "The request body is not valid"
        case .invalidParameter: return "A query or path parameter is not valid"
        case .unsupportedMediaType: return "The body must be application/json"
        case .bodyTooLarge: return "The request body is too large"
        case .rateLimited: return "Too many requests"
        case .stationNotFound: return "No such station"
        case .placeNotFound: return "No such place"
        case .teleserviceNotFound: return "No such teleservice"
        case .ficheNotFound: return "No such fiche"
        case .invalidFact: return "A fact of the situation is not valid"
        case .invalidSessionToken: return "The orientation token is not valid"
        case .invalidChoice: return "This orientation step is not possible"
        case .bookingNotFound: return "No booking has this confirmation code"
        case .invalidCode: return "This is not a confirmation code"
        case .slotFull: return "The slot is full"
        case .outsideOpening: return "No slot starts at this time"
        case .tooLate: return "The slot is too soon or past"
        case .tooFarAhead: return "The slot is too far ahead"
        case .motifNotOffered: return "The station does not take this kind of appointment"
        case .contactRequired: return "A contact is required for this appointment"
        case .dayClosed: return "The station is closed that day"
        case .changeNotAllowed: return "The booking can no longer be changed"
        case .notActive: return "The booking is no longer active"
        case .idempotencyConflict: return "The idempotency key was used for another request"
        case .unauthorized: return "Authentication required"
        case .forbidden: return "Not allowed with these credentials"
        case .subscriptionNotFound: return "No subscription has this token"
        case .feedbackNotFound: return "No avis has this reference"
        case .unknownReference: return "The request names something that does not exist"
        case .limitExceeded: return "A value is over its limit"
        case .invalidTransition: return "This change is not possible in the current state"
        case .invalidSchedule: return "The schedule is not valid"
        case .waitlistEntryNotFound: return "Nobody waits with this reference"
        case .offerNotYetMade: return "No seat is offered yet"
        case .offerUnavailable: return "The offered seat is no longer kept"
        case .notReady: return "The server is not ready"
        case .storageUnavailable: return "The storage is unavailable"
        case .internalError: return "Internal error"
        case .invalidSignalement: return "The signalement is not valid"
        case .noCompetentUnit: return "No competent unit is known for this place"
        case .signalementNotFound: return "No signalement has this reference"
        case .invalidReference: return "This is not a signalement reference"
        case .viewNotFound: return "No shown fiche or leaf has this view id"
        case .followUpAlreadyRecorded: return "This view already has its follow-up"
        }
    }
}

/// An API error: rendered as `application/problem+json` (RFC 9457) with the
/// stable `type`, the status, a `detail` a person can act on and, for body or
/// parameter errors, the offending `field`.
public struct APIProblem: Error, Sendable {
    /// The kind (gives `type`, `status` and `title`).
    public let kind: ProblemKind
    /// What went wrong, for a person.
    public let detail: String
    /// The offending body field or parameter, when there is one (e.g. `contact.email`).
    public let field: String?
    /// Extra response headers (e.g. `Retry-After`).
    public let headers: HTTPFields

    /// Creates a problem.
    public init(_ kind: ProblemKind, _ detail: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.kind = kind
        self.detail = detail
        self.field = field
        self.headers = headers
    }

    /// The JSON body.
    struct Body: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let field: String?
    }

    /// The problem as an HTTP response.
    public func response() -> Response {
        let body = Body(type: kind.typeURI, title: kind.title, status: Int(kind.status.code), detail: detail, field: field)
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        let data = (try? JSONCoding.encoder.encode(body)) ?? Data("{\"type\":\"\(kind.typeURI)\"}".utf8)
        return Response(status: kind.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Shared JSON encoders (sorted keys, so responses are stable).
enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A `200`-like JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw APIProblem(.internalError, "the response could not be encoded")
        }
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
