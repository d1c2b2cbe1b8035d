import Foundation

/// A partner outside the police and gendarmerie (mairie — town hall, bank, insurer…).
public struct PartnerInfo: Hashable, Sendable, Codable {
    /// Its id.
    public var id: String
    /// Its name.
    public var name: String
    /// What it does for the citizen.
    public var description: String
    /// Its website, if any.
    public var url: String?

    /// Creates a value.
    public init(id: String, name: String, description: String, url: String?) {
        self.id = id
        self.name = name
        self.description = description
        self.url = url
    }
}
