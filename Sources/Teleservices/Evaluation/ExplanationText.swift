/// The sentences the evaluator writes itself (the rules' own reasons come from
/// the catalog). Plain words, French and English.
enum ExplanationText {
    static func fits(_ service: Teleservice) -> LocalizedText {
        LocalizedText(
            "« \(service.name.french) » correspond à votre situation : \(lowercasedFirst(service.purpose.french)).",
            en: "\(service.name.text(in: .english)) fits your situation: \(lowercasedFirst(service.purpose.text(in: .english))).")
    }

    static func authentication(_ service: Teleservice) -> LocalizedText? {
        let methods = service.authentication.filter { $0 != .none }
        guard !methods.isEmpty else {
            return service.anonymityPossible
                ? LocalizedText("Vous pouvez rester anonyme.", en: "You may stay anonymous.")
                : nil
        }
        let french = methods.map { $0.label.french }.joined(separator: " ou ")
        let english = methods.map { $0.label.text(in: .english) }.joined(separator: " or ")
        return LocalizedText("Il faudra vous identifier avec \(french).", en: "You will need to sign in with \(english).")
    }

    static func needsAnswers(_ name: LocalizedText) -> LocalizedText {
        LocalizedText("Pour savoir si « \(name.french) » vous convient, il nous faut encore quelques réponses.",
                      en: "We need a few more answers to know whether \(name.text(in: .english)) fits your situation.")
    }

    static func mayFit(_ name: LocalizedText) -> LocalizedText {
        LocalizedText("« \(name.french) » peut vous convenir : cela dépend d'une réponse que vous n'avez pas encore. "
                      + "Vous pouvez commencer la démarche, ou demander conseil au commissariat ou à la brigade.",
                      en: "\(name.text(in: .english)) may fit your situation: it depends on an answer you do not have yet. "
                      + "You can start it, or ask for advice at a police or gendarmerie station.")
    }

    static func notKnownYet(_ question: LocalizedText) -> LocalizedText {
        LocalizedText("Vous ne savez pas encore : « \(question.french) »",
                      en: "You do not know yet: “\(question.text(in: .english))”")
    }

    static func replaced(_ name: LocalizedText, by replacement: LocalizedText) -> LocalizedText {
        LocalizedText("« \(name.french) » n'existe plus : utilisez « \(replacement.french) » à la place.",
                      en: "\(name.text(in: .english)) no longer exists: use \(replacement.text(in: .english)) instead.")
    }

    static func notYetOpen(_ name: LocalizedText, opening: LocalDate) -> LocalizedText {
        LocalizedText("« \(name.french) » n'est pas encore ouvert à cette date (ouverture le \(opening)).",
                      en: "\(name.text(in: .english)) is not open yet on that date (it opens on \(opening)).")
    }

    static func closed(_ name: LocalizedText) -> LocalizedText {
        LocalizedText("« \(name.french) » n'est plus proposé à cette date.",
                      en: "\(name.text(in: .english)) is no longer offered on that date.")
    }

    static func onlyIn(_ name: LocalizedText, _ codes: [DepartementCode]) -> LocalizedText {
        let list = codes.map(\.rawValue).joined(separator: ", ")
        return LocalizedText("« \(name.french) » n'est proposé que dans certains départements (\(list)), pas dans le vôtre.",
                             en: "\(name.text(in: .english)) is only offered in some départements (\(list)), not in yours.")
    }

    static func tooYoung(_ name: LocalizedText, minimum: Int) -> LocalizedText {
        LocalizedText("« \(name.french) » est réservé aux personnes de \(minimum) ans ou plus.",
                      en: "\(name.text(in: .english)) is only for people aged \(minimum) or over.")
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
