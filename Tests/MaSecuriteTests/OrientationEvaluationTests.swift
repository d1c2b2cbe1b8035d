import Foundation
import MaSecurite
import Testing

/// The orientation evaluation of issue 15, on the guichet's orienteur (content and
/// teleservices): a development part the detector and content are tuned on, and a
/// held-out part written blind that is never tuned on and is reported alone.
@Suite struct OrientationEvaluationTests {
    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Evaluation") else {
            throw Fixtures.FixtureError.missing("Evaluation/\(name).json")
        }
        return url
    }

    // MARK: Development and held-out parts (issue 15)

    /// The parts the detector, the cue lists and the learnt models are tuned and trained on.
    static let developmentParts = ["development", "development-2", "development-3", "development-4", "development-5", "development-6",
                                   "development-7", "development-8", "development-9", "development-10",
                                   "development-11", "development-12", "development-13", "development-14", "development-15",
                                   "development-16", "development-17", "development-18",
                                   "development-19", "development-20", "development-21",
                                   "development-22", "development-23", "development-24",
                                   "development-25", "development-26", "development-27",
                                   "development-28", "development-29", "development-30",
                                   "development-31", "development-32", "development-33",
                                   "development-34", "development-35", "development-36",
                                   "development-37", "development-38", "development-39",
                                   "development-40", "development-41", "development-42",
                                   "development-43", "development-44", "development-45",
                                   "development-46", "development-47", "development-48",
                                   "development-49", "development-50", "development-51",
                                   "development-52", "development-53", "development-54",
                                   "development-55", "development-56", "development-57", "development-58", "development-59", "development-60",
                                   "development-61", "development-62", "development-63", "development-64", "development-65", "development-66",
                                   "development-67", "development-68", "development-69", "development-70", "development-71", "development-72",
                                   "development-73", "development-74", "development-75", "development-76", "development-77", "development-78",
                                   "development-79", "development-80", "development-81", "development-82", "development-83", "development-84",
                                   "development-85", "development-86", "development-87", "development-88", "development-89", "development-90",
                                   "development-91", "development-92", "development-93", "development-94", "development-95", "development-96",
                                   "development-97", "development-98", "development-99", "development-100", "development-101", "development-102",
                                   "development-103", "development-104", "development-105", "development-106", "development-107", "development-108",
                                   "development-109", "development-110", "development-111", "development-112", "development-113", "development-114"]

    static func set(_ name: String) throws -> EvaluationSet {
        try EvaluationSet.load(from: Self.url(name))
    }

    @Test func bothPartsHaveTheAgreedShapeAndKnownIDs() throws {
        let modules = try Fixtures.modules.get()
        let orienteur = modules.orienteur
        let known = Set(orienteur.content.leaves.map(\.id) + orienteur.content.fiches.map(\.id) + modules.catalog.services.map(\.id))
        let developmentParts = try Self.developmentParts.map(Self.set)
        let development = developmentParts[0]
        let heldOut = try Self.set("heldout")
        #expect(developmentParts.allSatisfy { $0.part == "development" })
        #expect(heldOut.part == "held-out")
        #expect(development.sentences.count + heldOut.sentences.count >= 400)
        for part in developmentParts + [heldOut] {
            let emergencies = part.sentences.filter(\.emergency).count
            #expect(Double(emergencies) / Double(part.sentences.count) >= 0.25, "\(part.part): about a third are emergencies")
            #expect(Set(part.sentences.map(\.id)).count == part.sentences.count, "\(part.part): ids are unique")
            for sentence in part.sentences {
                #expect(sentence.emergency == !sentence.numbers.isEmpty, "\(sentence.id): numbers iff emergency")
                for id in sentence.accept { #expect(known.contains(id), "\(sentence.id) accepts unknown id \(id)") }
            }
        }
        // No sentence of the held-out part was copied into a development part.
        // Only the shared sentences are named, so a failure never prints the held-out part.
        let heldOutTexts = Set(heldOut.sentences.map(\.text))
        for (name, part) in zip(Self.developmentParts, developmentParts) {
            let shared = part.sentences.filter { heldOutTexts.contains($0.text) }.map(\.id)
            #expect(shared.isEmpty, "\(name) repeats held-out sentences: \(shared)")
        }
    }

    /// The development part is the one the detector and content are tuned on: it holds the goals.
    @Test func developmentPartMeetsTheGoals() throws {
        let report = try Fixtures.modules.get().orienteur.evaluate(try Self.set("development"))
        print("Orientation evaluation, development part:\n" + report.table())
        #expect(report.total.recall >= 0.99)
        #expect(report.total.falseAlarmRate <= 0.03)
        #expect(report.total.topThreeRate >= 0.95)
        #expect(report.total.numberFitRate >= 0.95)
    }

    /// The other development parts were written blind and first measured before any tuning (part 3:
    /// recall 72.4%, false alarms 5.9%; part 4: 86.8%, 4.7%; part 5: 82.5%, 7.5%, top-3 68.7%; part 6 was
    /// the held-out part until stop 23: 85.7%, 8.5%, 79.2%; part 7: 91.9%, 10.0%, 81.4%; part 8: 95.0%, 5.0%, 85.2%; after training on them 93.1%, 6.6%, 95.5% and 96.9%, 1.9%, 98.8%, then
    /// 97.5%, 1.9%, 98.3% and 100%, 0.8%, 99.5% with reading rules written while reading their errors;
    /// parts 9 and 10, scored with the models trained on parts 1–8: 96.9%, 3.5%, 90.2% and 93.8%, 3.5%, 88.8%; then
    /// 100%, 1.2%, 96.9% and 100%, 2.7%, 98.1% with reading rules written while reading their errors and both
    /// models retrained on the ten parts; parts 11 and 12, scored on arrival with all of that: 96.9%, 3.9%,
    /// 92.9% and 95.7%, 5.8%, 92.4%; then 100%, 2.3%, 98.1% and 97.5%, 1.6%, 99.0% with reading rules written while
    /// reading their errors and both models retrained on the twelve parts; parts 13-15, scored on arrival with all of
    /// that: 94.4%, 4.2%, 91.0%; 92.5%, 6.5%, 89.0%; 95.6%, 5.4%, 93.1%; then 99.4%, 0.4%, 98.3%; 100%, 0%, 97.9%;
    /// 99.4%, 0.4%, 99.5% with reading rules written while reading their errors, by class, and both models
    /// retrained on the fifteen parts; parts 16-18, scored on arrival with all of that: 91.9%, 5.0%, 92.6%; 95.5%, 1.9%,
    /// 94.8%; 93.8%, 3.1%, 93.8%; then 96.9%, 3.9%, 99.5%; 97.5%, 0.4%, 99.8%; 97.5%, 1.2%, 100% with reading rules written
    /// while reading their errors, by class, and both models retrained on the eighteen parts; parts 19-21, scored on arrival
    /// with all of that: 96.9%, 3.8%, 96.9%; 91.9%, 3.1%, 94.3%; 98.1%, 7.3%, 94.8%; then 100%, 0%, 99.3%; 98.8%, 1.5%, 99.5%;
    /// 100%, 1.5%, 99.8% with reading rules written while reading their errors, by class, and both models retrained on the
    /// twenty-one parts; parts 22-24, scored on arrival with all of that: 93.1%, 3.9%, 94.3%; 96.9%, 6.2%, 91.4%; 95.0%,
    /// 6.2%, 93.1%; then 97.5%, 0.4%, 99.3%; 99.4%, 2.7%, 99.8%; 98.8%, 2.3%, 99.5% with reading rules written while
    /// reading their errors, by class, and both models retrained on the twenty-four parts; parts 25-30, scored on arrival with all
    /// of that: 96.2%, 4.7%, 90.0%; 98.1%, 3.1%, 92.9%; 96.3%, 3.9%, 94.7%; 97.5%, 4.6%, 91.2%; 98.8%, 3.1%, 95.7%; 95.6%, 4.6%,
    /// 91.4%; then 100%, 1.6%, 100%; 100%, 0%, 99.8%; 100%, 0%, 98.6%; 100%, 1.2%, 99.8%; 99.4%, 1.2%, 99.0%; 100%, 1.2%, 99.5%
    /// with reading rules written while reading their errors, by class, and both models retrained on the thirty parts; parts 31-36,
    /// scored on arrival with all of that: 96.9%, 1.9%, 91.6%; 98.1%, 6.9%, 92.1%; 96.9%, 1.5%, 94.0%; 96.2%, 5.0%, 90.2%; 99.4%,
    /// 4.6%, 91.7%; 93.2%, 1.9%, 93.1%; then 99.4%, 1.2%, 99.8%; 99.4%, 3.4%, 99.3%; 100%, 1.2%, 100%; 99.4%, 1.9%, 99.3%; 99.4%,
    /// 1.9%, 99.5%; 100%, 1.9%, 99.3% with reading rules written while reading their errors, by class (among them a long message
    /// read from its last turn, "mais là…", "but right now…"), and both models retrained on the thirty-six parts; parts 37-42,
    /// scored on arrival with all of that: 98.8%, 3.1%, 92.8%; 93.1%, 0.8%, 93.8%; 98.8%, 3.5%, 97.1%; 98.8%, 2.7%, 94.8%; 96.9%,
    /// 2.3%, 95.5%; 100%, 3.1%, 91.7%; then 100%, 1.2%, 99.8%; 100%, 0%, 99.8%; 100%, 2.0%, 99.8%; 100%, 0.8%, 99.8%; 100%, 0.4%,
    /// 99.3%; 100%, 0.8%, 97.9% with reading rules written while reading their errors, by class (among them readings that no
    /// longer lean on the learnt model, so that retraining does not drop them), and both models retrained on the forty-two parts;
    /// parts 43-48, scored on arrival with all of that: 93.8%, 2.7%, 92.9%; 94.4%, 10.8%, 83.8%; 96.2%, 3.1%, 96.0%; 98.1%, 3.1%,
    /// 95.0%; 98.2%, 2.0%, 98.3%; 97.5%, 2.7%, 97.9%; then 98.8%, 2.3%, 99.0%; 100%, 5.4%, 98.1%; 100%, 1.9%, 99.8%; 100%, 2.7%,
    /// 99.8%; 100%, 0.8%, 99.8%; 100%, 2.3%, 99.5% with reading rules written while reading their errors, by class (among them
    /// classes the retrained model had stopped raising, now read by the rules), and both models retrained on the forty-eight parts;
    /// parts 49-54, scored with all of that before anyone tuned on them: 98.8%, 2.7%, 95.2%; 99.4%, 1.9%, 94.3%; 93.8%, 3.1%,
    /// 92.1%; 95.6%, 5.8%, 91.7%; 96.3%, 3.9%, 94.3%; 97.5%, 0.4%, 97.1%, their floors until their own round; parts 55-60,
    /// likewise: 97.5%, 3.1%, 95.2%; 98.8%, 1.2%, 96.7%; 97.5%, 4.2%, 96.9%; 96.9%, 5.8%, 93.8%; 92.6%, 7.0%, 92.1%; 96.8%, 3.5%,
    /// 91.9%; then parts 49-57 100%, 1.9%, 99.8%; 99.4%, 1.2%, 99.3%; 97.5%, 1.5%, 99.3%; 98.8%, 3.5%, 98.8%; 99.4%, 2.3%, 99.5%;
    /// 99.4%, 0%, 100%; 99.4%, 1.9%, 99.0%; 100%, 0.8%, 99.5%; 98.1%, 2.7%, 99.8% with reading rules written while reading their
    /// errors, by class (among them a danger of now — "vient de", "just", "still here", "mais là" — that outranks a calm opening,
    /// a hedge or an old story in shorter messages too, and danger verbs of now as classes), and both models retrained on the
    /// fifty-seven parts; parts 58-60 stay unseen through that round: 96.9%, 5.0%, 93.8%; 93.2%, 7.0%, 91.9%; 96.8%, 3.5%, 92.6%
    /// after it; then, with the text model learnt on parts 1-57 (a second opinion from letters and words alone, see
    /// `TextEmergencyModel`), 98.1%, 4.2%, 94.0%; 97.5%, 3.5%, 92.9%; 99.4%, 1.9%, 92.8%, and parts 61-66, scored on arrival with
    /// all of that, 98.8%, 1.6%, 95.0%; 99.4%, 3.5%, 90.2%; 99.4%, 3.1%, 94.3%; 99.4%, 2.7%, 93.8%; 99.4%, 1.5%, 96.2%; 100%, 0.4%,
    /// 96.7%; part 25's top-3 floor 0.99, not 0.995: the text model silences a false alarm on a question about witnessing an
    /// accident, and the leaves the alert listed leave its top three with it; parts 67-72, scored on arrival with all of that,
    /// 100%, 1.5%, 96.0%; 98.8%, 3.1%, 90.5%; 99.4%, 1.5%, 92.1%; 100%, 0.8%, 95.2%; 99.4%, 3.1%, 97.1%; 98.7%, 2.6%, 96.7%, and
    /// 100% on part 72 once a hypothesis phrase in passing ("after football training", "il a dit que si quelqu'un appelle…")
    /// no longer hid a danger the text model reads at 0.9 or more; parts 73-78, scored blind before and after that change with
    /// the same totals, 98.1%, 0.8%, 96.2%; 100%, 2.7%, 97.4%; 100%, 1.6%, 96.2%; 100%, 7.8%, 94.5%; 100%, 1.1%, 95.2%; 100%,
    /// 1.5%, 96.9%; parts 79-84, scored blind after the parts 58-78 round (which changed none of their totals), 941 of 961
    /// emergencies, 38 false alarms of 1,551, top-3 93.2%, then 950 of 961 with their own round; parts 85-90, scored blind
    /// after both rounds, 961 of 961, 31 false alarms of 1,557, top-3 97.5% (the same before the parts 79-84 round); then
    /// the text model retrained on parts 1-90, which the floors of parts 79-90 follow; parts 91-96, scored blind with all of
    /// that, 100.0%, 3.1%, 97.9%; 99.4%, 1.9%, 97.1%; 100.0%, 3.5%, 94.3%;
    /// 100.0%, 3.9%, 96.2%; 100.0%, 3.1%, 97.1%; 100.0%, 0.8%, 96.4%, 962 of 963 emergencies, 42 false alarms of 1,554;
    /// parts 97-102, written blind with hard calm sentences as their themes and scored on arrival, 953 of 957
    /// emergencies, 55 false alarms of 1,560, top-3 95.3%; then the orientation, feature and text models learnt again
    /// from parts 1-102 with the recipe's settings, which the floors of parts 97-102 follow, and which took some older
    /// parts' top-3 half a point to a point lower: their floors follow too (parts 103-108, scored blind before and after
    /// that retraining: top-3 98.1% → 98.5%, 955 → 956 of 962 emergencies, 28 → 22 false alarms of 1,557); parts 103-114,
    /// scored blind with the final system of that round, 1,916 of 1,922 emergencies, 40 false alarms of 3,116, top-3
    /// 98.1% (models learnt again from parts 1-108 did no better on parts 109-114, 21 false alarms against 18, and
    /// were not kept).
    /// The cue lists and the learnt models are now
    /// trained on them, so each holds today's level as a floor against regressions, not as a measure
    /// of unseen phrasing (that is the held-out part's job; leave-one-part-out cross-validation over the six
    /// development parts, which retrains both models per fold, gave recall 854/854, false alarms 22/1441 and
    /// top-3 91.5% when the floors were last raised).
    @Test(arguments: [("development-2", 0.98, 0.02, 0.97), ("development-3", 0.98, 0.02, 0.97), ("development-4", 0.98, 0.02, 0.97),
                      ("development-5", 0.98, 0.02, 0.97), ("development-6", 0.98, 0.02, 0.97),
                      ("development-7", 0.97, 0.02, 0.98), ("development-8", 0.99, 0.01, 0.98),
                      ("development-9", 0.99, 0.02, 0.95), ("development-10", 0.99, 0.04, 0.97),
                      ("development-11", 0.99, 0.035, 0.97), ("development-12", 0.96, 0.025, 0.98),
                      // Parts 13-15 just under the level they reach after their reading rules and the retraining.
                      ("development-13", 0.99, 0.01, 0.975), ("development-14", 0.99, 0.01, 0.975),
                      ("development-15", 0.99, 0.01, 0.99),
                      // Parts 16-18 just under the level they reach after their reading rules and the retraining.
                      ("development-16", 0.965, 0.04, 0.99), ("development-17", 0.97, 0.005, 0.995),
                      ("development-18", 0.97, 0.015, 0.995),
                      // Parts 19-21 just under the level they reach after their reading rules and the retraining.
                      ("development-19", 0.995, 0.005, 0.99), ("development-20", 0.985, 0.02, 0.985),
                      ("development-21", 0.995, 0.02, 0.995),
                      // Parts 22-24 just under the level they reach after their reading rules and the retraining.
                      ("development-22", 0.97, 0.01, 0.98), ("development-23", 0.99, 0.03, 0.985),
                      ("development-24", 0.985, 0.025, 0.99),
                      // Parts 25-30 just under the level they reach after their reading rules and the retraining.
                      ("development-25", 0.995, 0.02, 0.985), ("development-26", 0.995, 0.005, 0.99),
                      ("development-27", 0.995, 0.005, 0.985), ("development-28", 0.995, 0.015, 0.99),
                      ("development-29", 0.99, 0.015, 0.985), ("development-30", 0.995, 0.015, 0.99),
                      // Parts 31-36 just under the level they reach after their reading rules and the retraining.
                      ("development-31", 0.99, 0.015, 0.995), ("development-32", 0.99, 0.035, 0.99),
                      ("development-33", 0.995, 0.015, 0.995), ("development-34", 0.99, 0.02, 0.99),
                      ("development-35", 0.99, 0.02, 0.99), ("development-36", 0.995, 0.02, 0.99),
                      // Parts 37-42 just under the level they reach after their reading rules and the retraining.
                      ("development-37", 0.995, 0.015, 0.995), ("development-38", 0.995, 0.005, 0.995), ("development-39", 0.995, 0.025, 0.995),
                      ("development-40", 0.995, 0.01, 0.995), ("development-41", 0.995, 0.005, 0.99), ("development-42", 0.995, 0.01, 0.975),
                      // Parts 43-48 just under the level they reach after their reading rules and the retraining.
                      ("development-43", 0.985, 0.025, 0.98), ("development-44", 0.995, 0.06, 0.96), ("development-45", 0.995, 0.02, 0.995),
                      ("development-46", 0.995, 0.03, 0.995), ("development-47", 0.995, 0.01, 0.995), ("development-48", 0.995, 0.025, 0.99),
                      // Parts 49-57 just under the level they reach after their reading rules and the retraining.
                      ("development-49", 0.995, 0.02, 0.995), ("development-50", 0.99, 0.015, 0.985), ("development-51", 0.97, 0.02, 0.985),
                      ("development-52", 0.985, 0.04, 0.985), ("development-53", 0.99, 0.025, 0.99), ("development-54", 0.99, 0.005, 0.995),
                      ("development-55", 0.99, 0.02, 0.985), ("development-56", 0.995, 0.01, 0.995), ("development-57", 0.98, 0.03, 0.995),
                      // Parts 58-60 at their level with the text model (never tuned on: they measured the parts 49-57 round
                      // and the text model, learnt on parts 1-57).
                      ("development-58", 0.98, 0.045, 0.94), ("development-59", 0.975, 0.035, 0.925), ("development-60", 0.99, 0.02, 0.925),
                      // Parts 61-66 at their level on arrival, with the text model (rules and models of parts 1-57).
                      ("development-61", 0.985, 0.02, 0.945), ("development-62", 0.99, 0.035, 0.9), ("development-63", 0.99, 0.035, 0.94),
                      ("development-64", 0.99, 0.03, 0.935), ("development-65", 0.99, 0.02, 0.96), ("development-66", 1.0, 0.005, 0.965),
                      // Parts 67-78 at their level on arrival (rules and models of parts 1-57, a hypothesis phrase overruled
                      // from 0.9; 73-78 scored blind before and after that change: the same totals).
                      ("development-67", 1.0, 0.02, 0.955), ("development-68", 0.985, 0.035, 0.9), ("development-69", 0.99, 0.02, 0.92),
                      ("development-70", 1.0, 0.01, 0.95), ("development-71", 0.99, 0.035, 0.97), ("development-72", 1.0, 0.03, 0.965),
                      ("development-73", 0.98, 0.01, 0.96), ("development-74", 1.0, 0.03, 0.97), ("development-75", 1.0, 0.02, 0.96),
                      ("development-76", 1.0, 0.08, 0.94), ("development-77", 1.0, 0.015, 0.95), ("development-78", 1.0, 0.02, 0.965),
                      // Parts 79-90 at their level once the text model learnt from them (parts 1-90); blind, before that,
                      // see the doc comment.
                      ("development-79", 1.0, 0.01, 0.92), ("development-80", 1.0, 0.005, 0.9), ("development-81", 1.0, 0.055, 0.905),
                      ("development-82", 1.0, 0.005, 0.97), ("development-83", 1.0, 0.005, 0.945), ("development-84", 1.0, 0.015, 0.96),
                      ("development-85", 1.0, 0.005, 0.985), ("development-86", 1.0, 0.02, 0.97), ("development-87", 1.0, 0.015, 0.975),
                      ("development-88", 1.0, 0.01, 0.965), ("development-89", 1.0, 0.02, 0.975), ("development-90", 1.0, 0.01, 0.97),
                      // Parts 91-96 at their level on arrival, scored blind with the final system of that round.
                      ("development-91", 1.0, 0.035, 0.975), ("development-92", 0.99, 0.02, 0.97), ("development-93", 1.0, 0.035, 0.94),
                      ("development-94", 1.0, 0.04, 0.96), ("development-95", 1.0, 0.035, 0.97), ("development-96", 1.0, 0.01, 0.96),
                      // Parts 97-102 at their level once both models learnt from parts 1-102 (blind, before that: see the doc comment).
                      ("development-97", 1.0, 0.015, 0.99), ("development-98", 1.0, 0.025, 0.99), ("development-99", 0.985, 0.015, 0.995),
                      ("development-100", 1.0, 0.005, 0.995), ("development-101", 1.0, 0.05, 0.995), ("development-102", 1.0, 0.005, 0.99),
                      // Parts 103-114 at their level on arrival, scored blind with the final system of that round (models of parts 1-102).
                      ("development-103", 0.99, 0.015, 0.975), ("development-104", 0.985, 0.015, 0.985), ("development-105", 0.985, 0.025, 0.975),
                      ("development-106", 1.0, 0.02, 0.985), ("development-107", 0.99, 0.02, 0.98), ("development-108", 1.0, 0.01, 0.995),
                      ("development-109", 1.0, 0.005, 0.975), ("development-110", 1.0, 0.01, 0.985), ("development-111", 1.0, 0.015, 0.995),
                      ("development-112", 1.0, 0.025, 0.965), ("development-113", 1.0, 0.005, 0.985), ("development-114", 1.0, 0.02, 0.95)])
    func laterDevelopmentPartsHoldTheirLevel(name: String, recall: Double, falseAlarms: Double, topThree: Double) throws {
        let report = try Fixtures.modules.get().orienteur.evaluate(try Self.set(name))
        print("Orientation evaluation, \(name):\n" + report.table())
        #expect(report.total.recall >= recall, "\(name)")
        #expect(report.total.falseAlarmRate <= falseAlarms, "\(name)")
        #expect(report.total.topThreeRate >= topThree, "\(name)")
    }

    /// The held-out part is never used for tuning: its score is printed alone, in CI too
    /// (`masecurite content evaluate`), without listing its sentences.
    @Test func heldOutPartIsReportedAlone() throws {
        let report = try Fixtures.modules.get().orienteur.evaluate(try Self.set("heldout"))
        print("Orientation evaluation, held-out part (never tuned on):\n" + report.table())
        #expect(report.total.sentences == report.outcomes.count)
    }

    /// The evaluation can fail: content without its leaf situations and its learnt models loses recall and top-3.
    @Test func theEvaluationCanFail() throws {
        var content = try Fixtures.modules.get().orienteur.content
        for index in content.leaves.indices { content.leaves[index].danger = nil }
        content.emergencyModel = nil
        content.orientationModel = nil
        let weakened = Orienteur(content: content, extraDocuments: Guichet.searchDocuments(for: try Fixtures.modules.get().catalog))
        let part = try Self.set("development-5")
        let full = try Fixtures.modules.get().orienteur.evaluate(part).total
        let without = weakened.evaluate(part).total
        #expect(without.detected < full.detected)
        #expect(without.topThree < full.topThree)
    }
}
