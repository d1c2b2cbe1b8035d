import Foundation

/// Signs webhooks as the Standard Webhooks specification says
/// (<https://www.standardwebhooks.com>): the signed content is
/// `webhook-id.webhook-timestamp.body`, the signature `v1,` followed by the
/// base64 HMAC-SHA256 of it under the secret.
///
/// Secrets are written `whsec_` followed by the base64 of the key bytes (the
/// spec's format); the key is the decoded bytes.
public struct WebhookSecret: Hashable, Sendable, CustomStringConvertible {
    /// The key bytes.
    let key: [UInt8]

    /// Reads `whsec_<base64>` (the prefix may be left out).
    /// - Throws: ``WebhookError/invalidSecret(_:)`` when it is not base64 of 24 to 64 bytes.
    public init(_ text: String) throws(WebhookError) {
        let encoded = text.hasPrefix("whsec_") ? String(text.dropFirst(6)) : text
        guard let data = Data(base64Encoded: encoded), (24...64).contains(data.count) else {
            throw .invalidSecret("expected whsec_ followed by the base64 of 24 to 64 random bytes")
        }
        key = Array(data)
    }

    /// A fresh random secret of 32 bytes.
    public static func random() -> WebhookSecret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // 32 bytes always decode: the initializer cannot fail on its own encoding.
        return (try? WebhookSecret("whsec_" + Data(bytes).base64EncodedString())) ?? WebhookSecret(validatedKey: bytes)
    }

    private init(validatedKey: [UInt8]) { key = validatedKey }

    /// `whsec_<base64>`.
    public var encoded: String { "whsec_" + Data(key).base64EncodedString() }

    /// Never prints the key.
    public var description: String { "whsec_…" }
}

/// Why a webhook could not be prepared or checked.
public enum WebhookError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The secret is not in the `whsec_<base64>` format.
    case invalidSecret(String)
    /// The endpoint URL is not an absolute http(s) URL.
    case invalidEndpoint(String)

    public var description: String {
        switch self {
        case .invalidSecret(let reason): "webhook secret: \(reason)"
        case .invalidEndpoint(let url): "webhook endpoint '\(Echo.truncated(url))' is not an absolute http:// or https:// URL"
        }
    }
}

/// The Standard Webhooks signature scheme.
public enum StandardWebhook {
    /// The `webhook-signature` value (`v1,<base64>`) of `body` sent as message `id` at `timestamp` (Unix seconds).
    public static func signature(id: String, timestamp: Int64, body: Data, secret: WebhookSecret) -> String {
        var content = Array("\(id).\(timestamp).".utf8)
        content.append(contentsOf: body)
        let code = HMACSHA256.authenticationCode(for: content, key: secret.key)
        return "v1," + Data(code).base64EncodedString()
    }

    /// The three headers of a message: `webhook-id`, `webhook-timestamp`, `webhook-signature`.
    public static func headers(id: String, timestamp: Int64, body: Data, secret: WebhookSecret) -> [String: String] {
        [
            "webhook-id": id,
            "webhook-timestamp": String(timestamp),
            "webhook-signature": signature(id: id, timestamp: timestamp, body: body, secret: secret),
        ]
    }

    /// Whether `signatureHeader` (one or more space-separated `v1,…` values)
    /// holds a valid signature of the message, compared in constant time.
    public static func verify(id: String, timestamp: Int64, body: Data, signatureHeader: String, secret: WebhookSecret) -> Bool {
        let expected = Array(signature(id: id, timestamp: timestamp, body: body, secret: secret).utf8)
        return signatureHeader.split(separator: " ").contains { HMACSHA256.constantTimeEquals(Array($0.utf8), expected) }
    }
}

/// Where a unit receives its signalements.
public struct WebhookEndpoint: Hashable, Sendable {
    /// The URL messages are POSTed to.
    public let url: URL
    /// The secret they are signed with.
    public let secret: WebhookSecret

    /// An endpoint at `url` (absolute http or https).
    /// - Throws: ``WebhookError/invalidEndpoint(_:)``.
    public init(url text: String, secret: WebhookSecret) throws(WebhookError) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else { throw .invalidEndpoint(text) }
        self.url = url
        self.secret = secret
    }
}

/// One HTTP request a ``WebhookTransport`` sends.
public struct WebhookRequest: Hashable, Sendable {
    /// Where.
    public let url: URL
    /// The headers (the three Standard Webhooks headers and `content-type`).
    public let headers: [String: String]
    /// The JSON body.
    public let body: Data

    /// Creates a request.
    public init(url: URL, headers: [String: String], body: Data) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// Sends webhook requests. ``URLSessionWebhookTransport`` in production; tests pass a fake.
public protocol WebhookTransport: Sendable {
    /// POSTs `request` and returns the HTTP status code; throws when nothing
    /// was received (connection refused, timeout…).
    func send(_ request: WebhookRequest) async throws -> Int
}
