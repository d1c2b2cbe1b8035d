import Foundation

/// The guichet unique (one-stop desk): from a citizen's words, or a leaf of the
/// orienteur, to what to do — the emergency numbers first when there is danger,
/// then the online services that fit where they live, the nearest stations
/// with their hours and free slots, the documents to bring, the numbers and the chat.
///
/// Built from the modules' own protocols, so any storage plugs in: a
/// ``ContentProvider`` (orienteur content), a ``TeleserviceCatalogSource``, a
/// ``StationSource``, a ``BookingStore`` and a ``ScheduleProvider``, and a ``WallClock``.
/// A `Guichet` is an immutable `Sendable` value: build it once and share it.
///
/// ```swift
/// let guichet = try Guichet()                       // bundled content, in-memory bookings
/// let guidance = try await guichet.guidance(for: "on m'a volé mon vélo devant la gare",
///                                           at: .postalCode(try PostalCode("33000")))
/// if let emergency = guidance.emergency { print(emergency.actions) }
/// for step in guidance.steps { print(step.title) }
/// ```
public struct Guichet: Sendable {
    /// The orienteur: content (tree, fiches, numbers, documents), search and emergency detection.
    public let orienteur: Orienteur
    /// The online services and their rules.
    public let catalog: TeleserviceCatalog
    /// The station directory.
    public let stations: StationFinder
    /// Appointments (slots and bookings).
    public let appointments: AppointmentBook
    /// "Now".
    public let clock: any WallClock
    /// What each answer includes.
    public let options: GuichetOptions

    let leafSituations: [String: Situation]

    /// Builds the guichet from loaded modules and an orienteur engine already
    /// built (its search indexes are the costly part: share one engine between guichets).
    /// Each leaf's `facts` (in `tree.json`) are checked against the catalog's fact vocabulary here.
    /// - Throws: ``GuichetError/invalidFact(leaf:fact:message:)`` when a leaf fact does not fit the catalog's vocabulary;
    ///   ``GuichetError/loading(module:message:)`` when the catalog's `pnav` service has no rule on `offence`
    ///   (the rule that says which offences the victims' chat is for).
    public init(orienteur: Orienteur, catalog: TeleserviceCatalog, stations: StationFinder, appointments: AppointmentBook,
                clock: any WallClock = SystemWallClock(), options: GuichetOptions = GuichetOptions()) throws(GuichetError) {
        self.orienteur = orienteur
        self.catalog = catalog
        self.stations = stations
        self.appointments = appointments
        self.clock = clock
        self.options = options
        // The chat for violence victims is chosen by PNAV's catalog rule on the offence (see chatAdvice).
        if let pnav = catalog.service(id: Platform.pnav.rawValue), !pnav.rules.contains(where: { $0.facts.contains("offence") }) {
            throw .loading(module: "Teleservices catalog",
                           message: "\(pnav.id).rules: no rule reads 'offence', so the offences the victims' chat is for are unknown")
        }
        let leafFacts = Self.readLeafFacts(of: orienteur.content, in: catalog)
        if let problem = leafFacts.problems.first {
            throw .invalidFact(leaf: problem.leaf, fact: problem.fact, message: problem.message)
        }
        leafSituations = leafFacts.situations
    }

    /// Each leaf's `facts` (in `tree.json`) read in `catalog`'s fact vocabulary, and every fact that
    /// does not fit it, in content order: the guichet refuses to start on the first, `masecurite
    /// content validate` lists them all.
    package static func readLeafFacts(of content: OrienteurContent, in catalog: TeleserviceCatalog)
        -> (situations: [String: Situation], problems: [(leaf: String, fact: String, message: String)]) {
        var situations: [String: Situation] = [:]
        var problems: [(leaf: String, fact: String, message: String)] = []
        for leaf in content.leaves where !leaf.facts.isEmpty {
            var situation = Situation()
            for (name, text) in leaf.facts.sorted(by: { $0.key < $1.key }) {
                do { situation[name] = try catalog.facts.answer(for: name, text: text) } catch {
                    problems.append((leaf.id, name, error.description))
                }
            }
            situations[leaf.id] = situation
        }
        return (situations, problems)
    }

    /// Builds the guichet from loaded modules; the orienteur's search also
    /// covers the catalog's services (see ``searchDocuments(for:)``).
    /// - Throws: ``GuichetError/invalidFact(leaf:fact:message:)`` when a leaf fact hint does not fit the catalog's vocabulary.
    public init(content: OrienteurContent, catalog: TeleserviceCatalog, stations: StationFinder, appointments: AppointmentBook,
                clock: any WallClock = SystemWallClock(), options: GuichetOptions = GuichetOptions()) throws(GuichetError) {
        try self.init(orienteur: Orienteur(content: content, extraDocuments: Guichet.searchDocuments(for: catalog)),
                      catalog: catalog, stations: stations, appointments: appointments, clock: clock, options: options)
    }

    /// The catalog's current services as search documents, so that a sentence
    /// can also find an online service (pass them to ``Orienteur/init(content:extraDocuments:tuning:)``).
    public static func searchDocuments(for catalog: TeleserviceCatalog) -> [SearchDocument] {
        catalog.services.filter { !$0.isRetired }.map { service in
            SearchDocument(kind: .teleservice, id: service.id, title: service.name, summary: service.purpose,
                           actions: [.teleservice(service.id)])
        }
    }

    /// Builds the guichet from the modules' storage protocols. Every parameter
    /// has the bundled or in-memory default.
    /// - Parameters:
    ///   - contentProvider: the orienteur content (default: bundled).
    ///   - catalogSource: the teleservices catalog (default: bundled).
    ///   - stationSource: the station directory (default: bundled snapshot).
    ///   - communes: the communes for place lookup (default: the bundled ones, loaded on first use).
    ///   - bookingStore: where bookings live (default: in memory).
    ///   - schedules: station appointment schedules (default: ``PublishedScheduleProvider/standard(stations:catalog:published:)``,
    ///     schedules derived from the directory's published hours, bookable where the catalog's `rendez-vous` service runs).
    ///   - meetings: the links of visio-plainte appointments (default: none, visio-plainte not offered).
    ///   - clock: "now".
    ///   - options: what each answer includes (stations, slots, alternatives).
    public init(contentProvider: any ContentProvider = BundledContentProvider(),
                catalogSource: any TeleserviceCatalogSource = BundledTeleserviceCatalogSource(),
                stationSource: any StationSource = BundledStationSource(),
                communes: [Commune]? = nil,
                bookingStore: any BookingStore = InMemoryBookingStore(),
                schedules: (any ScheduleProvider)? = nil,
                meetings: (any MeetingProvider)? = nil,
                clock: any WallClock = SystemWallClock(),
                options: GuichetOptions = GuichetOptions()) throws(GuichetError) {
        let content: OrienteurContent
        do { content = try contentProvider.loadContent() } catch {
            throw .loading(module: "OrienteurKit content", message: error.description)
        }
        let catalog: TeleserviceCatalog
        do { catalog = try catalogSource.loadCatalog() } catch {
            throw .loading(module: "Teleservices catalog", message: error.description)
        }
        let finder: StationFinder
        do {
            if let communes {
                finder = try StationFinder(source: stationSource, communes: communes)
            } else {
                finder = try StationFinder(source: stationSource)
            }
        } catch {
            throw .loading(module: "StationDirectory", message: "\(error)")
        }
        try self.init(content: content, catalog: catalog, stations: finder,
                      appointments: AppointmentBook(store: bookingStore,
                                                    schedules: schedules ?? PublishedScheduleProvider.standard(stations: finder, catalog: catalog),
                                                    clock: clock, meetings: meetings),
                      clock: clock, options: options)
    }

    /// The orienteur content in use.
    public var content: OrienteurContent { orienteur.content }

    // MARK: Answers

    /// The guidance for a sentence in the citizen's own words.
    ///
    /// Emergency detection runs first: a danger happening now gives the
    /// emergency block and the numbers only, never a form. Otherwise the best
    /// orientation found by the orienteur's search is resolved (see
    /// ``guidance(forLeaf:at:on:language:facts:)``) and the other candidates are listed.
    /// - Parameters:
    ///   - sentence: what the citizen wrote (it is not stored nor echoed), at most
    ///     ``QueryLimit/maximumCharacters`` (10,000) characters.
    ///   - place: where the citizen is, if they said.
    ///   - date: the instant to answer for (default: the clock's now).
    ///   - language: the language of the sentence and of the answer; guessed from the sentence when `nil`.
    ///   - facts: what the citizen or the host app already knows (wins over everything guessed).
    /// - Throws: ``GuichetError/emptySentence``, ``GuichetError/sentenceTooLong(limit:)`` beyond
    ///   ``QueryLimit/maximumCharacters`` characters, fact and place errors.
    public func guidance(for sentence: String, at place: Place? = nil, on date: Date? = nil, language: Language? = nil,
                         facts: Situation = Situation()) async throws(GuichetError) -> Guidance {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptySentence }
        do { try QueryLimit.check(trimmed) } catch { throw .sentenceTooLong(limit: error.limit) }
        try check(facts)
        let answer = orienteur.ask(trimmed, language: language, limit: options.alternativeCount + 3)
        let language = answer.language
        let resolved = try place.map { (place) throws(GuichetError) in try resolve(place) }
        let when = date ?? clock.now()
        let statements = statements(in: trimmed)
        var known = Facts()
        known.merge(situation(from: statements), origin: .sentence)

        // A danger only the learnt model read ("possible") keeps the ordinary answer, under the numbers,
        // so that a false alarm costs the citizen nothing; that answer is then a leaf that is not an
        // emergency leaf. A danger the words state gives the numbers only.
        let possible = answer.emergency.flatMap { $0.isPossible ? $0 : nil }
        let best = answer.results.first { result in
            result.kind == .leaf && (possible == nil || content.leaf(result.id)?.emergency == false)
        }
        if let alert = answer.emergency, !(alert.isPossible && best != nil) {
            known.set("emergency_now", .bool(true), .emergency)
            known.merge(facts, origin: .citizen)
            return emergencyGuidance(alert: alert, leaf: alert.leafID.flatMap { content.leaf($0) }, place: resolved, date: when,
                                     language: language, facts: known)
        }
        let results = answer.results
        guard let best, let leaf = content.leaf(best.id) else {
            known.merge(facts, origin: .citizen)
            var guidance = Guidance(contentVersion: content.contentVersion, language: language, date: when, place: resolved)
            guidance.alternatives = candidates(results, excluding: nil)
            guidance.facts = known.list
            guidance.chat = chatAdvice(for: nil, situation: known.situation, language: language, date: when, place: resolved)
            guidance.notes.append(Text.notUnderstood.text(in: language))
            return guidance
        }
        // The detector read no danger now stated in the sentence: an emergency leaf found by search
        // (an assault with injuries told as past) is resolved as an ordinary answer, so that
        // the guidance never contradicts the detector.
        var guidance = try await resolveLeaf(leaf, place: resolved, date: when, language: language, known: known, given: facts,
                                             leafRaisesEmergency: false)
        guidance.understood = understood(statements, known: known.merging(facts), language: language)
        guidance.orientation?.score = (best.score * 1000).rounded() / 1000
        guidance.orientation?.matched = best.matched
        guidance.alternatives = candidates(results, excluding: leaf.id)
        if let possible {
            guidance.emergency = emergencyBlock(possible, actions: possible.actions, leafID: possible.leafID, possible: true,
                                                language: language)
        }
        return guidance
    }

    /// The guidance for a leaf reached in the orienteur's tree (e.g. by a
    /// ``OrientationSession``), with the same resolution as for a sentence.
    /// - Throws: ``GuichetError/unknownLeaf(_:)`` and place errors.
    public func guidance(forLeaf id: String, at place: Place? = nil, on date: Date? = nil, language: Language = .french,
                         facts: Situation = Situation()) async throws(GuichetError) -> Guidance {
        guard let leaf = content.leaf(id) else { throw .unknownLeaf(id) }
        try check(facts)
        let resolved = try place.map { (place) throws(GuichetError) in try resolve(place) }
        return try await resolveLeaf(leaf, place: resolved, date: date ?? clock.now(), language: language, known: Facts(), given: facts)
    }

    /// The facts a sentence states plainly — an age ("j'ai 15 ans", "I'm 15")
    /// and being under 18 — to carry over when the citizen then picks another
    /// orientation than the one found (pass them as `facts`).
    public func facts(statedIn sentence: String) -> Situation { situation(from: statements(in: sentence)) }

    /// `statements` as facts, those that fit the catalog's vocabulary.
    private func situation(from statements: [SentenceStatements.Statement]) -> Situation {
        var facts = Facts()
        for statement in statements {
            if let answer = try? catalog.facts.answer(for: statement.name, text: statement.value) {
                facts.set(statement.name, answer: answer, .sentence)
            }
        }
        return facts.situation
    }

    /// The facts the sentence states plainly: an age and being a minor, who the author is, where and
    /// how it happened, whose card (see ``facts(statedIn:)``).
    func statements(in sentence: String) -> [SentenceStatements.Statement] {
        var statements = SentenceStatements.read(sentence)
        let stated = SentenceFacts.read(sentence)
        if let age = stated.age { statements.append(.init(name: "age", value: String(age), evidence: "\(age)")) }
        if let minor = stated.isMinor {
            statements.append(.init(name: "victim_is_minor", value: minor ? "true" : "false", evidence: stated.age.map { "\($0)" } ?? "mineur"))
        }
        return statements
    }

    /// The sentence's statements as the citizen reads them, for the facts that `known` still holds from the sentence.
    func understood(_ statements: [SentenceStatements.Statement], known: Facts, language: Language) -> [UnderstoodFact] {
        let fromSentence = Set(known.list.filter { $0.origin == .sentence }.map(\.name))
        return statements.filter { fromSentence.contains($0.name) }.map { statement in
            let definition = catalog.facts[statement.name]
            let answer: String
            switch statement.value {
            case "true": answer = language == .french ? "oui" : "yes"
            case "false": answer = language == .french ? "non" : "no"
            default: answer = definition?.values.first { $0.id == statement.value }?.label.text(in: language) ?? statement.value
            }
            return UnderstoodFact(name: statement.name, value: statement.value,
                                  question: definition?.question.text(in: language) ?? statement.name, answer: answer,
                                  evidence: statement.evidence)
        }
    }

    /// Books one of the slots a guidance offered (anonymous unless a contact is given).
    /// - Throws: ``AppointmentError`` (`slotFull`, `tooLate`…) with a message for the citizen.
    public func book(_ slot: SlotOffer, contact: Contact? = nil, idempotencyKey: String? = nil) async throws(AppointmentError) -> Booking {
        guard let motif = Motif(identifier: slot.motif) else {
            throw .outsideOpening(station: slot.stationID, motif: .autre, start: slot.start)
        }
        return try await appointments.book(station: slot.stationID, motif: motif, start: slot.start, contact: contact,
                                           idempotencyKey: idempotencyKey)
    }

    // MARK: Resolution

    /// Checks the citizen's facts against the catalog's vocabulary (names, types, values).
    private func check(_ facts: Situation) throws(GuichetError) {
        do { try catalog.facts.validate(facts) } catch {
            switch error {
            case .unknownFact(let name, _), .invalidValue(let name, _):
                throw .invalidFact(leaf: nil, fact: name, message: error.description)
            case .unknownService(let id, _):
                throw .invalidFact(leaf: nil, fact: id, message: error.description)
            }
        }
    }

    private func resolveLeaf(_ leaf: Leaf, place: ResolvedPlace?, date: Date, language: Language, known: Facts,
                             given: Situation, leafRaisesEmergency: Bool = true) async throws(GuichetError) -> Guidance {
        var known = known
        if let hints = leafSituations[leaf.id] { known.merge(hints, origin: .orientation) }
        if let place { known.set(TeleserviceCatalog.departmentFact, .departement(place.departement), .place) }
        let emergencyLeaf = leaf.emergency && leafRaisesEmergency
        known.set("emergency_now", .bool(emergencyLeaf), emergencyLeaf ? .emergency : .orientation)
        known.merge(given, origin: .citizen)
        known.deriveMinorFromAge()
        if emergencyLeaf || known.situation.value(of: "emergency_now") == .bool(true) {
            let reason = leaf.danger?.reason ?? .callForHelp
            var actions = leaf.actions.filter { $0.kind == "call" || $0.kind == "sms" }
            if actions.isEmpty { actions = orienteur.emergencyDetector.actions(for: [reason]) }
            let alert = EmergencyAlert(reasons: [reason], actions: actions, leafID: leaf.id)
            return emergencyGuidance(alert: alert, leaf: leaf, place: place, date: date, language: language, facts: known)
        }

        var guidance = Guidance(contentVersion: content.contentVersion, language: language, date: date, place: place)
        guidance.orientation = orientation(leaf, language: language)
        let situation = known.situation
        let localDay = LocalDate(date, in: place?.timeZone ?? Territory.metropole.timeZone)
        var stationAdvice: [String: StationsAdvice] = [:]
        for action in leaf.actions {
            switch action {
            case .call(let number), .sms(let number):
                let info = numberInfo(number, language: language)
                guidance.steps.append(GuidanceStep(action: action.description, kind: action.kind,
                                                   title: Text.numberTitle(action.kind, info, language), number: info))
            case .teleservice(let id):
                guard let advice = teleserviceAdvice(id, situation: situation, day: localDay, place: place, language: language) else {
                    guidance.notes.append(Text.unknownService(id).text(in: language))
                    continue
                }
                if advice.verdict == .notEligible || advice.available == false {
                    guidance.setAside.append(advice)
                } else {
                    guidance.steps.append(GuidanceStep(action: action.description, kind: action.kind,
                                                       title: advice.name, teleservice: advice, url: advice.url,
                                                       signalementKind: StructuredSignalement.kind(forTeleservice: id)))
                }
            case .visit(let motif), .appointment(let motif):
                let advice: StationsAdvice
                if let cached = stationAdvice[motif] { advice = cached } else {
                    advice = await self.stationAdvice(motif: motif, place: place, date: date, language: language)
                    stationAdvice[motif] = advice
                }
                let title = action.kind == "visit" ? Text.visitTitle(advice.motifName, language) : Text.appointmentTitle(advice.motifName, language)
                guidance.steps.append(GuidanceStep(action: action.description, kind: action.kind, title: title, stations: advice))
            case .fiche(let id):
                let fiche = content.fiche(id)
                let info = FicheInfo(id: id, title: fiche?.title.text(in: language) ?? id, summary: fiche?.summary.text(in: language) ?? "")
                guidance.steps.append(GuidanceStep(action: action.description, kind: action.kind, title: info.title, fiche: info))
            case .partner(let id):
                let partner = content.partner(id)
                let info = PartnerInfo(id: id, name: partner?.name.text(in: language) ?? id,
                                       description: partner?.description.text(in: language) ?? "", url: partner?.url)
                guidance.steps.append(GuidanceStep(action: action.description, kind: action.kind, title: info.name, partner: info, url: info.url))
            case .link(let url):
                guidance.steps.append(GuidanceStep(action: action.description, kind: action.kind, title: url, url: url))
            }
        }
        guidance.documents = leaf.documents.compactMap { content.documentList($0) }.map { list in
            DocumentsToBring(id: list.id, title: list.title.text(in: language), items: list.items.map { $0.text(in: language) },
                             duration: list.duration?.text(in: language))
        }
        if guidance.documents.isEmpty {
            for motif in stationAdvice.keys.sorted() {
                guard let parsed = Motif(identifier: motif) else { continue }
                guidance.documents.append(DocumentsToBring(id: "motif:\(motif)", title: parsed.name.text(in: language),
                                                           items: parsed.defaultRules.documents.map { $0.text(in: language) }))
            }
        }
        guidance.numbers = uniqueNumbers(guidance.steps.compactMap(\.number))
        guidance.chat = chatAdvice(for: leaf, situation: situation, language: language, date: date, place: place)
        guidance.facts = known.list
        if place == nil && !stationAdvice.isEmpty {
            guidance.notes.append(Text.giveAPlace.text(in: language))
        }
        return guidance
    }

    private func emergencyGuidance(alert: EmergencyAlert, leaf: Leaf?, place: ResolvedPlace?, date: Date, language: Language,
                                   facts: Facts) -> Guidance {
        var guidance = Guidance(contentVersion: content.contentVersion, language: language, date: date, place: place)
        var actions = alert.actions
        for action in leaf?.actions ?? [] where (action.kind == "call" || action.kind == "sms") && !actions.contains(action) {
            actions.append(action)
        }
        let block = emergencyBlock(alert, actions: actions, leafID: leaf?.id, language: language)
        let numbers = block.numbers
        guidance.emergency = block
        guidance.orientation = leaf.map { orientation($0, language: language) }
        guidance.steps = zip(actions, numbers).map { action, info in
            GuidanceStep(action: action.description, kind: action.kind, title: Text.numberTitle(action.kind, info, language), number: info)
        }
        guidance.numbers = uniqueNumbers(numbers)
        guidance.facts = facts.list
        guidance.notes.append(Text.emergencyNote.text(in: language))
        return guidance
    }

    /// The emergency block for `alert`: why, and `actions` with their numbers. `possible` when the
    /// ordinary answer follows it (a danger only the learnt model read).
    private func emergencyBlock(_ alert: EmergencyAlert, actions: [Action], leafID: String?, possible: Bool = false,
                                language: Language) -> EmergencyBlock {
        EmergencyBlock(reason: alert.explanation(in: language), actions: actions.map(\.description),
                       numbers: actions.map { numberInfo($0.value, language: language) }, reasons: alert.reasons.map(\.rawValue),
                       cues: alert.cues, leafID: leafID, possible: possible)
    }

    private func orientation(_ leaf: Leaf, language: Language) -> Orientation {
        Orientation(leafID: leaf.id, title: leaf.title.text(in: language), summary: leaf.summary.text(in: language),
                    body: leaf.body?.text(in: language))
    }

    private func candidates(_ results: [SearchResult], excluding id: String?) -> [OrientationCandidate] {
        results.filter { $0.id != id }.prefix(options.alternativeCount).map {
            OrientationCandidate(kind: $0.kind.rawValue, id: $0.id, title: $0.title, score: ($0.score * 1000).rounded() / 1000)
        }
    }

    func numberInfo(_ number: String, language: Language) -> NumberInfo {
        guard let entry = content.number(number) else {
            return NumberInfo(number: number, name: number, purpose: "", hours: "", channels: ["call"], free: false, emergency: false)
        }
        return NumberInfo(number: number, name: entry.name.text(in: language), purpose: entry.purpose.text(in: language),
                          hours: entry.hours.text(in: language), channels: entry.channels.map(\.rawValue), free: entry.free,
                          emergency: entry.emergency)
    }

    private func uniqueNumbers(_ numbers: [NumberInfo]) -> [NumberInfo] {
        var seen = Set<String>()
        return numbers.filter { seen.insert($0.number).inserted }
    }

    func teleserviceAdvice(_ id: String, situation: Situation, day: LocalDate, place: ResolvedPlace?,
                           language: Language) -> TeleserviceAdvice? {
        guard let service = catalog.service(id: id), let eligibility = try? catalog.evaluate(service, situation: situation, on: day) else {
            return nil
        }
        let missing = eligibility.missing.map { name -> MissingFact in
            let fact = catalog.facts[name]
            return MissingFact(name: name, question: fact?.question.text(in: language) ?? name,
                               choices: fact?.values.map { FactChoice(id: $0.id, label: $0.label.text(in: language)) } ?? [],
                               type: fact?.type.rawValue ?? "bool")
        }
        return TeleserviceAdvice(
            id: service.id, name: service.name.text(in: language), purpose: service.purpose.text(in: language),
            url: service.url.absoluteString, authentication: service.authentication.map(\.rawValue),
            anonymityPossible: service.anonymityPossible,
            available: place.map { service.isAvailable(in: $0.departement, on: day) },
            verdict: eligibility.verdict, reasons: eligibility.reasons(in: language), missing: missing,
            alternatives: eligibility.alternatives)
    }
}
