import Foundation
import MaSecurite
import OrienteurKit
import Teleservices

/// The `masecurite` commands of this area (registered in MaSecuriteCommandLine):
/// `content validate`, `orient` (interactive walk) and `ask` (free-text search).
enum OrienteurCommands: CommandArea {
    static var groups: [CommandGroup] {
        [CommandGroup("content", summary: "Check the orienteur's content files (tree, fiches, numbers, documents).")]
    }

    static var commands: [CommandSpec] { [validate, evaluate, trainEmergency, trainOrientation, orient, ask] }

    static var bundledData: [BundledDataInfo] {
        let version = (try? BundledContentProvider().loadContent().contentVersion) ?? "missing"
        return [BundledDataInfo(name: "Orienteur content (decision tree, fiches pratiques, numbers)", version: version,
                                source: "Written in plain words for MaSecurite from public facts (Ma Sécurité portal, service-public.fr, helpline sites)",
                                licence: "Original text, same licence as the SDK; the facts it restates are public (Licence Ouverte 2.0 where applicable)")]
    }

    static let languageOption = OptionSpec("lang", .value(placeholder: "fr|en"), help: "Language of the texts (default fr; ask guesses it from the sentence).")

    static func language(_ arguments: ParsedArguments) throws(UsageError) -> Language? {
        try arguments.choice(OrienteurCommands.languageOption, from: ["fr", "en"]).flatMap(Language.init(rawValue:))
    }

    /// The orienteur the guichet uses (content and teleservices), so that `ask` and `guide` agree.
    static func loadOrienteur(_ arguments: ParsedArguments? = nil) throws -> Orienteur {
        try GuichetSupport.orienteur(contentDirectory: arguments?.value(GuichetCommands.contentOption))
    }

    // MARK: content validate

    static let validate = CommandSpec(
        path: ["content", "validate"],
        summary: "Validate orienteur content and report every problem with the path of ids leading to it.",
        discussion: """
        Without PATH, checks the content bundled with the SDK. PATH is a directory holding tree.json and
        optionally fiches.json, numbers.json, documents.json, synonyms.json and partners.json.
        Exit status 1 when there is any error.
        """,
        positionals: [PositionalSpec("PATH", help: "A content directory (default: the bundled content).", optional: true)],
        options: [.json]
    ) { arguments, context in
        let provider: any ContentProvider
        if let path = arguments.positional(0) {
            provider = DirectoryContentProvider(directory: URL(fileURLWithPath: path, isDirectory: true))
        } else {
            provider = BundledContentProvider()
        }
        let content: OrienteurContent
        do { content = try provider.loadContent() } catch { throw OperationError("\(error)") }
        let catalog: TeleserviceCatalog
        do { catalog = try TeleserviceCatalog.bundled() } catch { throw OperationError("cannot load the teleservices catalog: \(error)") }
        var report = ContentValidator(teleserviceIDs: Set(catalog.services.map(\.id))).validate(content)
        // Leaf facts use the catalog's fact vocabulary, which OrienteurKit does not know: read them as the guichet does.
        for problem in Guichet.readLeafFacts(of: content, in: catalog).problems {
            report.errors.append(ValidationIssue(path: "leaves/\(problem.leaf)/facts/\(problem.fact)", message: problem.message))
        }
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(report))
        } else {
            context.console.line("\(report.journeys) journeys, \(report.nodes) questions, \(report.leaves) leaves, \(report.fiches) fiches, max depth \(report.maxDepth) choices after the journey pick")
            if report.errors.isEmpty {
                context.console.line("OK: no problem found (content \(content.contentVersion)).")
            } else {
                context.console.line("\(report.errors.count) problem(s):")
                for issue in report.errors { context.console.line("  \(issue.path): \(issue.message)") }
            }
        }
        return report.errors.isEmpty ? 0 : 1
    }

    // MARK: content evaluate

    static let evaluate = CommandSpec(
        path: ["content", "evaluate"],
        summary: "Score the orienteur on a set of citizen sentences: emergency recall, false alarms, top-3, per category.",
        discussion: """
        FILE is an evaluation set (JSON: {"part": …, "sentences": [{"id", "lang", "category", "text",
        "emergency", "numbers", "accept"}]}), e.g. Tests/MaSecuriteTests/Evaluation/development.json.
        Prints one line per category and the total. --details also lists every sentence answered wrongly
        (use it on a development set only: a held-out set is reported, never read sentence by sentence).
        Exit status 0 whatever the scores; 1 when FILE cannot be read.
        """,
        positionals: [PositionalSpec("FILE", help: "An evaluation set (JSON).")],
        options: [detailsOption, GuichetCommands.contentOption, .json]
    ) { arguments, context in
        guard let path = arguments.positional(0) else { throw UsageError("FILE is missing") }
        let set: EvaluationSet
        do { set = try EvaluationSet.load(from: URL(fileURLWithPath: path)) } catch { throw OperationError("\(error)") }
        let report = try loadOrienteur(arguments).evaluate(set)
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(report))
            return 0
        }
        context.console.line("Orientation evaluation, \(report.part) part: \(report.total.sentences) sentences")
        context.console.line(report.table())
        if arguments.flag(OrienteurCommands.detailsOption) {
            for outcome in report.outcomes where outcome.isMiss {
                let sentence = outcome.sentence
                var problems: [String] = []
                if sentence.emergency && !outcome.alerted { problems.append("missed emergency") }
                if !sentence.emergency && outcome.alerted { problems.append("false alarm \(outcome.actions) \(outcome.why)") }
                if sentence.emergency && outcome.alerted && !outcome.numberFits {
                    problems.append("numbers \(outcome.actions) want \(sentence.numbers.first ?? "") \(outcome.why)")
                }
                if !outcome.topThree { problems.append("top-3 \(outcome.results) want \(sentence.accept)") }
                context.console.line("  \(sentence.id) [\(sentence.category)] \(sentence.text) → \(problems.joined(separator: "; "))")
            }
        }
        return 0
    }

    /// The evaluation sets a model learns from, each with the name kept in the model's `trainedOn`
    /// ("development-5.json (450)"); a held-out part is refused: its score would no longer mean anything.
    static func trainingSets(_ files: [String]) throws -> [(name: String, set: EvaluationSet)] {
        try files.map { path in
            let set: EvaluationSet
            do { set = try EvaluationSet.load(from: URL(fileURLWithPath: path)) } catch { throw OperationError("\(error)") }
            guard set.part != "held-out" else { throw UsageError("\(path) is a held-out part: never train on it") }
            return ("\(URL(fileURLWithPath: path).lastPathComponent) (\(set.sentences.count))", set)
        }
    }

    // MARK: content train-emergency

    static let trainEmergency = CommandSpec(
        path: ["content", "train-emergency"],
        summary: "Learn the emergency model (emergency-model.json) from evaluation sets.",
        discussion: """
        Reads every FILE (evaluation sets, as for 'content evaluate') and the content's leaf examples (those of
        emergency leaves as emergencies, those of leaves without danger as calm), computes each sentence's features
        with the bundled orienteur (its stems, cues of time and person, the leaves found) and learns a logistic model
        that adds the alerts the cue rules miss. Writes it to --output (a content directory's emergency-model.json).
        Never train on a held-out set: its score would no longer mean anything.
        """,
        positionals: [PositionalSpec("FILE", help: "Evaluation sets (JSON) to learn from.", variadic: true)],
        options: [outputOption,
                  thresholdOption, vetoOption, epochsOption, l2Option, textAlertOption, textConfirmOption, textOverruleOption,
                  textNamedDangerOption, textDismissMissingOption,
                  textEpochsOption, textOnlyOption, GuichetCommands.contentOption]
    ) { arguments, context in
        let output = try arguments.required(OrienteurCommands.outputOption)
        let textAlert = try arguments.double(OrienteurCommands.textAlertOption) ?? 0.5
        guard (0.05...0.99).contains(textAlert) else { throw UsageError("--text-alert must be between 0.05 and 0.99, got \(textAlert)") }
        let textConfirm = try arguments.double(OrienteurCommands.textConfirmOption) ?? 0.1
        guard (0...textAlert).contains(textConfirm) else {
            throw UsageError("--text-confirm must be between 0 and --text-alert (\(textAlert)), got \(textConfirm)")
        }
        let textOverrule = try arguments.double(OrienteurCommands.textOverruleOption) ?? TextEmergencyModel.defaultOverrule
        guard (textAlert...1).contains(textOverrule) else {
            throw UsageError("--text-overrule must be between --text-alert (\(textAlert)) and 1, got \(textOverrule)")
        }
        let textNamedDanger = try arguments.double(OrienteurCommands.textNamedDangerOption) ?? TextEmergencyModel.defaultNamedDanger
        guard (textAlert...1).contains(textNamedDanger) else {
            throw UsageError("--text-named-danger must be between --text-alert (\(textAlert)) and 1, got \(textNamedDanger)")
        }
        let textDismissMissing = try arguments.double(OrienteurCommands.textDismissMissingOption)
            ?? min(TextEmergencyModel.defaultDismissMissing, textConfirm)
        guard (0...textConfirm).contains(textDismissMissing) else {
            throw UsageError("--text-dismiss-missing must be between 0 and --text-confirm (\(textConfirm)), got \(textDismissMissing)")
        }
        let textEpochs = try arguments.int(OrienteurCommands.textEpochsOption, in: 1...1_000) ?? 10
        let threshold = try arguments.double(OrienteurCommands.thresholdOption) ?? 0.5
        guard (0.05...0.99).contains(threshold) else { throw UsageError("--threshold must be between 0.05 and 0.99, got \(threshold)") }
        let veto = try arguments.double(OrienteurCommands.vetoOption)
        if let veto, !(0.0...threshold).contains(veto) {
            throw UsageError("--veto must be between 0 and the threshold (\(threshold)), got \(veto)")
        }
        let epochs = try arguments.int(OrienteurCommands.epochsOption, in: 1...100_000) ?? 300
        let l2 = try arguments.double(OrienteurCommands.l2Option) ?? 0.001
        guard (0...1).contains(l2) else { throw UsageError("--l2 must be between 0 and 1, got \(l2)") }
        let files = arguments.positionals
        guard !files.isEmpty else { throw UsageError("give at least one FILE") }
        let orienteur = try loadOrienteur(arguments)
        let textOnly = arguments.flag(OrienteurCommands.textOnlyOption)
        if textOnly, orienteur.content.emergencyModel == nil {
            throw UsageError("--text-only keeps the content's emergency model, and this content has none: train without it")
        }
        var sentences: [(text: String, lang: Language, emergency: Bool)] = []
        var names: [String] = []
        for (name, set) in try trainingSets(files) {
            names.append(name)
            for sentence in set.sentences { sentences.append((sentence.text, sentence.lang, sentence.emergency)) }
        }
        // The content's own examples teach what its calm leaves sound like (and its emergency leaves):
        // leaves whose situation is a danger only at times are left out.
        var leafExamples = 0
        for leaf in orienteur.content.leaves where leaf.emergency || leaf.danger == nil {
            for example in leaf.examples {
                sentences.append((example.text, example.lang, leaf.emergency))
                leafExamples += 1
            }
        }
        names.append("leaf examples (\(leafExamples))")
        let text = TextEmergencyModel.train(sentences.map { ($0.text, $0.emergency) }, epochs: textEpochs,
                                            alert: textAlert, confirm: textConfirm, overrule: textOverrule,
                                            namedDanger: textNamedDanger, dismissMissing: textDismissMissing)
        var model: EmergencyModel
        var summary: String
        if textOnly, let kept = orienteur.content.emergencyModel {
            model = kept
            summary = "kept the content's emergency model (\(model.weights.count) features)"
        } else {
            let examples = sentences.map { (orienteur.emergencyFeatures(of: $0.text, language: $0.lang), $0.emergency) }
            model = EmergencyModel.train(examples, epochs: epochs, l2: l2, threshold: threshold, veto: veto,
                                         trainedOn: names.joined(separator: ", "))
            let hits = examples.filter { (model.probability($0.0) >= threshold) == $0.1 }.count
            summary = "\(model.weights.count) features, \(hits)/\(examples.count) right on the training sentences"
        }
        model.text = text
        let textHits = sentences.filter { (text.probability($0.text) >= textAlert) == $0.emergency }.count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(model).write(to: URL(fileURLWithPath: output)) } catch {
            throw OperationError("cannot write \(output): \(error.localizedDescription)")
        }
        context.console.line("Learnt from \(sentences.count) sentences (\(names.joined(separator: ", "))): \(summary); the text model \(textHits)/\(sentences.count) right on them. Wrote \(output).")
        return 0
    }

    // MARK: content train-orientation

    static let vetoOption = OptionSpec("veto", .value(placeholder: "P"),
                                       help: "Probability under which the model silences an alert of the cue rules (default: never; suicidal intent is never silenced).")

    static let textAlertOption = OptionSpec("text-alert", .value(placeholder: "P"),
                                            help: "Probability from which the text model alerts on its own (default 0.5).")
    static let textConfirmOption = OptionSpec("text-confirm", .value(placeholder: "P"),
                                              help: "Probability under which the text model silences an alert of the cue rules (default 0.1; suicidal intent is never silenced, a missing person only under --text-dismiss-missing).")
    static let textOverruleOption = OptionSpec("text-overrule", .value(placeholder: "P"),
                                               help: "Probability from which the text model alerts on its own even past a hypothesis phrase such as 'que faire si' (default 0.9).")
    static let textNamedDangerOption = OptionSpec("text-named-danger", .value(placeholder: "P"),
                                                  help: "Probability from which the text model alerts on its own on a violence, a crime, a child in danger, a weapon, a fire or someone hurt, dangers whose time the cue rules read well (default 0.7).")
    static let textDismissMissingOption = OptionSpec("text-dismiss-missing", .value(placeholder: "P"),
                                                     help: "Probability under which the text model silences a missing person found by the cue rules (default 0.02, at most --text-confirm).")
    static let textEpochsOption = OptionSpec("text-epochs", .value(placeholder: "N"),
                                             help: "Passes over the sentences for the text model (default 10).")
    static let textOnlyOption = OptionSpec("text-only", .flag,
                                           help: "Keep the content's emergency model and learn only its text model (quicker).")

    static let epochsOption = OptionSpec("epochs", .value(placeholder: "N"),
                                         help: "Passes of gradient descent over the sentences (default 300): more fits the sentences more closely.")
    static let l2Option = OptionSpec("l2", .value(placeholder: "W"),
                                     help: "Weight decay that keeps rare words from dominating (default 0.001).")

    static let blendOption = OptionSpec("blend", .value(placeholder: "X"),
                                        help: "Weight of the model's probability against the best BM25F score (default 0.6).")
    static let temperatureOption = OptionSpec("temperature", .value(placeholder: "T"),
                                              help: "Softening of the model's probabilities (default 3).")
    static let smoothingOption = OptionSpec("smoothing", .value(placeholder: "A"),
                                            help: "Additive smoothing of each leaf's word counts: higher trusts rare words less (default 0.1).")

    static let trainOrientation = CommandSpec(
        path: ["content", "train-orientation"],
        summary: "Learn the orientation model (orientation-model.json) that the search blends in, from evaluation sets.",
        discussion: """
        Reads every FILE (evaluation sets, as for 'content evaluate') and the content's leaf examples, reads each
        sentence into the search's terms (stems, in the sentence's language) and learns which words citizens use for
        each leaf or fiche (its 'accept' ids: the first counts fully, the others half). Writes the model to --output
        (a content directory's orientation-model.json); the search then ranks by BM25F plus --blend times the
        model's probability. Never train on a held-out set: its score would no longer mean anything.
        """,
        positionals: [PositionalSpec("FILE", help: "Evaluation sets (JSON) to learn from.", variadic: true)],
        options: [outputOption, blendOption, temperatureOption, smoothingOption, GuichetCommands.contentOption]
    ) { arguments, context in
        let output = try arguments.required(OrienteurCommands.outputOption)
        let blend = try arguments.double(OrienteurCommands.blendOption) ?? 0.6
        guard (0...10).contains(blend) else { throw UsageError("--blend must be between 0 and 10, got \(blend)") }
        let temperature = try arguments.double(OrienteurCommands.temperatureOption) ?? 3
        guard (0.1...100).contains(temperature) else { throw UsageError("--temperature must be between 0.1 and 100, got \(temperature)") }
        let smoothing = try arguments.double(OrienteurCommands.smoothingOption) ?? 0.1
        guard (0.001...10).contains(smoothing) else { throw UsageError("--smoothing must be between 0.001 and 10, got \(smoothing)") }
        let files = arguments.positionals
        guard !files.isEmpty else { throw UsageError("give at least one FILE") }
        let orienteur = try loadOrienteur(arguments)
        var examples: [(terms: [String], targets: [String])] = []
        var names: [String] = []
        for (name, set) in try trainingSets(files) {
            names.append(name)
            for sentence in set.sentences where !sentence.accept.isEmpty {
                examples.append((orienteur.index(for: sentence.lang).terms(of: sentence.text), sentence.accept))
            }
        }
        var leafExamples = 0
        for leaf in orienteur.content.leaves {
            for example in leaf.examples {
                examples.append((orienteur.index(for: example.lang).terms(of: example.text), [leaf.id]))
                leafExamples += 1
            }
        }
        names.append("leaf examples (\(leafExamples))")
        let model = OrientationModel.train(examples, smoothing: smoothing, blend: blend, temperature: temperature, trainedOn: names.joined(separator: ", "))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do { try encoder.encode(model).write(to: URL(fileURLWithPath: output)) } catch {
            throw OperationError("cannot write \(output): \(error.localizedDescription)")
        }
        context.console.line("Learnt from \(examples.count) sentences (\(names.joined(separator: ", "))): \(model.targets.count) leaves and fiches. Wrote \(output).")
        return 0
    }

    // MARK: ask

    static let ask = CommandSpec(
        path: ["ask"],
        summary: "Find the right orientation for a sentence in your own words (emergencies first).",
        discussion: """
        Example: masecurite ask "on m'a volé mon vélo devant la gare"
        The sentence may also be typed without quotes: masecurite ask où porter plainte
        When the sentence describes a danger happening now, the emergency numbers come first.
        """,
        positionals: [PositionalSpec("SENTENCE", help: "What happened or what you need, in French or English (quoted or as several words).",
                                     variadic: true)],
        options: [languageOption, limitOption, .json]
    ) { arguments, context in
        let sentence = arguments.positionals.joined(separator: " ")
        guard !sentence.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("SENTENCE is empty") }
        let limit = try arguments.int(OrienteurCommands.limitOption, in: 1...20) ?? 5
        let orienteur = try loadOrienteur()
        let response = orienteur.ask(sentence, language: try language(arguments), limit: limit)
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(response))
            return 0
        }
        let printer = OrienteurPrinter(content: orienteur.content, language: response.language, console: context.console)
        if let alert = response.emergency { printer.emergency(alert) }
        if response.results.isEmpty {
            context.console.line(response.language == .french
                ? "Aucun résultat. Essayez d'autres mots, ou lancez 'masecurite orient'."
                : "No result. Try other words, or run 'masecurite orient'.")
        }
        for (offset, result) in response.results.enumerated() { printer.result(result, rank: offset + 1) }
        return 0
    }

    // MARK: orient

    static let orient = CommandSpec(
        path: ["orient"],
        summary: "Walk through the orienteur's questions to the right answer (interactive; works with piped input).",
        discussion: "Type a number to choose, b to go back, r to restart, q to quit.",
        options: [languageOption]
    ) { arguments, context in
        let language = try language(arguments) ?? .french
        let orienteur = try loadOrienteur()
        OrientWalk(orienteur: orienteur, language: language, console: context.console).run()
        return 0
    }
}

extension OrienteurCommands {
    // The options of its commands, read by value so that a misspelt name does not compile.
    static let detailsOption = OptionSpec("details", .flag, help: "Also list the sentences answered wrongly.")
    static let outputOption = OptionSpec("output", .value(placeholder: "PATH"), help: "Where to write the model (JSON).", required: true)
    static let thresholdOption = OptionSpec("threshold", .value(placeholder: "P"), help: "Probability from which the model alerts (default 0.5).")
    static let limitOption = OptionSpec("limit", .value(placeholder: "N"), help: "How many results (1…20, default 5).")
}
