import OrienteurKit

/// A messaging bot's brain, with no memory of its own: each turn takes the
/// message and the token the platform stored for this conversation, and
/// returns the reply and the token to store. Any instance (or any server of a
/// cluster) can answer any turn.
struct Bot: Sendable {
    let orienteur: Orienteur
    let language: Language

    /// One reply, and the token to keep for the next message (`nil`: start afresh).
    struct Reply: Sendable {
        let lines: [String]
        let token: String?
    }

    private func t(_ french: String, _ english: String) -> String { language == .french ? french : english }

    func reply(to message: String, token: String?) -> Reply {
        let text = message.trimmingCharacters(in: .whitespaces)
        // 1. Danger first, on every message, whatever the conversation state.
        if let alert = orienteur.emergencyDetector.detect(text) {
            var lines = [t("URGENCE : ", "EMERGENCY: ") + alert.reason.explanation(in: language)]
            lines += alert.actions.map { describe($0) }
            lines.append(t("Si vous ne pouvez pas parler, envoyez un SMS au 114.", "If you cannot speak, text 114."))
            return Reply(lines: lines, token: token)
        }
        // 2. Restore the conversation from the token alone.
        var session = orienteur.session()
        if let token {
            do { session = try orienteur.session(token: token) } catch {
                return Reply(lines: [t("Reprenons depuis le début.", "Let us start again.")] + menu(), token: nil)
            }
        }
        if text.isEmpty || ["bonjour", "hello", "menu", "recommencer", "restart"].contains(text.lowercased()) {
            return Reply(lines: menu(), token: nil)
        }
        if ["retour", "back", "b"].contains(text.lowercased()) {
            _ = session.back()
            return show(session)
        }
        // 3. A number answers the current question (or picks a journey).
        if let number = Int(text) {
            switch session.position {
            case .choosingJourney:
                let journeys = orienteur.content.journeys
                guard journeys.indices.contains(number - 1) else { return Reply(lines: menu(), token: nil) }
                do { try session.start(journey: journeys[number - 1].id) } catch { return Reply(lines: menu(), token: nil) }
                return show(session)
            case .question(let node):
                do { try session.choose(number - 1) } catch {
                    return Reply(lines: [t("Répondez par un numéro de 1 à \(node.choices.count).",
                                           "Answer with a number from 1 to \(node.choices.count).")], token: session.token)
                }
                return show(session)
            case .leaf:
                return Reply(lines: menu(), token: nil)
            }
        }
        // 4. Own words: search.
        let answer = orienteur.ask(text, language: language, limit: 3)
        guard let best = answer.results.first(where: { $0.kind == .leaf }), let leaf = orienteur.content.leaf(best.id) else {
            return Reply(lines: [t("Je n'ai pas compris. Choisissez un parcours :", "I did not understand. Pick a journey:")] + menu(), token: nil)
        }
        return Reply(lines: [t("Je pense que c'est ceci :", "I think this is it:")] + describe(leaf), token: nil)
    }

    private func menu() -> [String] {
        [t("Bonjour, je suis l'assistant Ma Sécurité. Tapez un numéro ou décrivez votre situation :",
           "Hello, I am the Ma Sécurité assistant. Type a number or describe your situation:")]
            + orienteur.content.journeys.enumerated().map { "\($0.offset + 1). \($0.element.title.text(in: language))" }
    }

    private func show(_ session: OrientationSession) -> Reply {
        switch session.position {
        case .choosingJourney:
            return Reply(lines: menu(), token: nil)
        case .question(let node):
            let lines = [node.question.text(in: language)]
                + node.choices.enumerated().map { "\($0.offset + 1). \($0.element.label.text(in: language))" }
                + [t("(retour : revenir en arrière)", "(back: go back)")]
            return Reply(lines: lines, token: session.token)
        case .leaf(let leaf):
            return Reply(lines: describe(leaf), token: nil)
        }
    }

    private func describe(_ leaf: Leaf) -> [String] {
        [leaf.title.text(in: language), leaf.summary.text(in: language)] + leaf.actions.map { describe($0) }
    }

    private func describe(_ action: Action) -> String {
        switch action {
        case .call(let number), .sms(let number):
            // Number names already show the number as people write it: « Police secours (17) ».
            let name = orienteur.content.number(number)?.name.text(in: language) ?? number
            return "- " + (action.kind == "sms" ? t("SMS : ", "Text: ") : t("Appeler : ", "Call: ")) + name
        case .fiche(let id):
            return "- " + t("Fiche : ", "Guide: ") + (orienteur.content.fiche(id)?.title.text(in: language) ?? id)
        default:
            return "- \(action.description)"
        }
    }
}
