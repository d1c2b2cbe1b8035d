import Foundation
import Hummingbird
import Logging

/// Turns every error into an RFC 9457 problem and writes one access-log line
/// per request: method, the route *template* (never the real path, which may
/// hold a confirmation code), status and duration. Bodies, query strings and
/// headers are never logged.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let problem as APIProblem {
            response = problem.response()
        } catch let error as HTTPError {
            response = Self.problem(for: error).response()
        } catch {
            context.logger.error("unhandled error", metadata: ["error.type": "\(type(of: error))"])
            response = APIProblem(.internalError, "the request could not be completed").response()
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "http.method": "\(request.method.rawValue)",
            "http.route": "\(context.endpointPath ?? "(no route)")",
            "http.status": "\(response.status.code)",
            "http.duration_ms": "\(Int(milliseconds.rounded()))",
        ])
        return response
    }

    static func problem(for error: HTTPError) -> APIProblem {
        switch error.status {
        case .notFound: return APIProblem(.routeNotFound, "no route matches this method and path; see /v1/openapi.json")
        case .methodNotAllowed: return APIProblem(.methodNotAllowed, "this route does not accept this method; see /v1/openapi.json")
        case .contentTooLarge: return APIProblem(.bodyTooLarge, "the request body is too large")
        case .badRequest: return APIProblem(.invalidBody, "the request could not be read")
        default: return APIProblem(.internalError, "the request failed with status \(error.status.code)")
        }
    }
}
