/// The sentences the guichet writes itself, in plain French and English.
enum Text {
    static let notUnderstood = LocalizedText(
        "Nous n'avons pas trouvé de réponse sûre. Choisissez un parcours (Je suis victime, Je signale, Je m'informe) ou écrivez au tchat : un policier ou un gendarme vous répond.",
        en: "We found no sure answer. Pick a journey (I am a victim, I report, I want information) or write to the chat: a police officer or gendarme will answer.")
    static let giveAPlace = LocalizedText(
        "Donnez votre code postal ou votre commune pour voir les commissariats et brigades les plus proches et les créneaux libres.",
        en: "Give your postal code or town to see the nearest police and gendarmerie stations and free slots.")
    static let emergencyNote = LocalizedText(
        "Appelez maintenant. Si vous ne pouvez pas parler, envoyez un SMS au 114. Ne remplissez pas de formulaire : il n'est pas lu en temps réel.",
        en: "Call now. If you cannot speak, text 114. Do not fill in a form: forms are not read in real time.")
    static let chatMinor = LocalizedText(
        "Vous avez moins de 18 ans : l'Espace mineurs vous répond, avec des policiers et gendarmes formés.",
        en: "You are under 18: the space for minors answers you, with trained officers.")
    static let chatVictims = LocalizedText(
        "Pour les violences, le harcèlement, les menaces et les discriminations, des policiers et gendarmes formés vous répondent, jour et nuit.",
        en: "For violence, harassment, threats and discrimination, trained officers answer you, day and night.")
    static let chatGeneral = LocalizedText(
        "Pour une question ou si vous hésitez, un policier ou un gendarme vous répond par écrit, jour et nuit.",
        en: "For a question or if you are unsure, a police officer or gendarme answers you in writing, day and night.")

    static func unknownService(_ id: String) -> LocalizedText {
        LocalizedText("Le service en ligne « \(id) » n'est pas dans le catalogue.", en: "The online service '\(id)' is not in the catalog.")
    }

    /// « Appeler : Police secours (17) » — number names already show the number as people write it.
    static func numberTitle(_ kind: String, _ info: NumberInfo, _ language: Language) -> String {
        let known = info.name != info.number
        switch (kind, language) {
        case ("sms", .french): return known ? "Envoyer un SMS : \(info.name)" : "Envoyer un SMS au \(info.number)"
        case ("sms", .english): return known ? "Text: \(info.name)" : "Text \(info.number)"
        case (_, .french): return known ? "Appeler : \(info.name)" : "Appeler le \(info.number)"
        case (_, .english): return known ? "Call: \(info.name)" : "Call \(info.number)"
        }
    }

    static func visitTitle(_ motif: String, _ language: Language) -> String {
        language == .french ? "Aller au commissariat ou à la brigade : \(motif.lowercased())" : "Go to a police or gendarmerie station: \(motif)"
    }

    static func appointmentTitle(_ motif: String, _ language: Language) -> String {
        language == .french ? "Prendre rendez-vous : \(motif.lowercased())" : "Book an appointment: \(motif)"
    }
}
