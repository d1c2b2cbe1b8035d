import Foundation

/// A fiche pratique (practical guide) to read.
public struct FicheInfo: Hashable, Sendable, Codable {
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its summary.
    public var summary: String

    /// Creates a value.
    public init(id: String, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }
}
