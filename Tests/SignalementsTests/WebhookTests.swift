import Foundation
import Signalements
import Testing

@Suite struct WebhookTests {
    /// The test vector published with the Standard Webhooks specification (and
    /// recomputed independently with Python's hmac module).
    @Test func standardWebhooksTestVector() throws {
        let secret = try WebhookSecret(Fixture.secret)
        let body = Data(#"{"test": 2432232314}"#.utf8)
        let signature = StandardWebhook.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body, secret: secret)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        #expect(StandardWebhook.verify(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body,
                                       signatureHeader: "v1,bm9wZQ== " + signature, secret: secret))
        #expect(!StandardWebhook.verify(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_331, body: body,
                                        signatureHeader: signature, secret: secret))
        let headers = StandardWebhook.headers(id: "msg_1", timestamp: 5, body: body, secret: secret)
        #expect(Set(headers.keys) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(headers["webhook-timestamp"] == "5")
    }

    @Test func secretsAndEndpointsAreChecked() throws {
        #expect(throws: WebhookError.self) { try WebhookSecret("whsec_not base64!") }
        #expect(throws: WebhookError.self) { try WebhookSecret("whsec_" + Data([1, 2, 3]).base64EncodedString()) }
        let random = WebhookSecret.random()
        #expect(try WebhookSecret(random.encoded) == random)
        #expect(!random.description.contains(random.encoded.dropFirst(6)))
        #expect(throws: WebhookError.self) { try WebhookEndpoint(url: "ftp://example.org/hook", secret: random) }
        #expect(throws: WebhookError.self) { try WebhookEndpoint(url: "/relative", secret: random) }
        #expect(try WebhookEndpoint(url: "http://127.0.0.1:8080/hook", secret: random).url.port == 8080)
    }

    @Test func backoffIsExponentialWithDeterministicJitter() {
        let policy = RetryPolicy(maximumAttempts: 5, baseDelay: 10, multiplier: 2, maximumDelay: 60, jitter: 0.5)
        let low = SequenceRandom([0])
        let high = SequenceRandom([0.999_999])
        #expect(policy.delay(afterAttempts: 1, random: low) == 5)
        #expect(policy.delay(afterAttempts: 2, random: low) == 10)
        #expect(policy.delay(afterAttempts: 3, random: low) == 20)
        #expect(policy.delay(afterAttempts: 4, random: low) == 30)          // capped at 60, half jittered
        #expect(abs((policy.delay(afterAttempts: 4, random: high) ?? 0) - 60) < 0.001)
        #expect(policy.delay(afterAttempts: 5, random: low) == nil)        // dead-letter
        let none = RetryPolicy(maximumAttempts: 3, baseDelay: 8, jitter: 0)
        #expect(none.delay(afterAttempts: 2, random: high) == 16)
    }

    @Test func anEndpointsFileGivesEachUnitItsEndpointAndTheOthersTheFallback() throws {
        let secret = WebhookSecret.random().encoded
        let file = Data("""
            {"unit-a": {"url": "https://a.example/hook", "secret": "\(secret)"}, "*": {"url": "http://127.0.0.1:9/hub", "secret": "\(secret)"}}
            """.utf8)
        let endpoints = try WebhookEndpoints(json: file, file: "endpoints.json")
        #expect(endpoints.endpoint(for: "unit-a")?.url.host == "a.example")
        #expect(endpoints.endpoint(for: "unit-b")?.url.path == "/hub")
        #expect(!endpoints.isEmpty && WebhookEndpoints().isEmpty)
        #expect(WebhookEndpoints(units: [:], fallback: nil).endpoint(for: "unit-a") == nil)
    }

    @Test func aBadEndpointsFileNamesTheFileAndTheUnit() {
        let secret = WebhookSecret.random().encoded
        #expect {
            _ = try WebhookEndpoints(json: Data(#"{"unit-a": {"url": "ftp://x/hook", "secret": "\#(secret)"}}"#.utf8), file: "e.json")
        } throws: { error in
            guard let error = error as? WebhookEndpointsError, case .invalidEntry(let path, let unit, _) = error else { return false }
            return path == "e.json" && unit == "unit-a" && error.description.hasPrefix("endpoints file e.json, unit unit-a: ")
        }
        #expect {
            _ = try WebhookEndpoints(json: Data(#"{"unit-a": {"url": "https://x/hook"}}"#.utf8), file: "e.json")
        } throws: { error in
            guard let error = error as? WebhookEndpointsError, case .malformed = error else { return false }
            return error.description.contains("must be a JSON object")
        }
        #expect {
            _ = try WebhookEndpoints(contentsOf: "/nonexistent/masecurite-endpoints.json")
        } throws: { error in
            (error as? WebhookEndpointsError)?.description.hasPrefix("cannot read the endpoints file /nonexistent/masecurite-endpoints.json") == true
        }
    }
}
