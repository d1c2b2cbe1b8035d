import ChatProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// The live figures: take-in quantiles, queues, abandoned waits, operators and capacity, as
/// Prometheus text at `/metrics` and JSON at `/v1/chat/figures`, with no content and no ids.
@Suite struct ChatFiguresTests {
    /// A store whose events are stamped by the test, seen through the figures.
    static func observed() -> (ObservedConversationStore, ChatFigures, Date) {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let figures = ChatFigures(operators: [ChatStaffingTests.general, ChatStaffingTests.vss], since: start)
        return (ObservedConversationStore(InMemoryConversationStore(), figures: figures), figures, start)
    }

    static func open(_ store: ObservedConversationStore, _ platform: Platform, at date: Date) async throws -> ConversationID {
        let id = ConversationID.random()
        try await store.register(ConversationRecord(conversation: id, visitorDigest: VisitorTokenDigest(of: VisitorToken.random()),
                                                    platform: platform, language: "fr", openedAt: date))
        _ = try await store.append(.queued(platform: platform, position: 1, estimatedWaitSeconds: 60), to: id,
                                   expectedLastSequence: 0, at: date)
        return id
    }

    static func append(_ event: ConversationEvent, _ store: ObservedConversationStore, _ id: ConversationID, at date: Date) async throws {
        _ = try await store.append(event, to: id, expectedLastSequence: try await store.lastSequence(of: id), at: date)
    }

    @Test func takeInQuantilesQueuesAndAbandonsAreCountedOnceEach() async throws {
        let (store, figures, start) = Self.observed()
        // Ten tchat visitors taken after 10, 20, … 100 seconds.
        var ids: [ConversationID] = []
        for i in 1...10 {
            let id = try await Self.open(store, .tchat, at: start)
            try await Self.append(.assigned(pseudonym: "Agent 1", role: .officer), store, id, at: start.addingTimeInterval(Double(i * 10)))
            ids.append(id)
        }
        // Read back (as after a notification): nothing is counted twice.
        for id in ids { _ = try await store.events(of: id, after: 0, limit: .max) }
        // One is handed back to the queue, then taken again: one take-in only, but it waits meanwhile.
        try await Self.append(.transferred(platform: .tchat, toPseudonym: nil, toRole: nil, note: nil), store, ids[0], at: start.addingTimeInterval(200))
        // Two pnav visitors wait; one leaves, one becomes an emergency.
        let leaving = try await Self.open(store, .pnav, at: start.addingTimeInterval(100))
        let staying = try await Self.open(store, .pnav, at: start.addingTimeInterval(150))
        try await Self.append(.closed(reason: .abandoned), store, leaving, at: start.addingTimeInterval(160))
        try await Self.append(.emergencyRaised(source: .visitor), store, staying, at: start.addingTimeInterval(170))

        let chat = ChatService()
        let report = await figures.report(chat: chat, presence: OperatorPresence(), now: start.addingTimeInterval(250))
        let tchat = try #require(report.platforms.first { $0.platform == "tchat" })
        #expect(tchat.opened == 10 && tchat.taken == 10 && tchat.waitsAbandoned == 0)
        #expect(tchat.takeIn.samples == 10 && tchat.takeIn.p50 == 50 && tchat.takeIn.p90 == 90 && tchat.takeIn.p99 == 100)
        #expect(tchat.takeIn.withinPromise == 1)
        #expect(tchat.queueLength == 1 && tchat.oldestWaitSeconds == 50)
        let pnav = try #require(report.platforms.first { $0.platform == "pnav" })
        #expect(pnav.opened == 2 && pnav.taken == 0 && pnav.waitsAbandoned == 1 && pnav.emergencies == 1)
        #expect(pnav.queueLength == 1 && pnav.emergenciesWaiting == 1 && pnav.oldestWaitSeconds == 100)
        #expect(pnav.takeIn.samples == 0 && pnav.takeIn.p50 == nil)

        // An hour later the quantiles' window is empty; the counters stay.
        let later = await figures.report(chat: chat, presence: OperatorPresence(), now: start.addingTimeInterval(4_000))
        let tchatLater = try #require(later.platforms.first { $0.platform == "tchat" })
        #expect(tchatLater.takeIn.samples == 0 && tchatLater.taken == 10)
    }

    /// Every sample line of a Prometheus text: name, labels, value.
    static func samples(_ text: String) throws -> [(name: String, labels: [String: String], value: Double)] {
        var result: [(String, [String: String], Double)] = []
        let line = #/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/#
        let label = #/([a-zA-Z_][a-zA-Z0-9_]*)="([^"\\]*)"/#
        for text in text.split(separator: "\n") where !text.hasPrefix("#") {
            let match = try #require(try line.wholeMatch(in: text), "not a Prometheus sample line: \(text)")
            var labels: [String: String] = [:]
            if let list = match.2 {
                for pair in list.split(separator: ",") {
                    let parsed = try #require(try label.wholeMatch(in: pair), "bad label in \(text)")
                    labels[String(parsed.1)] = String(parsed.2)
                }
            }
            let value = try #require(Double(match.3), "bad value in \(text)")
            result.append((String(match.1), labels, value))
        }
        return result
    }

    @Test func metricsAndFiguresOverHTTPHoldCountsNotContent() async throws {
        try await ChatStaffingTests.application().test(.live) { client in
            let port = try #require(client.port)
            let officer = try await ChatStaffingTests.connect(ChatStaffingTests.general, port: port)
            // A tchat visitor is taken and writes; a pnav visitor waits (no VSS officer here) and leaves; another waits.
            let (taken, conversation) = try await ChatStaffingTests.visitor(on: .tchat, port: port)
            _ = try await taken.inbox.next("assignment") { ChatStaffingTests.assignment($0) != nil }
            let secret = "Mon voisin Jean Dupont me menace"
            try taken.send(.send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: "v-1", text: secret)))
            _ = try await taken.inbox.next("ack") { if case .ack = $0 { true } else { false } }
            let (leaving, leavingConversation) = try await ChatStaffingTests.visitor(on: .pnav, port: port)
            _ = try await leaving.inbox.next("unstaffed", where: ChatStaffingTests.isUnstaffed)
            try leaving.send(.action(.leave(leavingConversation)))
            _ = try await leaving.inbox.next("closed") {
                if case .event(let sequenced) = $0, case .closed(.abandoned) = sequenced.event { true } else { false }
            }
            let (waiting, _) = try await ChatStaffingTests.visitor(on: .pnav, port: port)
            _ = try await waiting.inbox.next("unstaffed", where: ChatStaffingTests.isUnstaffed)

            let text = try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                return String(buffer: response.body)
            }
            let samples = try Self.samples(text)
            func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
                samples.first { $0.name == name && $0.labels == labels }?.value
            }
            #expect(value("masecurite_chat_conversations_opened_total", ["platform": "tchat"]) == 1)
            #expect(value("masecurite_chat_conversations_opened_total", ["platform": "pnav"]) == 2)
            #expect(value("masecurite_chat_conversations_taken_total", ["platform": "tchat"]) == 1)
            #expect(value("masecurite_chat_waits_abandoned_total", ["platform": "pnav"]) == 1)
            #expect(value("masecurite_chat_queue_length", ["platform": "pnav"]) == 1)
            #expect(value("masecurite_chat_queue_length", ["platform": "tchat"]) == 0)
            #expect(value("masecurite_chat_take_in_seconds_count", ["platform": "tchat"]) == 1)
            #expect(value("masecurite_chat_take_in_window_samples", ["platform": "tchat"]) == 1)
            #expect(value("masecurite_chat_take_in_window_seconds", ["platform": "tchat", "quantile": "0.9"]) != nil)
            #expect(value("masecurite_chat_operators_present", ["role": "officer"]) == 1)
            #expect(value("masecurite_chat_operators_serving", ["platform": "pnav"]) == 0)
            #expect(value("masecurite_chat_capacity_units") == 8)
            #expect(value("masecurite_chat_capacity_used_units") == 1)
            // A histogram has its +Inf bucket, sum and count per platform.
            #expect(samples.contains { $0.name == "masecurite_chat_take_in_seconds_bucket" && $0.labels == ["platform": "pnav", "le": "+Inf"] })
            #expect(text.contains("# TYPE masecurite_chat_take_in_seconds histogram"))
            // Every family: one HELP line right before its TYPE line, then its samples.
            let lines = text.split(separator: "\n").map(String.init)
            for (index, line) in lines.enumerated() where line.hasPrefix("# TYPE ") {
                let name = line.split(separator: " ")[2]
                #expect(index > 0 && lines[index - 1].hasPrefix("# HELP \(name) "), "no HELP before \(line)")
            }
            #expect(Set(lines.filter { $0.hasPrefix("# TYPE ") }).count == lines.filter { $0.hasPrefix("# TYPE ") }.count)
            #expect(text.contains("# TYPE masecurite_chat_waits_abandoned_total counter"))

            let (status, figures) = try await client.getJSON("/v1/chat/figures")
            #expect(status == .ok)
            let platforms = try #require(figures["platforms"] as? [[String: Any]])
            let tchat = try #require(platforms.first { $0["platform"] as? String == "tchat" })
            #expect(tchat["taken"] as? Int == 1)
            #expect((tchat["take_in_seconds"] as? [String: Any])?["samples"] as? Int == 1)
            let pnav = try #require(platforms.first { $0["platform"] as? String == "pnav" })
            #expect(pnav["queue_length"] as? Int == 1 && pnav["waits_abandoned"] as? Int == 1)
            #expect((pnav["take_in_seconds"] as? [String: Any])?["p50"] is NSNull)
            #expect((figures["operators"] as? [String: Any])?["present"] as? Int == 1)
            let json = try await client.execute(uri: "/v1/chat/figures", method: .get) { String(buffer: $0.body) }

            // No content, no visitor or conversation id, no operator id or token, in either.
            let welcome = await taken.inbox.all.compactMap { envelope -> Welcome? in if case .welcome(let w) = envelope { w } else { nil } }.first
            let token = try #require(welcome?.token?.rawValue)
            for body in [text, json] {
                for forbidden in [secret, "Dupont", token, conversation.rawValue, leavingConversation.rawValue,
                                  ChatStaffingTests.general.id, ChatStaffingTests.general.token, ChatStaffingTests.general.displayName] {
                    #expect(!body.contains(forbidden), "'\(forbidden)' appears in the figures")
                }
            }
            for peer in [taken, leaving, waiting, officer] { await peer.close() }
        }
    }
}
