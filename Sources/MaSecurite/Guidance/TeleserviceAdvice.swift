import Foundation

/// An online service (« téléservice ») with what is known of its fit.
public struct TeleserviceAdvice: Hashable, Sendable, Codable {
    /// The catalog id, e.g. `plainte-en-ligne`.
    public var id: String
    /// Its name.
    public var name: String
    /// What it is for.
    public var purpose: String
    /// Where to go.
    public var url: String
    /// How to sign in (`none`, `franceconnect`, `france-identite`, `account`).
    public var authentication: [String]
    /// Whether the citizen may stay anonymous.
    public var anonymityPossible: Bool
    /// Whether it is offered in the citizen's département on the date; `nil` when the département is unknown.
    public var available: Bool?
    /// `eligible`, `not-eligible` or `needs-information`.
    public var verdict: Verdict
    /// Why, in plain words.
    public var reasons: [String]
    /// The facts still to ask before being sure, in ask order, with their questions.
    public var missing: [MissingFact]
    /// Services to look at instead, when it does not fit.
    public var alternatives: [String]

    /// Creates a value.
    public init(id: String, name: String, purpose: String, url: String, authentication: [String], anonymityPossible: Bool,
                available: Bool?, verdict: Verdict, reasons: [String], missing: [MissingFact], alternatives: [String]) {
        self.id = id
        self.name = name
        self.purpose = purpose
        self.url = url
        self.authentication = authentication
        self.anonymityPossible = anonymityPossible
        self.available = available
        self.verdict = verdict
        self.reasons = reasons
        self.missing = missing
        self.alternatives = alternatives
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, purpose, url, authentication, anonymityPossible = "anonymity_possible", available, verdict, reasons
        case missing, alternatives
    }
}
