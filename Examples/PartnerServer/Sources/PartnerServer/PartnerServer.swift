import Appointments
import ChatProtocol
import Foundation
import Hummingbird
import HummingbirdWebSocket
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
        let store: any BookingStore
        let storageName: String
        let check: @Sendable () async -> Bool
        var client: PostgresClient?
        var conversations: any ConversationRecordStore = InMemoryConversationStore()
        var coordinator: (any RoutingCoordinator)?
        var relay: (any ClusterRelay)?
        var rateLimiter: (any VisitorRateLimiter)?
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
            // The signalements outbox: filing and its delivery job in one transaction, shared by every instance's deliverer.
            signalementStore = try PostgresSignalementStore(client: postgres, schema: configuration.postgresSchema, logger: logger)
        } else if let path = configuration.sqlitePath {
            store = try SQLiteBookingStore(path: path)
            storageName = "sqlite"
            check = { true }
        } else {
            store = InMemoryBookingStore()
            storageName = "memory"
            check = { true }
        }
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
        let schedules = PublishedScheduleProvider.standard(stations: stations, catalog: catalog,
                                                           published: try configuration.publishedSchedules())
        var services = ServerServices(orienteur: orienteur, stations: stations, teleservices: catalog,
                                      appointments: AppointmentBook(store: store, schedules: schedules, clock: clock), chat: chat, presence: OperatorPresence(),
                                      escalations: desk, figures: figures, signalements: signalements, clock: clock, storageName: storageName,
                                      storageCheck: check)
        services.maxBodyBytes = configuration.maxBodyBytes
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
        var backgroundServices: [any Service] = []
        let settings = try configuration.postgresSettings()
        // With PostgreSQL, the deliverer waits for the migrations of `beforeServerStarts`.
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
            backgroundServices.append(ChatClusterService(chat: services.chat, leaseDuration: configuration.leaseSeconds, logger: logger))
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
            let outbox = try PostgresSignalementStore(client: client, schema: configuration.postgresSchema, logger: logger)
            app.beforeServerStarts {
                // One connection first: a refused login, a server without TLS or an untrusted certificate is said in one sentence.
                try await settings.checkConnection(logger: logger)
                let bookingVersion = try await bookings.migrate()
                let chatVersion = try await chat.migrate()
                let signalementVersion = try await outbox.migrate()
                logger.info("database schema ready", metadata: ["schema.bookings": "\(bookingVersion)", "schema.chat": "\(chatVersion)",
                                                                "schema.signalements": "\(signalementVersion)"])
                await migrated.open()
            }
        }
        return app
    }
}
