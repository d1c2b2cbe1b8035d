import Foundation
import MaSecurite
import Synchronization
import Testing

/// Escalation end to end, in process: a visitor's first message read by OrienteurKit's
/// emergency detection, the queue jump, the supervisor's alert and the escalation log.
@Suite struct ChatEscalationTests {
    /// Collects a connection's frames in the background.
    final class Frames: Sendable {
        private let frames = Mutex<[ChatEnvelope]>([])
        private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

        init(_ connection: ChatConnection) {
            let box = self
            task.withLock { $0 = Task { for await frame in connection.events { box.frames.withLock { $0.append(frame) } } } }
        }

        deinit { task.withLock { $0?.cancel() } }

        var all: [ChatEnvelope] { frames.withLock { $0 } }

        var events: [ConversationEvent] { all.compactMap { if case .event(let stored) = $0 { stored.event } else { nil } } }

        var conversation: ConversationID? {
            all.lazy.compactMap { if case .welcome(let welcome) = $0 { welcome.conversation } else { nil } }.first
        }

        func wait(_ condition: @Sendable ([ChatEnvelope]) -> Bool) async -> Bool {
            for _ in 0..<2_000 {
                if condition(all) { return true }
                try? await Task.sleep(for: .milliseconds(1))
            }
            return condition(all)
        }
    }

    @Test func theClassifierIsOrienteurKitsDetection() async throws {
        let classifier = OrienteurEmergencyClassifier(orienteur: try Fixtures.modules.get().orienteur)
        #expect(await classifier.isEmergency("il me frappe en ce moment"))
        #expect(await classifier.isEmergency("mon fils de 9 ans n'est pas rentré de l'école"))
        #expect(await !classifier.isEmergency("Bonjour, comment porter plainte pour un vol de vélo ?"))
        #expect(await !classifier.isEmergency("au secours mon compte instagram a été piraté"))
    }

    @Test func aFirstMessageInDangerJumpsTheQueueAndAlertsTheSupervisor() async throws {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let clock = ManualWallClock(start)
        let desk = SupervisorDesk(clock: clock)
        let classifier = OrienteurEmergencyClassifier(orienteur: try Fixtures.modules.get().orienteur)
        let chat = await ChatService.withEscalation(configuration: .init(engine: .init(timeZone: .gmt)), clock: clock,
                                                    classifier: classifier, desk: desk)
        try await chat.registerOperator(OperatorProfile(id: OperatorID("op1"), pseudonym: "Agent 1", capacity: 1))
        try await chat.registerOperator(OperatorProfile(id: OperatorID("sup1"), pseudonym: "Superviseur 1", role: .supervisor))
        let supervisor = Frames(await chat.connect(Hello(role: .operator, operatorID: OperatorID("sup1"))))
        let officerConnection = await chat.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let officer = Frames(officerConnection)

        // The officer is busy; two visitors wait.
        let busy = Frames(await chat.connect(.newVisitor()))
        #expect(await busy.wait { _ in busy.events.contains { if case .assigned = $0 { true } else { false } } })
        let earlier = Frames(await chat.connect(.newVisitor()))
        let visitorConnection = await chat.connect(.newVisitor())
        let visitor = Frames(visitorConnection)
        #expect(await visitor.wait { _ in visitor.events.contains { if case .queued(_, 2, _) = $0 { true } else { false } } })
        let earlierID = try #require(earlier.conversation)
        let id = try #require(visitor.conversation)

        // The visitor's first message.
        let text = "il me frappe en ce moment"
        await chat.handle(.send(SendMessage(role: .visitor, conversation: id, clientTransactionID: "m1", text: text)), from: visitorConnection.id)
        #expect(await visitor.wait { _ in visitor.events.contains(.emergencyRaised(source: .classifier)) })
        #expect(await chat.queueStatus(of: id)?.position == 1, "the emergency jumps the queue")
        #expect(await chat.queueStatus(of: earlierID)?.position == 2)

        // The supervisor is alerted with metadata only.
        let alert = SupervisorAlert(conversation: id, platform: .tchat, source: .classifier, at: start)
        #expect(await supervisor.wait { $0.contains(.supervisorAlert(alert)) })
        let seenBySupervisor = try supervisor.all.map { String(decoding: try $0.jsonData(), as: UTF8.self) }.joined(separator: "\n")
        #expect(!seenBySupervisor.contains("frappe"))
        #expect(await desk.escalations().map(\.conversation) == [id])
        #expect(await desk.escalations().first?.alertedConnections == 1)

        // The officer frees up: the emergency is taken before the visitor who came earlier.
        let busyID = try #require(busy.conversation)
        await chat.handle(.action(.close(busyID)), from: officerConnection.id)
        #expect(await chat.state(of: id) == .assigned)
        #expect(await chat.state(of: earlierID) == .waiting)
        #expect(await officer.wait { _ in officer.events.contains(.emergencyRaised(source: .classifier)) }, "the officer gets the history")
    }
}
