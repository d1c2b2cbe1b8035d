import Foundation

/// Another possible answer to a sentence.
public struct OrientationCandidate: Hashable, Sendable, Codable {
    /// `leaf`, `fiche` or `teleservice`.
    public var kind: String
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// Search relevance (comparable only within one answer).
    public var score: Double

    /// Creates a value.
    public init(kind: String, id: String, title: String, score: Double) {
        self.kind = kind
        self.id = id
        self.title = title
        self.score = score
    }
}
