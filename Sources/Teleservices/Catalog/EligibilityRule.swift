/// One eligibility rule of a service: a condition over the citizen's facts
/// and the explanation given when it does not hold.
public struct EligibilityRule: Hashable, Sendable {
    /// Where the rule is written, e.g. `perceval.rules[1]`.
    public let path: String
    /// What to tell the citizen when the rule does not hold (why, and where to go instead).
    public let reason: LocalizedText
    /// Services to suggest instead when the rule does not hold (ids).
    public let instead: [String]
    let expression: Expression

    /// The facts the rule reads, sorted by name.
    public var facts: [String] { expression.facts.sorted() }
}

/// A worked example written next to a service's rules: a situation and the
/// verdict and missing facts expected for it (the Publicodes idea of inline
/// examples). The test suite runs every example of the bundled catalog.
public struct RuleExample: Hashable, Sendable {
    /// Where the example is written, e.g. `perceval.examples[0]`.
    public let path: String
    /// A short description for people.
    public let name: String
    /// The situation.
    public let situation: Situation
    /// The evaluation date.
    public let date: LocalDate
    /// The expected verdict.
    public let verdict: Verdict
    /// The facts expected missing, in ask order (only for ``Verdict/needsInformation``).
    public let missing: [String]
    /// The facts expected in ``Eligibility/dontKnow``, in ask order (JSON `dont_know`).
    public let dontKnow: [String]
}
