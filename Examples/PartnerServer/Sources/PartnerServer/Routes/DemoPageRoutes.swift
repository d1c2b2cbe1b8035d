import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Why the demo page given with `--demo-page` (``ServerConfiguration/demoPagePath``)
/// cannot be served. The server refuses to start rather than serve a broken page.
public enum DemoPageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (missing, a folder, no permission…).
    case unreadable(path: String, reason: String)
    /// The file is empty.
    case empty(path: String)
    /// The file is not UTF-8 text.
    case notUTF8(path: String)
    /// The file is larger than ``DemoPage/maximumBytes``.
    case tooLarge(path: String, bytes: Int)

    /// A message naming the file and what to do.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read the demo page --demo-page \(path): \(reason)"
        case .empty(let path): "the demo page --demo-page \(path) is empty"
        case .notUTF8(let path): "the demo page --demo-page \(path) is not UTF-8 text"
        case .tooLarge(let path, let bytes):
            "the demo page --demo-page \(path) has \(bytes) bytes; the limit is \(DemoPage.maximumBytes)"
        }
    }
}

/// A self-contained HTML page (inline CSS and JavaScript, no external asset),
/// read once at start-up and served at `GET /` and `GET /demo`.
///
/// The response carries a strict `Content-Security-Policy`: nothing may load
/// from anywhere (`default-src 'none'`) except requests and the chat
/// WebSocket to this same server (`connect-src 'self'`). Inline `<script>` and
/// `<style>` blocks run only because their SHA-256 hashes, computed here from
/// the file, are listed in the policy: no `'unsafe-inline'`, so markup injected
/// into the page (from a chat message, say) can never run or restyle it.
/// Inline `style="…"` attributes and `on…=` handlers are refused by the same
/// policy; the page must not use them.
public struct DemoPage: Sendable {
    /// Largest accepted page (1 MiB): the page is held in memory.
    public static let maximumBytes = 1 << 20

    /// The page bytes.
    public let body: ByteBuffer
    /// The `Content-Security-Policy` header value, with the hashes of the inline blocks.
    public let contentSecurityPolicy: String

    /// Reads and checks the page at `path`.
    public init(path: String) throws(DemoPageError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        guard !data.isEmpty else { throw .empty(path: path) }
        guard data.count <= Self.maximumBytes else { throw .tooLarge(path: path, bytes: data.count) }
        guard String(data: data, encoding: .utf8) != nil else { throw .notUTF8(path: path) }
        let bytes = [UInt8](data)
        body = ByteBuffer(bytes: bytes)
        contentSecurityPolicy = Self.policy(
            scriptHashes: Self.inlineBlocks(named: "script", in: bytes).map(Self.sha256Source),
            styleHashes: Self.inlineBlocks(named: "style", in: bytes).map(Self.sha256Source))
    }

    /// The policy for pages whose inline scripts and styles have these CSP hash sources.
    static func policy(scriptHashes: [String], styleHashes: [String]) -> String {
        func sources(_ hashes: [String]) -> String {
            hashes.isEmpty ? "'none'" : Array(Set(hashes)).sorted().joined(separator: " ")
        }
        return [
            "default-src 'none'",
            "script-src \(sources(scriptHashes))",
            "style-src \(sources(styleHashes))",
            // The API and the /v1/chat WebSocket are on this server ('self' covers ws: and wss: of the same host).
            "connect-src 'self'",
            // The favicon is an inline data: SVG; nothing else is an image.
            "img-src data:",
            "base-uri 'none'",
            // Forms are handled by the page's script and never submitted by the browser.
            "form-action 'none'",
            "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    /// `'sha256-…'`: the CSP hash source of an inline block's exact bytes.
    static func sha256Source(_ bytes: ArraySlice<UInt8>) -> String {
        "'sha256-\(Data(SHA256.hash(data: Data(bytes))).base64EncodedString())'"
    }

    /// The contents of every `<name …>…</name>` element (ASCII case-insensitive),
    /// byte for byte as the browser hashes them.
    static func inlineBlocks(named name: String, in bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let open = Array("<\(name)".utf8)
        let close = Array("</\(name)".utf8)
        var blocks: [ArraySlice<UInt8>] = []
        var index = 0
        while let start = find(open, in: bytes, from: index) {
            let afterName = start + open.count
            // `<scripts>` or `<style-guide>` are other elements: the name must end here.
            guard afterName < bytes.count, [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"),
                                            UInt8(ascii: "\r"), UInt8(ascii: "/")].contains(bytes[afterName]) else {
                index = afterName
                continue
            }
            guard let tagEnd = bytes[afterName...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let contentStart = tagEnd + 1
            guard let end = find(close, in: bytes, from: contentStart) else { break }
            blocks.append(bytes[contentStart..<end])
            index = end + close.count
        }
        return blocks
    }

    /// The first index of `needle` in `haystack` at or after `from`, ASCII case-insensitive.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
        for start in from...(haystack.count - needle.count) {
            var matches = true
            for offset in 0..<needle.count where lower(haystack[start + offset]) != lower(needle[offset]) {
                matches = false
                break
            }
            if matches { return start }
        }
        return nil
    }

    /// The response headers for a page with this policy: media type and the security headers.
    static func headers(contentSecurityPolicy: String) -> HTTPFields {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            // The page is read once at start-up; a restart serves a new one.
            .cacheControl: "no-cache",
        ]
        // Names that HTTPTypes has no constant for; both are valid tokens, so the names always exist.
        if let name = HTTPField.Name("Referrer-Policy") { headers[name] = "no-referrer" }
        // The page may ask for the position ("around me"), only for itself; nothing else.
        if let name = HTTPField.Name("Permissions-Policy") { headers[name] = "geolocation=(self), camera=(), microphone=(), payment=()" }
        return headers
    }

    /// The page as a response, with its security headers.
    func response() -> Response {
        Response(status: .ok, headers: Self.headers(contentSecurityPolicy: contentSecurityPolicy), body: .init(byteBuffer: body))
    }
}

/// `GET /` and `GET /demo`: the ``DemoPage`` (only when the server runs with `--demo-page`).
struct DemoPageRoutes {
    let page: DemoPage

    func register(on router: Router<ServerContext>) {
        let page = self.page
        router.get("/") { _, _ in page.response() }
        router.get("demo") { _, _ in page.response() }
    }
}
