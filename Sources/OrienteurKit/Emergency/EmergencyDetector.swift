/// Detects a danger happening now in a citizen's sentence, from two sources:
///
/// - **the words**: a danger said in the present ("il me frappe", "quelqu'un
///   essaie d'ouvrir ma porte"), or a danger word with a cue of immediacy
///   ("en ce moment", "il est encore là", "venez vite", "right now");
/// - **the situation**: the best leaves the search found, when the content marks
///   them `danger` (a burglary in progress, a missing child, injured people),
///   read with the sentence's time cues.
///
/// Either is toned down by what the sentence says about time and certainty: a
/// past event told calmly ("hier", "il y a deux ans", "last week"), a danger that
/// is over ("il est parti"), nobody hurt ("pas de blessé"), a situation only
/// imagined ("que faire si…", "en cas de…"), a missing person found again.
/// Suicidal intent always raises the alert unless it is told as past.
///
/// A long message that begins with a question or an old story and ends with a
/// danger of now is read part by part too (``Orienteur/ask(_:language:limit:)``):
/// the part from each new sentence or "mais", "but"… on, when it says the danger
/// is now or has just happened.
///
/// The numbers that fit each reason come from the content (`emergencyAnswers`
/// in `numbers.json`), never from the code.
public struct EmergencyDetector: Sendable {
    /// The actions by reason, from the content.
    let answers: [EmergencyReason: EmergencyAnswer]
    /// The content's emergency numbers in file order, for a reason the content has no answer for.
    let fallback: [Action]
    /// The situations of the leaves marked `danger`, by leaf id.
    let dangers: [String: LeafDanger]
    /// The learnt model, when the content has one (`emergency-model.json`).
    let model: EmergencyModel?
    /// Which leaves give the emergency numbers only.
    let emergencyLeaves: Set<String>

    /// A detector reading `content`'s emergency answers and leaf situations.
    public init(content: OrienteurContent) {
        var answers: [EmergencyReason: EmergencyAnswer] = [:]
        for answer in content.emergencyAnswers where answers[answer.reason] == nil { answers[answer.reason] = answer }
        self.answers = answers
        fallback = content.numbers.filter(\.emergency).flatMap { number in
            number.channels.contains(.call) ? [Action.call(number.number)] : [Action.sms(number.number)]
        }
        var dangers: [String: LeafDanger] = [:]
        for leaf in content.leaves { if let danger = leaf.danger { dangers[leaf.id] = danger } }
        self.dangers = dangers
        model = content.emergencyModel
        emergencyLeaves = Set(content.leaves.filter(\.emergency).map(\.id))
    }

    /// The alert for `text` read from its words alone, or nil.
    public func detect(_ text: String) -> EmergencyAlert? { assess(text, results: []) }

    /// The alert for `text`, read from its words and from the situation of the
    /// best leaves among `results` (the search's answer for the same text), or nil.
    public func assess(_ text: String, results: [SearchResult]) -> EmergencyAlert? { assess(text, results: results, terms: nil) }

    /// ``assess(_:results:)`` with the sentence's `terms` as the search of its guessed language read
    /// them (``SearchIndex/terms(of:)``), so that they are not analysed twice; nil: analysed here.
    func assess(_ text: String, results: [SearchResult], terms: [String]?) -> EmergencyAlert? {
        assess(text, reading: CueReading(CueSentence(text, vocabulary: EmergencyCues.vocabulary)), results: results, terms: terms)
    }

    /// ``assess(_:results:terms:)`` with `text` already read (`reading` is `CueReading` of `text`), for a caller
    /// that has read it for its own checks.
    ///
    /// With a text model (``EmergencyModel/text``), the rules' alert stands when the text model gives the
    /// sentence at least its `confirm` probability; suicidal intent always stands, and a missing person unless the
    /// text model is all but sure nothing is happening (below its `dismissMissing`). The text
    /// model alerts alone from its `alert` probability, never on one word; past a hypothesis phrase ("que faire
    /// si…") only from its higher `overrule` probability (in a long message the phrase may be a threat told,
    /// "il a dit que si quelqu'un appelle la police il nous tue", or a word in passing, "after football training");
    /// on a violence, a crime, a child in danger, a weapon, a fire or someone hurt (the dangers the rules have many
    /// words for, and whose time they read well) only from its `namedDanger` probability.
    /// The rules' other blockers (a danger said to be over, an event long past) do not stop it: on blind parts
    /// they silenced more real dangers ("il est reparti dans la chambre, il a dit qu'il revenait") than false
    /// alarms.
    func assess(_ text: String, reading: CueReading, results: [SearchResult], terms: [String]?) -> EmergencyAlert? {
        let ruled = ruledAlert(text, reading: reading, results: results, terms: terms)
        guard let second = model?.text else { return ruled }
        if let ruled {
            if ruled.reasons.contains(.suicide) { return ruled }
            let probability = second.probability(text)
            if ruled.reasons.contains(where: Self.missingPerson.contains) { return probability >= second.dismissMissing ? ruled : nil }
            return probability >= second.confirm ? ruled : nil
        }
        let probability = second.probability(text)
        guard reading.wordCount > 1, probability >= (reading.hypothetical ? second.overrule : second.alert) else { return nil }
        let alert = textAlert(text, reading: reading, results: results, cues: second.strongestWords(in: text, count: 3))
        if probability < second.namedDanger, alert.reasons.allSatisfy(Self.namedDangers.contains) { return nil }
        return alert
    }

    /// A missing person found by the rules: the text model silences it only when all but sure that nothing is
    /// happening (below its `dismissMissing`); suicidal intent it never silences.
    static let missingPerson: Set<EmergencyReason> = [.missingChild, .missingAdult]

    /// The dangers the rules have many words for, whose reading of time the text model overrides only from its
    /// `namedDanger` probability: a violence, a crime or a fire the rules read as past or over is mostly that.
    static let namedDangers: Set<EmergencyReason> = [.violenceNow, .crimeInProgress, .childInDanger, .armedPerson, .fire, .medical]

    /// Whether a learnt model may add an alert the rules did not raise: never past a hypothesis, a danger that is
    /// over, an event long past, a writer saying nobody is in danger or looking for someone to listen, a worry or
    /// valuables gone with nothing that says now, suicide denied or something of one's own lost with no danger
    /// named, a laugh beside a word of death alone.
    func modelMayAdd(_ reading: CueReading) -> Bool {
        guard !reading.hypothetical, reading.over == nil, !reading.longAgo, !reading.noDanger, !reading.seekingListener,
              !(reading.worry && reading.present == nil), !(reading.valuablesGone && reading.present == nil) else { return false }
        let namesDanger = !reading.strong.isEmpty || !reading.weak.isEmpty || !reading.pairs.isEmpty
        if reading.suicideDenied && !namesDanger { return false }
        if reading.lostOwnThing && !namesDanger { return false }
        return !reading.laughingOnly
    }

    /// The danger a learnt model's alert is about: that of the best leaves found, else the one `words` name,
    /// else a call for help, turned to the service the words name (someone hurt, a fire, the sea, an aircraft).
    private func learntReason(_ reading: CueReading, leaves: [SearchResult], words: EmergencyReason?) -> EmergencyReason {
        var reason = leaves.compactMap { dangers[$0.id]?.reason }.first ?? words ?? .callForHelp
        // A general danger whose words name someone hurt or a fire takes that service's numbers.
        if reason == .callForHelp, let named = Self.servicesNamedByWords.first(where: { reading.cue(naming: $0) != nil }) {
            reason = named
        }
        // A rescue at sea: the sea rescue answers.
        if Self.rescues.contains(reason), reading.cue(naming: .seaRescue) != nil { reason = .seaRescue }
        // An aircraft down: the aeronautical rescue answers.
        if Self.rescues.contains(reason), reading.cue(naming: .airRescue) != nil { reason = .airRescue }
        return reason
    }

    /// A learnt model's alert for `reason`: its numbers first, its leaf, marked possible.
    private func learntAlert(_ reason: EmergencyReason, reading: CueReading, leaves: [SearchResult], cues: [String]) -> EmergencyAlert {
        let leaf = leaf(leaves.first { dangers[$0.id]?.reason == reason }?.id ?? defaultLeaf(for: reason, witness: reading.fromWitness),
                        for: reason, reading: reading)
        // Someone hurt by a blow: the police first, then the SAMU, as the rules read it.
        let reasons: [EmergencyReason] = reason == .medical && reading.cue(naming: .violenceNow) != nil ? [.violenceNow, reason] : [reason]
        return EmergencyAlert(reasons: reasons, actions: actions(for: reasons), cues: cues, leafID: leaf,
                              fromWitness: reading.fromWitness, isPossible: true)
    }

    /// The alert of the text model alone: the danger of the best leaves found, else of the words (strong or weak,
    /// else suicidal intent), else a call for help.
    private func textAlert(_ text: String, reading: CueReading, results: [SearchResult], cues: [String]) -> EmergencyAlert {
        let leaves = results.prefix(2).filter { $0.kind == .leaf }
        let words = EmergencyCues.categories.first { reading.strong[$0.reason] != nil || reading.weak[$0.reason] != nil }?.reason
            ?? (reading.suicide != nil ? .suicide : nil)
        return learntAlert(learntReason(reading, leaves: leaves, words: words), reading: reading, leaves: leaves, cues: cues)
    }

    /// The alert of the cue rules and the feature model, before the text model's opinion.
    private func ruledAlert(_ text: String, reading: CueReading, results: [SearchResult], terms: [String]?) -> EmergencyAlert? {
        var reading = reading
        // One word ("incendie", "viol", "rodéo") names a topic to read about, not a danger to report;
        // a call for help or suicidal intent still counts, and so does one word shouted ("fire!!", "FEU"),
        // read as happening now.
        if reading.wordCount == 1, reading.help == nil, let word = Self.helpWord(text), Self.isCry(text) || word != "aide" {
            // "HELP", "AIDE !": the word for help, shouted, is a call for help; "help", "sos", "secours" are one
            // even unshouted ("aide" alone may look for the victims' support pages).
            reading.help = " \(word) "
        }
        if reading.wordCount == 1, Self.isCry(text) || CompiledCues.oneWordDangers.occurs(in: CueSentence(text, vocabulary: EmergencyCues.vocabulary)),
           !reading.strong.isEmpty || !reading.weak.isEmpty {
            reading.present = reading.present ?? "!"
        } else if reading.wordCount == 1, reading.help == nil, reading.suicide == nil {
            return nil
        }
        if let alert = assess(reading, results: results) {
            // The learnt model may silence a rule it finds very unlikely here, never suicidal intent
            // and never a sentence that says the danger is there now ("il est encore là").
            guard let model, let veto = model.veto, !alert.reasons.contains(.suicide), reading.present == nil,
                  model.probability(features(text, reading: reading, results: results, terms: terms)) < veto else { return alert }
            return nil
        }
        // The learnt model adds what the rules missed, never past a hypothesis or a danger that is over.
        // Nor on papers, money or jewels gone with nothing that says now: a theft to report.
        // Nor when the writer says they do not mean to die and the words name no danger ("pas envie de faire de bêtise,
        // j'ai besoin de parler"): someone to listen to, for the listening lines, not an alert. Nor on something of the
        // writer's own lost, shouted as an emergency, when the words name no danger; nor on a laugh beside a word of
        // death alone ("je veux mourir lol"): a figure of speech.
        guard let model, modelMayAdd(reading) else { return nil }
        // Nor, on its own, on a short query without a cue of the present ("vol de voiture").
        guard reading.wordCount > 3 || reading.present != nil || !reading.strong.isEmpty || !reading.weak.isEmpty else { return nil }
        let features = features(text, reading: reading, results: results, terms: terms)
        guard model.probability(features) >= model.threshold else { return nil }
        let leaves = results.prefix(2).filter { $0.kind == .leaf }
        let reason = learntReason(reading, leaves: leaves, words: EmergencyCues.categories.first { reading.weak[$0.reason] != nil }?.reason)
        guard reading.allows(reason) else { return nil }
        // A past event with nothing that says "now" is for the rules to judge, except a missing person
        // ("elle est partie ce matin"), whose absence goes on.
        if reading.pastBeforeToday, reading.present == nil, reason != .missingChild, reason != .missingAdult { return nil }
        let cues = model.strongest(features, count: 3).filter { $0.hasPrefix("w:") }.map { String($0.dropFirst(2)) }
        return learntAlert(reason, reading: reading, leaves: leaves, cues: cues)
    }

    /// The features the learnt model reads: the sentence's stems and stem pairs, its cues of time,
    /// hypothesis, negation and person, the situations its words name, and the leaves found.
    public func features(of text: String, results: [SearchResult]) -> [String] {
        features(text, reading: CueReading(CueSentence(text, vocabulary: EmergencyCues.vocabulary)), results: results, terms: nil)
    }

    func features(_ text: String, reading: CueReading, results: [SearchResult], terms: [String]?) -> [String] {
        var features: Set<String> = []
        let terms = terms ?? TextAnalyzer(language: TextAnalyzer.guessLanguage(text)).terms(text)
        for term in terms { features.insert("w:\(term)") }
        for (first, second) in zip(terms, terms.dropFirst()) { features.insert("b:\(first)_\(second)") }
        let flags: [(String, Bool)] = [
            ("present", reading.present != nil), ("past", reading.past), ("long-ago", reading.longAgo), ("calm", reading.calm),
            ("over", reading.over != nil), ("no-injury", reading.noInjury), ("no-danger", reading.noDanger), ("found", reading.foundAgain),
            ("witness", reading.witness), ("first-person", reading.firstPerson), ("help", reading.help != nil),
            ("danger", reading.danger != nil), ("suicide", reading.suicide != nil), ("question", reading.question),
        ]
        for (name, on) in flags where on { features.insert("c:\(name)") }
        for reason in reading.strong.keys { features.insert("s:\(reason.rawValue)") }
        for reason in reading.weak.keys { features.insert("k:\(reason.rawValue)") }
        for (reason, _) in reading.pairs { features.insert("p:\(reason.rawValue)") }
        var situations = Set(reading.strong.keys).union(reading.weak.keys).union(reading.pairs.map(\.0))
        for (rank, result) in results.prefix(3).enumerated() where result.kind == .leaf {
            features.insert("l:\(result.id)")
            if let danger = dangers[result.id] {
                features.insert("d\(rank):\(danger.reason.rawValue)")
                if rank < 2 { situations.insert(danger.reason) }
            }
            if emergencyLeaves.contains(result.id) { features.insert("e\(rank)") }
        }
        // Time and person change what a situation means ("il me frappe" / "il m'a frappé il y a deux ans"):
        // each situation is also read with the sentence's cues of time, which a linear model cannot combine itself.
        let context = [("present", reading.present != nil), ("past", reading.past), ("long-ago", reading.longAgo),
                       ("calm", reading.calm), ("question", reading.question), ("witness", reading.witness)]
            .filter(\.1).map(\.0)
        for situation in situations {
            features.insert("x:\(situation.rawValue)")
            for cue in context { features.insert("x:\(situation.rawValue)|\(cue)") }
            if context.isEmpty { features.insert("x:\(situation.rawValue)|bare") }
        }
        return features.sorted()
    }

    /// The alert the cue rules and the leaves' situations give, or nil.
    func assess(_ reading: CueReading, results: [SearchResult]) -> EmergencyAlert? {
        var found: [(reason: EmergencyReason, cue: String?)] = []
        func add(_ reason: EmergencyReason, _ cue: String?) {
            if !found.contains(where: { $0.reason == reason }) { found.append((reason, cue)) }
        }

        // A past attempt told beside a farewell that has just come ("vient de m'envoyer un message d'adieu") is no
        // story of the past: the attempt says the danger is real.
        if let cue = reading.suicide, !(reading.past && reading.suicidePast && !reading.justHappened), !reading.hypothetical,
           !reading.suicideDenied, !reading.laughingOnly {
            add(.suicide, cue)
        }
        for category in EmergencyCues.categories {
            guard reading.allows(category.reason) else { continue }
            if let cue = reading.strong[category.reason], !reading.toneDown,
               !(category.reason == .violenceNow && reading.worry && reading.present == nil) {
                add(category.reason, cue)
            } else if let cue = reading.weak[category.reason], reading.present != nil {
                add(category.reason, [reading.present, cue].compactMap { $0 }.joined(separator: " … "))
            }
        }
        for (reason, cue) in reading.pairs where reading.allows(reason) && !reading.isQuiet(about: reason) { add(reason, cue) }

        // The situation: the best leaf (and a close second) marked `danger`.
        var leafID: String?
        let leaves = results.prefix(3).filter { $0.kind == .leaf }
        if let top = leaves.first {
            for result in leaves.prefix(2) where result.score >= top.score * 0.8 {
                guard let danger = dangers[result.id], reading.allows(danger.reason),
                      reading.over == nil || (reading.authorLeft && (reading.justHappened || danger.reason == .fire)) else { continue }
                // A general "I am in danger" leaf reached by a word like "au secours" alone says nothing
                // when another result explains the sentence ("au secours mon passeport a disparu").
                if danger.reason == .callForHelp && found.isEmpty && Self.explainedElsewhere(results, dangers: dangers) { continue }
                // "pas envie de mourir, mais je voudrais parler": the writer says what it is not.
                if danger.reason == .callForHelp && found.isEmpty && reading.suicideDenied { continue }
                // "à qui parler ?": the writer looks for a listener; a leaf's danger needs the words to name one.
                if found.isEmpty && reading.seekingListener { continue }
                let raise: Bool
                switch danger.when {
                case .ongoing: raise = reading.present != nil && !reading.hypothetical
                case .unlessPast:
                    // The leaf says which situation; the words must still say it is one now
                    // (a cue of the present, or a danger read from the words): a bare topic
                    // ("violences conjugales") is not an emergency.
                    raise = !reading.hypothetical && !reading.isQuiet(about: danger.reason) && (reading.present != nil || !found.isEmpty)
                }
                if raise || found.contains(where: { $0.reason == danger.reason }) {
                    leafID = leafID ?? result.id
                    if raise { add(danger.reason, reading.present) }
                }
            }
        }

        if found.isEmpty, !reading.hypothetical {
            if let cue = reading.danger, !reading.toneDown, reading.over == nil, !reading.noDanger {
                add(.callForHelp, cue)
            } else if let cue = reading.help, !reading.noDanger, !Self.explainedElsewhere(results, dangers: dangers) {
                add(.callForHelp, cue)
            }
        }
        guard !found.isEmpty else { return nil }
        // An alert raised: the words that name someone hurt or a fire, a gas leak, rising water say which
        // service to call too, even without their own cue of the present ("coincée dans l'ascenseur, elle
        // fait un malaise").
        for reason in Self.servicesNamedByWords {
            if let cue = reading.cue(naming: reason) { add(reason, cue) }
        }
        // A farewell from someone who cannot be reached: a person to find too (the police).
        if found.contains(where: { $0.reason == .suicide }), let cue = reading.unreachable, reading.allows(.missingAdult) { add(.missingAdult, cue) }
        // Someone hurt by a blow, a shove, a stab: the police too, ahead of the SAMU.
        if found.contains(where: { $0.reason == .medical }), let cue = reading.cue(naming: .violenceNow) { add(.violenceNow, cue) }
        // A rescue read at sea or on the coast (someone in the water, hurt, a fire aboard): the sea rescue too.
        if found.contains(where: { Self.rescues.contains($0.reason) }), let cue = reading.cue(naming: .seaRescue) { add(.seaRescue, cue) }
        // The reason that changes what to do first leads: silence (114), then suicide (3114), then the
        // sea rescue (196); violence still going on (17) before the firefighters (18), then the SAMU (15).
        found.sort { rank($0.reason) < rank($1.reason) }
        let actions = actions(for: found.map(\.reason))
        var cues: [String] = []
        for cue in found.compactMap(\.cue) where !cues.contains(cue) { cues.append(cue) }
        let leaf = leaf(leafID ?? defaultLeaf(for: found[0].reason, witness: reading.fromWitness), for: found[0].reason, reading: reading)
        return EmergencyAlert(reasons: found.map(\.reason), actions: actions, cues: cues, leafID: leaf, fromWitness: reading.fromWitness)
    }

    /// The calls and texts for `reasons`, without repeats, from the content's `emergencyAnswers` (for a
    /// reason the content has no answer for: its `call-for-help` answer, else its emergency numbers).
    /// The first number of each reason comes first (police 17, then the SAMU 15 for someone hurt), then the rest.
    public func actions(for reasons: [EmergencyReason]) -> [Action] {
        let lists = reasons.map { answers[$0]?.actions ?? answers[.callForHelp]?.actions ?? fallback }
        var actions: [Action] = []
        for rank in 0..<(lists.map(\.count).max() ?? 0) {
            for list in lists where rank < list.count && !actions.contains(list[rank]) { actions.append(list[rank]) }
        }
        // Three services or more (fire, injured, crime): the number every one of their answers gives (the 112,
        // which reaches them all) comes third, after the first two services, instead of after all of them.
        if Set(lists.compactMap(\.first)).count >= 3, let shared = lists.first?.first(where: { action in lists.allSatisfy { $0.contains(action) } }),
           let index = actions.firstIndex(of: shared), index > 2 {
            actions.remove(at: index)
            actions.insert(shared, at: 2)
        }
        return actions
    }

    /// The content's leaves for `reason`: for the person in danger, then for a witness.
    public func defaultLeaves(for reason: EmergencyReason) -> [String] {
        let answer = answers[reason] ?? answers[.callForHelp]
        return [answer?.leaf, answer?.witnessLeaf].compactMap { $0 }
    }

    /// The leaf to show for an alert without a leaf of its own: the content's answer for its main
    /// reason, for the person in danger or for a witness.
    func defaultLeaf(for reason: EmergencyReason, witness: Bool) -> String? {
        let answer = answers[reason] ?? answers[.callForHelp]
        return witness ? answer?.witnessLeaf ?? answer?.leaf : answer?.leaf
    }

    /// The situations whose words say which service to call (the SAMU, the firefighters) once a danger is read.
    static let servicesNamedByWords: [EmergencyReason] = [.medical, .fire]

    /// The words for help that, shouted alone ("HELP", "aide !"), are a call for help.
    static let helpWords: Set<String> = ["help", "aide", "secours", "sos"]

    /// The word of a one-word text when it is one of ``helpWords`` ("HELP !" → "help"), or nil.
    static func helpWord(_ text: String) -> String? {
        let word = String(text.lowercased().filter(\.isLetter))
        return helpWords.contains(word) ? word : nil
    }

    /// Whether a one-word text is shouted: followed by "!" or written in capitals ("FEU").
    static func isCry(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
        return text.contains("!") || (letters.count >= 3 && text == text.uppercased() && text != text.lowercased())
    }

    /// `leaf`, or for a minor in danger (`reason`) the content's leaf for minors, rather than a general one.
    func leaf(_ leaf: String?, for reason: EmergencyReason, reading: CueReading) -> String? {
        guard reading.minor, Self.minorsLeafFits.contains(reason),
              leaf.flatMap({ dangers[$0]?.reason }).map({ !Self.minorsOwnReasons.contains($0) }) ?? true else { return leaf }
        return defaultLeaf(for: .childInDanger, witness: false) ?? leaf
    }

    /// The dangers whose leaf, for a minor, is the minors' one (not suicide, an injury, a fire: their own leaves).
    static let minorsLeafFits: Set<EmergencyReason> = [
        .violenceNow, .armedPerson, .beingFollowed, .lockedIn, .intruderNow, .crimeInProgress, .callForHelp, .childInDanger,
    ]
    /// The situations whose leaves already speak to or of minors.
    static let minorsOwnReasons: Set<EmergencyReason> = [.childInDanger, .missingChild]

    /// The situations the sea rescue (196) answers when they happen at sea.
    static let rescues: Set<EmergencyReason> = [.fire, .medical, .callForHelp, .childInDanger, .seaRescue, .airRescue]

    private func rank(_ reason: EmergencyReason) -> Int {
        switch reason {
        case .cannotSpeak: 0
        case .suicide: 1
        case .seaRescue, .airRescue: 2
        case .violenceNow, .armedPerson: 3
        case .fire: 4
        case .medical: 5
        default: 6
        }
    }

    /// Whether one of the best results is an ordinary matter that a "help" word only
    /// emphasises ("au secours mon compte a été piraté"): a result not marked
    /// `danger` that matched words other than the call for help.
    static func explainedElsewhere(_ results: [SearchResult], dangers: [String: LeafDanger]) -> Bool {
        let helpStems = ["secour", "aid", "help", "sos", "urgen", "vite"]
        return results.prefix(3).contains { result in
            dangers[result.id] == nil && result.matched.contains { word in !helpStems.contains { word.hasPrefix($0) } }
        }
    }
}

/// What a sentence's words say: which situations, and how it speaks of time.
struct CueReading {
    var present: String?
    var past = false
    /// Past, and not only earlier today ("ce matin", "last night").
    var pastBeforeToday = false
    var longAgo = false
    var calm = false
    var hypothetical = false
    var over: String?
    /// The danger is over only because its author left ("il est parti"), which says nothing of a fire or of the hurt.
    var authorLeft = false
    /// It happened minutes ago ("vient de", "il y a dix minutes").
    var justHappened = false
    var noInjury = false
    /// "personne n'est en danger", "pas d'urgence": the writer says nothing is at stake now.
    var noDanger = false
    var foundAgain = false
    var suicide: String?
    /// The writer speaks of themself in danger (and not only as a witness).
    var firstPerson = false
    var witness = false
    var suicidePast = false
    /// "pas envie de mourir", "je ne veux pas me tuer": the writer says it is not that.
    var suicideDenied = false
    /// A laugh beside the words ("lol", "mdr"), with no suicide cue but a bare wish to die.
    var laughing = false
    /// A laugh and nothing but a wish to die said as a figure of speech ("je veux mourir lol", "i wanna die lmao"):
    /// no means named (pills, a bridge), no category's cue, no pair, no cue of the present.
    var laughingOnly: Bool { laughing && strong.isEmpty && weak.isEmpty && pairs.isEmpty && present == nil }
    /// The sentence asks a question.
    var question = false
    /// The person spoken of is said to be an adult ("mon fils de 24 ans"): not a missing child.
    var adult = false
    /// The number of words, punctuation ("!", "?") left out.
    var wordCount = 0
    var danger: String?
    var help: String?
    /// The words that place the scene at sea or on the coast ("au large", "beach").
    var atSea: String?
    /// A toy or a bag lost for a child ("perdu le doudou de ma fille"): nobody is missing.
    var lostToy = false
    /// Papers, money or jewels are what disappeared, named before the word of disappearance ("ses bijoux ont disparu").
    var valuablesGone = false
    /// A worry ("je pense que…", "I'm worried"): violence without a cue of the present is a concern, not happening now.
    var worry = false
    /// Someone else who cannot be reached ("il répond plus", "his phone is off").
    var unreachable: String?
    /// The writer lost something of their own ("I lost my…", "j'ai perdu mes…").
    var lostOwnThing = false
    /// The writer asks whom to talk to ("à qui parler", "who to talk to").
    var seekingListener = false
    /// The person in danger is a minor ("j'ai 14 ans", "home alone", "my little sister").
    var minor = false
    var strong: [EmergencyReason: String] = [:]
    var weak: [EmergencyReason: String] = [:]
    var pairs: [(EmergencyReason, String)] = []

    /// Past or calm, with nothing that says "now".
    var toneDown: Bool { (past || calm) && present == nil }

    /// The writer reports someone else's danger, or does not speak of themself.
    var fromWitness: Bool { witness || !firstPerson }

    /// Whether the sentence speaks of `reason` as over or only asked about: past or calm for most
    /// dangers; for a missing person, only long ago or a calm question ("depuis hier soir" is still now);
    /// for violence, also a worry without a cue of the present.
    func isQuiet(about reason: EmergencyReason) -> Bool {
        switch reason {
        case .missingChild, .missingAdult: longAgo || (calm && present == nil)
        case .violenceNow: toneDown || (worry && present == nil)
        default: toneDown
        }
    }

    init(_ sentence: CueSentence) {
        typealias Sets = CompiledCues
        // "pas ce soir", "not now": a cue of the present, denied, says nothing is happening now.
        // "depuis hier", "since this morning": a duration up to now, not a past event.
        let timed = Self.maskingDeniedPresentAndDurations(sentence)
        let ago = Self.timeAgo(sentence.words)
        past = Sets.past.occurs(in: timed) || ago.past
        pastBeforeToday = Sets.past.occurs(in: Sets.earlierToday.blanking(in: timed)) || ago.past
        longAgo = Sets.longAgo.occurs(in: timed) || ago.longAgo
        let justDid = Self.justDid(sentence.words)
        // A span of minutes ("for ten minutes", "depuis 5 min") says how long, not when: up to now only when nothing
        // places it before today ("last month I was stuck in the lift for ten minutes").
        let recent = ago.recent || (ago.minutesSpan && !pastBeforeToday)
        justHappened = Sets.justHappened.occurs(in: sentence) || recent || justDid != nil
        present = Sets.present.firstMatch(in: timed) ?? Self.stillThere(timed.words)
            ?? (timed.words.last == "la" && timed.words.count > 2 ? "la" : nil)
        // "maintenant", "now", "urgent" speak of the writer's state as often as of the danger: they say
        // "now" only when nothing says the event is past (and, for "urgent", that it is not paperwork).
        // Nor in a calm question ("je suis actuellement immobilisé, puis-je déposer plainte ?"): the writer's state.
        calm = Sets.calm.occurs(in: sentence)
        question = sentence.words.contains("?")
        if present == nil, !past, !longAgo, !(calm && question), let weak = Sets.presentWeak.firstMatch(in: timed),
           !Sets.paperwork.occurs(in: sentence) {
            present = weak
        }
        if present == nil, recent { present = "il y a quelques minutes" }
        // "he just slapped me", "someone just ripped my bag": an act minutes ago says "now" as "vient de" does.
        if present == nil, !pastBeforeToday, let act = justDid { present = act }
        // A sexual assault a few hours ago is still an emergency (care, evidence): it has just happened.
        if Sets.sexualAssault.occurs(in: sentence), let hours = Sets.hoursAgo.firstMatch(in: sentence) {
            present = present ?? hours
            justHappened = true
        }
        hypothetical = Sets.hypothetical.occurs(in: Sets.askedOfACase.blanking(in: timed))
        over = Sets.overCancelled.occurs(in: sentence) ? nil : Sets.over.firstMatch(in: sentence)
        // "je suis chez ma fille, son compagnon vient de la gifler": where the writer is, not a danger left behind,
        // when the words say it happens now.
        if let place = over, Self.writersPlace.contains(place.trimmingCharacters(in: .whitespaces)),
           justHappened || Sets.present.occurs(in: timed) {
            over = nil
        }
        authorLeft = over.map { Sets.authorLeft.contains($0.trimmingCharacters(in: .whitespaces)) } ?? false
        noInjury = Sets.noInjury.occurs(in: sentence)
        // "c'est peut-être pas grave mais…": a hedge before telling what happens, not a statement that nothing does.
        let unhedged = Sets.hedged.blanking(in: sentence)
        noDanger = Sets.noDanger.occurs(in: unhedged)
        adult = Sets.adult.occurs(in: sentence)
        foundAgain = Sets.found.occurs(in: sentence) && !Sets.foundDenied.occurs(in: sentence)
        // "they tell me to kill myself": the bullies' words, not the writer's intent.
        suicide = Sets.suicide.firstMatch(in: Sets.suicideQuoted.blanking(in: sentence))
        firstPerson = Sets.firstPerson.occurs(in: sentence)
        witness = Sets.witness.occurs(in: sentence)
        suicidePast = Sets.suicidePast.occurs(in: sentence)
        suicideDenied = Sets.suicideDenied.occurs(in: sentence)
        // A laugh counts only beside a bare wish to die: any other suicide cue (pills, a bridge) keeps its weight.
        laughing = Sets.laughing.occurs(in: sentence)
            && !Sets.suicide.occurs(in: Sets.wishesToDie.blanking(in: Sets.suicideQuoted.blanking(in: sentence)))
        wordCount = sentence.words.filter { $0 != "!" && $0 != "?" }.count
        danger = Sets.danger.firstMatch(in: sentence)
        help = Sets.help.firstMatch(in: sentence)
        atSea = Sets.inlandWaters.occurs(in: sentence) ? nil : Sets.seaPlaces.firstMatch(in: sentence)
        lostToy = Sets.lostToys.occurs(in: sentence)
        worry = Sets.worry.occurs(in: sentence)
        unreachable = Sets.unreachable.firstMatch(in: sentence)
        seekingListener = Sets.listener.occurs(in: sentence)
        // "lost my 6yo", "j'ai perdu mon fils de 5 ans": a child, not a thing.
        lostOwnThing = Sets.lostOwnThing.occurs(in: sentence) && !minor && !Sets.childAges.occurs(in: sentence)
            && !Sets.kinship.occurs(in: sentence)
        minor = Sets.minor.occurs(in: sentence)
        // "ma fille de 12 ans … un ami de 25 ans": the child's age says who is spoken of; the adult is someone else.
        if adult, Sets.childAges.occurs(in: sentence) { adult = false }
        // "petit-fils", "petit frère": a relative, not a small child, for the weak words.
        let withoutKin = Sets.weakAside.blanking(in: Sets.kinship.blanking(in: sentence))
        // A doubt ("je sais pas si c'est pour rire mais…") is no blocker's sign either.
        for category in Sets.categories where !category.blockers.occurs(in: unhedged) {
            if let cue = category.strong.firstMatch(in: sentence) { strong[category.reason] = cue }
            if let cue = category.weak.firstMatch(in: withoutKin) { weak[category.reason] = cue }
        }
        // "my late husband was violent": blows in a weak word are a memory of someone who has died.
        if Sets.deceased.occurs(in: sentence) { weak[.violenceNow] = nil }
        // "nothing is happening right now", "not violent tonight": nothing now, unless a weapon, an intruder or someone
        // shut in is named too.
        if Sets.nothingNow.occurs(in: unhedged), strong[.armedPerson] == nil, strong[.intruderNow] == nil, strong[.lockedIn] == nil {
            noDanger = true
        }
        if present == nil, !past, !calm, !worry, let tense = Self.presentTense(sentence.words) { present = tense }
        // "an hour ago he came back … now he's rattling the handle": a progressive says "now" even after a past cue.
        if present == nil, past, !calm, let tense = Self.presentTense(sentence.words, progressiveOnly: true) { present = tense }
        // A bike a child left on is not the thing lost ("a disparu avec son vélo").
        let withoutTakenAlong = Sets.takenAlong.blanking(in: sentence)
        for pair in Sets.pairs where !pair.blockers.occurs(in: withoutTakenAlong) {
            if let first = pair.first.firstMatch(in: sentence), let second = pair.second.firstMatch(in: sentence) {
                pairs.append((pair.reason, "\(first) … \(second)"))
            }
        }
        // "le portefeuille de mon grand-père a disparu": the thing named before the word of disappearance is what is gone.
        if let thing = Sets.valuables.firstIndex(in: sentence), let gone = Sets.disappeared.firstIndex(in: sentence), thing < gone,
           strong[.missingChild] == nil, strong[.missingAdult] == nil {
            valuablesGone = true
        }
        // A rape or a sexual assault minutes ago ("je viens de me faire violer", "he just assaulted me") is an emergency
        // (care, evidence) even when the writer is home now and the man gone or unaware of where she lives.
        if justHappened, let assault = Sets.sexualAssault.firstMatch(in: sentence) {
            over = nil
            authorLeft = false
            noDanger = false
            present = present ?? assault
            if strong[.violenceNow] == nil, weak[.violenceNow] == nil { weak[.violenceNow] = assault }
        }
        // A small child on a window ledge is in danger, not thinking of jumping.
        if let cue = suicide, Sets.windowLedges.occurs(in: CueSentence(cue, vocabulary: EmergencyCues.vocabulary)),
           pairs.contains(where: { $0.0 == .childInDanger }) {
            suicide = nil
        }
    }

    /// Verbs in the past that "just" puts minutes ago without any danger: the writer's own errand or question
    /// ("I just wanted to ask", "I just noticed", "I just called the bank").
    static let errandsJustDone: Set<String> = [
        "wanted", "needed", "wondered", "realised", "realized", "received", "moved", "started", "finished", "learned",
        "learnt", "noticed", "discovered", "checked", "called", "asked", "signed", "booked", "paid", "ordered", "registered",
        "submitted", "filed", "reported", "posted", "changed", "updated", "talked", "spoke", "read", "bought", "sold",
        "found", "remembered", "decided", "thought", "opened", "logged", "clicked", "looked", "watched", "arrived", "landed",
        "returned", "visited", "emailed", "texted", "phoned", "used", "tried", "wanna", "turned", "joined", "graduated",
        "inherited", "witnessed", "spotted", "embarrassed", "scared", "worried", "tired", "bored", "confused", "interested", "concerned",
    ]

    /// What follows an act done to someone or something ("just slapped me", "just ripped my bag", "just fell
    /// down"), or the end of the sentence ("she just collapsed"): "just scraped knees" is "only", not "a moment ago".
    static let afterAnActJustDone: Set<String> = [
        "me", "my", "him", "his", "her", "them", "their", "us", "our", "the", "a", "an", "into", "in", "down", "off", "out",
        "up", "over", "through", "at", "on", "it", "herself", "himself", "myself", "from", "and", "!", "someone", "somebody",
        "this", "that", "your", "you", "again",
    ]

    /// Verbs in the simple past that do not end in "-ed" and tell an act on someone or something.
    static let actsJustDone: Set<String> = [
        "hit", "broke", "stole", "took", "fell", "threw", "shot", "bit", "beat", "shook", "struck", "tore", "cut", "ran",
        "came", "drove", "sprang", "stuck", "swung", "flung", "burnt", "held", "caught", "bust", "busted",
    ]

    /// "just" before a verb in the simple past ("he just slapped me", "a guy just ripped my bag", "she just fell"):
    /// an act of minutes ago. The writer's own errands ("I just wanted to know") are left out.
    /// - Returns: the two words, or nil.
    static func justDid(_ words: [String]) -> String? {
        for index in words.indices.dropLast() where words[index] == "just" || words[index] == "jst" {
            let verb = words[index + 1]
            guard !errandsJustDone.contains(verb) else { continue }
            guard index + 2 == words.count || afterAnActJustDone.contains(words[index + 2]) else { continue }
            if actsJustDone.contains(verb) || (verb.count > 4 && verb.hasSuffix("ed")) { return "just \(verb)" }
        }
        return nil
    }

    /// The sentence with denied cues of the present ("pas ce soir", "not now"), durations up to now
    /// ("depuis hier", "since this morning") and comparisons ("comme si") blanked out, for the cues
    /// of time and hypothesis to read.
    /// Things one goes along one after another ("every car", "chaque jardin"): "every" there counts places, not times.
    static let placesGoneAlong: Set<String> = [
        "car", "cars", "garden", "gardens", "door", "doors", "house", "houses", "window", "windows", "shop", "letterbox",
        "mailbox", "vehicle", "voiture", "jardin", "porte", "portiere", "maison", "fenetre", "boite", "vitrine", "magasin",
    ]

    static func maskingDeniedPresentAndDurations(_ sentence: CueSentence) -> CueSentence {
        var masked = sentence
        let words = sentence.words
        func blank(_ from: Int, _ count: Int) {
            for index in from..<min(from + count, words.count) { masked.words[index] = "_"; masked.ids[index] = -1 }
        }
        for index in words.indices.dropLast() {
            let next = words[index + 1]
            let after = index + 2 < words.count ? words[index + 2] : ""
            switch words[index] {
            case "pas", "not", "plus":
                if ["maintenant", "mtn", "now", "tonight", "actuellement"].contains(next) { blank(index + 1, 1) }
                if (next == "ce" && after == "soir") || (next == "right" && after == "now") { blank(index + 1, 2) }
                if next == "en" && after == "ce" { blank(index + 1, 3) }
                // "elle n'est pas là en ce moment": not there now.
                if next == "la" && after == "en" { blank(index + 1, 4) }
            case "quelle", "quel", "c", "ce":
                // "quelle est la démarche", "c'est la première fois": no "là" (here, now).
                if next == "est" && after == "la" { blank(index + 2, 1) }
            case "affaires", "cles", "clefs", "papiers", "valises", "vetements", "habits", "things", "stuff", "voiture", "car":
                // "ses affaires sont là", "sa voiture est toujours là": things left there, not someone.
                if (next == "sont" || next == "est" || next == "are" || next == "is") && (after == "la" || after == "there") { blank(index + 2, 1) }
                if (next == "sont" || next == "est" || next == "is") && ["toujours", "encore", "still"].contains(after), index + 3 < words.count,
                   words[index + 3] == "la" || words[index + 3] == "there" {
                    blank(index + 2, 2)
                }
            case "trying", "try", "tries", "essaient", "essaie", "essaye", "testent", "teste":
                // "trying every car door": each of the doors now, not a habit ("every day").
                if next == "every" || next == "toutes" || next == "tous" { blank(index + 1, 1) }
            case "every", "chaque":
                // "looking into every garden", "chaque voiture": each of the places now, not a habit ("every day").
                if Self.placesGoneAlong.contains(next) { blank(index, 1) }
            case "for":
                // "the kids are at their dad's for the weekend": a stay that includes now, not last weekend.
                if next == "the" && (after == "weekend" || after == "week") { blank(index + 1, 2) }
            case "moment":
                // "à ce moment-là": the time of a story; its "là" is no "here, now".
                if next == "la" { blank(index + 1, 1) }
            case "to":
                // "how to help her", "I want to help": helping someone, not a call for help.
                if next == "help" { blank(index + 1, 1) }
            case "comme", "as":
                // "comme si quelqu'un fouillait", "as if": a comparison, not a hypothesis.
                if next == "si" || next == "if" { blank(index + 1, 1) }
            case "depuis", "since":
                // "ça dure depuis plus de 5 minutes": minutes up to now, not a story that goes on for months.
                if index >= 2, words[index - 1] == "dure", Self.timeAgo(Array(words[index...])).minutesSpan { blank(index, 1) }
                if ["hier", "yesterday", "avant"].contains(next) { blank(index + 1, next == "avant" ? 2 : 1) }
                if ["ce", "cette", "this", "last"].contains(next) { blank(index + 1, 2) }
                // "depuis des heures": hours up to now, not "depuis des mois / des années" (a story).
                if next == "des" && ["heures", "minutes"].contains(after) { blank(index + 1, 2) }
            case "should", "shall", "must":
                // "should I see a doctor": asking what to do, not "I see" (a witness now).
                if next == "i" && after == "see" { blank(index + 2, 1) }
            default: break
            }
        }
        return masked
    }

    /// Over cues that say where the writer is staying ("je suis chez ma mère"), not that a danger has left.
    static let writersPlace: Set<String> = ["je suis chez ma", "je suis chez mon", "jsui chez ma", "jsuis chez ma"]

    /// The words that may follow "encore là" when "là" is the adverb.
    private static let stillThereFollowers: Set<String> = [
        "_", "et", "il", "elle", "ils", "elles", "on", "je", "j", "jsuis", "jsui", "mais", "!", "?", "ca", "c", "qui", "dehors",
        "dedans", "devant", "en", "a", "avec", "y", "donc", "depuis", "pres", "derriere", "dans", "sur", "aussi", "maintenant",
        "mtn", "svp", "venez", "aidez", "help", "please", "vite", "chez", "au", "bas", "haut", "ou", "ya", "and", "je",
    ]

    /// "encore là", "toujours là", "still there" said of someone (not "j'ai encore la cicatrice"):
    /// the adverb "là" ends the sentence or is followed by a word that is not a noun.
    static func stillThere(_ words: [String]) -> String? {
        for index in words.indices.dropLast() where ["encore", "toujours", "tjrs", "tjs"].contains(words[index]) && words[index + 1] == "la" {
            if index + 2 == words.count || stillThereFollowers.contains(words[index + 2]) { return "\(words[index]) la" }
        }
        return nil
    }

    /// The words that count a quantity of time ("quinze", "quelques", "a couple of").
    private static let timeAgoNumbers: Set<String> = [
        "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
        "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "quelques", "plusieurs", "bien",
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
        "twenty", "thirty", "few", "couple", "several", "of", "petite", "petit", "bonne", "bon", "moins", "d", "plus",
    ]

    /// "il y a quinze jours", "ya 2 ans", "three weeks ago", "il y a dix minutes": how long ago the sentence
    /// says something happened. Minutes are recent (still now); days, weeks, months are past; years long ago.
    /// "il y a deux hommes" (there are two men) says nothing of time. A span of minutes ("depuis 5 min", "for ten
    /// minutes") is `minutesSpan`: how long, which is up to now unless something else says when.
    static func timeAgo(_ words: [String]) -> (recent: Bool, past: Bool, longAgo: Bool, minutesSpan: Bool) {
        // 0: minutes (recent), 1: days to months (past), 2: years (long ago), 3: hours (today: neither).
        func unit(_ word: String) -> Int? {
            switch word {
            case "min", "mins", "minute", "minutes", "mn", "sec", "secondes", "seconds", "instant", "instants": 0
            case "h", "heure", "heures", "hour", "hours": 3
            case "jour", "jours", "day", "days", "semaine", "semaines", "week", "weeks",
                 "mois", "month", "months", "nuit", "nuits", "night", "nights", "soir", "soirs": 1
            case "an", "ans", "annee", "annees", "year", "years", "decennie", "decennies", "decades": 2
            default: nil
            }
        }
        var result = (recent: false, past: false, longAgo: false, minutesSpan: false)
        func apply(_ kind: Int) {
            switch kind {
            case 0: result.recent = true
            case 1: result.past = true
            case 2: result.past = true; result.longAgo = true
            default: break
            }
        }
        func read(from start: Int) {
            var index = start
            var sawNumber = false
            while index < words.count, index < start + 4 {
                let word = words[index]
                if let kind = unit(word), sawNumber || word == "mois" {
                    apply(kind)
                    return
                }
                guard timeAgoNumbers.contains(word) || word.allSatisfy(\.isNumber) || word.hasSuffix("aine") else { return }
                sawNumber = true
                index += 1
            }
        }
        for index in words.indices {
            // "il y a", "y a", "ya" followed by a number and a unit.
            if words[index] == "ya" { read(from: index + 1) }
            if words[index] == "y", index + 1 < words.count, words[index + 1] == "a" { read(from: index + 2) }
            // "<number> <unit> ago".
            if words[index] == "ago", index >= 1, let kind = unit(words[index - 1]) { apply(kind) }
            // "depuis plus de 5 minutes", "since 20 minutes", "for 15 min": minutes up to now (a longer span is read elsewhere).
            if ["depuis", "since", "for"].contains(words[index]) {
                var next = index + 1
                while next < words.count, next < index + 5, ["plus", "de", "moins", "more", "than", "over", "about", "environ", "genre", "like"].contains(words[next])
                    || words[next].allSatisfy(\.isNumber) || timeAgoNumbers.contains(words[next]) {
                    next += 1
                }
                if next < words.count, next > index + 1, unit(words[next]) == 0 { result.minutesSpan = true }
            }
        }
        return result
    }

    /// A verb in the present tense said of someone else ("ils frappent", "il tape", "a man is
    /// beating"), read only when no cue of time says otherwise: the words as read, or nil.
    static func presentTense(_ words: [String], progressiveOnly: Bool = false) -> String? {
        // A question asks about a situation; it does not report one happening. What follows the last question
        // mark does ("c'est grave ? il tousse beaucoup"): only that is read.
        var words = words
        if let mark = words.lastIndex(of: "?") { words = Array(words[(mark + 1)...]) }
        var index = 0
        while index < words.count {
            let word = words[index]
            if TenseWords.englishBe.contains(word), index + 1 < words.count {
                var next = index + 1
                if TenseWords.englishAdverbs.contains(words[next]), next + 1 < words.count { next += 1 }
                let verb = words[next]
                if verb.count > 5, verb.hasSuffix("ing"), !TenseWords.englishNotAction.contains(verb) { return "\(word) \(verb)" }
            }
            if !progressiveOnly, TenseWords.frenchSubjects.contains(word), index + 1 < words.count {
                var next = index + 1
                if word == "quelqu", next < words.count, words[next] == "un" { next += 1 }
                while next < words.count - 1, TenseWords.frenchClitics.contains(words[next]) { next += 1 }
                guard next < words.count else { break }
                let verb = words[next]
                if verb.count > 3, !TenseWords.frenchNotAction.contains(verb), verb.hasSuffix("ent") || verb.hasSuffix("e") {
                    return "\(word) \(verb)"
                }
            }
            index += 1
        }
        return nil
    }

    /// The words (strong, else weak) that name `reason`, when the sentence leaves it possible.
    func cue(naming reason: EmergencyReason) -> String? {
        guard allows(reason) else { return nil }
        return reason == .seaRescue ? strong[reason] ?? atSea : strong[reason] ?? weak[reason]
    }

    /// Whether the sentence leaves `reason` possible: not negated, not over, not found again.
    func allows(_ reason: EmergencyReason) -> Bool {
        switch reason {
        case .medical: return !noInjury && !hypothetical
        case .missingChild: return !foundAgain && !hypothetical && !noDanger && !adult && !lostToy && !valuablesGone
        case .missingAdult: return !foundAgain && !hypothetical && !noDanger && !valuablesGone
        case .fire:
            // A fire goes on when whoever lit it has run away.
            return (over == nil || authorLeft) && !hypothetical && !noDanger
        case .violenceNow, .armedPerson:
            // Violence that has just happened is still an emergency when its author has left.
            return (over == nil || (authorLeft && justHappened)) && !hypothetical && !noDanger
        case .intruderNow, .crimeInProgress, .beingFollowed, .roadDanger:
            return over == nil && !hypothetical && !noDanger
        case .suicide: return true
        // Someone hiding who cannot speak does not write that nobody is hurt: that is a calm account
        // ("no one hurt, the other driver speaks no English").
        case .cannotSpeak: return !hypothetical && !noDanger && !noInjury
        default: return !hypothetical && !noDanger
        }
    }
}

/// The words ``CueReading/presentTense(_:)`` reads a verb in the present with, built once.
enum TenseWords {
    static let englishBe: Set<String> = ["is", "are", "s", "re", "am", "m"]
    static let englishNotAction: Set<String> = [
        "writing", "wondering", "thinking", "looking", "asking", "planning", "hoping", "calling", "contacting", "reaching",
        "trying", "getting", "going", "having", "nothing", "something", "anything", "everything", "morning", "evening",
        "thing", "ceiling", "building", "parking", "during", "king", "ring", "spring", "sibling",
    ]
    static let frenchSubjects: Set<String> = ["il", "elle", "ils", "elles", "on", "qqn", "qq1", "quelqu"]
    static let frenchClitics: Set<String> = ["me", "m", "te", "t", "le", "la", "les", "lui", "leur", "se", "s", "nous", "vous", "y", "en", "un"]
    static let frenchNotAction: Set<String> = [
        "est", "etait", "a", "avait", "ont", "sont", "va", "vont", "peut", "veut", "doit", "faut", "semble", "pense", "croit",
        "parle", "appelle", "demande", "explique", "raconte", "aime", "habite", "travaille", "connais", "connait", "ne", "n",
        "une", "faire", "dire", "prendre", "mettre", "etre", "risque", "publie", "menace", "donne", "envoie", "poste", "like",
        "entre", "comme", "que", "qui", "personne", "chose", "rentre", "reste", "arrete", "tient", "tiennent", "rejette",
    ]
    static let englishAdverbs: Set<String> = ["still", "now", "just", "currently", "actually"]
}

/// The cue lists compiled to word sequences once.
enum CompiledCues {
    static let present = PhraseSet(EmergencyCues.present, vocabulary: EmergencyCues.vocabulary)
    static let oneWordDangers = PhraseSet(EmergencyCues.oneWordDangers, vocabulary: EmergencyCues.vocabulary)
    static let lostOwnThing = PhraseSet(EmergencyCues.lostOwnThing, vocabulary: EmergencyCues.vocabulary)
    static let presentWeak = PhraseSet(EmergencyCues.presentWeak, vocabulary: EmergencyCues.vocabulary)
    static let paperwork = PhraseSet(EmergencyCues.paperwork, vocabulary: EmergencyCues.vocabulary)
    static let justHappened = PhraseSet(EmergencyCues.justHappened, vocabulary: EmergencyCues.vocabulary)
    static let overCancelled = PhraseSet(EmergencyCues.overCancelled, vocabulary: EmergencyCues.vocabulary)
    static let authorLeft = Set(EmergencyCues.authorLeft.map { $0.trimmingCharacters(in: .whitespaces) })
    static let adult = PhraseSet(EmergencyCues.adultAges, vocabulary: EmergencyCues.vocabulary)
    static let foundDenied = PhraseSet(EmergencyCues.foundDenied, vocabulary: EmergencyCues.vocabulary)
    static let past = PhraseSet(EmergencyCues.past, vocabulary: EmergencyCues.vocabulary)
    static let earlierToday = PhraseSet(EmergencyCues.earlierToday, vocabulary: EmergencyCues.vocabulary)
    static let kinship = PhraseSet(EmergencyCues.kinship, vocabulary: EmergencyCues.vocabulary)
    static let longAgo = PhraseSet(EmergencyCues.longAgo, vocabulary: EmergencyCues.vocabulary)
    static let calm = PhraseSet(EmergencyCues.calm, vocabulary: EmergencyCues.vocabulary)
    static let hypothetical = PhraseSet(EmergencyCues.hypothetical, vocabulary: EmergencyCues.vocabulary)
    static let inlandWaters = PhraseSet(EmergencyCues.inlandWaters, vocabulary: EmergencyCues.vocabulary)
    static let hedged = PhraseSet(EmergencyCues.hedged, vocabulary: EmergencyCues.vocabulary)
    static let askedOfACase = PhraseSet(EmergencyCues.askedOfACase, vocabulary: EmergencyCues.vocabulary)
    static let over = PhraseSet(EmergencyCues.over, vocabulary: EmergencyCues.vocabulary)
    static let noInjury = PhraseSet(EmergencyCues.noInjury, vocabulary: EmergencyCues.vocabulary)
    static let noDanger = PhraseSet(EmergencyCues.noDanger, vocabulary: EmergencyCues.vocabulary)
    static let found = PhraseSet(EmergencyCues.found, vocabulary: EmergencyCues.vocabulary)
    static let suicide = PhraseSet(EmergencyCues.suicide, vocabulary: EmergencyCues.vocabulary)
    static let suicidePast = PhraseSet(EmergencyCues.suicidePast, vocabulary: EmergencyCues.vocabulary)
    static let suicideDenied = PhraseSet(EmergencyCues.suicideDenied, vocabulary: EmergencyCues.vocabulary)
    static let danger = PhraseSet(EmergencyCues.danger, vocabulary: EmergencyCues.vocabulary)
    static let help = PhraseSet(EmergencyCues.help, vocabulary: EmergencyCues.vocabulary)
    static let seaPlaces = PhraseSet(EmergencyCues.seaPlaces, vocabulary: EmergencyCues.vocabulary)
    static let lostToys = PhraseSet(EmergencyCues.lostToys, vocabulary: EmergencyCues.vocabulary)
    static let valuables = PhraseSet(EmergencyCues.valuables, vocabulary: EmergencyCues.vocabulary)
    static let disappeared = PhraseSet(EmergencyCues.disappeared, vocabulary: EmergencyCues.vocabulary)
    static let takenAlong = PhraseSet(EmergencyCues.takenAlong, vocabulary: EmergencyCues.vocabulary)
    static let suicideQuoted = PhraseSet(EmergencyCues.suicideQuoted, vocabulary: EmergencyCues.vocabulary)
    static let laughing = PhraseSet(EmergencyCues.laughing, vocabulary: EmergencyCues.vocabulary)
    static let wishesToDie = PhraseSet(EmergencyCues.wishesToDie, vocabulary: EmergencyCues.vocabulary)
    static let worry = PhraseSet(EmergencyCues.worry, vocabulary: EmergencyCues.vocabulary)
    static let unreachable = PhraseSet(EmergencyCues.unreachable, vocabulary: EmergencyCues.vocabulary)
    static let listener = PhraseSet(EmergencyCues.listener, vocabulary: EmergencyCues.vocabulary)
    static let sexualAssault = PhraseSet(EmergencyCues.sexualAssault, vocabulary: EmergencyCues.vocabulary)
    static let hoursAgo = PhraseSet(EmergencyCues.hoursAgo, vocabulary: EmergencyCues.vocabulary)
    static let minor = PhraseSet(EmergencyCues.minor, vocabulary: EmergencyCues.vocabulary)
    static let childAges = PhraseSet(EmergencyCues.childAges, vocabulary: EmergencyCues.vocabulary)
    static let weakAside = PhraseSet(EmergencyCues.weakAside, vocabulary: EmergencyCues.vocabulary)
    static let deceased = PhraseSet(EmergencyCues.deceased, vocabulary: EmergencyCues.vocabulary)
    static let nothingNow = PhraseSet(EmergencyCues.nothingNow, vocabulary: EmergencyCues.vocabulary)
    static let windowLedges = PhraseSet(EmergencyCues.windowLedges, vocabulary: EmergencyCues.vocabulary)
    static let firstPerson = PhraseSet(EmergencyCues.firstPerson, vocabulary: EmergencyCues.vocabulary)
    static let witness = PhraseSet(EmergencyCues.witness, vocabulary: EmergencyCues.vocabulary)

    struct Category: Sendable {
        let reason: EmergencyReason
        let strong: PhraseSet
        let weak: PhraseSet
        let blockers: PhraseSet
    }

    struct Pair: Sendable {
        let reason: EmergencyReason
        let first: PhraseSet
        let second: PhraseSet
        let blockers: PhraseSet
    }

    static let categories: [Category] = EmergencyCues.categories.map {
        Category(reason: $0.reason, strong: PhraseSet($0.strong, vocabulary: EmergencyCues.vocabulary), weak: PhraseSet($0.weak, vocabulary: EmergencyCues.vocabulary),
                 blockers: PhraseSet($0.blockers, vocabulary: EmergencyCues.vocabulary))
    }
    static let pairs: [Pair] = EmergencyCues.pairs.map { Pair(reason: $0.reason, first: PhraseSet($0.first, vocabulary: EmergencyCues.vocabulary),
                                                                  second: PhraseSet($0.second, vocabulary: EmergencyCues.vocabulary),
                                                                  blockers: PhraseSet($0.blockers, vocabulary: EmergencyCues.vocabulary)) }
}
