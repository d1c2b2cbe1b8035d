import ChatProtocol
import Foundation
import Testing

@Suite struct WireProtocolTests {
    @Test func everyTypeHasAnExample() {
        #expect(Set(ChatEnvelope.examples.map(\.typeName)) == Set(ChatEnvelope.allTypes))
    }

    @Test func everyExampleRoundTrips() throws {
        for example in ChatEnvelope.examples {
            let data = try example.jsonData()
            let decoded = try ChatEnvelope.decode(data)
            #expect(decoded == example, "\(example.typeName) did not round-trip: \(String(decoding: data, as: UTF8.self))")
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["v"] as? Int == 1)
            #expect(object["type"] as? String == example.typeName)
        }
    }

    @Test func documentationShowsEveryExampleVerbatim() throws {
        // The page lives in the package (Documentation/ChatProtocol.md); its examples come from the real encoder.
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Documentation/ChatProtocol.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        for example in ChatEnvelope.examples {
            let json = String(decoding: try example.jsonData(), as: UTF8.self)
            #expect(text.contains(json), "Documentation/ChatProtocol.md lacks the \(example.typeName) example \(json)")
        }
    }

    @Test func unknownTypeIsRejectedWithTheKnownTypes() {
        #expect {
            _ = try ChatEnvelope.decode(Data(#"{"v":1,"type":"shout","conversation":"c1"}"#.utf8))
        } throws: { error in
            let frame = error as? ChatErrorFrame
            return frame?.code == .unknownType && frame?.message.contains("shout") == true && frame?.message.contains("visitor_message") == true
        }
    }

    @Test(arguments: [#"{"v":2,"type":"hello","role":"visitor"}"#, #"{"type":"hello","role":"visitor"}"#, #"{"v":"1","type":"hello"}"#])
    func unsupportedOrMissingVersionIsRejected(_ json: String) {
        #expect {
            _ = try ChatEnvelope.decode(Data(json.utf8))
        } throws: { error in
            (error as? ChatErrorFrame)?.code == .unsupportedVersion
        }
    }

    @Test func missingFieldNamesTheField() {
        #expect {
            _ = try ChatEnvelope.decode(Data(#"{"v":1,"type":"visitor_message","conversation":"c1","text":"x"}"#.utf8))
        } throws: { error in
            let frame = error as? ChatErrorFrame
            return frame?.code == .malformed && frame?.message.contains("client_txn_id") == true
        }
    }

    @Test func invalidUTF8AndNonJSONAreDistinguished() {
        #expect { _ = try ChatEnvelope.decode(Data([0x7B, 0xFF, 0xFE, 0x7D])) } throws: { ($0 as? ChatErrorFrame)?.code == .invalidUTF8 }
        #expect { _ = try ChatEnvelope.decode(Data("not json".utf8)) } throws: { ($0 as? ChatErrorFrame)?.code == .malformed }
        #expect { _ = try ChatEnvelope.decode(Data("[1,2]".utf8)) } throws: { ($0 as? ChatErrorFrame)?.code == .malformed }
    }

    @Test func clientMessageWithoutSeqIsASendAndWithSeqAnEvent() throws {
        let send = try ChatEnvelope.decode(Data(#"{"v":1,"type":"visitor_message","conversation":"c1","client_txn_id":"t","text":"hi"}"#.utf8))
        #expect(send == .send(SendMessage(role: .visitor, conversation: ConversationID("c1"), clientTransactionID: "t", text: "hi")))
        let event = try ChatEnvelope.decode(Data(
            #"{"v":1,"type":"visitor_message","conversation":"c1","client_txn_id":"t","text":"hi","seq":4,"at":"2026-05-28T20:26:40.000Z"}"#.utf8))
        guard case .event(let stored) = event else { Issue.record("expected an event, got \(event)"); return }
        #expect(stored.sequence == 4)
    }

    @Test func transferTargetsRoundTrip() throws {
        let id = ConversationID("c9")
        for target in [TransferTarget.platform(.espaceMineurs), .operator(OperatorID("op3")), .role(.psychologist, .pnav)] {
            let frame = ChatEnvelope.action(.transfer(id, target, note: "note"))
            #expect(try ChatEnvelope.decode(frame.jsonData()) == frame)
        }
    }

    // MARK: Signalements from the chat (types added to version 1)

    @Test func theSignalementFramesDecodeFromTheirWireForm() throws {
        let id = ConversationID("c1")
        let request = try ChatEnvelope.decode(Data(#"{"v":1,"type":"signalement","conversation":"c1","client_txn_id":"s1","insee":"33063","fields":{"place":"hall B"}}"#.utf8))
        #expect(request == .signalement(ChatSignalementRequest(conversation: id, clientTransactionID: "s1", insee: "33063", fields: ["place": "hall B"])))
        if case .signalement(let decoded) = request {
            #expect(decoded.excerpt, "the excerpt is asked for unless the operator says excerpt: false")
            #expect(decoded.fromSequence == nil && decoded.toSequence == nil)
        }
        let answer = try ChatEnvelope.decode(Data(#"{"v":1,"type":"consent","conversation":"c1","request":"s1","answer":"no"}"#.utf8))
        #expect(answer == .consent(ConsentReply(conversation: id, request: "s1", answer: .no)))
        let stored = try ChatEnvelope.decode(Data(
            #"{"v":1,"type":"consent","conversation":"c1","request":"s1","answer":"yes","seq":7,"at":"2026-05-28T20:26:40.000Z"}"#.utf8))
        guard case .event(let event) = stored else { Issue.record("expected an event, got \(stored)"); return }
        #expect(event.event == .consentAnswered(request: "s1", answer: .yes))
        let visitorCopy = try ChatEnvelope.decode(Data(
            #"{"v":1,"type":"signalement_filed","conversation":"c1","request":"s1","consent":"timeout","seq":8,"at":"2026-05-28T20:26:40.000Z"}"#.utf8))
        guard case .event(let filed) = visitorCopy else { Issue.record("expected an event"); return }
        #expect(filed.event == .signalementFiled(request: "s1", consent: .timeout, receipt: nil))
    }

    @Test func everyConsentOutcomeAndBothReceiptFormsRoundTrip() throws {
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        for outcome in ConsentOutcome.allCases {
            for receipt in [nil, ChatSignalementReceipt(reference: "S-K7QM-4XTR-9BWE-2HPA-ZC3N", unit: "Brigade de Cenon", approximate: false)] {
                let frame = ChatEnvelope.event(SequencedEvent(conversation: ConversationID("c1"), sequence: 3, at: at,
                                                              event: .signalementFiled(request: "r", consent: outcome, receipt: receipt)))
                #expect(try ChatEnvelope.decode(frame.jsonData()) == frame)
            }
        }
        let range = ChatEnvelope.signalement(ChatSignalementRequest(conversation: ConversationID("c1"), clientTransactionID: "s", insee: "2A004",
                                                                    fields: [:], fromSequence: 4, toSequence: 9, excerpt: false))
        #expect(try ChatEnvelope.decode(range.jsonData()) == range)
        let error = ChatEnvelope.error(ChatErrorFrame(code: .invalidSignalement, message: "m", field: "fields.when.end"))
        #expect(try ChatEnvelope.decode(error.jsonData()) == error)
    }

    @Test func badSignalementFramesNameTheField() {
        let cases = [
            (#"{"v":1,"type":"consent","conversation":"c1","request":"s1","answer":"maybe"}"#, "answer"),
            (#"{"v":1,"type":"signalement","conversation":"c1","client_txn_id":"s1","insee":"33063","fields":{"place":3}}"#, "fields.place"),
            (#"{"v":1,"type":"signalement","conversation":"c1","client_txn_id":"s1","fields":{}}"#, "insee"),
            (#"{"v":1,"type":"consent_requested","conversation":"c1","request":"r","purpose":"p","language":"fr","from_seq":1,"to_seq":2,"expires_at":"soon","seq":3,"at":"2026-05-28T20:26:40.000Z"}"#, "expires_at"),
        ]
        for (json, field) in cases {
            #expect {
                _ = try ChatEnvelope.decode(Data(json.utf8))
            } throws: { error in
                let frame = error as? ChatErrorFrame
                return frame?.code == .malformed && frame?.message.contains(field) == true
            }
        }
    }

    @Test func theAddedTypesAreKnownAndAnUnknownOneStaysATypedError() {
        #expect(Set(ChatEnvelope.addedTypes.keys).isSubset(of: Set(ChatEnvelope.allTypes)))
        #expect(ChatEnvelope.currentVersion == 1, "types are added within version 1, never changed")
        #expect {
            _ = try ChatEnvelope.decode(Data(#"{"v":1,"type":"signalement_withdrawn","conversation":"c1"}"#.utf8))
        } throws: { error in
            (error as? ChatErrorFrame)?.code == .unknownType
        }
    }
}
