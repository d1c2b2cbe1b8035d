import Foundation
import OrienteurKit

/// The `masecurite` commands of this area (registered in MaSecuriteCommandLine):
/// `content validate`, `orient` (interactive walk) and `ask` (free-text search).
enum OrienteurCommands: CommandArea {
    static var groups: [CommandGroup] {
        [CommandGroup("content", summary: "Check the orienteur's content files (tree, fiches, numbers, documents).")]
    }

    static var commands: [CommandSpec] { [validate, orient, ask] }

    static var bundledData: [BundledDataInfo] {
        let version = (try? BundledContentProvider().loadContent().contentVersion) ?? "missing"
        return [BundledDataInfo(name: "Orienteur content (decision tree, fiches pratiques, numbers)", version: version,
                                source: "Written for MaSecurite from public information on the Ma Sécurité portal and service-public.fr",
                                licence: "Licence Ouverte 2.0 (Etalab)")]
    }

    static let languageOption = OptionSpec("lang", .value(placeholder: "fr|en"), help: "Language of the texts (default fr; ask guesses it from the sentence).")

    static func language(_ arguments: ParsedArguments) throws(UsageError) -> Language? {
        try arguments.choice("lang", from: ["fr", "en"]).flatMap(Language.init(rawValue:))
    }

    static func loadOrienteur() throws -> Orienteur {
        do { return try Orienteur.bundled() } catch { throw OperationError("cannot load the bundled orienteur content: \(error)") }
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
        let report = ContentValidator().validate(content)
        if arguments.flag("json") {
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

    // MARK: ask

    static let ask = CommandSpec(
        path: ["ask"],
        summary: "Find the right orientation for a sentence in your own words (emergencies first).",
        discussion: """
        Example: masecurite ask "on m'a volé mon vélo devant la gare"
        When the sentence describes a danger happening now, the emergency numbers come first.
        """,
        positionals: [PositionalSpec("SENTENCE", help: "What happened or what you need, in French or English.")],
        options: [languageOption, OptionSpec("limit", .value(placeholder: "N"), help: "How many results (1…20, default 5)."), .json]
    ) { arguments, context in
        let sentence = arguments.positional(0) ?? ""
        guard !sentence.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("SENTENCE is empty") }
        let limit = try arguments.int("limit", in: 1...20) ?? 5
        let orienteur = try loadOrienteur()
        let response = orienteur.ask(sentence, language: try language(arguments), limit: limit)
        if arguments.flag("json") {
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
