import Foundation

/// The chat with officers to use.
public struct ChatAdvice: Hashable, Sendable, Codable {
    /// The platform: `tchat` (general), `pnav` (violence victims) or `espace-mineurs` (under 18).
    public var platform: Platform
    /// Its name.
    public var name: String
    /// Where it is.
    public var url: String
    /// Why this one.
    public var reason: String

    /// Creates a value.
    public init(platform: Platform, name: String, url: String, reason: String) {
        self.platform = platform
        self.name = name
        self.url = url
        self.reason = reason
    }
}
