import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// The committed OpenAPI document and the real routes say the same thing.
@Suite struct OpenAPIDocumentTests {
    /// `METHOD /path` pairs of the document.
    static func documentedOperations() throws -> Set<String> {
        let document = try TestSupport.object(try SystemRoutes.loadDocument())
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options"]
        var operations = Set<String>()
        for (path, item) in paths {
            for method in item.keys where methods.contains(method) { operations.insert("\(method.uppercased()) \(path)") }
        }
        return operations
    }

    /// `METHOD /path` pairs the server really routes (HTTP and WebSocket routers),
    /// with every optional route on (the demo page of `--demo-page`).
    static func routedOperations() async throws -> Set<String> {
        let page = try DemoPageTests.temporaryPage()
        defer { try? FileManager.default.removeItem(atPath: page) }
        let configuration = ServerConfiguration(demoPagePath: page)
        let (services, _) = try await PartnerServer.makeServices(configuration: configuration, logger: TestSupport.quietLogger)
        let http = try PartnerServer.makeRouter(services: services, configuration: configuration)
        let webSocket = PartnerServer.makeWebSocketRouter(services: services, configuration: configuration)
        return Set((http.routes + webSocket.routes).map { "\($0.method.rawValue) \($0.path.description)" })
    }

    @Test func everyDocumentedOperationIsARouteAndViceVersa() async throws {
        let documented = try Self.documentedOperations()
        let routed = try await Self.routedOperations()
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        #expect(routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented).sorted())")
        #expect(routed.count >= 17)
    }

    @Test func everyProblemTypeIsDocumented() throws {
        let document = try TestSupport.object(try SystemRoutes.loadDocument())
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let problem = try #require(schemas["Problem"] as? [String: Any])
        let type = try #require((problem["properties"] as? [String: Any])?["type"] as? [String: Any])
        let documented = Set(try #require(type["enum"] as? [String]))
        #expect(documented == Set(ProblemKind.allCases.map(\.typeURI)))
    }

    @Test func theDocumentIsServed() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.getJSON("/v1/openapi.json")
            #expect(status == .ok)
            #expect((body["info"] as? [String: Any])?["title"] as? String == "MaSecurite partner API")
        }
    }
}
