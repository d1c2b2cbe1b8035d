import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// Errors are RFC 9457 problems with a stable type; bodies are strict.
@Suite struct ProblemAndValidationTests {
    @Test func unknownRouteIsAProblem() async throws {
        try await TestSupport.application().test(.router) { client in
            try await client.execute(uri: "/v1/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = try TestSupport.object(response.body)
                #expect(body["type"] as? String == "urn:masecurite:problem:route-not-found")
                #expect(body["status"] as? Int == 404)
            }
        }
    }

    @Test func unknownFieldIsRejectedAndNamed() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.postJSON("/v1/orientation/ask", ["text": "on m'a volé mon vélo", "langue": "fr"])
            #expect(status == .badRequest)
            #expect(body["type"] as? String == "urn:masecurite:problem:invalid-body")
            #expect(body["field"] as? String == "langue")
        }
    }

    @Test func nestedUnknownFieldIsNamedWithItsPath() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.postJSON("/v1/appointments", [
                "station": "commissariat_police-33063-01", "motif": "plainte", "start": "2030-01-07T09:00:00+01:00",
                "contact": ["mail": "a@example.org"],
            ])
            #expect(status == .badRequest)
            #expect(body["field"] as? String == "contact.mail")
        }
    }

    @Test func mistypedFieldIsRejectedAndNamed() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.postJSON("/v1/orientation/ask", ["text": "vol", "limit": "three"])
            #expect(status == .badRequest)
            #expect(body["field"] as? String == "limit")
            #expect((body["detail"] as? String)?.contains("integer") == true)
        }
    }

    @Test func missingFieldIsNamed() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.postJSON("/v1/orientation/ask", ["lang": "fr"])
            #expect(status == .badRequest)
            #expect(body["field"] as? String == "text")
        }
    }

    @Test func malformedJSONIsAProblem() async throws {
        try await TestSupport.application().test(.router) { client in
            try await client.execute(uri: "/v1/orientation/ask", method: .post, headers: TestSupport.jsonHeaders,
                                     body: ByteBuffer(string: "{\"text\": ")) { response in
                #expect(response.status == .badRequest)
                let problem = try TestSupport.object(response.body)
                #expect(problem["type"] as? String == "urn:masecurite:problem:invalid-body")
            }
        }
    }

    @Test func nonJSONBodyIsRefused() async throws {
        try await TestSupport.application().test(.router) { client in
            try await client.execute(uri: "/v1/orientation/ask", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(string: "vol")) { response in
                #expect(response.status == .unsupportedMediaType)
                let problem = try TestSupport.object(response.body)
                #expect(problem["type"] as? String == "urn:masecurite:problem:unsupported-media-type")
            }
        }
    }

    @Test func bodyOverTheLimitIsRefused() async throws {
        let app = try await TestSupport.application(ServerConfiguration(port: 0, rateLimitPerMinute: 0, maxBodyBytes: 1_024))
        try await app.test(.router) { client in
            let text = String(repeating: "a", count: 2_000)
            let (status, body) = try await client.postJSON("/v1/orientation/ask", ["text": text])
            #expect(status == .contentTooLarge)
            #expect(body["type"] as? String == "urn:masecurite:problem:body-too-large")
        }
    }

    @Test func rateLimitAnswers429WithRetryAfter() async throws {
        let app = try await TestSupport.application(ServerConfiguration(port: 0, rateLimitPerMinute: 60))
        try await app.test(.router) { client in
            var limited: HTTPResponse.Status?
            var retryAfter: String?
            for _ in 0..<30 {
                try await client.execute(uri: "/v1/stations/near?lat=48.85&lon=2.35", method: .get) { response in
                    if response.status == .tooManyRequests, limited == nil {
                        limited = response.status
                        retryAfter = response.headers[.retryAfter]
                        let problem = try TestSupport.object(response.body)
                        #expect(problem["type"] as? String == "urn:masecurite:problem:rate-limited")
                    }
                }
            }
            #expect(limited == .tooManyRequests, "a burst of 30 requests with a 60/min limit (burst 10) must be throttled")
            #expect(retryAfter.flatMap(Int.init).map { $0 >= 1 } == true)
            // Health stays reachable for load balancers.
            try await client.execute(uri: "/v1/health", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func rateLimiterRefillsOverTime() {
        let limiter = RateLimiter(perMinute: 60)
        let start = ContinuousClock.now
        for _ in 0..<10 { #expect(limiter.take("a", now: start) == nil) }
        #expect(limiter.take("a", now: start) != nil)
        #expect(limiter.take("b", now: start) == nil, "buckets are per client")
        #expect(limiter.take("a", now: start + .seconds(2)) == nil, "one token a second comes back")
    }

    @Test func corsIsOffByDefaultAndAnswersConfiguredOrigins() async throws {
        try await TestSupport.application().test(.router) { client in
            try await client.execute(uri: "/v1/health", method: .get, headers: [.origin: "https://partner.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
        let app = try await TestSupport.application(ServerConfiguration(port: 0, corsOrigins: ["https://partner.example"], rateLimitPerMinute: 0))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/appointments", method: .options,
                                     headers: [.origin: "https://partner.example", .accessControlRequestMethod: "POST"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "https://partner.example")
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Idempotency-Key") == true)
            }
            try await client.execute(uri: "/v1/health", method: .get, headers: [.origin: "https://other.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func everyProblemKindHasADistinctTypeAndAnErrorStatus() {
        let types = Set(ProblemKind.allCases.map(\.typeURI))
        #expect(types.count == ProblemKind.allCases.count)
        #expect(ProblemKind.allCases.allSatisfy { $0.status.code >= 400 })
    }
}
