import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A ``WebhookTransport`` over `URLSession`: one POST per request, with a timeout.
public struct URLSessionWebhookTransport: WebhookTransport {
    /// Seconds before a request is abandoned (then retried later).
    public let timeout: TimeInterval

    /// A transport whose requests time out after `timeout` seconds.
    public init(timeout: TimeInterval = 10) {
        self.timeout = timeout
    }

    /// Why a request received no HTTP response.
    public struct TransportFailure: Error, CustomStringConvertible, Sendable {
        /// What happened (never the body).
        public let description: String
    }

    public func send(_ request: WebhookRequest) async throws -> Int {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = "POST"
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let finalRequest = urlRequest
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let task = session.dataTask(with: finalRequest) { _, response, error in
                if let error {
                    continuation.resume(throwing: TransportFailure(description: error.localizedDescription))
                } else if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: http.statusCode)
                } else {
                    continuation.resume(throwing: TransportFailure(description: "no HTTP response"))
                }
            }
            task.resume()
        }
    }
}
