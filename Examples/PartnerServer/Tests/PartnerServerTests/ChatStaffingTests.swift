import ChatProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// Staffing over a real WebSocket: the operators file's platforms, roles and trainings decide
/// who is given a conversation, and only operators who are connected are given any.
@Suite struct ChatStaffingTests {
    static let general = OperatorAccount(id: "op-general", displayName: "Agent Général", token: "token-general-0123456789")
    static let vss = OperatorAccount(id: "op-vss", displayName: "Agent VSS", token: "token-vss-0123456789abcdef",
                                     platforms: [.pnav], vssTrained: true)
    static let minors = OperatorAccount(id: "op-minors", displayName: "Agent Mineurs", token: "token-minors-0123456789",
                                        platforms: [.espaceMineurs, .tchat], minorsTrained: true)
    static let psychologist = OperatorAccount(id: "psy-1", displayName: "Psychologue 01", token: "token-psychologist-0123456789",
                                              role: .psychologist, platforms: [.pnav], capacity: 1)

    static func application() async throws -> some ApplicationProtocol {
        try await TestSupport.application(ServerConfiguration(port: 0, rateLimitPerMinute: 0,
                                                              operators: [general, vss, minors, psychologist]))
    }

    /// An operator console, connected and welcomed.
    static func connect(_ account: OperatorAccount, port: Int) async throws -> ChatPeer {
        let peer = ChatPeer(port: port, bearer: account.token)
        try peer.send(.hello(Hello(role: .operator, operatorID: OperatorID(account.id))))
        _ = try await peer.inbox.next("\(account.id) welcome") { if case .welcome = $0 { true } else { false } }
        return peer
    }

    /// A new visitor on `platform`, welcomed and queued (so routing has run once for it).
    static func visitor(on platform: Platform, port: Int) async throws -> (ChatPeer, ConversationID) {
        let peer = ChatPeer(port: port)
        try peer.send(.hello(Hello.newVisitor(platform: platform, language: "fr")))
        guard case .welcome(let welcome) = try await peer.inbox.next("visitor welcome", where: { if case .welcome = $0 { true } else { false } }),
              let conversation = welcome.conversation else {
            throw ChatTestError(message: "the visitor welcome has no conversation")
        }
        return (peer, conversation)
    }

    static func assignment(_ envelope: ChatEnvelope) -> (pseudonym: String, role: OperatorRole)? {
        if case .event(let sequenced) = envelope, case .assigned(let pseudonym, let role) = sequenced.event { return (pseudonym, role) }
        return nil
    }

    static func isQueued(_ envelope: ChatEnvelope) -> Bool {
        if case .event(let sequenced) = envelope, case .queued = sequenced.event { return true }
        return false
    }

    /// `unstaffed`: nobody connected serves the visitor's platform (the server requires a connection).
    static func isUnstaffed(_ envelope: ChatEnvelope) -> Bool {
        if case .event(let sequenced) = envelope, case .unstaffed = sequenced.event { return true }
        return false
    }

    /// Whether an operator's inbox holds any event of `conversation`.
    static func saw(_ peer: ChatPeer, _ conversation: ConversationID) async -> Bool {
        await peer.inbox.all.contains { if case .event(let sequenced) = $0 { sequenced.conversation == conversation } else { false } }
    }

    /// Waits until the live figures count `count` connected operators (at most 5 s).
    static func waitForOperatorsPresent(_ count: Int, client: some TestClientProtocol) async throws {
        for _ in 0..<100 {
            let (_, figures) = try await client.getJSON("/v1/chat/figures")
            if (figures["operators"] as? [String: Any])?["present"] as? Int == count { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChatTestError(message: "the figures never counted \(count) operators present")
    }

    @Test func aVSSVisitorIsRoutedOnlyToAVSSTrainedOperator() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            let general = try await Self.connect(Self.general, port: port)
            let minors = try await Self.connect(Self.minors, port: port)

            // Officers with room but without the VSS platform: the visitor waits, told that nobody serves pnav now.
            let (visitor, conversation) = try await Self.visitor(on: .pnav, port: port)
            _ = try await visitor.inbox.next("unstaffed on pnav", where: Self.isUnstaffed)
            #expect(await visitor.inbox.all.compactMap(Self.assignment).isEmpty)

            // The VSS-trained officer connects and takes it.
            let vss = try await Self.connect(Self.vss, port: port)
            let taken = try await visitor.inbox.next("assignment") { Self.assignment($0) != nil }
            #expect(Self.assignment(taken)?.pseudonym == "Agent VSS")
            _ = try await vss.inbox.next("the conversation at the VSS officer") {
                if case .event(let sequenced) = $0 { sequenced.conversation == conversation } else { false }
            }
            #expect(await !Self.saw(general, conversation))
            #expect(await !Self.saw(minors, conversation))
            for peer in [visitor, general, minors, vss] { await peer.close() }
        }
    }

    @Test func aMinorsVisitorIsRoutedOnlyToMinorsStaff() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            let general = try await Self.connect(Self.general, port: port)
            let vss = try await Self.connect(Self.vss, port: port)

            let (visitor, conversation) = try await Self.visitor(on: .espaceMineurs, port: port)
            _ = try await visitor.inbox.next("unstaffed on espace-mineurs", where: Self.isUnstaffed)
            #expect(await visitor.inbox.all.compactMap(Self.assignment).isEmpty)

            let minors = try await Self.connect(Self.minors, port: port)
            let taken = try await visitor.inbox.next("assignment") { Self.assignment($0) != nil }
            #expect(Self.assignment(taken)?.pseudonym == "Agent Mineurs")
            _ = try await minors.inbox.next("the conversation at the minors officer") {
                if case .event(let sequenced) = $0 { sequenced.conversation == conversation } else { false }
            }
            #expect(await !Self.saw(general, conversation))
            #expect(await !Self.saw(vss, conversation))
            for peer in [visitor, general, vss, minors] { await peer.close() }
        }
    }

    @Test func aTransferToThePsychologistReachesThePsychologist() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            let psychologist = try await Self.connect(Self.psychologist, port: port)
            let vss = try await Self.connect(Self.vss, port: port)
            // The psychologist takes no first contact: the VSS officer does.
            let (visitor, conversation) = try await Self.visitor(on: .pnav, port: port)
            let first = try await visitor.inbox.next("assignment") { Self.assignment($0) != nil }
            #expect(Self.assignment(first)?.pseudonym == "Agent VSS")
            _ = try await vss.inbox.next("assigned at the officer") { Self.assignment($0) != nil }

            try vss.send(.action(.transfer(conversation, .role(.psychologist, .pnav), note: "hand-off")))
            let second = try await visitor.inbox.next("hand-off") { Self.assignment($0)?.role == .psychologist }
            #expect(Self.assignment(second)?.pseudonym == "Psychologue 01")
            _ = try await psychologist.inbox.next("the conversation at the psychologist") { Self.assignment($0)?.role == .psychologist }
            for peer in [visitor, vss, psychologist] { await peer.close() }
        }
    }

    @Test func onlyConnectedOperatorsAreGivenConversations() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            // Nobody is connected: the visitor waits (told so) instead of being "taken" by an absent officer.
            let (visitor, _) = try await Self.visitor(on: .tchat, port: port)
            _ = try await visitor.inbox.next("unstaffed", where: Self.isUnstaffed)
            #expect(await visitor.inbox.all.compactMap(Self.assignment).isEmpty)
            let general = try await Self.connect(Self.general, port: port)
            let taken = try await visitor.inbox.next("assignment") { Self.assignment($0) != nil }
            #expect(Self.assignment(taken)?.pseudonym == "Agent Général")

            // The officer leaves: the next visitor waits for the minors officer (who also serves tchat).
            await general.close()
            try await Self.waitForOperatorsPresent(0, client: client)
            let (next, _) = try await Self.visitor(on: .tchat, port: port)
            _ = try await next.inbox.next("unstaffed", where: Self.isUnstaffed)
            #expect(await next.inbox.all.compactMap(Self.assignment).isEmpty)
            let minors = try await Self.connect(Self.minors, port: port)
            let second = try await next.inbox.next("assignment") { Self.assignment($0) != nil }
            #expect(Self.assignment(second)?.pseudonym == "Agent Mineurs")
            for peer in [visitor, next, minors] { await peer.close() }
        }
    }
}
