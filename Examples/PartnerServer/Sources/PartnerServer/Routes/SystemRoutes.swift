import Foundation
import Hummingbird

/// `/v1/health` (the process answers), `/v1/ready` (the storage answers too)
/// and `/v1/openapi.json` (the committed OpenAPI 3.1 document).
struct SystemRoutes {
    let services: ServerServices
    let openAPI: ByteBuffer

    func register(on router: RouterGroup<ServerContext>) {
        router.get("health", use: health)
        router.get("ready", use: ready)
        router.get("openapi.json", use: document)
    }

    struct Status: Encodable {
        let status: String
        let storage: String?
    }

    @Sendable func health(_ request: Request, context: ServerContext) async throws -> Response {
        try JSONCoding.response(Status(status: "ok", storage: nil))
    }

    @Sendable func ready(_ request: Request, context: ServerContext) async throws -> Response {
        guard await services.storageCheck() else {
            throw APIProblem(.notReady, "the \(services.storageName) booking storage does not answer")
        }
        return try JSONCoding.response(Status(status: "ready", storage: services.storageName))
    }

    @Sendable func document(_ request: Request, context: ServerContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: openAPI))
    }

    /// The bundled OpenAPI document.
    static func loadDocument() throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources") else {
            throw APIProblem(.internalError, "the OpenAPI document is missing from the bundle")
        }
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }
}
