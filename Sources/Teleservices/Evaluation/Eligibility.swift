/// The verdict of an eligibility check.
public enum Verdict: String, Hashable, Sendable, Codable, CaseIterable {
    /// The service fits the situation.
    case eligible
    /// The service does not fit (the reasons say why and where to go instead).
    case notEligible = "not-eligible"
    /// The verdict depends on facts not known yet: still to ask (see
    /// ``Eligibility/missing``) or answered « je ne sais pas » (see ``Eligibility/dontKnow``).
    /// A « je ne sais pas » never makes a service not eligible.
    case needsInformation = "needs-information"
}

/// One sentence of an explanation, with where it comes from (a rule path, the
/// availability or the minimum age of a service), like a tracer.
public struct Explanation: Hashable, Sendable {
    /// The sentence for the citizen.
    public let text: LocalizedText
    /// What produced it, e.g. `plainte-en-ligne.rules[2]` or `visioplainte.availability`.
    public let source: String

    /// Creates an explanation.
    public init(text: LocalizedText, source: String) {
        self.text = text
        self.source = source
    }
}

/// The result of evaluating one service against a situation.
public struct Eligibility: Hashable, Sendable {
    /// The service evaluated.
    public let serviceID: String
    /// Eligible, not eligible, or needs information.
    public let verdict: Verdict
    /// Why, in words a citizen understands.
    public let reasons: [Explanation]
    /// For ``Verdict/needsInformation``: the facts still to ask, in ask order.
    /// A fact is listed only if its answer could change the verdict.
    public let missing: [String]
    /// For ``Verdict/needsInformation``: the facts the citizen answered « je ne
    /// sais pas » and on which the verdict depends, in ask order. They are not
    /// asked again; the reasons say the service may fit, never that it does not.
    public let dontKnow: [String]
    /// Services to look at instead (ids), when not eligible.
    public let alternatives: [String]

    init(serviceID: String, verdict: Verdict, reasons: [Explanation], missing: [String] = [], dontKnow: [String] = [],
         alternatives: [String] = []) {
        self.serviceID = serviceID
        self.verdict = verdict
        self.reasons = reasons
        self.missing = missing
        self.dontKnow = dontKnow
        self.alternatives = alternatives
    }

    /// The reasons as text in `language`.
    public func reasons(in language: Language) -> [String] {
        reasons.map { $0.text.text(in: language) }
    }
}
