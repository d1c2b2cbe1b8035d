import Foundation
import MaSecurite

/// `masecurite guide` (the whole answer for a sentence or a leaf, in one go)
/// and the interactive guichet that `masecurite` runs without arguments.
enum GuichetCommands: CommandArea {
    static var commands: [CommandSpec] { [guide, GuichetInteractive.command] }

    static let langOption = OptionSpec("lang", .value(placeholder: "fr|en"), help: "Language of the answer (default: guessed from the sentence, French otherwise).")

    static let guide = CommandSpec(
        path: ["guide"],
        summary: "The full guidance for a situation: emergency first, online services, nearest stations, slots, documents, chat.",
        discussion: """
        Give the situation in your own words, or --leaf with an orientation id of the orienteur.
        Give where you are with --postal-code, --commune, --department or --lat/--lon to see the
        nearest stations, their hours and free slots, and the online services offered there.
        Answers you already know can be given with --fact (see 'masecurite teleservices check --help').
        Examples:
          masecurite guide "on m'a volé mon vélo devant la gare" --postal-code 33000
          masecurite guide "someone is hitting me right now" --lang en --json
          masecurite guide --leaf a-vol-inconnu --commune "st etienne" --fact victim_is_minor=false
          masecurite guide --leaf gironde-velo --content ./my-content --postal-code 33000   (preview local content)
        """,
        positionals: [PositionalSpec("SENTENCE", help: "The situation in your own words (quoted or as several words).",
                                     optional: true, variadic: true)],
        options: [
            leafOption,
            PlaceOptions.postalCodeOption,
            PlaceOptions.communeOption,
            PlaceOptions.departmentOption,
            PlaceOptions.latOption,
            PlaceOptions.lonOption,
            dateOption,
            factOption,
            langOption,
            contentOption,
            catalogOption,
            AppointmentsCommands.storeOption,
            .json,
        ]
    ) { arguments, context in
        let sentence = arguments.positionals.isEmpty ? nil : arguments.positionals.joined(separator: " ")
        let leaf = arguments.value(GuichetCommands.leafOption)
        guard (sentence == nil) != (leaf == nil) else {
            throw UsageError("give either a SENTENCE or --leaf ID")
        }
        let language = try arguments.choice(GuichetCommands.langOption, from: ["fr", "en"]).flatMap(Language.init(rawValue:))
        let place = try place(arguments)
        let date = try arguments.date(GuichetCommands.dateOption)
        // Reading the bookings file is not needed to list free slots when it does not exist yet.
        let store = try AppointmentsCommands.openStore(arguments, context, .read) ?? InMemoryBookingStore()
        let guichet = try GuichetSupport.guichet(store: store, context: context, contentDirectory: arguments.value(GuichetCommands.contentOption),
                                                 catalogDirectory: arguments.value(GuichetCommands.catalogOption))
        let facts = try GuichetSupport.facts(arguments.values(GuichetCommands.factOption), catalog: guichet.catalog)
        let guidance: Guidance
        do {
            if let leaf {
                guidance = try await guichet.guidance(forLeaf: leaf, at: place, on: date, language: language ?? .french, facts: facts)
            } else {
                guidance = try await guichet.guidance(for: sentence ?? "", at: place, on: date, language: language, facts: facts)
            }
        } catch let error as GuichetError {
            switch error {
            case .unknownLeaf, .emptySentence, .sentenceTooLong, .invalidFact: throw UsageError(error.description)
            case .place(let problem) where problem.isInvalidInput: throw UsageError(error.description)
            case .place, .loading: throw OperationError(error.description)
            }
        }
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(guidance))
        } else {
            context.console.write(GuichetRendering(language: guidance.language).render(guidance))
        }
        return 0
    }

    /// The place options: at most one of postal code, commune, département, or lat+lon.
    static func place(_ arguments: ParsedArguments) throws(UsageError) -> Place? {
        try PlaceOptions.place(arguments, allowingDepartement: true)
    }
}

extension GuichetCommands {
    /// What `masecurite` runs without arguments: the interactive guichet.
    static var interactive: CommandSpec? { GuichetInteractive.command }
}

extension GuichetCommands {
    // The options of its commands, read by value so that a misspelt name does not compile.
    static let leafOption = OptionSpec("leaf", .value(placeholder: "ID"), help: "An orientation (leaf) id instead of a sentence, e.g. a-veh-velo.")
    static let dateOption = OptionSpec("date", .value(placeholder: "ISO8601"), help: "Answer for this instant instead of now, e.g. 2026-03-10T10:00:00+01:00.")
    static let factOption = OptionSpec("fact", .repeatable(placeholder: "name=value"), help: "A fact you know, e.g. author_known=false or age=15 (? for « I don't know »).")
    static let contentOption = OptionSpec("content", .value(placeholder: "DIR"), help: "Use this orienteur content directory instead of the bundled one (to preview local edits).")
    static let catalogOption = OptionSpec("catalog", .value(placeholder: "DIR"), help: "Use this teleservices catalog directory (catalog.json, facts.json) instead of the bundled one.")
}
