import ChatProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// Escalation end to end over a real WebSocket: OrienteurKit's danger detection marks the
/// conversation, it jumps the queue, and the connected supervisor gets a `supervisor_alert` frame
/// without any message content; a platform nobody present serves says so (`unstaffed`).
@Suite struct ChatEscalationTests {
    /// One conversation at a time, so later visitors queue behind the first one.
    static let officer = OperatorAccount(id: "op-one", displayName: "Agent 0001", token: "token-officer-one-0123456789", capacity: 1)
    static let supervisor = OperatorAccount(id: "sup-1", displayName: "Superviseur 01", token: "token-supervisor-0123456789",
                                            role: .supervisor, platforms: [.tchat, .pnav, .espaceMineurs], vssTrained: true,
                                            minorsTrained: true)

    static func application() async throws -> some ApplicationProtocol {
        try await TestSupport.application(ServerConfiguration(port: 0, rateLimitPerMinute: 0, operators: [officer, supervisor]))
    }

    static func isEmergency(_ envelope: ChatEnvelope) -> Bool {
        if case .event(let sequenced) = envelope, case .emergencyRaised = sequenced.event { return true }
        return false
    }

    static func queuedPosition(_ envelope: ChatEnvelope) -> Int? {
        if case .event(let sequenced) = envelope, case .queued(_, let position, _) = sequenced.event { return position }
        return nil
    }

    @Test func aVisitorInDangerJumpsTheQueueAndTheSupervisorIsAlerted() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            let officer = try await ChatStaffingTests.connect(Self.officer, port: port)
            let supervisor = try await ChatStaffingTests.connect(Self.supervisor, port: port)

            // The officer takes the first visitor; two more wait, in arrival order.
            let (first, firstConversation) = try await ChatStaffingTests.visitor(on: .tchat, port: port)
            _ = try await first.inbox.next("first assigned") { ChatStaffingTests.assignment($0) != nil }
            let (second, _) = try await ChatStaffingTests.visitor(on: .tchat, port: port)
            _ = try await second.inbox.next("second queued first") { Self.queuedPosition($0) == 1 }
            let (third, thirdConversation) = try await ChatStaffingTests.visitor(on: .tchat, port: port)
            _ = try await third.inbox.next("third queued second") { Self.queuedPosition($0) == 2 }

            // The third visitor writes what OrienteurKit reads as a danger happening now.
            let text = "il me frappe en ce moment"
            try third.send(.send(SendMessage(role: .visitor, conversation: thirdConversation, clientTransactionID: "t-1", text: text)))
            _ = try await third.inbox.next("emergency raised") { Self.isEmergency($0) }
            _ = try await third.inbox.next("now first in the queue") { Self.queuedPosition($0) == 1 }
            _ = try await second.inbox.next("pushed back to second") { Self.queuedPosition($0) == 2 }

            // The supervisor is alerted with metadata only: which conversation, platform, source.
            let alertFrame = try await supervisor.inbox.next("supervisor alert") { if case .supervisorAlert = $0 { true } else { false } }
            guard case .supervisorAlert(let alert) = alertFrame else { throw ChatTestError(message: "not an alert") }
            #expect(alert.conversation == thirdConversation)
            #expect(alert.platform == .tchat)
            #expect(alert.source == .classifier)
            let wire = String(decoding: try alertFrame.jsonData(), as: UTF8.self)
            #expect(!wire.contains("frappe"))
            #expect(!wire.contains(text))
            // The supervisor is not given the conversation: they supervise.
            #expect(await !ChatStaffingTests.saw(supervisor, thirdConversation))

            // The officer ends the first conversation: the emergency is taken before the earlier visitor.
            try officer.send(.action(.close(firstConversation)))
            let taken = try await third.inbox.next("emergency assigned") { ChatStaffingTests.assignment($0) != nil }
            #expect(ChatStaffingTests.assignment(taken)?.pseudonym == "Agent 0001")
            #expect(await second.inbox.all.compactMap(ChatStaffingTests.assignment).isEmpty)
            for peer in [officer, supervisor, first, second, third] { await peer.close() }
        }
    }

    @Test func aPlatformNobodyPresentServesIsUnstaffed() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            // Only the tchat officer is connected (the supervisor, who serves every platform, is not,
            // and would not take conversations anyway): the minors' space is unstaffed.
            let officer = try await ChatStaffingTests.connect(Self.officer, port: port)
            let (visitor, _) = try await ChatStaffingTests.visitor(on: .espaceMineurs, port: port)
            let notice = try await visitor.inbox.next("unstaffed") {
                if case .event(let sequenced) = $0, case .unstaffed = sequenced.event { true } else { false }
            }
            guard case .event(let sequenced) = notice, case .unstaffed(let platform, let helpLines) = sequenced.event else {
                throw ChatTestError(message: "not an unstaffed notice")
            }
            #expect(platform == .espaceMineurs)
            #expect(!helpLines.isEmpty)
            for peer in [officer, visitor] { await peer.close() }
        }
    }
}
