/// Wheelchair access to the station's public reception, as published.
public struct Accessibility: Hashable, Sendable, Codable {
    /// The published level.
    public enum Level: String, Hashable, Sendable, Codable {
        /// Accessible (`ACC`).
        case accessible
        /// Accessible with help, on request (`DEM`).
        case onRequest = "on_request"
        /// Not accessible (`NAC`).
        case notAccessible = "not_accessible"
    }

    /// The level.
    public let level: Level
    /// Free-text detail in French, e.g. "rampe", "ascenseur".
    public let detail: String?

    /// Creates a value.
    public init(level: Level, detail: String? = nil) {
        self.level = level
        self.detail = detail
    }

    /// Parses the source's code: `ACC`, `DEM` or `NAC`, optionally followed by `:detail`.
    /// Returns `nil` for anything else.
    public init?(sourceCode: String) {
        let parts = sourceCode.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        switch parts.first.map(String.init)?.trimmingASCIISpaces() {
        case "ACC": level = .accessible
        case "DEM": level = .onRequest
        case "NAC": level = .notAccessible
        default: return nil
        }
        let rest = parts.count > 1 ? String(parts[1]).trimmingASCIISpaces() : ""
        detail = rest.isEmpty ? nil : rest
    }
}
