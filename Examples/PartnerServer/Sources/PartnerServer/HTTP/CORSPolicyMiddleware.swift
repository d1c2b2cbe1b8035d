import Hummingbird

/// CORS for browser partners: the configured origins (or any with `*`) get
/// `Access-Control-Allow-Origin`; preflight `OPTIONS` requests are answered
/// here with the allowed methods and headers. No credentials are allowed.
struct CORSPolicyMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let origins: Set<String>

    private var allowsAny: Bool { origins.contains("*") }

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], allowsAny || origins.contains(origin) else {
            return try await next(request, context)
        }
        let allowed = allowsAny ? "*" : origin
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return Response(status: .noContent, headers: [
                .accessControlAllowOrigin: allowed,
                .accessControlAllowMethods: "GET, POST, OPTIONS",
                .accessControlAllowHeaders: "Accept, Authorization, Content-Type, Idempotency-Key",
                .accessControlMaxAge: "600",
                .vary: "Origin",
            ])
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = allowed
        response.headers[.accessControlExposeHeaders] = "Location, Retry-After"
        response.headers[.vary] = "Origin"
        return response
    }
}
