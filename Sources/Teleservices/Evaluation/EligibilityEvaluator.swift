/// Combines a service's availability, minimum age and rules into one verdict
/// with explanations.
///
/// Each part gives true, false or unknown (with the facts that would decide
/// it). Any false part makes the service not eligible, and every false part
/// gives its reason; otherwise any unknown part makes it need information,
/// and the missing facts of all unknown parts are listed in ask order, then
/// those the citizen does not know. A « je ne sais pas » is unknown, never false.
struct EligibilityEvaluator {
    let catalog: TeleserviceCatalog
    let situation: Situation
    let date: LocalDate

    private struct Part {
        let truth: Truth
        let reason: Explanation?
        let instead: [String]
    }

    func evaluate(_ service: Teleservice) -> Eligibility {
        var parts = [availability(of: service)]
        if let age = service.minimumAge { parts.append(minimumAge(age, of: service)) }
        let evaluator = RuleEvaluator(situation: situation, today: date)
        for rule in service.rules {
            parts.append(Part(truth: evaluator.evaluate(rule.expression),
                              reason: Explanation(text: rule.reason, source: rule.path), instead: rule.instead))
        }
        let failed = parts.filter { $0.truth == .no }
        if !failed.isEmpty {
            var alternatives: [String] = []
            for id in failed.flatMap(\.instead) where !alternatives.contains(id) && id != service.id {
                alternatives.append(id)
            }
            return Eligibility(serviceID: service.id, verdict: .notEligible,
                               reasons: failed.compactMap(\.reason), alternatives: alternatives)
        }
        var missing = Set<String>()
        var dontKnow = Set<String>()
        for part in parts {
            if case .unknown(let notAsked, let notKnown) = part.truth {
                missing.formUnion(notAsked)
                dontKnow.formUnion(notKnown)
            }
        }
        if !missing.isEmpty || !dontKnow.isEmpty {
            let ordered = catalog.facts.inAskOrder(missing)
            let unsure = catalog.facts.inAskOrder(dontKnow.subtracting(missing))
            var reasons: [Explanation] = []
            if !ordered.isEmpty {
                reasons.append(Explanation(text: ExplanationText.needsAnswers(service.name), source: "\(service.id)"))
                for name in ordered {
                    if let fact = catalog.facts[name] {
                        reasons.append(Explanation(text: fact.question, source: "facts.\(name)"))
                    }
                }
            }
            if !unsure.isEmpty {
                // Only what the citizen said: they do not know. Never a rule's reason, which
                // explains a known answer ("car vous connaissez l'auteur").
                if ordered.isEmpty {
                    reasons.append(Explanation(text: ExplanationText.mayFit(service.name), source: "\(service.id)"))
                }
                for name in unsure {
                    if let fact = catalog.facts[name] {
                        reasons.append(Explanation(text: ExplanationText.notKnownYet(fact.question), source: "facts.\(name)"))
                    }
                }
            }
            return Eligibility(serviceID: service.id, verdict: .needsInformation, reasons: reasons, missing: ordered,
                               dontKnow: unsure)
        }
        var reasons = [Explanation(text: ExplanationText.fits(service), source: "\(service.id)")]
        if let note = ExplanationText.authentication(service) {
            reasons.append(Explanation(text: note, source: "\(service.id).authentication"))
        }
        return Eligibility(serviceID: service.id, verdict: .eligible, reasons: reasons)
    }

    /// How precisely a service matches: the number of facts its rules (and its
    /// territory) read that the citizen answered with a value.
    func specificity(of service: Teleservice) -> Int {
        var read = service.ruleFacts
        if service.minimumAge != nil { read.insert(TeleserviceCatalog.ageFact) }
        if !service.isAvailableNationally(on: date) { read.insert(TeleserviceCatalog.departmentFact) }
        return read.filter { situation.value(of: $0) != nil }.count
    }

    private func availability(of service: Teleservice) -> Part {
        let source = "\(service.id).availability"
        let open = service.availability.filter { $0.covers(date) }
        if open.isEmpty {
            let text: LocalizedText
            if let replacement = service.replacedBy.flatMap({ catalog.service(id: $0) }) {
                text = ExplanationText.replaced(service.name, by: replacement.name)
            } else if let opening = service.availability.compactMap(\.from).filter({ $0 > date }).min() {
                text = ExplanationText.notYetOpen(service.name, opening: opening)
            } else {
                text = ExplanationText.closed(service.name)
            }
            return Part(truth: .no, reason: Explanation(text: text, source: source), instead: service.replacedBy.map { [$0] } ?? [])
        }
        if open.contains(where: { $0.scope == .national }) {
            return Part(truth: .yes, reason: nil, instead: [])
        }
        var territory = Set<DepartementCode>()
        for window in open {
            if case .departements(let codes) = window.scope { territory.formUnion(codes) }
        }
        let outside = Explanation(text: ExplanationText.onlyIn(service.name, territory.sorted()), source: source)
        switch situation[TeleserviceCatalog.departmentFact] {
        case .value(.departement(let code))?:
            return territory.contains(code) ? Part(truth: .yes, reason: nil, instead: []) : Part(truth: .no, reason: outside, instead: [])
        case nil:
            return Part(truth: .notAsked(TeleserviceCatalog.departmentFact), reason: nil, instead: [])
        case .dontKnow?:
            return Part(truth: .notKnown(TeleserviceCatalog.departmentFact), reason: nil, instead: [])
        case .value?:
            return Part(truth: .no, reason: outside, instead: [])
        }
    }

    private func minimumAge(_ age: Int, of service: Teleservice) -> Part {
        let reason = Explanation(text: ExplanationText.tooYoung(service.name, minimum: age), source: "\(service.id).minimum_age")
        switch situation[TeleserviceCatalog.ageFact] {
        case .value(.number(let value))?:
            return value >= Double(age) ? Part(truth: .yes, reason: nil, instead: []) : Part(truth: .no, reason: reason, instead: [])
        case nil:
            return Part(truth: .notAsked(TeleserviceCatalog.ageFact), reason: nil, instead: [])
        case .dontKnow?:
            return Part(truth: .notKnown(TeleserviceCatalog.ageFact), reason: nil, instead: [])
        case .value?:
            return Part(truth: .no, reason: reason, instead: [])
        }
    }
}
