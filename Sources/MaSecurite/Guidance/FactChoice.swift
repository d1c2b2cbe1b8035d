import Foundation

/// One allowed answer of an enum fact.
public struct FactChoice: Hashable, Sendable, Codable {
    /// The value id, e.g. `vol`.
    public var id: String
    /// Its label.
    public var label: String

    /// Creates a value.
    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}
