import Foundation

/// Reads and checks the fact vocabulary and the catalog, collecting every
/// problem (with its file and path) before failing.
struct CatalogLoader {
    static let idPattern = #"^[a-z0-9]+(-[a-z0-9]+)*$"#
    static let factNamePattern = #"^[a-z][a-z0-9_]*$"#

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    // MARK: Facts

    static func loadFacts(_ data: Data, file: String) throws(TeleserviceCatalogError) -> FactVocabulary {
        let raw = try CatalogFiles.decode(CatalogFiles.Facts.self, from: data, file: file)
        var problems: [CatalogProblem] = []
        func report(_ path: String, _ message: String) {
            problems.append(CatalogProblem(file: file, path: path, message: message))
        }
        if raw.schema_version != CatalogFiles.schemaVersion {
            report("schema_version", "unsupported schema version \(raw.schema_version) (this SDK reads \(CatalogFiles.schemaVersion))")
        }
        var seen = Set<String>()
        var definitions: [FactDefinition] = []
        for (index, fact) in raw.facts.enumerated() {
            let path = "facts[\(index)] (\(fact.name))"
            if !matches(fact.name, factNamePattern) { report(path, "a fact name uses lower-case letters, digits and '_'") }
            if !seen.insert(fact.name).inserted { report(path, "duplicate fact name '\(fact.name)'") }
            guard let type = FactType(rawValue: fact.type) else {
                report("\(path).type", "unknown type '\(fact.type)'; valid types: \(FactType.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            let values = fact.values ?? []
            if type == .enum {
                if values.isEmpty { report("\(path).values", "an enum fact needs at least one value") }
                if Set(values.map(\.id)).count != values.count { report("\(path).values", "duplicate enum value") }
                for value in values where !matches(value.id, idPattern) {
                    report("\(path).values", "enum value '\(value.id)' must use lower-case letters, digits and '-'")
                }
            } else if !values.isEmpty {
                report("\(path).values", "only enum facts have values")
            }
            if fact.question.french.isEmpty { report("\(path).question", "the French question is empty") }
            definitions.append(FactDefinition(name: fact.name, type: type, values: values, question: fact.question, priority: fact.priority))
        }
        guard problems.isEmpty else { throw TeleserviceCatalogError(problems: problems) }
        return FactVocabulary(facts: definitions)
    }

    // MARK: Catalog

    static func loadCatalog(_ data: Data, file: String, facts: FactVocabulary) throws(TeleserviceCatalogError) -> TeleserviceCatalog {
        let raw = try CatalogFiles.decode(CatalogFiles.Catalog.self, from: data, file: file)
        var compiler = RuleCompiler(vocabulary: facts, file: file)
        if raw.schema_version != CatalogFiles.schemaVersion {
            compiler.report("schema_version", "unsupported schema version \(raw.schema_version) (this SDK reads \(CatalogFiles.schemaVersion))")
        }
        var examplesDate = LocalDate(daysSinceEpoch: 0)
        do { examplesDate = try LocalDate(iso: raw.examples_on) } catch {
            compiler.report("examples_on", error.description)
        }
        let ids = raw.services.map(\.id)
        let knownIDs = Set(ids)
        var seen = Set<String>()
        var services: [Teleservice] = []
        for service in raw.services {
            if !seen.insert(service.id).inserted { compiler.report(service.id, "duplicate service id") }
            if let built = build(service, knownIDs: knownIDs, examplesDate: examplesDate, facts: facts, compiler: &compiler) {
                services.append(built)
            }
        }
        guard compiler.problems.isEmpty else { throw TeleserviceCatalogError(problems: compiler.problems) }
        return TeleserviceCatalog(version: raw.version, licence: raw.licence, source: raw.source, facts: facts, services: services)
    }

    private static func build(_ raw: CatalogFiles.Service, knownIDs: Set<String>, examplesDate: LocalDate,
                              facts: FactVocabulary, compiler: inout RuleCompiler) -> Teleservice? {
        let id = raw.id
        let before = compiler.problems.count
        if !matches(id, idPattern) { compiler.report(id, "a service id uses lower-case letters, digits and '-'") }
        if raw.name.french.isEmpty { compiler.report("\(id).name", "the French name is empty") }
        if raw.purpose.french.isEmpty { compiler.report("\(id).purpose", "the French purpose is empty") }
        let url = URL(string: raw.url)
        if url?.scheme != "https" || (url?.host ?? "").isEmpty {
            compiler.report("\(id).url", "expected an https URL, got \"\(raw.url)\"")
        }
        var channels: [Channel] = []
        for (index, text) in raw.channels.enumerated() {
            if let channel = Channel(rawValue: text) { channels.append(channel) } else {
                compiler.report("\(id).channels[\(index)]", "unknown channel '\(text)'; valid: \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if raw.channels.isEmpty { compiler.report("\(id).channels", "at least one channel is needed") }
        var methods: [Authentication] = []
        for (index, text) in raw.authentication.enumerated() {
            if let method = Authentication(rawValue: text) { methods.append(method) } else {
                compiler.report("\(id).authentication[\(index)]", "unknown authentication '\(text)'; valid: \(Authentication.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if raw.authentication.isEmpty || (methods.contains(.none) && methods.count > 1) {
            compiler.report("\(id).authentication", "list the accepted methods, or [\"none\"] alone")
        }
        let windows = availability(raw, compiler: &compiler)
        if let age = raw.minimum_age {
            if !(1...120).contains(age) { compiler.report("\(id).minimum_age", "expected an age between 1 and 120") }
            if facts[TeleserviceCatalog.ageFact]?.type != .number {
                compiler.report("\(id).minimum_age", "a minimum age needs the number fact '\(TeleserviceCatalog.ageFact)' in the vocabulary")
            }
        }
        if let replacement = raw.replaced_by, !knownIDs.contains(replacement) || replacement == id {
            compiler.report("\(id).replaced_by", "'\(replacement)' is not another service of the catalog")
        }
        let rules = (raw.rules ?? []).enumerated().compactMap { index, json in
            rule(json, at: "\(id).rules[\(index)]", knownIDs: knownIDs, compiler: &compiler)
        }
        let examples = (raw.examples ?? []).enumerated().compactMap { index, example in
            self.example(example, at: "\(id).examples[\(index)]", defaultDate: examplesDate, facts: facts, compiler: &compiler)
        }
        guard compiler.problems.count == before, let url else { return nil }
        return Teleservice(id: id, name: raw.name, purpose: raw.purpose, url: url, channels: channels,
                           authentication: methods, anonymityPossible: raw.anonymity_possible, availability: windows,
                           minimumAge: raw.minimum_age, replacedBy: raw.replaced_by, rules: rules, examples: examples)
    }

    private static func availability(_ raw: CatalogFiles.Service, compiler: inout RuleCompiler) -> [AvailabilityWindow] {
        if raw.availability.isEmpty { compiler.report("\(raw.id).availability", "at least one availability window is needed") }
        var windows: [AvailabilityWindow] = []
        for (index, window) in raw.availability.enumerated() {
            let path = "\(raw.id).availability[\(index)]"
            func date(_ text: String?, _ field: String) -> LocalDate? {
                guard let text else { return nil }
                do { return try LocalDate(iso: text) } catch {
                    compiler.report("\(path).\(field)", error.description)
                    return nil
                }
            }
            let from = date(window.from, "from")
            let until = date(window.until, "until")
            if let from, let until, until < from { compiler.report(path, "'until' (\(until)) is before 'from' (\(from))") }
            let scope: AvailabilityWindow.Scope
            switch (window.national, window.departements) {
            case (true?, nil):
                scope = .national
            case (nil, let list?), (false?, let list?):
                var codes = Set<DepartementCode>()
                for (position, text) in list.enumerated() {
                    do { codes.insert(try DepartementCode(text)) } catch {
                        compiler.report("\(path).departements[\(position)]", error.description)
                    }
                }
                if list.isEmpty { compiler.report("\(path).departements", "list at least one département") }
                if compiler.vocabulary[TeleserviceCatalog.departmentFact]?.type != .departement {
                    compiler.report(path, "a territorial service needs the département fact '\(TeleserviceCatalog.departmentFact)' in the vocabulary")
                }
                scope = .departements(codes)
            default:
                compiler.report(path, "write either \"national\": true or \"departements\": [\"78\", …]")
                continue
            }
            windows.append(AvailabilityWindow(scope: scope, from: from, until: until))
        }
        return windows
    }

    private static func rule(_ json: JSONValue, at path: String, knownIDs: Set<String>, compiler: inout RuleCompiler) -> EligibilityRule? {
        guard case .object(let object) = json else {
            compiler.report(path, "a rule is an expression object with a \"reason\"")
            return nil
        }
        var reason: LocalizedText?
        switch object["reason"] {
        case .object(let text)?:
            if case .string(let french)? = text["fr"], !french.isEmpty {
                var english: String?
                if case .string(let value)? = text["en"] { english = value }
                reason = LocalizedText(french, en: english)
            }
        default: break
        }
        if reason == nil { compiler.report("\(path).reason", "each rule needs a \"reason\" {\"fr\": …, \"en\": …} told to the citizen when it does not hold") }
        var instead: [String] = []
        if let list = object["instead"] {
            if case .array(let items) = list {
                for (index, item) in items.enumerated() {
                    if case .string(let target) = item, knownIDs.contains(target) { instead.append(target) } else {
                        compiler.report("\(path).instead[\(index)]", "\(item.literalDescription) is not a service id of the catalog")
                    }
                }
            } else {
                compiler.report("\(path).instead", "expected an array of service ids")
            }
        }
        let expression = compiler.compile(json, at: path)
        guard let expression, let reason else { return nil }
        return EligibilityRule(path: path, reason: reason, instead: instead, expression: expression)
    }

    private static func example(_ raw: CatalogFiles.Example, at path: String, defaultDate: LocalDate,
                                facts: FactVocabulary, compiler: inout RuleCompiler) -> RuleExample? {
        let before = compiler.problems.count
        var answers: [String: Situation.Answer] = [:]
        for name in raw.facts.keys.sorted() {
            guard let definition = facts[name], let json = raw.facts[name] else {
                compiler.report("\(path).facts.\(name)", "unknown fact '\(name)'; known facts: \(facts.names.joined(separator: ", "))")
                continue
            }
            if json == .null { answers[name] = .dontKnow; continue }
            switch definition.value(fromJSON: json) {
            case .success(let value): answers[name] = .value(value)
            case .failure(let mismatch): compiler.report("\(path).facts.\(name)", mismatch.message)
            }
        }
        var date = defaultDate
        if let text = raw.on {
            do { date = try LocalDate(iso: text) } catch { compiler.report("\(path).on", error.description) }
        }
        let verdict = Verdict(rawValue: raw.expect.verdict)
        if verdict == nil {
            compiler.report("\(path).expect.verdict", "unknown verdict '\(raw.expect.verdict)'; valid: \(Verdict.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let missing = raw.expect.missing ?? []
        for (index, name) in missing.enumerated() where facts[name] == nil {
            compiler.report("\(path).expect.missing[\(index)]", "unknown fact '\(name)'")
        }
        if verdict != .needsInformation && !missing.isEmpty {
            compiler.report("\(path).expect.missing", "only a needs-information verdict has missing facts")
        }
        let dontKnow = raw.expect.dont_know ?? []
        for (index, name) in dontKnow.enumerated() where answers[name] != .dontKnow {
            compiler.report("\(path).expect.dont_know[\(index)]", "'\(name)' is not answered null (« je ne sais pas ») in the example's facts")
        }
        if verdict != .needsInformation && !dontKnow.isEmpty {
            compiler.report("\(path).expect.dont_know", "only a needs-information verdict has facts the citizen does not know")
        }
        guard compiler.problems.count == before, let verdict else { return nil }
        return RuleExample(path: path, name: raw.name, situation: Situation(answers), date: date, verdict: verdict,
                           missing: missing, dontKnow: dontKnow)
    }
}
