import Foundation

/// How long signalements keep their content after they are delivered.
public struct SignalementRetention: Hashable, Sendable {
    /// Days a finished signalement keeps its fields and contact.
    public var days: Int

    /// A retention of `days` days (default 90).
    public init(days: Int = 90) { self.days = max(0, days) }

    /// Signalements filed before this instant may be purged at `now`.
    public func cutoff(at now: Date) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }
}

/// Files signalements: checks the content against its kind, finds the
/// competent unit, and stores the signalement with its delivery job in one
/// atomic step.
///
/// ```swift
/// let desk = SignalementDesk(catalog: try .bundled(), competence: myCompetenceSource,
///                            store: try SQLiteSignalementStore(path: path))
/// let filed = try await desk.file(kind: "point-de-deal", commune: try INSEECode("33063"), fields: [
///     "place": "hall B, résidence des Lilas", "recurrence": "daily", "description": "…",
/// ])
/// print(filed.reference.formatted)   // S-K7QM-4XTR-9BWE-2HPA-ZC3N: the citizen keeps it
/// ```
public struct SignalementDesk: Sendable {
    /// The kinds.
    public let catalog: SignalementCatalog
    /// Where the competent unit comes from.
    public let competence: any CompetenceSource
    /// Where signalements and jobs go.
    public let store: any SignalementStore
    /// "Now".
    public let clock: any WallClock
    /// How long content is kept after delivery.
    public let retention: SignalementRetention

    /// A desk.
    public init(catalog: SignalementCatalog, competence: any CompetenceSource, store: any SignalementStore,
                clock: any WallClock = SystemWallClock(), retention: SignalementRetention = SignalementRetention()) {
        self.catalog = catalog
        self.competence = competence
        self.store = store
        self.clock = clock
        self.retention = retention
    }

    /// Checks, routes and files a signalement about commune `insee`.
    /// - Throws: ``SignalementError`` (content), ``CompetenceError`` (no
    ///   competent unit), ``SignalementStoreError`` (storage). Nothing is stored on error.
    public func file(kind: String, commune insee: INSEECode, fields: [String: String]) async throws -> Signalement {
        let content = try catalog.validate(kind: kind, fields: fields)
        let answer = try competence.competence(for: insee)
        let now = clock.now()
        let signalement = Signalement(content: content, competence: answer, filedAt: now)
        let job = DeliveryJob(signalementID: signalement.id, unitID: answer.unit.id,
                              body: try Self.body(of: signalement, kind: try catalog.kind(kind)), createdAt: now)
        try await store.file(signalement, job: job)
        return signalement
    }

    /// The receipt of `reference`, or `nil` when no signalement has it.
    public func receipt(_ reference: SignalementReference) async throws -> SignalementReceipt? {
        try await store.receipt(reference: reference)
    }

    /// Erases the content of finished signalements older than the retention period.
    public func purgeExpired() async throws -> Int {
        try await store.purge(filedBefore: retention.cutoff(at: clock.now()))
    }

    /// The webhook body: `{"type": "signalement.filed", "timestamp": …, "data": {…}}`
    /// as the Standard Webhooks payload structure suggests, keys sorted.
    public static func body(of signalement: Signalement, kind: SignalementKind) throws -> Data {
        struct Payload: Encodable {
            let type: String
            let timestamp: String
            let data: DataPart
        }
        struct DataPart: Encodable {
            let reference: String
            let kind: String
            let kindLabel: String
            let insee: String
            let commune: String?
            let unit: CompetentUnit
            let approximateCompetence: Bool
            let fields: [String: String]
            let contact: SignalementContact?
            let filedAt: String

            enum CodingKeys: String, CodingKey {
                case reference, kind, kindLabel = "kind_label", insee, commune, unit
                case approximateCompetence = "approximate_competence", fields, contact, filedAt = "filed_at"
            }
        }
        let filed = RFC3339.format(signalement.filedAt, in: .gmt)
        let payload = Payload(type: "signalement.filed", timestamp: filed, data: DataPart(
            reference: signalement.reference.formatted, kind: signalement.kind, kindLabel: kind.label.french,
            insee: signalement.insee, commune: signalement.competence.commune, unit: signalement.competence.unit,
            approximateCompetence: signalement.competence.approximate, fields: signalement.fields,
            contact: signalement.contact, filedAt: filed))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(payload)
    }
}
