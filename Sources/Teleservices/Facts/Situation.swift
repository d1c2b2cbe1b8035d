/// What the citizen has said so far: a fact is either answered with a value,
/// answered « je ne sais pas » (I don't know), or not asked yet.
///
/// A situation is a plain value; ``TeleserviceCatalog`` checks its facts against
/// the vocabulary (names and types) before evaluating. It holds only the answers
/// needed for orientation and nothing is stored by the SDK.
public struct Situation: Hashable, Sendable {
    /// One answer.
    public enum Answer: Hashable, Sendable {
        /// The citizen gave this value.
        case value(FactValue)
        /// The citizen said they do not know: the fact stays *unknown* for the rules
        /// (it never makes a service not eligible by itself; the verdict is then
        /// needs-information with the fact in ``Eligibility/dontKnow``), `is-known`
        /// is false, and the fact is not asked again.
        case dontKnow
    }

    /// The answers by fact name.
    public private(set) var answers: [String: Answer]

    /// Creates a situation from answers.
    public init(_ answers: [String: Answer] = [:]) {
        self.answers = answers
    }

    /// Creates a situation where every given fact is answered with a value.
    public init(values: [String: FactValue]) {
        answers = values.mapValues { .value($0) }
    }

    /// The answer for `fact`, or `nil` when it has not been asked yet.
    public subscript(fact: String) -> Answer? {
        get { answers[fact] }
        set { answers[fact] = newValue }
    }

    /// A copy with `fact` answered `value`.
    public func setting(_ fact: String, to value: FactValue) -> Situation {
        var copy = self
        copy.answers[fact] = .value(value)
        return copy
    }

    /// A copy with `fact` answered « I don't know ».
    public func settingDontKnow(_ fact: String) -> Situation {
        var copy = self
        copy.answers[fact] = .dontKnow
        return copy
    }

    /// The value given for `fact`, if any.
    public func value(of fact: String) -> FactValue? {
        if case .value(let value)? = answers[fact] { return value }
        return nil
    }
}
