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
}
