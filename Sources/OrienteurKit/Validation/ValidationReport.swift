/// One problem found in the content, with the path of ids leading to it.
public struct ValidationIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Where: ids joined by `/`, e.g. `victime/a-root/a-violences/a-vc-plainte` or `fiches/otv/sections[1]`.
    public let path: String
    /// What is wrong, in a sentence an author can act on.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// The outcome of validating content: counts and every problem found.
/// Encodes exactly as `{"journeys":N,"nodes":N,"leaves":N,"fiches":N,"max_depth":N,"errors":[…]}`.
public struct ValidationReport: Hashable, Sendable, Codable {
    public var journeys: Int
    public var nodes: Int
    public var leaves: Int
    public var fiches: Int
    /// The largest number of choices from a journey's start to a leaf (the journey pick not counted).
    public var maxDepth: Int
    public var errors: [ValidationIssue]

    /// Whether the content has no problem.
    public var isValid: Bool { errors.isEmpty }

    public init(journeys: Int, nodes: Int, leaves: Int, fiches: Int, maxDepth: Int, errors: [ValidationIssue]) {
        self.journeys = journeys
        self.nodes = nodes
        self.leaves = leaves
        self.fiches = fiches
        self.maxDepth = maxDepth
        self.errors = errors
    }

    private enum CodingKeys: String, CodingKey {
        case journeys, nodes, leaves, fiches, maxDepth = "max_depth", errors
    }
}
