import Foundation

/// Why a citizen books an appointment (the RDV Service Public "motif").
///
/// Raw values are the stable identifiers used in JSON, in the database and on
/// the command line.
public enum Motif: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// File a plainte (criminal complaint).
    case plainte
    /// Make a main courante (a dated statement in the station's register, no investigation).
    case mainCourante = "main-courante"
    /// Have a procuration (proxy vote) checked and validated.
    case procuration
    /// Collect an object (restitution d'objet) held by the station.
    case restitutionObjet = "restitution-objet"
    /// Anything else agreed with the station.
    case autre
    /// File a plainte over a video call (the visio-plainte pilot): the
    /// booking carries a meeting link instead of a visit to the counter.
    case visioPlainte = "visio-plainte"

    /// Parses a raw identifier (e.g. `"main-courante"`); `nil` when unknown.
    public init?(identifier: String) {
        self.init(rawValue: identifier.lowercased())
    }

    /// Whether the appointment is a video call rather than a visit (only ``visioPlainte``).
    public var isRemote: Bool { self == .visioPlainte }

    /// The default rules of this motif (see ``MotifRules``).
    public var defaultRules: MotifRules { MotifRules.defaults(for: self) }

    /// A short human name in French and English.
    public var name: LocalizedText {
        switch self {
        case .plainte: return LocalizedText("Déposer une plainte", en: "File a complaint (plainte)")
        case .mainCourante: return LocalizedText("Faire une main courante", en: "Make a statement (main courante)")
        case .procuration: return LocalizedText("Faire valider une procuration", en: "Have a voting proxy (procuration) validated")
        case .restitutionObjet: return LocalizedText("Récupérer un objet", en: "Collect an object")
        case .autre: return LocalizedText("Autre démarche", en: "Other matter")
        case .visioPlainte: return LocalizedText("Porter plainte en visio (visio-plainte)", en: "File a complaint by video call (visio-plainte)")
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// How a ``Motif`` is booked: length, documents to bring, anonymity and
/// what the citizen may change afterwards.
public struct MotifRules: Hashable, Sendable, Codable {
    /// Length of one appointment, in minutes (1…480).
    public var durationMinutes: Int
    /// What to bring, in French and English, shown on confirmation and in the calendar entry.
    public var documents: [LocalizedText]
    /// Whether a booking without any contact detail is accepted.
    public var anonymousAllowed: Bool
    /// Whether the citizen may cancel or move the booking themselves.
    public var citizenMayChange: Bool
    /// How long before the start the citizen may still cancel or move, in minutes
    /// (e.g. 60: no change during the last hour).
    public var changeNoticeMinutes: Int

    /// Creates rules; durations and notices are clamped to sane bounds
    /// (duration 1…480 minutes, notice ≥ 0).
    public init(durationMinutes: Int, documents: [LocalizedText], anonymousAllowed: Bool = true,
                citizenMayChange: Bool = true, changeNoticeMinutes: Int = 60) {
        self.durationMinutes = min(max(durationMinutes, 1), 480)
        self.documents = documents
        self.anonymousAllowed = anonymousAllowed
        self.citizenMayChange = citizenMayChange
        self.changeNoticeMinutes = max(changeNoticeMinutes, 0)
    }

    /// The documented defaults (durations from the usual time at the counter,
    /// documents from the public guidance on what to bring).
    ///
    /// | Motif | Minutes | Anonymous | Citizen may change until |
    /// | --- | --- | --- | --- |
    /// | plainte | 30 | yes | 1 h before |
    /// | main-courante | 30 | yes | 1 h before |
    /// | procuration | 15 | yes | 1 h before |
    /// | restitution-objet | 15 | no (the object is handed to a named person) | 1 h before |
    /// | autre | 30 | yes | 1 h before |
    /// | visio-plainte | 45 | yes (the link is given with the booking) | 1 h before |
    public static func defaults(for motif: Motif) -> MotifRules {
        let identity = LocalizedText("Une pièce d'identité", en: "An identity document")
        switch motif {
        case .plainte:
            return MotifRules(durationMinutes: 30, documents: [
                identity,
                LocalizedText("Tout ce qui prouve les faits : photos, captures d'écran, factures, relevés de banque, certificat médical",
                              en: "Anything that shows what happened: photos, screenshots, invoices, bank statements, medical certificate"),
                LocalizedText("Les noms et coordonnées des témoins", en: "Names and contact details of witnesses"),
                LocalizedText("L'identité de l'auteur si vous la connaissez", en: "Who did it, if you know"),
            ])
        case .mainCourante:
            return MotifRules(durationMinutes: 30, documents: [
                identity,
                LocalizedText("Un récit précis des faits, avec la date", en: "A precise account of what happened, with the date"),
                LocalizedText("L'identité de la personne en cause si vous la connaissez", en: "Who is involved, if you know"),
            ])
        case .procuration:
            return MotifRules(durationMinutes: 15, documents: [
                identity,
                LocalizedText("La référence de votre demande Maprocuration, ou le formulaire Cerfa rempli",
                              en: "Your Maprocuration request reference, or the completed Cerfa form"),
            ])
        case .restitutionObjet:
            return MotifRules(durationMinutes: 15, documents: [
                identity,
                LocalizedText("Le courrier ou le message qui vous invite à venir", en: "The letter or message asking you to come"),
                LocalizedText("Une preuve que l'objet est à vous (facture, photo)", en: "Proof that the object is yours (invoice, photo)"),
            ], anonymousAllowed: false)
        case .autre:
            return MotifRules(durationMinutes: 30, documents: [identity])
        case .visioPlainte:
            return MotifRules(durationMinutes: 45, documents: [
                identity,
                LocalizedText("Un ordinateur, une tablette ou un téléphone avec caméra et micro, et un endroit calme où parler librement",
                              en: "A computer, tablet or phone with camera and microphone, and a quiet place where you can speak freely"),
                LocalizedText("Vos preuves en fichiers (photos, captures d'écran, factures, relevés de banque) pour les montrer ou les envoyer",
                              en: "Your evidence as files (photos, screenshots, invoices, bank statements) to show or send"),
                LocalizedText("Les noms et coordonnées des témoins", en: "Names and contact details of witnesses"),
            ])
        }
    }
}
