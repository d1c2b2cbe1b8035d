import Testing
@testable import Teleservices

/// The rule language's operators and its three-valued logic with missing facts.
@Suite struct RuleEvaluatorTests {
    func verdict(_ expression: String, _ values: [String: FactValue], dontKnow: [String] = [],
                 on date: LocalDate = TestCatalogs.day) throws -> Eligibility {
        let catalog = try TestCatalogs.single(expression)
        var situation = Situation(values: values)
        for name in dontKnow { situation = situation.settingDontKnow(name) }
        return try catalog.evaluate(serviceID: "svc", situation: situation, on: date)
    }

    @Test(arguments: [
        (#"{"eq": ["flag", true]}"#, true, Verdict.eligible),
        (#"{"eq": ["flag", true]}"#, false, .notEligible),
        (#"{"ne": ["flag", true]}"#, true, .notEligible),
        (#"{"ne": ["flag", true]}"#, false, .eligible),
    ])
    func booleanEquality(_ expression: String, _ flag: Bool, _ expected: Verdict) throws {
        #expect(try verdict(expression, ["flag": .bool(flag)]).verdict == expected)
    }

    @Test(arguments: [
        ("lt", 3.0, Verdict.eligible), ("lt", 5.0, .notEligible), ("lt", 7.0, .notEligible),
        ("le", 3.0, .eligible), ("le", 5.0, .eligible), ("le", 7.0, .notEligible),
        ("gt", 3.0, .notEligible), ("gt", 5.0, .notEligible), ("gt", 7.0, .eligible),
        ("ge", 3.0, .notEligible), ("ge", 5.0, .eligible), ("ge", 7.0, .eligible),
        ("eq", 5.0, .eligible), ("eq", 5.5, .notEligible), ("ne", 5.0, .notEligible), ("ne", 4.0, .eligible),
    ])
    func numberComparisons(_ op: String, _ count: Double, _ expected: Verdict) throws {
        let result = try verdict(#"{"\#(op)": ["count", 5]}"#, ["count": .number(count)])
        #expect(result.verdict == expected, "\(count) \(op) 5")
    }

    @Test func dateComparisonsWithLiteralsTodayAndOtherFacts() throws {
        let start = FactValue.date(.iso("2026-02-01"))
        #expect(try verdict(#"{"lt": ["start", "2026-03-01"]}"#, ["start": start]).verdict == .eligible)
        #expect(try verdict(#"{"gt": ["start", "2026-03-01"]}"#, ["start": start]).verdict == .notEligible)
        // today_plus_days counts from the evaluation date (2026-01-15).
        #expect(try verdict(#"{"ge": ["start", {"today_plus_days": 17}]}"#, ["start": start]).verdict == .eligible)
        #expect(try verdict(#"{"ge": ["start", {"today_plus_days": 18}]}"#, ["start": start]).verdict == .notEligible)
        #expect(try verdict(#"{"ge": ["start", {"today_plus_days": 18}]}"#, ["start": start],
                            on: .iso("2026-01-14")).verdict == .eligible)
        // fact + plus_days
        let rule = #"{"le": ["end", {"fact": "start", "plus_days": 10}]}"#
        #expect(try verdict(rule, ["start": start, "end": .date(.iso("2026-02-11"))]).verdict == .eligible)
        #expect(try verdict(rule, ["start": start, "end": .date(.iso("2026-02-12"))]).verdict == .notEligible)
        let partly = try verdict(rule, ["end": .date(.iso("2026-02-12"))])
        #expect(partly.verdict == .needsInformation)
        #expect(partly.missing == ["start"])
        #expect(try verdict(rule, [:]).missing == ["start", "end"])
    }

    @Test func membershipOverEnumsAndDepartements() throws {
        #expect(try verdict(#"{"in": ["kind", ["a", "b"]]}"#, ["kind": .enumValue("b")]).verdict == .eligible)
        #expect(try verdict(#"{"in": ["kind", ["a", "b"]]}"#, ["kind": .enumValue("c")]).verdict == .notEligible)
        let paris = try DepartementCode("75")
        #expect(try verdict(#"{"in": ["department", ["75", "92"]]}"#, ["department": .departement(paris)]).verdict == .eligible)
        #expect(try verdict(#"{"eq": ["department", "2A"]}"#, ["department": .departement(try DepartementCode("2a"))]).verdict == .eligible)
    }

    @Test func isKnownIsThreeValued() throws {
        #expect(try verdict(#"{"is-known": "start"}"#, ["start": .date(.iso("2026-01-20"))]).verdict == .eligible)
        #expect(try verdict(#"{"is-known": "start"}"#, [:], dontKnow: ["start"]).verdict == .notEligible)
        let unasked = try verdict(#"{"is-known": "start"}"#, [:])
        #expect(unasked.verdict == .needsInformation)
        #expect(unasked.missing == ["start"])
    }

    @Test func dontKnowIsUnknownNeverFalseAndIsNotAskedAgain() throws {
        for rule in [#"{"eq": ["flag", true]}"#, #"{"not": {"eq": ["flag", true]}}"#, #"{"ne": ["flag", false]}"#] {
            let result = try verdict(rule, [:], dontKnow: ["flag"])
            #expect(result.verdict == .needsInformation, "\(rule)")
            #expect(result.missing.isEmpty, "\(rule): not asked again")
            #expect(result.dontKnow == ["flag"], "\(rule)")
            // The reasons say only that the citizen does not know, never the rule's own reason.
            #expect(!result.reasons(in: .english).contains("No."), "\(rule)")
            #expect(result.reasons(in: .english).contains("You do not know yet: “Flag?”"), "\(rule)")
        }
        // A known failure elsewhere still decides: « je ne sais pas » does not hide it.
        let catalog = try TestCatalogs.load(rules: "[" + [
            TestCatalogs.ruleObject(#"{"eq": ["flag", true]}"#), TestCatalogs.ruleObject(#"{"gt": ["count", 1]}"#),
        ].joined(separator: ",") + "]")
        let failed = try catalog.evaluate(serviceID: "svc", situation: Situation(["flag": .dontKnow, "count": .value(.number(0))]),
                                          on: TestCatalogs.day)
        #expect(failed.verdict == .notEligible)
        #expect(failed.reasons.map(\.source) == ["svc.rules[1]"], "only the rule that failed on a real answer")
        // Still missing facts come first; the unknown ones follow.
        let both = try catalog.evaluate(serviceID: "svc", situation: Situation(["flag": .dontKnow]), on: TestCatalogs.day)
        #expect(both.missing == ["count"])
        #expect(both.dontKnow == ["flag"])
    }

    @Test func dontKnowForTheTerritoryOrTheAgeIsUnknown() throws {
        let pilot = try TestCatalogs.load(rules: "[]", availability: #"[{"departements": ["75"]}]"#, extra: #""minimum_age": 18,"#)
        let result = try pilot.evaluate(serviceID: "svc", situation: Situation(["department": .dontKnow, "age": .dontKnow]),
                                        on: TestCatalogs.day)
        #expect(result.verdict == .needsInformation)
        #expect(result.dontKnow == ["department", "age"])
    }

    @Test func allShortCircuitsOnFalseAndDropsMissingFacts() throws {
        let rule = #"{"all": [{"eq": ["flag", true]}, {"gt": ["count", 2]}]}"#
        let falseFirst = try verdict(rule, ["flag": .bool(false)])
        #expect(falseFirst.verdict == .notEligible)
        #expect(falseFirst.missing.isEmpty)
        let unknownRest = try verdict(rule, ["flag": .bool(true)])
        #expect(unknownRest.verdict == .needsInformation)
        #expect(unknownRest.missing == ["count"])
        #expect(try verdict(rule, ["flag": .bool(true), "count": .number(3)]).verdict == .eligible)
    }

    @Test func anyShortCircuitsOnTrue() throws {
        let rule = #"{"any": [{"eq": ["flag", true]}, {"gt": ["count", 2]}]}"#
        #expect(try verdict(rule, ["flag": .bool(true)]).verdict == .eligible)
        #expect(try verdict(rule, ["count": .number(3)]).verdict == .eligible)
        let open = try verdict(rule, ["flag": .bool(false)])
        #expect(open.verdict == .needsInformation)
        #expect(open.missing == ["count"])
        #expect(try verdict(rule, ["flag": .bool(false), "count": .number(1)]).verdict == .notEligible)
    }

    @Test func notKeepsTheMissingFacts() throws {
        let rule = #"{"not": {"all": [{"eq": ["kind", "a"]}, {"eq": ["flag", true]}]}}"#
        // kind = b decides the inner all: flag no longer matters.
        #expect(try verdict(rule, ["kind": .enumValue("b")]).verdict == .eligible)
        let open = try verdict(rule, ["kind": .enumValue("a")])
        #expect(open.missing == ["flag"])
        #expect(try verdict(rule, ["kind": .enumValue("a"), "flag": .bool(true)]).verdict == .notEligible)
    }

    @Test func missingFactsComeInAskOrderAcrossRules() throws {
        let catalog = try TestCatalogs.load(rules: "[" + [
            TestCatalogs.ruleObject(#"{"gt": ["count", 1]}"#),
            TestCatalogs.ruleObject(#"{"eq": ["flag", true]}"#),
            TestCatalogs.ruleObject(#"{"eq": ["other", false]}"#),
        ].joined(separator: ",") + "]")
        let result = try catalog.evaluate(serviceID: "svc", situation: Situation(), on: TestCatalogs.day)
        #expect(result.verdict == .needsInformation)
        // priorities: other 0, flag 1, count 3
        #expect(result.missing == ["other", "flag", "count"])
        // The questions follow the introduction sentence, in the same order.
        #expect(result.reasons(in: .english).dropFirst() == ["Other?", "Flag?", "How many?"])
    }

    @Test func notEligibleListsEveryFailedRuleWithItsAlternatives() throws {
        let catalog = try TestCatalogs.load(rules: """
        [{"eq": ["flag", true], "reason": {"fr": "Drapeau requis.", "en": "Flag required."}, "instead": ["alt"]},
         {"gt": ["count", 1], "reason": {"fr": "Trop peu.", "en": "Too few."}},
         {"eq": ["other", true], "reason": {"fr": "Autre requis.", "en": "Other required."}}]
        """)
        let situation = Situation(values: ["flag": .bool(false), "count": .number(0)])
        let result = try catalog.evaluate(serviceID: "svc", situation: situation, on: TestCatalogs.day)
        #expect(result.verdict == .notEligible)
        #expect(result.reasons(in: .english) == ["Flag required.", "Too few."])
        #expect(result.reasons(in: .french) == ["Drapeau requis.", "Trop peu."])
        #expect(result.reasons.map(\.source) == ["svc.rules[0]", "svc.rules[1]"])
        #expect(result.alternatives == ["alt"])
        #expect(result.missing.isEmpty, "a known failure makes the other unknowns irrelevant")
    }

    @Test func eligibleExplainsAndMentionsIdentification() throws {
        let catalog = try TestCatalogs.single(#"{"eq": ["flag", true]}"#)
        let result = try catalog.evaluate(serviceID: "svc", situation: Situation(values: ["flag": .bool(true)]), on: TestCatalogs.day)
        #expect(result.verdict == .eligible)
        #expect(result.reasons(in: .english).first?.hasPrefix("Service fits your situation") == true)
        #expect(result.reasons(in: .english).contains("You may stay anonymous."))
    }
}
