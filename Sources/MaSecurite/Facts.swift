/// The facts gathered for one answer, each with its origin. A fact from a more
/// trusted origin is never overwritten by a guess: the citizen's own answers
/// win, then emergency detection, the sentence, the place, and last what the
/// orientation implies.
struct Facts {
    private(set) var situation = Situation()
    private var origins: [String: KnownFact.Origin] = [:]

    private static func rank(_ origin: KnownFact.Origin) -> Int {
        switch origin {
        case .orientation: return 0
        case .place: return 1
        case .sentence: return 2
        case .emergency: return 3
        case .citizen: return 4
        }
    }

    mutating func set(_ name: String, _ value: FactValue, _ origin: KnownFact.Origin) {
        set(name, answer: .value(value), origin)
    }

    mutating func set(_ name: String, answer: Situation.Answer, _ origin: KnownFact.Origin) {
        if let existing = origins[name], Facts.rank(existing) > Facts.rank(origin) { return }
        situation[name] = answer
        origins[name] = origin
    }

    mutating func merge(_ other: Situation, origin: KnownFact.Origin) {
        for (name, answer) in other.answers { set(name, answer: answer, origin) }
    }

    /// Sets `victim_is_minor` from a known `age` when it is not known yet
    /// (the person speaking is taken as the victim).
    mutating func deriveMinorFromAge() {
        guard situation["victim_is_minor"] == nil, case .value(.number(let age))? = situation["age"], let origin = origins["age"] else { return }
        set("victim_is_minor", .bool(age < 18), origin)
    }

    /// These facts with `given` (the citizen's own answers) on top.
    func merging(_ given: Situation) -> Facts {
        var copy = self
        copy.merge(given, origin: .citizen)
        return copy
    }

    /// The facts by name, for the answer.
    var list: [KnownFact] {
        situation.answers.keys.sorted().compactMap { name in
            guard let answer = situation[name], let origin = origins[name] else { return nil }
            switch answer {
            case .value(let value): return KnownFact(name: name, value: value.description, origin: origin)
            case .dontKnow: return KnownFact(name: name, value: "?", origin: origin)
            }
        }
    }
}
