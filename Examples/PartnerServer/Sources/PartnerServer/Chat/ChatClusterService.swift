import ChatProtocol
import Foundation
import Logging
import ServiceLifecycle

/// Keeps this instance in the chat cluster (PostgreSQL): every ``renewEvery`` it renews the instance's
/// lease, sends back to the queue the conversations of instances whose lease ran out (a crash, a
/// `kill -9`), and claims what the operators connected here may take
/// (``ChatProtocol/ChatService/maintainCluster(leaseDuration:)``). Runs as a service beside the server.
public struct ChatClusterService: Service {
    private let chat: ChatService
    private let leaseDuration: TimeInterval
    private let renewEvery: Duration
    private let gate: StartupGate
    private let logger: Logger

    /// A service for `chat` holding leases of `leaseDuration` seconds, renewed every third of it, from
    /// the moment `gate` opens (the migrations that create the cluster's tables ran).
    public init(chat: ChatService, leaseDuration: TimeInterval, gate: StartupGate = StartupGate(open: true), logger: Logger) {
        self.chat = chat
        self.leaseDuration = max(1, leaseDuration)
        renewEvery = .milliseconds(Int64(self.leaseDuration * 1000 / 3))
        self.gate = gate
        self.logger = logger
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await gate.wait()
                while !Task.isCancelled {
                    do {
                        let sentBack = try await chat.maintainCluster(leaseDuration: leaseDuration)
                        if sentBack > 0 {
                            logger.notice("conversations of a stopped instance sent back to the queue", metadata: ["count": "\(sentBack)"])
                        }
                    } catch {
                        logger.warning("chat lease not renewed; retrying", metadata: ["error": "\(error)"])
                    }
                    try await Task.sleep(for: renewEvery)
                }
            }
        } catch is CancellationError {
            return
        }
    }
}
