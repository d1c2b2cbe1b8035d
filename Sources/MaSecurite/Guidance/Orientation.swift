import Foundation

/// The final orientation (a leaf of the orienteur's tree).
public struct Orientation: Hashable, Sendable, Codable {
    /// The leaf id, e.g. `a-veh-velo`.
    public var leafID: String
    /// Its title.
    public var title: String
    /// What to do and why, in one to three short sentences.
    public var summary: String
    /// More detail, when the content has some.
    public var body: String?
    /// Search relevance when the leaf was found from a sentence; `nil` for a chosen leaf.
    public var score: Double?
    /// The words of the sentence that matched.
    public var matched: [String]

    /// Creates a value.
    public init(leafID: String, title: String, summary: String, body: String? = nil, score: Double? = nil, matched: [String] = []) {
        self.leafID = leafID
        self.title = title
        self.summary = summary
        self.body = body
        self.score = score
        self.matched = matched
    }

    private enum CodingKeys: String, CodingKey { case leafID = "leaf_id", title, summary, body, score, matched }
}
