import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// The demo page of `--demo-page`: served at `/` and `/demo` with a strict policy, absent otherwise.
@Suite struct DemoPageTests {
    /// A page with two inline styles and one script; the hashes below were computed independently
    /// (`printf '%s' 'body{color:#000}' | openssl dgst -sha256 -binary | base64`).
    static let page = """
        <!doctype html><html lang="fr"><head><title>t</title><style>body{color:#000}</style>\
        <STYLE media="print">
          p { margin: 0 }
        </STYLE></head><body><p>Bonjour</p><script>console.log(1)</script></body></html>
        """

    static func temporaryPage(_ text: String = page) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("demo-page-\(UUID().uuidString).html")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func application(demoPagePath: String?) async throws -> some ApplicationProtocol {
        try await TestSupport.application(ServerConfiguration(port: 0, rateLimitPerMinute: 0, demoPagePath: demoPagePath))
    }

    @Test func thePageIsServedAtTheRootAndAtDemoWithItsSecurityHeaders() async throws {
        let path = try Self.temporaryPage()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await Self.application(demoPagePath: path).test(.router) { client in
            for uri in ["/", "/demo"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == Self.page)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[try #require(HTTPField.Name("Referrer-Policy"))] == "no-referrer")
                    let policy = try #require(response.headers[.contentSecurityPolicy])
                    let directives = Dictionary(policy.split(separator: ";").map {
                        let parts = $0.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
                        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
                    }, uniquingKeysWith: { first, _ in first })
                    #expect(directives["default-src"] == "'none'")
                    #expect(directives["script-src"] == "'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='")
                    #expect(directives["style-src"]?.split(separator: " ").sorted() == [
                        "'sha256-+TobAxCNFGXhrzmnx7npBCuyQDyGudoqXZdchICmXTk='",
                        "'sha256-+vposV7h/pETDdwoYAE8ZEuY6gy8+gFf4iYwZuorLEk='",
                    ])
                    #expect(directives["connect-src"] == "'self'")
                    #expect(directives["frame-ancestors"] == "'none'")
                    #expect(!policy.contains("unsafe"), "no 'unsafe-inline' nor 'unsafe-eval'")
                }
            }
        }
    }

    @Test func withoutTheOptionNothingIsServedAtTheRoot() async throws {
        try await Self.application(demoPagePath: nil).test(.router) { client in
            for uri in ["/", "/demo"] {
                let (status, problem) = try await client.getJSON(uri)
                #expect(status == .notFound)
                #expect(problem["type"] as? String == "urn:masecurite:problem:route-not-found")
            }
        }
    }

    @Test func aMissingFileFailsStartUpNamingThePath() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-demo-\(UUID().uuidString).html").path
        await #expect(throws: DemoPageError.unreadable(path: path, reason: "no such file")) {
            _ = try await Self.application(demoPagePath: path)
        }
        #expect(DemoPageError.unreadable(path: path, reason: "no such file").description.contains(path))
        let empty = try Self.temporaryPage("")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: DemoPageError.empty(path: empty)) { _ = try DemoPage(path: empty) }
        #expect(throws: DemoPageError.unreadable(path: NSTemporaryDirectory(), reason: "the file cannot be read")) {
            _ = try DemoPage(path: NSTemporaryDirectory())
        }
    }

    @Test func inlineBlocksAreFoundByExactElementName() {
        let html = Array("<scripts>no</scripts><script type=\"module\">a()</script><Script>b()</SCRIPT><style>x{}</style>".utf8)
        let scripts = DemoPage.inlineBlocks(named: "script", in: html).map { String(decoding: $0, as: UTF8.self) }
        #expect(scripts == ["a()", "b()"])
        #expect(DemoPage.inlineBlocks(named: "style", in: html).map { String(decoding: $0, as: UTF8.self) } == ["x{}"])
        #expect(DemoPage.inlineBlocks(named: "script", in: Array("<script>never closed".utf8)).isEmpty)
        #expect(DemoPage.policy(scriptHashes: [], styleHashes: []).contains("script-src 'none'"))
    }

    /// The committed `Examples/DemoPage/index.html` stays within what its policy allows.
    @Test func theCommittedDemoPageIsSelfContained() throws {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("DemoPage/index.html").path
        let page = try DemoPage(path: path)
        let text = String(buffer: page.body)
        #expect(DemoPage.inlineBlocks(named: "script", in: Array(text.utf8)).count == 1)
        #expect(DemoPage.inlineBlocks(named: "style", in: Array(text.utf8)).count == 1)
        #expect(text.hasPrefix("<!doctype html>"))
        #expect(text.contains("<html lang=\"fr\""))
        // What the policy would block, or what would load from elsewhere.
        for forbidden in [" style=\"", " onclick=", " onload=", " onsubmit=", "<script src", "<link rel=\"stylesheet\"", "<img ", "<iframe", "@import",
                          "url(http", "innerHTML", "eval("] {
            #expect(!text.contains(forbidden), "the demo page must not use \(forbidden)")
        }
    }
}
