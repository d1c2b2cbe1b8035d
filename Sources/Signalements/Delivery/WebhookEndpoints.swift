import Foundation

/// Where units receive their signalements: unit id → endpoint, and one endpoint for every
/// other unit (a regional hub, or a single receiver), as a deployment's endpoints file says.
///
/// The file is a JSON object whose keys are unit ids (as ``CompetentUnit/id``) and `*` for the
/// other units, each with the URL and the Standard Webhooks secret:
///
/// ```json
/// {"commissariat_police-33063-01": {"url": "https://…/hook", "secret": "whsec_…"},
///  "*": {"url": "https://hub.example/hook", "secret": "whsec_…"}}
/// ```
///
/// `masecurite signalements deliver --endpoints FILE` and the partner server's
/// `--signalement-endpoints FILE` read it with ``init(contentsOf:)``.
public struct WebhookEndpoints: Sendable {
    /// Unit id → endpoint.
    public var units: [String: WebhookEndpoint]
    /// The endpoint of every unit absent from ``units`` (the file's `*`).
    public var fallback: WebhookEndpoint?

    /// Endpoints for `units`, and `fallback` for the others.
    public init(units: [String: WebhookEndpoint] = [:], fallback: WebhookEndpoint? = nil) {
        self.units = units
        self.fallback = fallback
    }

    /// Whether no unit has an endpoint.
    public var isEmpty: Bool { units.isEmpty && fallback == nil }

    /// The endpoint of unit `id`: its own, else the fallback.
    public func endpoint(for id: String) -> WebhookEndpoint? { units[id] ?? fallback }

    /// Reads the endpoints file at `path`.
    /// - Throws: ``WebhookEndpointsError`` naming the file and, for a bad entry, the unit.
    public init(contentsOf path: String) throws(WebhookEndpointsError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(json: data, file: path)
    }

    /// Reads an endpoints file's contents; `file` names it in errors.
    /// - Throws: ``WebhookEndpointsError``.
    public init(json data: Data, file: String) throws(WebhookEndpointsError) {
        struct Entry: Decodable {
            let url: String
            let secret: String
        }
        let entries: [String: Entry]
        do { entries = try JSONDecoder().decode([String: Entry].self, from: data) } catch {
            throw .malformed(path: file, reason: "\(error)")
        }
        var units: [String: WebhookEndpoint] = [:]
        var fallback: WebhookEndpoint?
        for (unit, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let endpoint: WebhookEndpoint
            do { endpoint = try WebhookEndpoint(url: entry.url, secret: try WebhookSecret(entry.secret)) } catch {
                throw .invalidEntry(path: file, unit: unit, reason: error.description)
            }
            if unit == "*" { fallback = endpoint } else { units[unit] = endpoint }
        }
        self.init(units: units, fallback: fallback)
    }
}

/// Why an endpoints file was refused.
public enum WebhookEndpointsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not a JSON object of `{"url", "secret"}` entries.
    case malformed(path: String, reason: String)
    /// One unit's URL or secret is wrong.
    case invalidEntry(path: String, unit: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read the endpoints file \(path): \(reason)"
        case .malformed(let path, let reason):
            "the endpoints file \(path) must be a JSON object {\"unit id\": {\"url\": …, \"secret\": \"whsec_…\"}, \"*\": …}: \(reason)"
        case .invalidEntry(let path, let unit, let reason):
            "endpoints file \(path), unit \(Echo.truncated(unit)): \(reason)"
        }
    }
}
