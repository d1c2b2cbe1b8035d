import Foundation
import MaSecurite

/// The interactive guichet in the terminal: choose a journey or type the
/// situation in your own words, answer the orienteur's questions, give a
/// postal code, read the full guidance, and book a slot if you wish.
///
/// Works the same with piped standard input (scripted runs): each answer read
/// is echoed after its prompt, and the end of input ends the session cleanly
/// with exit code 0.
enum GuichetInteractive {
    static let command = CommandSpec(
        path: ["guichet"],
        summary: "The interactive guichet (also what 'masecurite' runs without arguments).",
        discussion: """
        Choose a journey by its number or type your situation in your own words; answer the
        questions by number (b: back, r: restart, q: quit); give your postal code or commune;
        read what to do; book a slot if one is offered (stored in the bookings file).
        Scripted use: printf '1\\n3\\n2\\n2\\n33000\\n\\nn\\n' | masecurite guichet
        """,
        options: [GuichetCommands.langOption, AppointmentsCommands.storeOption, usageStoreOption]
    ) { arguments, context in
        let language = try arguments.choice(CLILanguage.option, from: ["fr", "en"]).flatMap(Language.init(rawValue:)) ?? .french
        let store: any BookingStore
        do {
            store = try AppointmentsCommands.openStore(arguments, context, .create) ?? InMemoryBookingStore()
        } catch let error as UsageError {
            throw error
        } catch {
            // The guidance does not need the file; only a booking would be lost at exit, so say it plainly.
            context.console.errorLine("note: \(error); bookings made now will not be kept after this session")
            store = InMemoryBookingStore()
        }
        let guichet = try GuichetSupport.guichet(store: store, context: context)
        let analytics = try usageAnalytics(arguments, context, content: guichet.content)
        var session = Session(guichet: guichet, console: context.console, language: language, analytics: analytics)
        await session.run()
        return 0
    }

    static let usageStoreOption = OptionSpec("usage-store", .value(placeholder: "PATH"),
                                             help: "Count each leaf shown (leaf id and hour only) in this SQLite file, the one 'masecurite stats fiches --store' reads. Nothing is counted without it.")

    /// The usage recorder for `--usage-store`, `nil` without it (the guichet counts nothing by default).
    static func usageAnalytics(_ arguments: ParsedArguments, _ context: CommandContext, content: OrienteurContent) throws -> UsageRecordingAnalytics? {
        guard arguments.value(usageStoreOption) != nil else { return nil }
        let path = try DataFile.path(arguments, option: usageStoreOption, name: "local-information.sqlite", kept: "nothing would be counted", context)
        _ = try DataFile.prepare(path, create: true, what: "the usage file")
        let store: SQLiteLocalInformationStore
        do { store = try SQLiteLocalInformationStore(path: path) } catch { throw OperationError("cannot open \(path): \(error)") }
        return UsageRecordingAnalytics(store: store, content: content, clock: context.clock, channel: .guichet)
    }

    /// The end of standard input or a `q`: leave quietly.
    struct Quit: Error {}

    struct Session {
        let guichet: Guichet
        let console: any Console
        let language: Language
        /// Counts the leaves shown (`--usage-store`); `nil` counts nothing.
        let analytics: UsageRecordingAnalytics?

        private func t(_ french: String, _ english: String) -> String { language == .french ? french : english }

        /// "In danger now, call …; if you cannot speak, text …", with the numbers of the content's
        /// emergency answers (`numbers.json`), never written in the code.
        private func dangerNotice() -> String {
            let detector = guichet.orienteur.emergencyDetector
            let calls = detector.actions(for: [.callForHelp]).filter { $0.kind == "call" }.map(\.value)
            let texts = detector.actions(for: [.cannotSpeak]).filter { $0.kind == "sms" }.map(\.value)
            let or = t(" ou le ", " or ")
            var notice = t("En cas de danger immédiat, appelez le ", "If you are in danger now, call ") + calls.joined(separator: or) + "."
            if !texts.isEmpty {
                notice += t(" Si vous ne pouvez pas parler, envoyez un SMS au ", " If you cannot speak, text ") + texts.joined(separator: or) + "."
            }
            return notice
        }

        mutating func run() async {
            console.line(t("Bienvenue au guichet Ma Sécurité.", "Welcome to the Ma Sécurité guichet."))
            console.line(dangerNotice())
            do {
                while true {
                    try await oneSituation()
                    console.line("")
                    let again = try ask(t("Avez-vous une autre situation ? (o/n)", "Do you have another situation? (y/n)"))
                    guard ["o", "oui", "y", "yes"].contains(again.lowercased()) else { break }
                }
            } catch {
                // End of input or quit.
            }
            console.line(t("Au revoir. Prenez soin de vous.", "Goodbye. Take care."))
        }

        /// Prints `prompt`, reads a line (echoed when input is not a terminal), trims it.
        /// - Throws: ``Quit`` at the end of input or on `q`.
        func ask(_ prompt: String) throws(Quit) -> String {
            console.write(prompt + "\n> ")
            guard let line = console.readLine() else {
                console.line("")
                throw Quit()
            }
            if !console.isInteractive { console.line(line) }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if answer.lowercased() == "q" { throw Quit() }
            return answer
        }

        private func oneSituation() async throws(Quit) {
            let journeys = guichet.content.journeys
            console.line("")
            console.line(t("Que voulez-vous faire ?", "What do you want to do?"))
            for (index, journey) in journeys.enumerated() {
                console.line("  \(index + 1). \(journey.title.text(in: language)) — \(journey.description.text(in: language))")
            }
            var first = ""
            while first.isEmpty {
                first = try ask(t("Tapez un numéro, ou écrivez votre situation avec vos mots (q pour quitter).",
                                  "Type a number, or describe your situation in your own words (q to quit)."))
            }
            var facts = Situation()
            let leafID: String
            if let number = Int(first), journeys.indices.contains(number - 1) {
                guard let reached = try walk(journey: journeys[number - 1].id) else { return }
                leafID = reached
            } else {
                let guidance: Guidance
                do { guidance = try await guichet.guidance(for: first, language: language) } catch {
                    console.line(error.description)
                    return
                }
                if guidance.emergency != nil {
                    console.line("")
                    console.write(GuichetRendering(language: language).render(guidance))
                    return
                }
                guard let chosen = try pick(from: guidance) else { return }
                leafID = chosen
                facts = guichet.facts(statedIn: first)
            }
            let place = try askPlace()
            var guidance: Guidance
            var inputEnded = false
            do {
                guidance = try await guichet.guidance(forLeaf: leafID, at: place, language: language, facts: facts)
                if guidance.emergency == nil {
                    (facts, inputEnded) = askMissingFacts(guidance, facts: facts)
                    guidance = try await guichet.guidance(forLeaf: leafID, at: place, language: language, facts: facts)
                }
            } catch {
                console.line(error.description)
                return
            }
            console.line("")
            console.write(GuichetRendering(language: language).render(guidance))
            if guidance.emergency == nil { await analytics?.record(.leafReached(leafID: leafID)) }
            // The answers so far still deserve the full guidance, even if the input ended during the optional questions.
            if inputEnded { throw Quit() }
            try await offerBooking(guidance)
        }

        /// Walks the orienteur's tree; returns the leaf reached, or `nil` if the citizen went back to the start.
        private func walk(journey: String) throws(Quit) -> String? {
            var session = guichet.orienteur.session()
            do { try session.start(journey: journey) } catch { return nil }
            while true {
                switch session.position {
                case .leaf(let leaf):
                    return leaf.id
                case .choosingJourney:
                    return nil
                case .question(let node):
                    console.line("")
                    console.line(node.question.text(in: language))
                    if let help = node.help { console.line(help.text(in: language)) }
                    for (index, choice) in node.choices.enumerated() {
                        console.line("  \(index + 1). \(choice.label.text(in: language))")
                    }
                    let answer = try ask(t("Votre choix (b : retour, r : recommencer, q : quitter)", "Your choice (b: back, r: restart, q: quit)"))
                    switch answer.lowercased() {
                    case "b":
                        if !session.back() || session.position == .choosingJourney { return nil }
                    case "r":
                        return nil
                    default:
                        guard let number = Int(answer), node.choices.indices.contains(number - 1) else {
                            console.line(t("Tapez un numéro entre 1 et \(node.choices.count).", "Type a number from 1 to \(node.choices.count)."))
                            continue
                        }
                        do { try session.choose(number - 1) } catch { console.line(error.description) }
                    }
                }
            }
        }

        /// Shows the orientation found for a sentence and the other leaves; returns the one chosen.
        private func pick(from guidance: Guidance) throws(Quit) -> String? {
            var options: [(id: String, title: String)] = []
            if let orientation = guidance.orientation { options.append((orientation.leafID, orientation.title)) }
            for candidate in guidance.alternatives where candidate.kind == "leaf" && options.count < 4 {
                options.append((candidate.id, candidate.title))
            }
            guard !options.isEmpty else {
                console.write(GuichetRendering(language: language).render(guidance))
                return nil
            }
            console.line("")
            console.line(t("Voici ce que nous avons compris. Quelle phrase décrit le mieux votre situation ?",
                           "Here is what we understood. Which one describes your situation best?"))
            for (index, option) in options.enumerated() { console.line("  \(index + 1). \(option.title)") }
            console.line("  0. " + t("Aucune : choisir un parcours", "None: choose a journey"))
            while true {
                let answer = try ask(t("Votre choix", "Your choice"))
                if answer == "0" { return nil }
                if answer.isEmpty { return options[0].id }
                if let number = Int(answer), options.indices.contains(number - 1) { return options[number - 1].id }
                console.line(t("Tapez un numéro entre 0 et \(options.count).", "Type a number from 0 to \(options.count)."))
            }
        }

        private func askPlace() throws(Quit) -> Place? {
            for _ in 0..<3 {
                let answer = try ask(t("Votre code postal ou votre commune (Entrée pour passer)", "Your postal code or town (Enter to skip)"))
                if answer.isEmpty { return nil }
                do {
                    let place = try Place(parsing: answer)
                    _ = try guichet.resolve(place)
                    return place
                } catch {
                    console.line(String(describing: error))
                }
            }
            return nil
        }

        /// Asks the yes/no and choice facts the online services still need (Enter skips one).
        /// Returns the facts and whether the input ended (or the citizen quit) meanwhile.
        private func askMissingFacts(_ guidance: Guidance, facts: Situation) -> (Situation, ended: Bool) {
            var facts = facts
            var asked = Set<String>()
            let missing = guidance.steps.compactMap(\.teleservice).flatMap(\.missing)
            for fact in missing where !asked.contains(fact.name) && (fact.type == "bool" || fact.type == "enum") && asked.count < 4 {
                asked.insert(fact.name)
                if asked.count == 1 {
                    console.line("")
                    console.line(t("Quelques questions pour savoir quels services en ligne vous conviennent :",
                                   "A few questions to know which online services fit:"))
                }
                console.line(fact.question)
                let choices: [(String, FactValue)] = fact.type == "bool"
                    ? [(t("Oui", "Yes"), .bool(true)), (t("Non", "No"), .bool(false))]
                    : fact.choices.map { ($0.label, .enumValue($0.id)) }
                for (index, choice) in choices.enumerated() { console.line("  \(index + 1). \(choice.0)") }
                console.line("  0. " + t("Je ne sais pas", "I don't know"))
                let answer: String
                do { answer = try ask(t("Votre réponse (Entrée pour passer)", "Your answer (Enter to skip)")) } catch {
                    return (facts, true)
                }
                if answer == "0" {
                    facts = facts.settingDontKnow(fact.name)
                } else if let number = Int(answer), choices.indices.contains(number - 1) {
                    facts = facts.setting(fact.name, to: choices[number - 1].1)
                }
            }
            return (facts, false)
        }

        private func offerBooking(_ guidance: Guidance) async throws(Quit) {
            let slots = guidance.steps.compactMap(\.stations).first?.stations.flatMap(\.firstSlots).prefix(6) ?? []
            guard !slots.isEmpty, let stations = guidance.steps.compactMap(\.stations).first?.stations else { return }
            let rendering = GuichetRendering(language: language)
            console.line("")
            console.line(t("Vous pouvez réserver un créneau (sans donner votre nom) :", "You can book a slot (no name needed):"))
            for (index, slot) in slots.enumerated() {
                let name = stations.first { $0.id == slot.stationID }?.name ?? slot.stationID
                console.line("  \(index + 1). \(rendering.when(slot.start, in: TimeZone(identifier: slot.timeZone) ?? .gmt)) — \(name)")
            }
            let answer = try ask(t("Numéro du créneau, ou Entrée pour ne pas réserver", "Slot number, or Enter not to book"))
            guard let number = Int(answer), slots.indices.contains(slots.startIndex + number - 1) else { return }
            let slot = slots[slots.startIndex + number - 1]
            do {
                let booking = try await guichet.book(slot, idempotencyKey: UUID().uuidString)
                let name = stations.first { $0.id == slot.stationID }?.name ?? slot.stationID
                console.line(t("C'est réservé.", "Booked."))
                console.line(t("Code de confirmation : ", "Confirmation code: ") + booking.code.formatted)
                console.line(t("Rendez-vous : ", "Appointment: ") + rendering.when(booking.start, in: TimeZone(identifier: slot.timeZone) ?? .gmt) + " — " + name)
                console.line(t("Gardez ce code pour annuler : masecurite appointments cancel ", "Keep this code to cancel: masecurite appointments cancel ")
                             + booking.code.formatted)
            } catch {
                console.line(t("La réservation n'a pas pu être faite : ", "The booking failed: ") + error.description)
            }
        }
    }
}
