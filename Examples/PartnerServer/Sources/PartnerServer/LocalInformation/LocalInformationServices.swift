import Crypto
import Foundation
import LocalInformation
import Logging
import MaSecurite
import OrienteurKit
import ServiceLifecycle

/// What the local-information, subscription, avis and team routes use: the
/// items served, the three stores (in memory, SQLite or PostgreSQL), the
/// orientation content an avis may be about, the usage recorder of the
/// orientation routes, the retention, and the avis team's tokens.
public struct LocalInformationServices: Sendable {
    /// The items and themes served.
    public let catalog: LocalInformationCatalog
    /// Anonymous subscriptions (token digests only).
    public let subscriptions: any SubscriptionStore
    /// « Je donne mon avis » cases.
    public let cases: any FeedbackStore
    /// Usage events ("which fiche works").
    public let usage: any UsageEventStore
    /// The fiches and leaves an avis may be about.
    public let known: KnownContent
    /// Turns orienteur events into usage events (channel `server`), for callers that hold an
    /// orienteur; the orientation routes record their showings with view ids instead.
    public let analytics: UsageRecordingAnalytics
    /// How long usage events and closed cases are kept.
    public let retention: LocalInformationRetention
    /// Which storage holds them (`memory`, `sqlite` or `postgresql`).
    public let storageName: String
    /// SHA-256 of the team's bearer tokens.
    private let teamTokenDigests: [[UInt8]]
    /// SHA-256 of the chat operators' bearer tokens: known people, but not the avis team (403).
    private let operatorTokenDigests: [[UInt8]]
    /// Now.
    let clock: any WallClock

    /// Services over these stores; `teamTokens` open the `/v1/team` routes, `operatorTokens` are
    /// recognised there only to answer 403 instead of 401.
    public init(catalog: LocalInformationCatalog, subscriptions: any SubscriptionStore, cases: any FeedbackStore,
                usage: any UsageEventStore, content: OrienteurContent, clock: any WallClock,
                retention: LocalInformationRetention = .standard, teamTokens: [String] = [], operatorTokens: [String] = [],
                storageName: String = "memory") {
        self.catalog = catalog
        self.subscriptions = subscriptions
        self.cases = cases
        self.usage = usage
        known = KnownContent(ficheIDs: Set(content.fiches.map(\.id)), leafIDs: Set(content.leaves.map(\.id)))
        analytics = UsageRecordingAnalytics(store: usage, content: content, clock: clock, channel: .server)
        self.retention = retention
        self.storageName = storageName
        teamTokenDigests = teamTokens.map(Self.digest)
        operatorTokenDigests = operatorTokens.map(Self.digest)
        self.clock = clock
    }

    /// In-memory stores over `catalog` (tests, a single process without a database).
    public static func inMemory(catalog: LocalInformationCatalog, content: OrienteurContent, clock: any WallClock,
                                teamTokens: [String] = []) -> LocalInformationServices {
        LocalInformationServices(catalog: catalog, subscriptions: InMemorySubscriptionStore(), cases: InMemoryFeedbackStore(),
                                 usage: InMemoryUsageEventStore(), content: content, clock: clock, teamTokens: teamTokens)
    }

    /// Records that the fiche or leaf `kind`/`id` was served (`shown`, channel `server`) and returns
    /// the id of that showing, for its one follow-up (`POST /v1/orientation/outcome`); `nil` when
    /// the store failed — usage never blocks the citizen — or `id` is not a valid content id.
    func show(_ kind: ContentReference.Kind, _ id: String) async -> UsageViewID? {
        let view = UsageViewID.random()
        do {
            let about = try ContentReference(kind: kind, id: id)
            try await usage.recordShown(UsageEvent(about: about, outcome: .shown, at: clock.now(), channel: .server), viewDigest: view.digest)
            return view
        } catch {
            return nil
        }
    }

    /// The avis desk: votes counted as usage, comments masked and kept as cases.
    var desk: FeedbackDesk { FeedbackDesk(cases: cases, usage: usage, known: known, clock: clock, channel: .server) }

    /// Subscribing and unsubscribing, checked against the catalog's themes.
    var subscribing: LocalSubscriptions { LocalSubscriptions(store: subscriptions, catalog: catalog) }

    /// Deletes what the retention no longer keeps.
    public func purge(now: Date) async throws -> RetentionReport {
        try await retention.purge(usage: usage, cases: cases, now: now)
    }

    // MARK: Team access

    /// Who an `Authorization` header says the caller is, for the team routes.
    enum TeamAccess: Equatable {
        /// A team token.
        case team
        /// No header, not `Bearer …`, or an unknown token.
        case unauthenticated
        /// A chat operator's token: known, but not of the team.
        case notTeam
        /// No team token is configured: nobody may use the team routes.
        case disabled
    }

    func access(authorization: String?) -> TeamAccess {
        guard !teamTokenDigests.isEmpty else { return .disabled }
        guard let authorization, authorization.hasPrefix("Bearer ") else { return .unauthenticated }
        let token = String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { return .unauthenticated }
        let digest = Self.digest(token)
        if teamTokenDigests.contains(digest) { return .team }
        if operatorTokenDigests.contains(digest) { return .notTeam }
        return .unauthenticated
    }

    private static func digest(_ token: String) -> [UInt8] { Array(SHA256.hash(data: Data(token.utf8))) }
}

/// Applies the retention of ``LocalInformationServices`` every `interval` (the server also calls
/// ``purgeOnce()`` before it starts, after the migrations).
/// With PostgreSQL every instance runs it; the deletes are idempotent, so that is harmless.
/// Logs the counts only.
public struct LocalInformationRetentionService: Service {
    private let services: LocalInformationServices
    private let interval: Duration
    private let logger: Logger

    /// A service purging `services` every `interval` seconds (at least one).
    public init(services: LocalInformationServices, intervalSeconds: Double, logger: Logger) {
        self.services = services
        interval = .milliseconds(Int64(max(1, intervalSeconds) * 1000))
        self.logger = logger
    }

    /// One purge, logged; a failure is logged and retried at the next interval.
    @discardableResult
    public func purgeOnce() async -> RetentionReport? {
        do {
            let report = try await services.purge(now: services.clock.now())
            if report.usageEventsDeleted > 0 || report.closedCasesDeleted > 0 {
                logger.info("retention purge", metadata: ["usage_events.deleted": "\(report.usageEventsDeleted)",
                                                          "closed_cases.deleted": "\(report.closedCasesDeleted)"])
            }
            return report
        } catch {
            logger.warning("retention purge failed; retrying at the next interval", metadata: ["error.type": "\(type(of: error))"])
            return nil
        }
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    await purgeOnce()
                }
            }
        } catch is CancellationError {
            return
        }
    }
}
