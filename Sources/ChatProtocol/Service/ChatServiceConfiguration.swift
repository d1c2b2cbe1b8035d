import Foundation

extension ChatService {
    /// Tunables of the service.
    public struct Configuration: Sendable {
        /// The routing engine's configuration.
        public var engine: RoutingEngine.Configuration
        /// Message limits.
        public var limits: MessageLimits
        /// Messages a visitor may send in a burst.
        public var rateLimitBurst: Double
        /// Messages per second a visitor may send in the long run.
        public var rateLimitPerSecond: Double
        /// A taken conversation without any message for this long is closed (seconds).
        public var inactivityTimeout: TimeInterval
        /// Conversations whose last event is older than this are purged (seconds).
        public var retention: TimeInterval
        /// The operators' working language (messages are translated to it when a translator is set).
        public var operatorLanguage: String
        /// Whether an operator must be connected to be given conversations and to count as staffing
        /// a platform. `false` (the default) routes to every registered operator on shift, connected
        /// or not; a deployment whose operators log in and out sets it, so that nobody is given a
        /// conversation while away and visitors are told when nobody present serves their platform.
        public var operatorsMustConnect: Bool
        /// The numbers given to a visitor when nobody present serves their platform (`unstaffed`).
        public var helpLines: [Platform: [HelpLine]]
        /// How long a visitor has to answer a consent request (seconds, default 300): without a
        /// `yes` by then, the signalement is filed without the excerpt.
        public var consentTimeout: TimeInterval
        /// Frames submitted with ``ChatService/submit(_:from:)`` and not yet handled beyond which a
        /// transport waits for them to be handled before reading more (back-pressure; default 4,096).
        public var inboxCapacity: Int

        /// Creates a configuration: 4,000 characters, 5 messages at once then 1 per second,
        /// 20 minutes of inactivity, 30 days of retention, operators writing French, routing to
        /// registered operators, the French help lines, five minutes to answer a consent request, 4,096 frames
        /// submitted ahead of the service.
        public init(engine: RoutingEngine.Configuration = .init(), limits: MessageLimits = .init(),
                    rateLimitBurst: Double = 5, rateLimitPerSecond: Double = 1,
                    inactivityTimeout: TimeInterval = 20 * 60, retention: TimeInterval = 30 * 86_400,
                    operatorLanguage: String = "fr", operatorsMustConnect: Bool = false,
                    helpLines: [Platform: [HelpLine]] = HelpLine.france, consentTimeout: TimeInterval = 300,
                    inboxCapacity: Int = 4_096) {
            self.engine = engine
            self.limits = limits
            self.rateLimitBurst = rateLimitBurst
            self.rateLimitPerSecond = rateLimitPerSecond
            self.inactivityTimeout = inactivityTimeout
            self.retention = retention
            self.operatorLanguage = operatorLanguage
            self.operatorsMustConnect = operatorsMustConnect
            self.helpLines = helpLines
            self.consentTimeout = max(1, consentTimeout)
            self.inboxCapacity = max(1, inboxCapacity)
        }
    }
}
