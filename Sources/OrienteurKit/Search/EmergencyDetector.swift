/// Why a sentence was read as a danger happening now.
public enum EmergencyReason: String, Hashable, Sendable, Codable, CaseIterable {
    case violenceNow = "violence-now"
    case armedPerson = "armed-person"
    case beingFollowed = "being-followed"
    case lockedIn = "locked-in"
    case childInDanger = "child-in-danger"
    case intruderNow = "intruder-now"
    case suicide = "suicide"
    case medical = "medical"
    case fire = "fire"
    case callForHelp = "call-for-help"

    /// A short explanation in `language`.
    public func explanation(in language: Language) -> String {
        switch (self, language) {
        case (.violenceNow, .french): "Des violences ont lieu en ce moment."
        case (.violenceNow, .english): "Violence is happening now."
        case (.armedPerson, .french): "Une personne armée est présente."
        case (.armedPerson, .english): "Someone armed is there."
        case (.beingFollowed, .french): "Vous êtes suivi(e) en ce moment."
        case (.beingFollowed, .english): "You are being followed."
        case (.lockedIn, .french): "Une personne est enfermée ou retenue."
        case (.lockedIn, .english): "Someone is locked in or held."
        case (.childInDanger, .french): "Un enfant est en danger maintenant."
        case (.childInDanger, .english): "A child is in danger now."
        case (.intruderNow, .french): "Quelqu'un est entré ou essaie d'entrer chez vous."
        case (.intruderNow, .english): "Someone is in your home or trying to get in."
        case (.suicide, .french): "Une vie est en danger : pensées suicidaires."
        case (.suicide, .english): "A life is at risk: suicidal thoughts."
        case (.medical, .french): "Une personne est blessée ou en détresse."
        case (.medical, .english): "Someone is injured or in distress."
        case (.fire, .french): "Incendie, fumée, gaz ou accident."
        case (.fire, .english): "Fire, smoke, gas or an accident."
        case (.callForHelp, .french): "Un appel à l'aide urgent."
        case (.callForHelp, .english): "An urgent call for help."
        }
    }
}

/// The answer to a danger happening now: the emergency numbers, never a form.
public struct EmergencyAlert: Hashable, Sendable {
    /// Every reason found, the main one first.
    public var reasons: [EmergencyReason]
    /// The numbers to call or text, in priority order (e.g. `call:17`, `call:112`, `sms:114`).
    public var actions: [Action]

    public init(reasons: [EmergencyReason], actions: [Action]) {
        self.reasons = reasons
        self.actions = actions
    }

    /// The main reason.
    public var reason: EmergencyReason { reasons.first ?? .callForHelp }
}

/// Detects, before any search, a danger happening now in a citizen's sentence.
///
/// Rules favour recall: a danger phrase in the present, or a danger word with a
/// cue of immediacy ("en ce moment", "maintenant", "right now", "au secours"…),
/// is an emergency. Past events told calmly ("hier", "la semaine dernière",
/// "il y a deux ans", "last week") are not, unless a present cue is also there.
/// Suicidal intent always is (3114 and 112).
public struct EmergencyDetector: Sendable {
    public init() {}

    /// The alert for `text`, or nil when nothing suggests a danger happening now.
    public func detect(_ text: String) -> EmergencyAlert? {
        let normalized = EmergencyDetector.normalize(text)
        func has(_ patterns: [String]) -> Bool { patterns.contains { normalized.contains($0) } }

        let present = has(Cues.present)
        let past = has(Cues.past)
        let calm = has(Cues.calm)
        // Past and calm cues tone down only when nothing says "now".
        let toneDown = (past || calm) && !present
        var reasons: [EmergencyReason] = []

        if has(Cues.suicide) && !(past && has(Cues.suicidePast)) { reasons.append(.suicide) }
        for (reason, strong, weak) in Cues.categories {
            if has(strong) && !toneDown {
                reasons.append(reason)
            } else if has(weak) && present {
                reasons.append(reason)
            }
        }
        if reasons.isEmpty, has(Cues.help) { reasons.append(.callForHelp) }
        guard !reasons.isEmpty else { return nil }
        var actions: [Action] = []
        func add(_ list: [Action]) { for action in list where !actions.contains(action) { actions.append(action) } }
        for reason in reasons {
            switch reason {
            case .suicide: add([.call("3114"), .call("112")])
            case .medical: add([.call("15"), .call("112")])
            case .fire: add([.call("18"), .call("112")])
            default: add([.call("17"), .call("112")])
            }
        }
        add([.sms("114")])
        return EmergencyAlert(reasons: reasons, actions: actions)
    }

    /// Lowercase, accents folded, apostrophes and punctuation as spaces, padded with spaces.
    static func normalize(_ text: String) -> String {
        var result = " "
        var lastSpace = true
        for character in TextAnalyzer.fold(text.lowercased().replacingOccurrences(of: "’", with: "'")) {
            if character.isLetter || character.isNumber {
                result.append(character)
                lastSpace = false
            } else if character == "!" {
                if !lastSpace { result.append(" ") }
                result.append("! ")
                lastSpace = true
            } else if !lastSpace {
                result.append(" ")
                lastSpace = true
            }
        }
        if !lastSpace { result.append(" ") }
        return result
    }

    enum Cues {
        static let present = [
            " en ce moment ", " maintenant ", " actuellement ", " en train ", " encore la ", " toujours la ", " est la ",
            " sont la ", " est ici ", " sont ici ", " devant chez moi ", " tout de suite ", " vite ", " au secours ",
            " aidez moi ", " aider moi ", " aide moi ", " a l aide ", " urgent ", " urgence ", " ! ! ", " la maintenant ",
            " a l instant ", " vient de ", " viennent de ", " ce soir ", " cette nuit ", " j ai peur ", " jai peur ",
            " right now ", " now ", " currently ", " is here ", " are here ", " still here ", " still there ", " help ",
            " hurry ", " at the moment ", " as we speak ", " outside my ", " just now ", " tonight ", " im scared ",
            " i m scared ", " i am scared ", " asap ", " mtn ", " now ! ", " tt de suite ",
        ]
        static let past = [
            " hier ", " avant hier ", " la semaine derniere ", " semaine derniere ", " le mois dernier ", " mois dernier ",
            " l annee derniere ", " l an dernier ", " l an passe ", " l annee passee ", " il y a deux ", " il y a trois ",
            " il y a quelques ", " il y a un an ", " il y a une semaine ", " il y a un mois ", " il y a longtemps ", " il y a 1",
            " il y a 2", " il y a 3", " il y a 4", " il y a 5", " il y a 6", " il y a 7", " il y a 8", " il y a 9",
            " il y a des annees ", " il y a plusieurs ", " il y a six ", " il y a dix ", " y a deux ", " ya deux ",
            " depuis des ", " la derniere fois ", " l ete dernier ", " autrefois ", " quand j etais ", " en 20", " en 19",
            " ce matin ", " samedi dernier ", " dimanche dernier ", " lundi dernier ", " vendredi dernier ", " pendant mon ",
            " pendant les vacances ", " yesterday ", " last week ", " last month ", " last year ", " ago ", " in 20",
            " used to ", " this morning ", " last night ", " last weekend ", " the other day ", " when i was ",
            " des annees ", " for years ", " for months ",
        ]
        /// Asking how to do something: a calm request, not a call for help.
        static let calm = [
            " porter plainte ", " deposer plainte ", " plainte ", " main courante ", " comment ", " que faire ",
            " quelles demarches ", " demarche ", " renseignement ", " information ", " conseil ", " savoir si ",
            " est ce que ", " declarer ", " how do i ", " how can i ", " how to ", " file a complaint ", " report it ",
            " what should i do ", " advice ", " procedure ", " prevention ", " se proteger ", " eviter ",
            " detiens ", " detenir ", " heritee ", " herite ", " chasse ", " chasseur ", " collection ", " inherited ",
            " own a ", " licence ", " license ", " sia ", " legalement ", " legally ", " permis ",
        ]
        static let suicide = [
            " me suicider ", " me suicide ", " suicidaire ", " suicide ", " suicider ", " me tuer ", " en finir ",
            " mettre fin a mes jours ", " mettre fin a ma vie ", " envie de mourir ", " veux mourir ", " vais mourir ",
            " plus envie de vivre ", " me foutre en l air ", " me jeter ", " sauter du ", " me pendre ", " kill myself ",
            " killing myself ", " suicidal ", " end my life ", " want to die ", " end it all ", " take my own life ",
            " dont want to live ", " don t want to live ", " no reason to live ", " en finir avec la vie ",
        ]
        static let suicidePast = [" s est suicide ", " est suicidee ", " s est suicidee ", " committed suicide ", " took his own life ", " took her own life "]
        static let help = [" au secours ", " aidez moi ", " a l aide ", " help me ", " sos ", " help ! "]

        /// (reason, strong phrases that mean "now" on their own, weak words that need a present cue).
        static let categories: [(EmergencyReason, [String], [String])] = [
            (.violenceNow,
             [" me frappe ", " me frappent ", " me bat ", " me battent ", " me tape ", " me tapent ", " me cogne ",
              " m etrangle ", " m etranglent ", " m etouffe ", " va me tuer ", " veut me tuer ", " vont me tuer ",
              " menace de me tuer ", " va me frapper ", " veut me frapper ", " me tabasse ", " me tabassent ",
              " frappe ma ", " frappe mon ", " frappe sa ", " frappe son ", " bat sa ", " bat son ", " bat ma ", " bat mon ",
              " tape sa ", " tape son ", " tape ma ", " tape mon ", " se battent ", " se bat ", " bagarre ", " agression en cours ",
              " me viole ", " se fait agresser ", " se fait frapper ", " se fait tabasser ", " is hitting ", " are hitting ",
              " hitting me ", " beating me ", " beats me ", " hits me ", " choking me ", " strangling ", " going to kill ",
              " gonna kill ", " wants to kill ", " threatening to kill ", " is beating ", " are beating ", " attacking me ",
              " is attacking ", " are attacking ", " being attacked ", " being beaten ", " fight outside ", " fighting outside ",
              " mfrappe ", " me frap ", " il me frape "],
             [" frappe ", " frapper ", " violence ", " violences ", " agresse ", " agression ", " attaque ", " battre ",
              " coups ", " hurt ", " violent ", " attack ", " hitting ", " beating ", " fight ", " menace ", " threat "]),
            (.armedPerson,
             [" arme ", " armes ", " armee ", " couteau ", " couteaux ", " pistolet ", " fusil ", " flingue ", " revolver ",
              " machette ", " hache ", " sabre ", " braque ", " braquage ", " gun ", " guns ", " knife ", " knives ", " armed ",
              " pistol ", " rifle ", " machete ", " weapon "],
             []),
            (.beingFollowed,
             [" me suit ", " me suivent ", " me poursuit ", " me poursuivent ", " suivie par ", " suivi par ", " je suis suivie ",
              " je suis suivi ", " on me suit ", " following me ", " followed by ", " being followed ", " chasing me ",
              " stalking me ", " me colle depuis ", " me file "],
             [" suivie ", " followed "]),
            (.lockedIn,
             [" enferme ", " enfermee ", " enfermes ", " sequestre ", " sequestree ", " m empeche de sortir ",
              " bloque dans ", " bloquee dans ", " locked in ", " locked me ", " locked up ", " won t let me leave ",
              " wont let me leave ", " held against ", " trapped ", " coince dans ", " coincee dans "],
             []),
            (.childInDanger,
             [" enfant en danger ", " bebe seul ", " enfant seul ", " enfants seuls ", " bebe en danger ", " enfant se noie ",
              " enleve mon enfant ", " enlevement ", " kidnapping ", " kidnapped ", " enfant a disparu ", " child in danger ",
              " child alone ", " baby alone ", " taking my child ", " took my child ", " child is missing ", " fils a disparu ",
              " fille a disparu ", " frappe un enfant ", " frappe son enfant ", " frappe son fils ", " frappe sa fille ",
              " hitting a child ", " hitting his child ", " hitting her child ", " secoue le bebe ", " shaking the baby "],
             [" enfant ", " enfants ", " bebe ", " child ", " kid ", " baby ", " petit "]),
            (.intruderNow,
             [" quelqu un chez moi ", " quelqu un dans ma maison ", " quelqu un dans mon appart ", " qqn chez moi ",
              " quelqu un dans la maison ", " quelqu un essaie d entrer ", " essaie d entrer ", " essaient d entrer ",
              " force ma porte ", " force la porte ", " fracturer ", " cambrioleurs sont ", " cambrioleur est ",
              " des gens chez moi ", " entend quelqu un ", " entends quelqu un ", " intrus ", " someone in my house ",
              " someone in my home ", " someone is in my ", " trying to get in ", " breaking in ", " break in ",
              " burglars are ", " burglar is ", " intruder ", " someone downstairs ", " cambriolage en cours "],
             [" cambrioleur ", " cambrioleurs ", " cambriolage ", " voleur ", " voleurs ", " burglar ", " burglars ",
              " burglary ", " thief ", " rodeo ", " vol "]),
            (.medical,
             [" saigne ", " saigner ", " inconscient ", " inconsciente ", " respire plus ", " respire pas ", " ne respire ",
              " bleeding ", " unconscious ", " not breathing ", " overdose ", " crise cardiaque ", " heart attack ",
              " beaucoup de sang ", " perd du sang ", " gravement blesse ", " badly hurt ", " seriously injured "],
             [" blesse ", " blessee ", " blesses ", " injured ", " malaise ", " sang ", " blood ", " hurt "]),
            (.fire,
             [" au feu ", " incendie ", " en feu ", " fumee ", " odeur de gaz ", " fuite de gaz ", " on fire ", " smoke ",
              " gas leak ", " smell gas ", " brule ", " flammes ", " flames ", " se noie ", " drowning "],
             [" feu ", " fire ", " accident ", " gaz ", " gas "]),
        ]
    }
}

import Foundation
