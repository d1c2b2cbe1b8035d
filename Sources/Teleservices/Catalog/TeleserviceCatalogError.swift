/// One problem found while loading a catalog: where, and what is wrong.
public struct CatalogProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file the problem is in, e.g. `catalog.json`.
    public let file: String
    /// Where in the file, as a path from a service id, e.g. `perceval.rules[1].all[0]`.
    public let path: String
    /// What is wrong, in words a content author can act on.
    public let message: String

    /// Creates a problem.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`.
    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}

/// A catalog that cannot be loaded. Every problem found is reported at once,
/// so a content author fixes them in one pass.
public struct TeleserviceCatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every problem found, in file order.
    public let problems: [CatalogProblem]

    /// Creates an error from at least one problem.
    public init(problems: [CatalogProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        "the teleservice catalog has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// A situation or request that does not fit the catalog's vocabulary.
public enum SituationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No service has this id.
    case unknownService(String, valid: [String])
    /// No fact has this name.
    case unknownFact(String, valid: [String])
    /// The value does not have the fact's type (or is not one of its enum values).
    case invalidValue(fact: String, message: String)

    public var description: String {
        switch self {
        case .unknownService(let id, let valid):
            return "unknown teleservice '\(id)'; valid ids: \(valid.joined(separator: ", "))"
        case .unknownFact(let name, let valid):
            return "unknown fact '\(name)'; valid facts: \(valid.joined(separator: ", "))"
        case .invalidValue(_, let message):
            return message
        }
    }
}
