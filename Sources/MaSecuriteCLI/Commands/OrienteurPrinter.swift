import Appointments
import Foundation
import OrienteurKit
import Teleservices

/// Prints orienteur answers for a person at a terminal: actions in full
/// (numbers with purpose and hours, documents to bring, fiche titles).
struct OrienteurPrinter {
    let content: OrienteurContent
    let language: Language
    let console: any Console

    var french: Bool { language == .french }

    /// The bundled teleservices catalog, to name online services (`nil` if it cannot be read).
    static let catalog: TeleserviceCatalog? = try? TeleserviceCatalog.bundled()

    func emergency(_ alert: EmergencyAlert) {
        console.line(french ? "⚠️  URGENCE — \(alert.reason.explanation(in: language))" : "⚠️  EMERGENCY — \(alert.reason.explanation(in: language))")
        for action in alert.actions { console.line("   \(describe(action))") }
        console.line()
    }

    func result(_ result: SearchResult, rank: Int) {
        let kind: String
        switch result.kind {
        case .leaf: kind = french ? "orientation" : "orientation"
        case .fiche: kind = french ? "fiche" : "guide"
        case .teleservice: kind = french ? "service en ligne" : "online service"
        }
        // Ids and scores stay in --json: a person reads the title and what it is.
        console.line("\(rank). \(result.title) (\(kind))")
        let actions = result.actions.compactMap { try? Action(parsing: $0) }
        for action in actions { console.line("     → \(describe(action))") }
        if !result.matched.isEmpty {
            console.line("     " + (french ? "mots reconnus : " : "matched: ") + result.matched.joined(separator: ", "))
        }
    }

    /// A leaf in full: summary, body, actions, documents.
    func leaf(_ leaf: Leaf) {
        console.line()
        console.line("== \(leaf.title.text(in: language)) ==")
        console.line(leaf.summary.text(in: language))
        if let body = leaf.body { console.line(body.text(in: language)) }
        console.line()
        console.line(french ? "Que faire :" : "What to do:")
        for (offset, action) in leaf.actions.enumerated() { console.line("  \(offset + 1). \(describe(action))") }
        for id in leaf.documents {
            guard let list = content.documentList(id) else { continue }
            console.line()
            console.line((french ? "À apporter — " : "What to bring — ") + list.title.text(in: language) + " :")
            for item in list.items { console.line("  • \(item.text(in: language))") }
            if let duration = list.duration { console.line("  " + (french ? "Durée : " : "Time: ") + duration.text(in: language)) }
        }
    }

    /// One action in full, in the session's language.
    func describe(_ action: Action) -> String {
        switch action {
        case .call(let number), .sms(let number):
            let verb = action.kind == "call" ? (french ? "Appelez le" : "Call") : (french ? "Envoyez un SMS au" : "Text")
            guard let entry = content.number(number) else { return "\(verb) \(number)" }
            var line = "\(verb) \(number) — \(entry.name.text(in: language)) : \(entry.purpose.text(in: language)) (\(entry.hours.text(in: language))"
            if entry.free { line += french ? ", gratuit" : ", free" }
            return line + ")"
        case .teleservice(let id):
            // The catalog's name and address; the id only if the catalog does not know it.
            if let service = OrienteurPrinter.catalog?.service(id: id) {
                return (french ? "En ligne : " : "Online: ") + "\(service.name.text(in: language)) — \(service.url.absoluteString)"
            }
            return (french ? "En ligne : service « \(id) »" : "Online: service '\(id)'")
        case .visit(let motif):
            let reason = Motif(identifier: motif)?.name.text(in: language) ?? motif
            return french ? "Rendez-vous au commissariat ou à la brigade de gendarmerie (motif : \(reason))"
                : "Go to a police station or gendarmerie brigade (reason: \(reason))"
        case .appointment(let motif):
            let reason = Motif(identifier: motif)?.name.text(in: language) ?? motif
            return french ? "Prenez rendez-vous (motif : \(reason))" : "Book an appointment (reason: \(reason))"
        case .fiche(let id):
            let title = content.fiche(id)?.title.text(in: language) ?? id
            return (french ? "Lisez la fiche : " : "Read the guide: ") + "« \(title) »"
        case .partner(let id):
            guard let partner = content.partner(id) else { return (french ? "Contactez : " : "Contact: ") + id }
            var line = (french ? "Contactez : " : "Contact: ") + "\(partner.name.text(in: language)) — \(partner.description.text(in: language))"
            if let url = partner.url { line += " (\(url))" }
            return line
        case .link(let url):
            return (french ? "Site : " : "Website: ") + url
        }
    }
}

/// The interactive walk of `masecurite orient`.
struct OrientWalk {
    let orienteur: Orienteur
    let language: Language
    let console: any Console

    func run() {
        let printer = OrienteurPrinter(content: orienteur.content, language: language, console: console)
        let french = language == .french
        var session = orienteur.session()
        console.line(french ? "Ma Sécurité — orienteur. Tapez un numéro ; b = retour, r = recommencer, q = quitter."
                            : "Ma Sécurité — orienteur. Type a number; b = back, r = restart, q = quit.")
        var showStep = true
        while true {
            if showStep {
                show(session, printer: printer)
                showStep = false
            }
            if console.isInteractive { console.write("> ") }
            guard let raw = console.readLine() else { return }
            let input = raw.trimmingCharacters(in: .whitespaces).lowercased()
            switch input {
            case "": continue
            case "q", "quit", "quitter": return
            case "b", "back", "retour":
                if !session.back() { console.line(french ? "Vous êtes déjà au début." : "You are already at the start.") }
                showStep = true
            case "r", "restart", "recommencer":
                session.restart()
                showStep = true
            default:
                guard let number = Int(input) else {
                    console.line(french ? "Tapez un numéro, b, r ou q." : "Type a number, b, r or q.")
                    continue
                }
                do {
                    try session.choose(number - 1)
                    showStep = true
                } catch {
                    console.line(french ? "Ce choix n'existe pas." : "That choice does not exist.")
                }
            }
        }
    }

    private func show(_ session: OrientationSession, printer: OrienteurPrinter) {
        let french = language == .french
        switch session.position {
        case .choosingJourney:
            console.line()
            console.line(french ? "Que souhaitez-vous faire ?" : "What would you like to do?")
            for (offset, journey) in orienteur.content.journeys.enumerated() {
                console.line("  \(offset + 1). \(journey.title.text(in: language)) — \(journey.description.text(in: language))")
            }
        case .question(let node):
            console.line()
            let crumbs = session.breadcrumb.dropLast().compactMap { $0.choice?.text(in: language) }
            if !crumbs.isEmpty { console.line("[" + crumbs.joined(separator: " › ") + "]") }
            console.line(node.question.text(in: language))
            if let help = node.help { console.line("  (\(help.text(in: language)))") }
            for (offset, choice) in node.choices.enumerated() { console.line("  \(offset + 1). \(choice.label.text(in: language))") }
        case .leaf(let leaf):
            printer.leaf(leaf)
            console.line()
            console.line(french ? "b = retour, r = recommencer, q = quitter" : "b = back, r = restart, q = quit")
        }
    }
}
