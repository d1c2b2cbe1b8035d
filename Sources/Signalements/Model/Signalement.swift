import Foundation

/// A filed signalement: checked content, the commune it is about, the unit it
/// goes to, and the citizen's reference. Nothing else is kept about the person:
/// no account, no address of the device, and a contact only when they gave one.
public struct Signalement: Hashable, Sendable, Codable, Identifiable {
    /// Internal identifier.
    public let id: UUID
    /// The citizen's reference (the key of the receipt).
    public let reference: SignalementReference
    /// The kind's id.
    public let kind: String
    /// INSEE code of the commune where it happens.
    public let insee: String
    /// The unit it is sent to, as competence answered when it was filed.
    public let competence: Competence
    /// The checked fields (empty once purged).
    public let fields: [String: String]
    /// The contact, only if given (`nil` once purged).
    public let contact: SignalementContact?
    /// When it was filed.
    public let filedAt: Date
    /// `true` once ``SignalementStore/purge(filedBefore:)`` erased its content.
    public let isPurged: Bool

    /// Creates a record.
    public init(id: UUID = UUID(), reference: SignalementReference = .random(), content: SignalementContent,
                competence: Competence, filedAt: Date, isPurged: Bool = false) {
        self.id = id
        self.reference = reference
        self.kind = content.kind
        self.insee = competence.insee
        self.competence = competence
        self.fields = content.fields
        self.contact = content.contact
        self.filedAt = filedAt
        self.isPurged = isPurged
    }

    /// The same record with its content erased.
    public func purged() -> Signalement {
        Signalement(id: id, reference: reference, content: SignalementContent(kind: kind, fields: [:], contact: nil),
                    competence: competence, filedAt: filedAt, isPurged: true)
    }
}

/// Where a delivery job stands.
public enum DeliveryStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Waiting for its next attempt (``DeliveryJob/nextAttemptAt``).
    case pending
    /// Taken by a deliverer until its lease expires.
    case leased
    /// The unit's endpoint acknowledged it (HTTP 2xx).
    case delivered
    /// Every attempt failed: kept aside for a person to look at, never retried by itself.
    case deadLetter = "dead-letter"
}

/// The outbox entry that carries one signalement to its unit: created in the
/// same atomic step as the signalement, with its webhook id and body fixed
/// then, so every retry sends the same message under the same id.
public struct DeliveryJob: Hashable, Sendable, Identifiable {
    /// The Standard Webhooks message id (`webhook-id`), e.g. `msg_…`: the same on every attempt.
    public let id: String
    /// The signalement carried.
    public let signalementID: UUID
    /// The unit whose endpoint receives it.
    public let unitID: String
    /// The exact JSON body sent (fixed at filing; erased by the purge once delivered).
    public let body: Data
    /// Where the job stands.
    public var status: DeliveryStatus
    /// Attempts started so far (a lease counts as an attempt).
    public var attempts: Int
    /// Not to be tried before this instant.
    public var nextAttemptAt: Date
    /// The lease's token while `leased`.
    public var leaseToken: UUID?
    /// When the lease ends; after it another deliverer may take the job again.
    public var leaseExpiresAt: Date?
    /// Why the last attempt failed (status code or transport error; never the body).
    public var lastError: String?
    /// When it was delivered.
    public var deliveredAt: Date?
    /// When it was enqueued.
    public let createdAt: Date

    /// A new pending job for `signalement`, due at once.
    public init(id: String = DeliveryJob.newID(), signalementID: UUID, unitID: String, body: Data, createdAt: Date,
                status: DeliveryStatus = .pending, attempts: Int = 0, nextAttemptAt: Date? = nil, leaseToken: UUID? = nil,
                leaseExpiresAt: Date? = nil, lastError: String? = nil, deliveredAt: Date? = nil) {
        self.id = id
        self.signalementID = signalementID
        self.unitID = unitID
        self.body = body
        self.createdAt = createdAt
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt ?? createdAt
        self.leaseToken = leaseToken
        self.leaseExpiresAt = leaseExpiresAt
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }

    /// A fresh webhook id: `msg_` and 26 random base-32 symbols (130 bits).
    public static func newID() -> String {
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var generator = SystemRandomNumberGenerator()
        return "msg_" + String((0..<26).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

/// What the citizen can read with their reference: where their signalement
/// stands, never its content.
public struct SignalementReceipt: Hashable, Sendable, Codable {
    /// The reference.
    public let reference: SignalementReference
    /// The kind's id.
    public let kind: String
    /// The unit it goes to.
    public let unit: CompetentUnit
    /// Whether the unit was only estimated.
    public let approximate: Bool
    /// Delivery status.
    public let status: DeliveryStatus
    /// Attempts so far.
    public let attempts: Int
    /// When it was filed.
    public let filedAt: Date
    /// When the unit received it.
    public let deliveredAt: Date?
    /// Whether its content has been erased (retention period over).
    public let isPurged: Bool

    /// Creates a receipt.
    public init(reference: SignalementReference, kind: String, unit: CompetentUnit, approximate: Bool, status: DeliveryStatus,
                attempts: Int, filedAt: Date, deliveredAt: Date?, isPurged: Bool) {
        self.reference = reference
        self.kind = kind
        self.unit = unit
        self.approximate = approximate
        self.status = status
        self.attempts = attempts
        self.filedAt = filedAt
        self.deliveredAt = deliveredAt
        self.isPurged = isPurged
    }

    /// The receipt of `signalement` whose job is `job`.
    public init(_ signalement: Signalement, job: DeliveryJob) {
        self.init(reference: signalement.reference, kind: signalement.kind, unit: signalement.competence.unit,
                  approximate: signalement.competence.approximate, status: job.status, attempts: job.attempts,
                  filedAt: signalement.filedAt, deliveredAt: job.deliveredAt, isPurged: signalement.isPurged)
    }

    private enum CodingKeys: String, CodingKey {
        case reference, kind, unit, approximate, status, attempts, filedAt = "filed_at", deliveredAt = "delivered_at", isPurged = "purged"
    }
}

/// A job a deliverer holds: the job and the token proving the lease.
public struct LeasedJob: Hashable, Sendable {
    /// The job (status `leased`, attempts already counted).
    public let job: DeliveryJob
    /// The lease's token, to report the outcome.
    public let token: UUID

    /// A job held under `token` (stores build it when they lease a job).
    public init(job: DeliveryJob, token: UUID) {
        self.job = job
        self.token = token
    }
}
