import Foundation

/// A list of documents to bring.
public struct DocumentsToBring: Hashable, Sendable, Codable {
    /// The list id (`plainte-base`, `vol`…), or `motif:<motif>` for a motif's default list.
    public var id: String
    /// Its title.
    public var title: String
    /// The documents.
    public var items: [String]
    /// How long the visit usually takes, if known.
    public var duration: String?

    /// Creates a value.
    public init(id: String, title: String, items: [String], duration: String? = nil) {
        self.id = id
        self.title = title
        self.items = items
        self.duration = duration
    }
}
