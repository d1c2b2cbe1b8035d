import Appointments
import ChatProtocol
import Foundation
import Hummingbird
import HummingbirdWebSocket
import LocalInformation
import Logging
import MaSecurite
import PostgresBackends
import PostgresNIO
import ServiceLifecycle
import Signalements

/// Builds the partner server: an HTTP + WebSocket API over the MaSecurite SDK.
///
/// ```swift
/// let app = try await PartnerServer.makeApplication(configuration: ServerConfiguration(port: 8080))
/// try await app.runService()
/// ```
public enum PartnerServer {
    /// The API version prefix.
    public static let prefix = "/v1"

    /// The router with every `/v1` route and middleware (problem errors, access log,
    /// rate limit, CORS), and the demo page at `/` when
    /// ``ServerConfiguration/demoPagePath`` is set: its file is read here, so a
    /// missing or unreadable file fails start-up with a ``DemoPageError`` naming it.
    public static func makeRouter(services: ServerServices, configuration: ServerConfiguration) throws -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        addMiddleware(to: router, configuration: configuration)
        if let path = configuration.demoPagePath {
            DemoPageRoutes(page: try DemoPage(path: path)).register(on: router)
        }
        let v1 = router.group("v1")
        SystemRoutes(services: services, openAPI: try SystemRoutes.loadDocument()).register(on: v1)
        StationRoutes(services: services).register(on: v1)
        OrientationRoutes(services: services).register(on: v1)
        TeleserviceRoutes(services: services).register(on: v1)
        AppointmentRoutes(services: services).register(on: v1)
        // Local information, feeds and subscriptions; the avis (POST limited per client on top of the
        // general limit); the team's routes behind a bearer token.
        LocalInformationRoutes(services: services).register(on: v1)
        let feedback = v1.group("feedback")
        if configuration.feedbackRateLimitPerHour > 0 {
            feedback.add(middleware: RateLimitMiddleware(limiter: RateLimiter(perHour: configuration.feedbackRateLimitPerHour),
                                                         trustForwardedFor: configuration.trustForwardedFor, what: "avis", methods: [.post]))
        }
        FeedbackRoutes(services: services).register(on: feedback)
        TeamRoutes(services: services).register(on: v1.group("team").add(middleware: TeamAuthenticationMiddleware(services: services.localInformation)))
        StaffRoutes(services: services, schedules: services.scheduleStore).register(on: v1)
        SignalementRoutes(services: services).register(on: v1)
        let figures = FiguresRoutes(services: services)
        figures.register(on: router)
        figures.register(on: v1)
        return router
    }

    /// The router that accepts WebSocket upgrades on `/v1/chat`.
    public static func makeWebSocketRouter(services: ServerServices, configuration: ServerConfiguration) -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        addMiddleware(to: router, configuration: configuration)
        let tokens = Dictionary(configuration.operators.map { ($0.token, OperatorID($0.id)) }, uniquingKeysWith: { first, _ in first })
        ChatRoutes(chat: services.chat, presence: services.presence, operatorTokens: tokens, maxFrameBytes: max(4_096, configuration.maxBodyBytes)).register(on: router)
        return router
    }

    private static func addMiddleware(to router: Router<ServerContext>, configuration: ServerConfiguration) {
        router.add(middleware: ProblemMiddleware())
        if !configuration.corsOrigins.isEmpty {
            router.add(middleware: CORSPolicyMiddleware(origins: Set(configuration.corsOrigins)))
        }
        if configuration.rateLimitPerMinute > 0 {
            router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(perMinute: configuration.rateLimitPerMinute),
                                                       trustForwardedFor: configuration.trustForwardedFor))
        }
    }

    /// Builds the SDK services and, with ``ServerConfiguration/postgresURL``, the
    /// PostgreSQL client (returned so the caller runs it as a service).
    public static func makeServices(configuration: ServerConfiguration, clock: any WallClock = SystemWallClock(),
                                    logger: Logger) async throws -> (ServerServices, PostgresClient?) {
        let (orienteur, stations, catalog) = try ServerServices.loadBundled()
        let store: any BookingStore & ScheduleStore
        let storageName: String
        let check: @Sendable () async -> Bool
        var client: PostgresClient?
        var conversations: any ConversationRecordStore = InMemoryConversationStore()
        var coordinator: (any RoutingCoordinator)?
        var relay: (any ClusterRelay)?
        var rateLimiter: (any VisitorRateLimiter)?
        let localCatalog = try configuration.localInformationCatalog()
        let localStores: (subscriptions: any SubscriptionStore, cases: any FeedbackStore, usage: any UsageEventStore)
        var signalementStore: any SignalementStore = InMemorySignalementStore()
        if let settings = try configuration.postgresSettings() {
            let postgres = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
            let bookings = try PostgresBookingStore(client: postgres, schema: configuration.postgresSchema, logger: logger)
            store = bookings
            storageName = "postgresql"
            check = { await bookings.ping() }
            client = postgres
            conversations = try PostgresConversationStore(client: postgres, schema: configuration.postgresSchema, logger: logger)
            // One queue for every instance on the database (Documentation/ChatCluster.md).
            coordinator = try PostgresRoutingCoordinator(client: postgres, schema: configuration.postgresSchema, logger: logger)
            // Typing notices and supervisor alerts reach every instance; a visitor's rate limit is counted once.
            relay = try PostgresClusterRelay(client: postgres, schema: configuration.postgresSchema, logger: logger)
            rateLimiter = try PostgresVisitorRateLimiter(client: postgres, schema: configuration.postgresSchema, logger: logger)
            let local = try PostgresLocalInformationStore(client: postgres, schema: configuration.postgresSchema, logger: logger)
            localStores = (local, local, local)
            // The signalements outbox: filing and its delivery job in one transaction, shared by every instance's deliverer.
            signalementStore = try PostgresSignalementStore(client: postgres, schema: configuration.postgresSchema, logger: logger)
        } else if let path = configuration.sqlitePath {
            store = try SQLiteBookingStore(path: path)
            storageName = "sqlite"
            check = { true }
            // Its own file beside the bookings' (an SQLite store refuses a file holding another store's tables).
            let local = try SQLiteLocalInformationStore(path: ServerConfiguration.localInformationSQLitePath(besides: path))
            localStores = (local, local, local)
        } else {
            store = InMemoryBookingStore()
            storageName = "memory"
            check = { true }
            localStores = (InMemorySubscriptionStore(), InMemoryFeedbackStore(), InMemoryUsageEventStore())
        }
        let localInformation = LocalInformationServices(
            catalog: localCatalog, subscriptions: localStores.subscriptions, cases: localStores.cases, usage: localStores.usage,
            content: orienteur.content, clock: clock, retention: configuration.retention, teamTokens: configuration.teamTokens,
            operatorTokens: configuration.operators.map(\.token), storageName: storageName)
        // The figures see every event this instance stores or reads back (no content is kept).
        let figures = ChatFigures(operators: configuration.operators, since: clock.now())
        // Connected = present: an operator is given conversations only while a console of theirs is
        // connected, and a platform nobody present serves tells its visitors so (`unstaffed`).
        let chatConfiguration = ChatService.Configuration(operatorsMustConnect: true)
        // Escalation: visitors' first messages go through OrienteurKit's danger detection (the shared
        // orienteur, with the catalog's documents); each emergency alerts the connected supervisors
        // with a `supervisor_alert` frame and is recorded by the desk (metadata only); with PostgreSQL, the
        // supervisors connected to every instance are alerted, and the escalation is recorded once (chat_escalations).
        let desk = SupervisorDesk()
        // Signalements: the kinds, the competent unit (the official file, else estimated from the directory and
        // marked approximate), and the outbox. The chat's operators file into the same desk (`signalement` frames).
        let competence: any CompetenceSource = try configuration.competenceFilePath.map { try CompetenceFile(path: $0) }
            ?? StationDirectoryCompetence(finder: stations)
        let signalements = SignalementDesk(catalog: try SignalementCatalog.bundled(), competence: competence, store: signalementStore,
                                           clock: clock, retention: SignalementRetention(days: configuration.signalementRetentionDays))
        let chat = await ChatService.withEscalation(configuration: chatConfiguration,
                                                    store: ObservedConversationStore(conversations, figures: figures), clock: clock,
                                                    classifier: OrienteurEmergencyClassifier(orienteur: orienteur), desk: desk,
                                                    coordinator: coordinator, instance: configuration.instanceID.map(InstanceID.init) ?? .random(),
                                                    relay: relay, rateLimiter: rateLimiter,
                                                    signalements: try ChatSignalementDesk(desk: signalements))
        try OperatorsFile.check(configuration.operators)
        for account in configuration.operators {
            try await chat.registerOperator(account.profile)
        }
        // The same schedules as the command line and the guichet: derived from the published opening
        // hours, plus the deployment's file; bookable only where the catalog says online booking runs.
        // In front of them, the schedules staff publish through the back office, kept in the booking store.
        let base = PublishedScheduleProvider.standard(stations: stations, catalog: catalog,
                                                      published: try configuration.publishedSchedules())
        let book = AppointmentBook(store: store, schedules: StoredScheduleProvider(store: store, base: base), clock: clock,
                                   purgeAfterDays: configuration.purgeAfterDays, meetings: configuration.meetings,
                                   offerHoldMinutes: configuration.offerHoldMinutes)
        var services = ServerServices(orienteur: orienteur, stations: stations, teleservices: catalog,
                                      appointments: book, chat: chat,
                                      localInformation: localInformation, presence: OperatorPresence(),
                                      escalations: desk, figures: figures, signalements: signalements, clock: clock,
                                      storageName: storageName, storageCheck: check, scheduleStore: store)
        services.maxBodyBytes = configuration.maxBodyBytes
        var accounts = configuration.staffAccounts
        if let path = configuration.staffFilePath {
            accounts += try StaffFile.load(path: path) { stations.station(id: $0) != nil }
        }
        try StaffFile.check(accounts) { stations.station(id: $0) != nil }
        services.staff = StaffDirectory(accounts)
        return (services, client)
    }

    /// The whole application, ready for `runService()`. With PostgreSQL, the client
    /// runs as a service, the migrations run before the server accepts requests, and a
    /// ``ChatNotificationListener`` brings in the chat events that other instances store.
    public static func makeApplication(configuration: ServerConfiguration, clock: any WallClock = SystemWallClock(),
                                       logger: Logger = Logger(label: "masecurite.server"),
                                       onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
        let (services, client) = try await makeServices(configuration: configuration, clock: clock, logger: logger)
        let router = try makeRouter(services: services, configuration: configuration)
        let webSocketRouter = makeWebSocketRouter(services: services, configuration: configuration)
        // Retention of usage events and closed avis cases: before the server starts (after the
        // migrations), then every interval.
        let retention = LocalInformationRetentionService(services: services.localInformation,
                                                         intervalSeconds: configuration.retentionIntervalSeconds, logger: logger)
        var backgroundServices: [any Service] = [retention]
        if configuration.maintenanceIntervalSeconds > 0 {
            let notifier: any Notifier = configuration.notifier ?? configuration.notificationWebhook.map { WebhookNotifier(endpoint: $0, clock: clock) }
                ?? DiscardingNotifier()
            backgroundServices.append(AppointmentMaintenance(
                book: services.appointments, notifier: notifier,
                interval: .milliseconds(Int64((configuration.maintenanceIntervalSeconds * 1000).rounded())),
                batchSize: configuration.notificationBatchSize, leaseSeconds: configuration.notificationLeaseSeconds, logger: logger))
        }
        let settings = try configuration.postgresSettings()
        // With PostgreSQL, the deliverer and the chat cluster wait for the migrations of `beforeServerStarts`.
        let migrated = StartupGate(open: client == nil)
        if !configuration.signalementEndpoints.isEmpty {
            let deliverer = SignalementDeliverer(store: services.signalements.store, endpoints: configuration.signalementEndpoints.units,
                                                 fallback: configuration.signalementEndpoints.fallback, transport: URLSessionWebhookTransport(),
                                                 clock: clock, policy: configuration.signalementRetry,
                                                 leaseDuration: configuration.signalementLeaseSeconds)
            backgroundServices.append(SignalementDeliveryService(deliverer: deliverer, desk: services.signalements,
                                                                 pollInterval: configuration.signalementPollSeconds, gate: migrated, logger: logger))
        }
        if let client, let settings {
            backgroundServices.append(client)
            let relay = try PostgresClusterRelay(client: client, schema: configuration.postgresSchema, logger: logger)
            backgroundServices.append(ChatNotificationListener(configuration: settings.connectionConfiguration,
                                                               chat: services.chat, logger: logger, relay: relay))
            backgroundServices.append(ChatClusterService(chat: services.chat, leaseDuration: configuration.leaseSeconds, gate: migrated, logger: logger))
        }
        var app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: backgroundServices,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        if let client, let settings {
            let bookings = try PostgresBookingStore(client: client, schema: configuration.postgresSchema, logger: logger)
            let chat = try PostgresConversationStore(client: client, schema: configuration.postgresSchema, logger: logger)
            let local = try PostgresLocalInformationStore(client: client, schema: configuration.postgresSchema, logger: logger)
            let outbox = try PostgresSignalementStore(client: client, schema: configuration.postgresSchema, logger: logger)
            app.beforeServerStarts {
                // One connection first: a refused login, a server without TLS or an untrusted certificate is said in one sentence.
                try await settings.checkConnection(logger: logger)
                let bookingVersion = try await bookings.migrate()
                let chatVersion = try await chat.migrate()
                let localVersion = try await local.migrate()
                let signalementVersion = try await outbox.migrate()
                logger.info("database schema ready", metadata: ["schema.bookings": "\(bookingVersion)", "schema.chat": "\(chatVersion)",
                                                                "schema.local_information": "\(localVersion)",
                                                                "schema.signalements": "\(signalementVersion)"])
                await retention.purgeOnce()
                await migrated.open()
            }
        } else {
            app.beforeServerStarts { await retention.purgeOnce() }
        }
        return app
    }
}
