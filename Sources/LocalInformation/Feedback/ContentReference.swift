import Foundation
import MaSecuriteCore

/// A fiche or a leaf of the orienteur content: what an avis or a usage event is about.
/// Written `fiche:ID` or `leaf:ID`.
public struct ContentReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Which kind of content.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A fiche (`fiche:otv`).
        case fiche
        /// A leaf of the orientation tree (`leaf:a-veh-velo`).
        case leaf
    }

    /// Fiche or leaf.
    public let kind: Kind
    /// The content id.
    public let id: String

    /// A reference to `id` of `kind` (lowercase letters, digits, dashes and underscores, 1–64).
    /// - Throws: ``LocalInformationError/invalidValue(path:value:reason:)`` at `about`.
    public init(kind: Kind, id: String) throws(LocalInformationError) {
        guard (1...64).contains(id.count),
              id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            throw .invalidValue(path: "about", value: id, reason: "a content id is 1–64 lowercase letters, digits, dashes or underscores")
        }
        self.kind = kind
        self.id = id
    }

    /// Reads `fiche:ID` or `leaf:ID`.
    public init(_ text: String) throws(LocalInformationError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])) else {
            throw .invalidValue(path: "about", value: text, reason: "expected fiche:ID or leaf:ID, e.g. fiche:otv")
        }
        try self.init(kind: kind, id: String(parts[1]))
    }

    /// `fiche:ID` or `leaf:ID`.
    public var description: String { "\(kind.rawValue):\(id)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}

/// The fiche and leaf ids that exist, to refuse an avis or event about unknown content.
public struct KnownContent: Sendable {
    /// Fiche ids.
    public let ficheIDs: Set<String>
    /// Leaf ids.
    public let leafIDs: Set<String>

    /// The ids of the content in use.
    public init(ficheIDs: Set<String>, leafIDs: Set<String>) {
        self.ficheIDs = ficheIDs
        self.leafIDs = leafIDs
    }

    /// Refuses a reference to content that does not exist.
    /// - Throws: ``LocalInformationError/unknownReference(path:kind:id:)`` at `about`.
    public func check(_ reference: ContentReference) throws(LocalInformationError) {
        let known = reference.kind == .fiche ? ficheIDs : leafIDs
        guard known.contains(reference.id) else { throw .unknownReference(path: "about", kind: reference.kind.rawValue, id: reference.id) }
    }
}
