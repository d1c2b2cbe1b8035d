import Testing
@testable import Teleservices

/// Property tests of the rule evaluator's three-valued (Kleene) logic, over
/// random expressions built from every operator and random situations where
/// each fact is answered, answered « je ne sais pas », or not asked.
///
/// The promises checked: an unknown fact never becomes false (nor true) — a
/// decided result holds for every answer the citizen could still give;
/// « je ne sais pas » behaves exactly as « not asked », only reported apart;
/// and the usual laws (`ne` is `not eq`, double negation, De Morgan) hold.
@Suite struct ThreeValuedLogicPropertyTests {
    /// A deterministic generator (SplitMix64), so that a failure is reproducible.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let today = TestCatalogs.day
    /// The values each fact may take (small, so that every completion is tried).
    static let domains: [String: [FactValue]] = [
        "flag": [.bool(true), .bool(false)],
        "kind": ["a", "b", "c"].map { .enumValue($0) },
        "count": [1, 2, 3, 4, 5].map { .number($0) },
        "start": [0, 2, 4].map { .date(today.adding(days: $0)) },
        "end": [0, 3, 6].map { .date(today.adding(days: $0)) },
    ]
    static let factNames = ["flag", "kind", "count", "start", "end"]

    static func pick<T>(_ items: [T], _ rng: inout SplitMix) -> T {
        items[Int(rng.next() % UInt64(items.count))]
    }

    /// A random comparison or membership on one fact (every operator of the language but `is-known`).
    static func atom(_ rng: inout SplitMix) -> Expression {
        let fact = pick(factNames, &rng)
        let values = domains[fact] ?? []
        switch fact {
        case "flag", "kind":
            if rng.next() % 3 == 0 {
                return .member(fact: fact, values: Array(values.shuffled(using: &rng).prefix(1 + Int(rng.next() % 2))))
            }
            return .compare(pick([.eq, .ne], &rng), fact: fact, .literal(pick(values, &rng)))
        case "count":
            if rng.next() % 4 == 0 {
                return .member(fact: fact, values: Array(values.shuffled(using: &rng).prefix(1 + Int(rng.next() % 3))))
            }
            return .compare(pick(ComparisonOperator.allCases, &rng), fact: fact, .literal(pick(values, &rng)))
        default:
            let other = fact == "start" ? "end" : "start"
            let operand: Operand = pick([
                .literal(pick(values, &rng)), .today(plusDays: Int(rng.next() % 5)), .fact(other, plusDays: Int(rng.next() % 5) - 2),
            ], &rng)
            return .compare(pick(ComparisonOperator.allCases, &rng), fact: fact, operand)
        }
    }

    static func expression(depth: Int, _ rng: inout SplitMix) -> Expression {
        guard depth > 0, rng.next() % 3 != 0 else { return atom(&rng) }
        switch rng.next() % 3 {
        case 0: return .not(expression(depth: depth - 1, &rng))
        case 1: return .all((0..<(1 + Int(rng.next() % 3))).map { _ in expression(depth: depth - 1, &rng) })
        default: return .any((0..<(1 + Int(rng.next() % 3))).map { _ in expression(depth: depth - 1, &rng) })
        }
    }

    static func situation(_ rng: inout SplitMix) -> Situation {
        var situation = Situation()
        for name in factNames {
            switch rng.next() % 3 {
            case 0: situation[name] = .value(pick(domains[name] ?? [], &rng))
            case 1: situation[name] = .dontKnow
            default: break
            }
        }
        return situation
    }

    /// Every way the citizen could still answer the facts of `names` that are not known.
    static func completions(of situation: Situation, over names: Set<String>) -> [Situation] {
        var result = [situation]
        for name in names.sorted() where situation.value(of: name) == nil {
            result = result.flatMap { partial in (domains[name] ?? []).map { partial.setting(name, to: $0) } }
        }
        return result
    }

    enum Kind: Equatable { case yes, no, unknown }
    static func kind(_ truth: Truth) -> Kind {
        switch truth {
        case .yes: return .yes
        case .no: return .no
        case .unknown: return .unknown
        }
    }

    static func cases(count: Int, seed: UInt64) -> [(Expression, Situation)] {
        var rng = SplitMix(state: seed)
        return (0..<count).map { _ in (expression(depth: 3, &rng), situation(&rng)) }
    }

    @Test func anUnknownFactNeverDecidesTheResult() {
        for (expression, situation) in Self.cases(count: 1500, seed: 15) {
            let truth = RuleEvaluator(situation: situation, today: Self.today).evaluate(expression)
            let outcomes = Set(Self.completions(of: situation, over: expression.facts).map { complete -> Kind in
                Self.kind(RuleEvaluator(situation: complete, today: Self.today).evaluate(expression))
            })
            #expect(!outcomes.contains(.unknown), "every fact answered: decided (\(expression))")
            switch truth {
            case .yes: #expect(outcomes == [.yes], "true, yet some answer makes it false: \(expression) with \(situation)")
            case .no: #expect(outcomes == [.no], "false, yet some answer makes it true: \(expression) with \(situation)")
            case .unknown(let missing, let dontKnow):
                #expect(!missing.isEmpty || !dontKnow.isEmpty, "an unknown result names its facts")
                for name in missing { #expect(situation[name] == nil, "'\(name)' reported missing but answered") }
                for name in dontKnow { #expect(situation[name] == .dontKnow, "'\(name)' reported not known but not answered so") }
            }
        }
    }

    @Test func dontKnowBehavesAsNotAskedOnlyReportedApart() {
        for (expression, situation) in Self.cases(count: 1500, seed: 2026) {
            var unasked = Situation()
            for (name, answer) in situation.answers where answer != .dontKnow { unasked[name] = answer }
            let withDontKnow = RuleEvaluator(situation: situation, today: Self.today).evaluate(expression)
            let withUnasked = RuleEvaluator(situation: unasked, today: Self.today).evaluate(expression)
            switch (withDontKnow, withUnasked) {
            case (.unknown(let missingA, let dontKnowA), .unknown(let missingB, let dontKnowB)):
                #expect(dontKnowB.isEmpty)
                #expect(missingA.union(dontKnowA) == missingB, "\(expression)")
            default:
                #expect(withDontKnow == withUnasked, "\(expression) with \(situation)")
            }
        }
    }

    @Test func negationAndDeMorganHold() {
        var rng = SplitMix(state: 7)
        for _ in 0..<1500 {
            let a = Self.expression(depth: 2, &rng)
            let b = Self.expression(depth: 2, &rng)
            let evaluator = RuleEvaluator(situation: Self.situation(&rng), today: Self.today)
            let kind = { (expression: Expression) in Self.kind(evaluator.evaluate(expression)) }
            #expect(kind(.not(.not(a))) == kind(a))
            #expect(kind(.not(.all([a, b]))) == kind(.any([.not(a), .not(b)])))
            #expect(kind(.not(.any([a, b]))) == kind(.all([.not(a), .not(b)])))
            let negated: Truth = {
                switch evaluator.evaluate(a) {
                case .yes: return .no
                case .no: return .yes
                case let unknown: return unknown
                }
            }()
            #expect(evaluator.evaluate(.not(a)) == negated)
        }
    }

    @Test(arguments: ["flag", "kind", "count", "start"])
    func neIsNotEqForEveryAnswer(_ fact: String) {
        let values = Self.domains[fact] ?? []
        let answers: [Situation.Answer?] = values.map { .value($0) } + [.dontKnow, nil]
        for literal in values {
            for answer in answers {
                var situation = Situation()
                situation[fact] = answer
                let evaluator = RuleEvaluator(situation: situation, today: Self.today)
                #expect(evaluator.evaluate(.compare(.ne, fact: fact, .literal(literal)))
                        == evaluator.evaluate(.not(.compare(.eq, fact: fact, .literal(literal)))))
            }
        }
    }

    @Test func everyOperatorOnAnUnknownFactIsUnknown() {
        let operators: [Expression] = ComparisonOperator.allCases.map { .compare($0, fact: "count", .literal(.number(3))) }
            + [.member(fact: "count", values: [.number(3)]),
               .compare(.lt, fact: "start", .today(plusDays: 2)),
               .compare(.le, fact: "start", .fact("end", plusDays: 1))]
        for expression in operators {
            for wrapped in [expression, .not(expression), .all([expression]), .any([expression])] {
                let notKnown = RuleEvaluator(situation: Situation(["count": .dontKnow, "start": .dontKnow, "end": .value(.date(Self.today))]),
                                             today: Self.today).evaluate(wrapped)
                #expect(Self.kind(notKnown) == .unknown, "\(wrapped)")
                let notAsked = RuleEvaluator(situation: Situation(["end": .value(.date(Self.today))]), today: Self.today).evaluate(wrapped)
                #expect(Self.kind(notAsked) == .unknown, "\(wrapped)")
            }
        }
    }

    @Test func isKnownReadsTheAnswerNotTheFact() {
        let evaluate = { (answer: Situation.Answer?) -> Truth in
            var situation = Situation()
            situation["start"] = answer
            return RuleEvaluator(situation: situation, today: Self.today).evaluate(.isKnown("start"))
        }
        #expect(evaluate(.value(.date(Self.today))) == .yes)
        #expect(evaluate(.dontKnow) == .no, "the citizen said they have no value")
        #expect(evaluate(nil) == .notAsked("start"))
    }
}
