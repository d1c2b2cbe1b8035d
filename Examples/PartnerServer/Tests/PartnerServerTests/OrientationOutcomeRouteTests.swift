import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LocalInformation
import MaSecuriteCore
@testable import PartnerServer
import Testing

/// `POST /v1/orientation/outcome`: what followed a served leaf or fiche is counted
/// once per showing, with the view id the server issued; forged, reused or
/// malformed ids count nothing.
@Suite struct OrientationOutcomeRouteTests {
    /// Walks `victime` taking the first choice until a leaf; the leaf id and the view of that showing.
    static func reachALeaf(_ client: any TestClientProtocol) async throws -> (leaf: String, view: String) {
        var (_, state) = try await client.object("/v1/orientation/step", method: .post, json: ["action": "start", "journey": "victime"])
        for _ in 0..<12 {
            if let leaf = (state["leaf"] as? [String: Any])?["id"] as? String {
                return (leaf, try #require(state["view"] as? String, "a step reaching a leaf gives a view: \(state)"))
            }
            #expect(state["view"] == nil, "a question is no showing: \(state)")
            let token = try #require(state["token"] as? String)
            (_, state) = try await client.object("/v1/orientation/step", method: .post, json: ["token": token, "action": "choose", "choice": 0])
        }
        throw FeedbackRouteTests.WalkError.noLeaf
    }

    @Test func oneOutcomePerShownLeafOrFicheAndASecondIsRefused() async throws {
        try await LocalHarness.run { services, client in
            let (leaf, leafView) = try await Self.reachALeaf(client)
            #expect(leafView.count == 43)
            let (recorded, body) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": leafView, "outcome": "station"])
            #expect(recorded == .created && body["about"] as? String == "leaf:\(leaf)" && body["outcome"] as? String == "station", "\(body)")
            let (again, problem) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": leafView, "outcome": "chat"])
            #expect(again == .conflict && problem["type"] as? String == "urn:masecurite:problem:follow-up-already-recorded", "\(problem)")

            let (_, headers, ficheText) = try await client.text("/v1/fiches/otv")
            #expect(headers[.cacheControl] == "no-store", "a fiche carries its own view id")
            let fiche = try TestSupport.object(ByteBuffer(string: ficheText))
            let ficheView = try #require(fiche["view"] as? String)
            let (_, second) = try await client.object("/v1/fiches/otv")
            #expect(second["view"] as? String != ficheView, "each showing has its own view id")
            let (teleservice, _) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": ficheView, "outcome": "teleservice"])
            #expect(teleservice == .created)

            // Re-reading a state is no showing: no view.
            let (_, state) = try await client.object("/v1/orientation/step", method: .post, json: ["action": "start", "journey": "victime"])
            let (_, reread) = try await client.object("/v1/orientation?token=\(try #require(state["token"] as? String))")
            #expect(reread["view"] == nil)

            let counts = Set(try await services.localInformation.usage.counts())
            let leafRef = try ContentReference(kind: .leaf, id: leaf), otv = try ContentReference("fiche:otv")
            #expect(counts == [UsageCount(about: leafRef, outcome: .shown, count: 1), UsageCount(about: leafRef, outcome: .station, count: 1),
                               UsageCount(about: otv, outcome: .shown, count: 2), UsageCount(about: otv, outcome: .teleservice, count: 1)],
                    "one follow-up per showing, the refused one not counted: \(counts)")
        }
    }

    @Test func forgedMalformedOrWrongOutcomesCountNothing() async throws {
        try await LocalHarness.run { services, client in
            let (_, view) = try await Self.reachALeaf(client)
            let forged = String(repeating: "A", count: 43)
            let (unknown, problem) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": forged, "outcome": "chat"])
            #expect(unknown == .notFound && problem["type"] as? String == "urn:masecurite:problem:view-not-found" && problem["field"] as? String == "view")
            // The deterministic orientation token is no view id.
            let (_, state) = try await client.object("/v1/orientation/step", method: .post, json: ["action": "start", "journey": "victime"])
            let (token, _) = try await client.object("/v1/orientation/outcome", method: .post,
                                                     json: ["view": try #require(state["token"] as? String), "outcome": "chat"])
            #expect(token == .badRequest || token == .notFound)
            let (malformed, bad) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": "abc", "outcome": "chat"])
            #expect(malformed == .badRequest && bad["field"] as? String == "view")
            let (shownAgain, wrong) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": view, "outcome": "shown"])
            #expect(shownAgain == .badRequest && wrong["field"] as? String == "outcome", "only teleservice, station, chat or left follow a showing")
            let (useful, _) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": view, "outcome": "useful"])
            #expect(useful == .badRequest, "votes go through /v1/feedback")
            let (extra, _) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": view, "outcome": "left", "who": "x"])
            #expect(extra == .badRequest, "unknown fields are refused")
            let followUps = try await services.localInformation.usage.counts().filter { $0.outcome != .shown }
            #expect(followUps.isEmpty, "nothing refused was counted: \(followUps)")
            let (left, _) = try await client.object("/v1/orientation/outcome", method: .post, json: ["view": view, "outcome": "left"])
            #expect(left == .created, "the view was still unused after the refusals")
        }
    }
}
