/// Why a sentence was read as a danger happening now. The numbers that fit
/// each reason come from the content's `numbers.json` (``EmergencyAnswer``).
public enum EmergencyReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// Violence happening now.
    case violenceNow = "violence-now"
    /// Someone armed is there, or shots are heard.
    case armedPerson = "armed-person"
    /// The person is being followed.
    case beingFollowed = "being-followed"
    /// Someone is locked in or held.
    case lockedIn = "locked-in"
    /// A child is in danger now.
    case childInDanger = "child-in-danger"
    /// Someone is in the home or trying to get in.
    case intruderNow = "intruder-now"
    /// A crime is being committed now (a car being stolen, a rodeo, a serious incident seen by a witness).
    case crimeInProgress = "crime-in-progress"
    /// Suicidal thoughts or intent (3114 and 112).
    case suicide = "suicide"
    /// Injury or medical distress (15).
    case medical = "medical"
    /// Fire, smoke or gas, or a rescue for the firefighters: someone in the water or trapped (18).
    case fire = "fire"
    /// Someone in danger at sea or off the coast: a boat adrift or sinking, a swimmer carried out (196).
    case seaRescue = "sea-rescue"
    /// An aircraft down or in distress: a light plane, a microlight, a helicopter, a glider or a paraglider
    /// that has crashed or come down (191, the aeronautical rescue).
    case airRescue = "air-rescue"
    /// A danger on the road now: a driver on the wrong way, an obstacle on a motorway.
    case roadDanger = "road-danger"
    /// A child has disappeared or has not come home (116 000 and 17).
    case missingChild = "missing-child"
    /// A vulnerable adult has disappeared (17).
    case missingAdult = "missing-adult"
    /// The person is in danger and cannot speak (114 by SMS).
    case cannotSpeak = "cannot-speak"
    /// An urgent call for help without more detail.
    case callForHelp = "call-for-help"

    /// A short explanation in `language`.
    public func explanation(in language: Language) -> String {
        let french = language == .french
        switch self {
        case .violenceNow: return french ? "Des violences ont lieu en ce moment." : "Violence is happening now."
        case .armedPerson: return french ? "Une personne armée est présente, ou des coups de feu sont entendus." : "Someone armed is there, or shots are heard."
        case .beingFollowed: return french ? "Vous êtes suivi(e) en ce moment." : "You are being followed."
        case .lockedIn: return french ? "Une personne est enfermée ou retenue." : "Someone is locked in or held."
        case .childInDanger: return french ? "Un enfant est en danger maintenant." : "A child is in danger now."
        case .intruderNow: return french ? "Quelqu'un est entré ou essaie d'entrer chez vous." : "Someone is in your home or trying to get in."
        case .crimeInProgress: return french ? "Une infraction grave a lieu en ce moment." : "A serious offence is happening now."
        case .suicide: return french ? "Une vie est en danger : pensées suicidaires." : "A life is at risk: suicidal thoughts."
        case .medical: return french ? "Une personne est blessée ou en détresse." : "Someone is injured or in distress."
        case .fire: return french ? "Incendie, fumée, gaz, ou une personne à secourir." : "Fire, smoke, gas, or someone to rescue."
        case .seaRescue: return french ? "Une personne est en danger en mer ou sur le littoral." : "Someone is in danger at sea or on the coast."
        case .airRescue: return french ? "Un aéronef s'est écrasé ou est en détresse." : "An aircraft has crashed or is in distress."
        case .roadDanger: return french ? "Un danger sur la route en ce moment." : "A danger on the road right now."
        case .missingChild: return french ? "Un enfant a disparu ou n'est pas rentré." : "A child is missing or has not come home."
        case .missingAdult: return french ? "Une personne vulnérable a disparu." : "A vulnerable person is missing."
        case .cannotSpeak: return french ? "Vous êtes en danger et ne pouvez pas parler." : "You are in danger and cannot speak."
        case .callForHelp: return french ? "Un appel à l'aide urgent." : "An urgent call for help."
        }
    }
}

/// The answer to a danger happening now: the emergency numbers, never a form,
/// and why (the words read and, when the situation came from the content, the leaf).
public struct EmergencyAlert: Hashable, Sendable {
    /// Every reason found, the main one first.
    public var reasons: [EmergencyReason]
    /// The numbers to call or text, in priority order (e.g. `call:17`, `call:112`, `sms:114`).
    public var actions: [Action]
    /// The words of the sentence that raised the alert (folded: lowercase, no accents).
    public var cues: [String]
    /// The leaf that fits the situation: the one whose situation raised the alert, else the
    /// content's leaf for the main reason (`emergencyAnswers` in `numbers.json`).
    public var leafID: String?
    /// Whether the writer reports someone else's danger (a witness) rather than their own.
    public var fromWitness: Bool
    /// Whether only the learnt model (``EmergencyModel``) read a danger, the words stating none
    /// plainly: show the numbers first, and the ordinary answer under them.
    public var isPossible: Bool

    /// Creates a value from its fields.
    public init(reasons: [EmergencyReason], actions: [Action], cues: [String] = [], leafID: String? = nil,
                fromWitness: Bool = false, isPossible: Bool = false) {
        self.reasons = reasons
        self.actions = actions
        self.cues = cues
        self.leafID = leafID
        self.fromWitness = fromWitness
        self.isPossible = isPossible
    }

    /// The main reason.
    public var reason: EmergencyReason { reasons.first ?? .callForHelp }

    /// Why, in one sentence for the citizen: the situation, then the words read.
    public func explanation(in language: Language) -> String {
        var text = reasons.map { $0.explanation(in: language) }.joined(separator: " ")
        if !cues.isEmpty {
            let quoted = cues.map { "« \($0) »" }.joined(separator: ", ")
            text += language == .french ? " (mots lus : \(quoted))" : " (words read: \(quoted))"
        }
        return text
    }
}

/// When a leaf's situation is an emergency (`danger.when` in `tree.json`).
public enum DangerTiming: String, Hashable, Sendable, Codable {
    /// An emergency unless the sentence says it is over, past, negated or hypothetical
    /// (a missing child, a threat about to be carried out).
    case unlessPast = "unless-past"
    /// An emergency only when the sentence says it is happening now ("en ce moment",
    /// "il est encore là"): a burglary, a car being stolen.
    case ongoing
}

/// A leaf's situation when it describes a danger (`"danger": {"reason": "intruder-now", "when": "ongoing"}`).
public struct LeafDanger: Hashable, Sendable, Codable {
    /// What kind of danger; picks the numbers.
    public var reason: EmergencyReason
    /// When the situation is an emergency.
    public var when: DangerTiming

    /// Creates a value from its fields.
    public init(reason: EmergencyReason, when: DangerTiming) {
        self.reason = reason
        self.when = when
    }
}

/// The numbers that fit one kind of emergency, best first (`emergencyAnswers` in `numbers.json`).
public struct EmergencyAnswer: Hashable, Sendable, Codable {
    /// The kind of emergency.
    public var reason: EmergencyReason
    /// The calls and texts, best first (`call:17`, `sms:114`…).
    public var actions: [Action]
    /// The leaf to show when the person writing is in danger and no leaf of the search raised the alert.
    public var leaf: String?
    /// The leaf to show when the person writing is a witness (default: ``leaf``).
    public var witnessLeaf: String?

    /// Creates a value from its fields.
    public init(reason: EmergencyReason, actions: [Action], leaf: String? = nil, witnessLeaf: String? = nil) {
        self.reason = reason
        self.actions = actions
        self.leaf = leaf
        self.witnessLeaf = witnessLeaf
    }
}
