import Foundation
import LocalInformation
import MaSecurite
import MaSecuriteCore
import Teleservices

/// `masecurite info`, `feedback` and `stats`: local information and its feeds,
/// « Je donne mon avis » and "which fiche works" (issue 19).
///
/// Subscriptions, avis cases and usage events go to one SQLite file:
/// `--store PATH`, else `$XDG_DATA_HOME/masecurite/local-information.sqlite`.
/// The local information is the bundled example set unless `--file` gives a
/// deployment's own file. Comments are masked before storage and never
/// written to standard error.
enum LocalInformationCommands: CommandArea {
    static var groups: [CommandGroup] {
        [
            CommandGroup("info", summary: "Local information for a département or commune, and its Atom / JSON feeds."),
            CommandGroup("feedback", summary: "« Je donne mon avis »: was this fiche useful? Comments answered within four days."),
            CommandGroup("avis", summary: "Same as 'feedback' (give, show, overdue)."),
            CommandGroup("stats", summary: "Which fiche works: usage per fiche and leaf, small counts withheld."),
            CommandGroup("usage", summary: "Same as 'stats' (record, report)."),
        ]
    }

    static var bundledData: [BundledDataInfo] {
        [BundledDataInfo(name: "local information (EXAMPLES only, not real announcements)",
                         version: (try? LocalInformationCatalog.bundledExamples().version) ?? "?",
                         source: "written for this SDK", licence: "same as the SDK")]
    }

    // MARK: Options

    static let departmentOption = OptionSpec("department", .value(placeholder: "D"), help: "The département, e.g. 33 or 972 (or give --insee).")
    static let inseeOption = OptionSpec("insee", .value(placeholder: "CODE"), help: "A commune's INSEE code, e.g. 33063: its items and its département's.")
    static let themeOption = OptionSpec("theme", .repeatable(placeholder: "T"), help: "Only this theme (repeatable; see 'masecurite info themes').")
    static let atOption = OptionSpec("at", .value(placeholder: "DATE"),
                                     help: "The instant to show: 2026-12-20T10:00:00+01:00, or a day 2026-12-20 (noon, local time) (default: now).")
    static let fileOption = OptionSpec("file", .value(placeholder: "JSON"), help: "A local-information file to use instead of the bundled examples.")
    static let formatOption = OptionSpec("format", .value(placeholder: "atom|json"), help: "Atom 1.0 or JSON Feed 1.1.", required: true)
    static let baseURLOption = OptionSpec("base-url", .value(placeholder: "URL"), help: "The site's base for entry links, e.g. https://masecurite.example/.")
    static let ifNoneMatchOption = OptionSpec("if-none-match", .value(placeholder: "ETAG"), help: "Answer 304 (print nothing) when the feed's ETag matches.")
    static let ifModifiedSinceOption = OptionSpec("if-modified-since", .value(placeholder: "HTTP-DATE"),
                                                  help: "Answer 304 when unchanged since, e.g. \"Wed, 02 Dec 2026 07:00:00 GMT\".")
    static let includeOption = OptionSpec("include", .flag, help: "Print the status line and headers (ETag, Last-Modified) before the body.")
    static let subscriptionOption = OptionSpec("subscription", .value(placeholder: "TOKEN"), help: "The feed of this subscription (with --store).")
    static let storeOption = OptionSpec("store", .value(placeholder: "PATH"),
                                        help: "SQLite file of subscriptions, avis and usage (default: $XDG_DATA_HOME/masecurite/local-information.sqlite).")
    static let aboutOption = OptionSpec("about", .value(placeholder: "fiche:ID|leaf:ID"), help: "The fiche or leaf, e.g. fiche:otv or leaf:a-veh-velo.", required: true)
    static let usefulOption = OptionSpec("useful", .value(placeholder: "yes|no"), help: "Was it useful?", required: true)
    static let commentOption = OptionSpec("comment", .value(placeholder: "TEXT"),
                                          help: "A comment (at most 2000 characters); phone numbers, e-mails and names are masked before storage.")
    static let nowOption = OptionSpec("now", .value(placeholder: "RFC3339"), help: "The instant to compare due dates with (default: now).")
    static let textOption = OptionSpec("text", .value(placeholder: "TEXT"), help: "The answer (at most 4000 characters).", required: true)
    static let outcomeOption = OptionSpec("outcome", .value(placeholder: "OUTCOME"),
                                          help: "shown, useful, not-useful, teleservice, station, chat or left.", required: true)
    static let reportFormatOption = OptionSpec("format", .value(placeholder: "table|csv|json|svg"), help: "The report's format (default table; --json is json).")
    static let thresholdOption = OptionSpec("threshold", .value(placeholder: "K"), help: "Withhold counts under K (default and minimum 10).")
    static let closedDaysOption = OptionSpec("days", .value(placeholder: "N"),
                                             help: "Delete the cases closed more than N days before --now (1–36500).", required: true)
    static let usageDaysOption = OptionSpec("days", .value(placeholder: "N"),
                                            help: "Delete the usage events older than N days before --now (1–36500).", required: true)
    static let purgeNowOption = OptionSpec("now", .value(placeholder: "RFC3339"), help: "The instant the days are counted back from (default: now).")
    static let referencePositional = PositionalSpec("REF", help: "The reference given with the avis, e.g. A-K7QM-4XTR-9BWE-2HPA-ZC3N.")
    static let validatePositional = PositionalSpec("FILE", help: "The local-information JSON file to check.")

    static var territoryOptions: [OptionSpec] { [departmentOption, inseeOption] }

    static var commands: [CommandSpec] {
        let give = { (path: [String]) in
            CommandSpec(path: path, summary: path[0] == "avis" ? "Same as 'feedback add'." : "Record an avis: useful or not, and an optional comment that becomes a case.",
                        discussion: """
                        A comment becomes a case answered within four days; keep the printed reference to read the answer \
                        with 'masecurite feedback show REF'. Without a comment only the vote is counted. \
                        Prints {"reference","due","masked"} with --json (reference and due are null without a comment).
                        Example: masecurite feedback add --about fiche:otv --useful no --comment "le lien ne marche pas" --json
                        """,
                        options: [aboutOption, usefulOption, commentOption, storeOption, .json], run: LocalInformationCommands.give)
        }
        let show = { (path: [String]) in
            CommandSpec(path: path, summary: path[0] == "avis" ? "Same as 'feedback show'." : "Read where an avis stands and the team's answer, by its reference.",
                        positionals: [referencePositional], options: [storeOption, .json], run: LocalInformationCommands.show)
        }
        let overdue = { (path: [String]) in
            CommandSpec(path: path, summary: path[0] == "avis" ? "Same as 'feedback overdue'." : "List the cases still unanswered four days after receipt, earliest due first.",
                        options: [storeOption, nowOption, .json], run: LocalInformationCommands.overdue)
        }
        let report = { (path: [String]) in
            CommandSpec(path: path, summary: path[0] == "usage" ? "Same as 'stats fiches'." : "Usage per fiche and leaf with rates; counts under 10 withheld.",
                        discussion: """
                        Formats: table (default), csv (an empty cell is withheld), json (null is withheld, also --json), \
                        svg (a bar chart of the useful rate with a title and text labels).
                        Example: masecurite stats fiches --store s.sqlite --format svg > fiches.svg
                        """,
                        options: [storeOption, reportFormatOption, thresholdOption, .json], run: LocalInformationCommands.report)
        }
        let record = { (path: [String]) in
            CommandSpec(path: path, summary: path[0] == "usage" ? "Same as 'stats record'." : "Record one usage event (what followed a fiche or leaf), kept to the hour.",
                        options: [aboutOption, outcomeOption, storeOption, .json], run: LocalInformationCommands.record)
        }
        return [
            CommandSpec(path: ["info", "list"], summary: "List the local information shown now for a département or commune.",
                        discussion: """
                        Give --department or --insee. The bundled items are EXAMPLES (marked so); --file uses a real file.
                        Example: masecurite info list --department 33 --theme velo --at 2026-12-20T10:00:00+01:00 --lang en --json
                        """,
                        options: territoryOptions + [themeOption, atOption, fileOption, CLILanguage.option, .json], run: list),
            CommandSpec(path: ["info", "themes"], summary: "List the themes one can follow.",
                        options: [fileOption, CLILanguage.option, .json], run: themes),
            CommandSpec(path: ["info", "feed"], summary: "Print the feed of a territory (or a subscription) as Atom 1.0 or JSON Feed 1.1.",
                        discussion: """
                        Give --department or --insee, or --subscription TOKEN with --store. With --if-none-match or \
                        --if-modified-since an unchanged feed prints nothing (304); --include shows the status and headers.
                        Example: masecurite info feed --department 33 --format atom --include
                        """,
                        options: territoryOptions + [themeOption, formatOption, atOption, fileOption, subscriptionOption, storeOption,
                                                     baseURLOption, ifNoneMatchOption, ifModifiedSinceOption, includeOption, CLILanguage.option],
                        run: feed),
            CommandSpec(path: ["info", "subscribe"], summary: "Subscribe anonymously to themes for a territory; prints the token (shown once).",
                        options: territoryOptions + [themeOption, fileOption, storeOption, .json], run: subscribe),
            CommandSpec(path: ["info", "unsubscribe"], summary: "Cancel a subscription by its token.",
                        options: [subscriptionOption, storeOption, .json], run: unsubscribe),
            CommandSpec(path: ["info", "validate"], summary: "Check a local-information file: every error with its place (items[2].title.en).",
                        discussion: "Checks the fiche and teleservice ids against the bundled content, and refuses windows already ended at --at (default now).",
                        positionals: [validatePositional], options: [atOption, .json], run: validate),
            give(["feedback", "add"]), give(["avis", "give"]),
            show(["feedback", "show"]), show(["avis", "show"]),
            overdue(["feedback", "overdue"]), overdue(["avis", "overdue"]),
            CommandSpec(path: ["feedback", "answer"], summary: "Answer a case (the citizen reads it with the reference).",
                        positionals: [referencePositional], options: [textOption, storeOption, .json], run: answer),
            CommandSpec(path: ["feedback", "close"], summary: "Close a case (answered, or nothing to answer).",
                        positionals: [referencePositional], options: [storeOption, .json], run: close),
            CommandSpec(path: ["feedback", "purge"], summary: "Delete the cases closed more than N days ago (received and answered cases stay).",
                        discussion: """
                        Retention: a closed case still holds the comment and the answer. Prints {"deleted": N} with --json.
                        Example: masecurite feedback purge --days 90 --store s.sqlite --json
                        """,
                        options: [closedDaysOption, storeOption, purgeNowOption, .json], run: purgeCases),
            report(["stats", "fiches"]), report(["usage", "report"]),
            CommandSpec(path: ["stats", "purge"], summary: "Delete the usage events older than N days.",
                        discussion: """
                        Retention: the report then counts only the events kept. Prints {"deleted": N} with --json.
                        Example: masecurite stats purge --days 395 --store s.sqlite --json
                        """,
                        options: [usageDaysOption, storeOption, purgeNowOption, .json], run: purgeUsage),
            record(["stats", "record"]), record(["usage", "record"]),
        ]
    }

    // MARK: Shared

    struct ErrorOutput: Encodable {
        let error: String
        let path: String?
        let message: String
    }

    static func refuse(_ error: LocalInformationError, json: Bool, _ context: CommandContext) throws -> Int32 {
        if json {
            context.console.line(try JSONOutput.encode(ErrorOutput(error: error.code, path: error.path, message: error.description), pretty: false))
        } else {
            context.console.errorLine("error: \(error.description)")
        }
        return 1
    }

    static func catalog(_ arguments: ParsedArguments) throws -> LocalInformationCatalog {
        if let path = arguments.value(LocalInformationCommands.fileOption) {
            guard let data = FileManager.default.contents(atPath: path) else { throw OperationError("cannot read the local-information file \(path)") }
            do { return try LocalInformationCatalog(data: data) } catch { throw OperationError("\(path): \(error.description)") }
        }
        do { return try LocalInformationCatalog.bundledExamples() } catch { throw OperationError("cannot load the bundled local information: \(error)") }
    }

    static func territory(_ arguments: ParsedArguments) throws(UsageError) -> LocalTerritory {
        switch (arguments.value(LocalInformationCommands.departmentOption), arguments.value(LocalInformationCommands.inseeOption)) {
        case (let code?, nil):
            do { return .departement(try DepartementCode(code)) } catch { throw UsageError("--department: \(error.description)") }
        case (nil, let code?):
            do { return .commune(try INSEECode(code)) } catch { throw UsageError("--insee: \(error.description)") }
        case (.some, .some):
            throw UsageError("give one territory: --department or --insee, not both")
        case (nil, nil):
            throw UsageError("give the territory: --department D (e.g. 33) or --insee CODE (e.g. 33063)")
        }
    }

    static func themes(_ arguments: ParsedArguments, in catalog: LocalInformationCatalog) throws(UsageError) -> [String] {
        let themes = arguments.values(LocalInformationCommands.themeOption)
        for theme in themes where catalog.theme(theme) == nil {
            throw UsageError("--theme '\(Echo.truncated(theme))' is not a theme; themes: \(catalog.themes.map(\.id).joined(separator: ", "))")
        }
        return themes
    }

    static func storePath(_ arguments: ParsedArguments, _ context: CommandContext) throws(UsageError) -> String {
        try DataFile.path(arguments, option: LocalInformationCommands.storeOption, name: "local-information.sqlite",
                          kept: "nothing would be kept", context)
    }

    /// Opens the store; `nil` when the file does not exist and `create` is false.
    static func openStore(_ arguments: ParsedArguments, _ context: CommandContext, create: Bool) throws -> SQLiteLocalInformationStore? {
        let path = try storePath(arguments, context)
        guard try DataFile.prepare(path, create: create, what: nil) else { return nil }
        do { return try SQLiteLocalInformationStore(path: path) } catch { throw OperationError("cannot open \(path): \(error)") }
    }

    static func known() throws -> KnownContent {
        let content = try GuichetSupport.orienteur().content
        return KnownContent(ficheIDs: Set(content.fiches.map(\.id)), leafIDs: Set(content.leaves.map(\.id)))
    }

    static func now(_ arguments: ParsedArguments, _ option: OptionSpec, _ context: CommandContext) throws(UsageError) -> Date {
        try arguments.date(option) ?? context.clock.now()
    }

    /// `--at`: an RFC 3339 instant, or a day `YYYY-MM-DD` read as noon in `zone`.
    static func at(_ arguments: ParsedArguments, in zone: TimeZone, _ context: CommandContext) throws(UsageError) -> Date {
        if let text = arguments.value(atOption), text.count == 10, let day = try? LocalDate(iso: text),
           let noon = try? LocalTime(hour: 12) {
            return day.instant(at: noon, in: zone)
        }
        return try now(arguments, atOption, context)
    }

    // MARK: info list / themes

    struct ItemOutput: Encodable {
        let id: String
        let themes: [String]
        let title: String
        let summary: String
        let validFrom: String
        let validUntil: String
        let updated: String
        let link: LinkOutput
        enum CodingKeys: String, CodingKey {
            case id, themes, title, summary, link, updated, validFrom = "valid_from", validUntil = "valid_until"
        }
    }

    struct LinkOutput: Encodable {
        let kind: String
        let id: String?
        let place: String?
        let address: String?
        let starts: String?
        let ends: String?
    }

    struct ListOutput: Encodable {
        let territory: String
        let at: String
        let examples: Bool
        let items: [ItemOutput]
    }

    @Sendable static func list(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let language = try CLILanguage.language(arguments)
        let t = Wording(language: language)
        let territory = try territory(arguments)
        let catalog = try catalog(arguments)
        let themes = try themes(arguments, in: catalog)
        let zone = territory.departement.timeZone
        let at = try at(arguments, in: zone, context)
        let items = catalog.items(for: territory, themes: Set(themes), at: at)
        let output = items.map { item in
            let link: LinkOutput = switch item.link {
            case .fiche(let id): LinkOutput(kind: "fiche", id: id, place: nil, address: nil, starts: nil, ends: nil)
            case .teleservice(let id): LinkOutput(kind: "teleservice", id: id, place: nil, address: nil, starts: nil, ends: nil)
            case .event(let event):
                LinkOutput(kind: "event", id: nil, place: event.place.text(in: language), address: event.address,
                           starts: RFC3339.format(event.starts, in: zone), ends: RFC3339.format(event.ends, in: zone))
            }
            return ItemOutput(id: item.id, themes: item.themes, title: item.title.text(in: language), summary: item.summary.text(in: language),
                              validFrom: RFC3339.format(item.window.start, in: zone), validUntil: RFC3339.format(item.window.end, in: zone),
                              updated: RFC3339.format(item.updated, in: zone), link: link)
        }
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(ListOutput(territory: territory.description, at: RFC3339.format(at, in: zone),
                                                                  examples: catalog.examples, items: output)))
            return 0
        }
        if catalog.examples {
            context.console.line(t("(exemples : ces informations ne sont pas réelles)", "(examples: this information is not real)"))
        }
        if output.isEmpty {
            context.console.line(t("Aucune information locale en ce moment pour \(territory).", "No local information at the moment for \(territory)."))
            return 0
        }
        for item in output {
            context.console.line("• \(item.title)  [\(item.themes.joined(separator: ", "))]")
            context.console.line("  \(item.summary)")
            switch item.link.kind {
            case "fiche": context.console.line(t.label("fiche :", "fiche:") + (item.link.id ?? ""))
            case "teleservice": context.console.line(t.label("service en ligne :", "online service:") + (item.link.id ?? ""))
            default:
                context.console.line(t.label("où :", "where:") + "\(item.link.place ?? ""), \(item.link.address ?? "")")
                context.console.line(t.label("quand :", "when:") + "\(item.link.starts ?? "") – \(item.link.ends ?? "")")
            }
            context.console.line(t.label("jusqu'au :", "until:") + item.validUntil)
        }
        return 0
    }

    struct ThemeOutput: Encodable {
        let id: String
        let label: String
    }

    @Sendable static func themes(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let language = try CLILanguage.language(arguments)
        let output = try catalog(arguments).themes.map { ThemeOutput(id: $0.id, label: $0.label.text(in: language)) }
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(output))
        } else {
            for theme in output { context.console.line("\(theme.id) — \(theme.label)") }
        }
        return 0
    }

    // MARK: info feed / subscribe / unsubscribe / validate

    @Sendable static func feed(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let language = try CLILanguage.language(arguments)
        guard let format = try arguments.choice(formatOption, from: FeedFormat.allCases.map(\.rawValue)).flatMap(FeedFormat.init(rawValue:)) else {
            throw UsageError("missing required option --format")
        }
        let catalog = try catalog(arguments)
        let zone = (try? territory(arguments))?.departement.timeZone ?? TimeZone(identifier: "Europe/Paris") ?? .current
        let at = try at(arguments, in: zone, context)
        var baseURL: URL?
        if let text = arguments.value(baseURLOption) {
            guard let url = URL(string: text), url.scheme == "https" || url.scheme == "http", url.host != nil else {
                throw UsageError("--base-url '\(Echo.truncated(text))' is not an http(s) URL")
            }
            baseURL = url
        }
        let options = FeedOptions(baseURL: baseURL, language: language)
        let feed: LocalFeed
        if let tokenText = arguments.value(subscriptionOption) {
            guard arguments.value(departmentOption) == nil, arguments.value(inseeOption) == nil, arguments.values(themeOption).isEmpty else {
                throw UsageError("--subscription already says the territory and themes: give no --department, --insee or --theme")
            }
            let token: SubscriptionToken
            do { token = try SubscriptionToken(tokenText) } catch { throw UsageError("--subscription: \(error.description)") }
            guard let store = try openStore(arguments, context, create: false),
                  let subscription = try await store.subscription(digest: token.digest) else {
                context.console.errorLine("error: no subscription has this token")
                return 1
            }
            feed = LocalFeed(catalog: catalog, subscription: subscription, now: at, options: options)
        } else {
            feed = LocalFeed(catalog: catalog, territory: try territory(arguments), themes: try themes(arguments, in: catalog), now: at, options: options)
        }
        let response = feed.response(format, request: ConditionalRequest(ifNoneMatch: arguments.value(ifNoneMatchOption),
                                                                         ifModifiedSince: arguments.value(ifModifiedSinceOption)))
        if arguments.flag(includeOption) {
            context.console.line(response.status == 304 ? "HTTP/1.1 304 Not Modified" : "HTTP/1.1 200 OK")
            for key in response.headers.keys.sorted() { context.console.line("\(key): \(response.headers[key] ?? "")") }
            context.console.line()
        }
        context.console.write(response.body)
        return 0
    }

    struct SubscribeOutput: Encodable {
        let token: String
        let territory: String
        let themes: [String]
    }

    @Sendable static func subscribe(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let territory = try territory(arguments)
        let catalog = try catalog(arguments)
        let themes = try themes(arguments, in: catalog)
        guard let store = try openStore(arguments, context, create: true) else { return 1 }
        let token: SubscriptionToken
        do {
            token = try await LocalSubscriptions(store: store, catalog: catalog).subscribe(territory: territory, themes: themes, now: context.clock.now())
        } catch let error as LocalInformationError {
            return try refuse(error, json: arguments.flag(.json), context)
        }
        let output = SubscribeOutput(token: token.rawValue, territory: territory.description, themes: Array(Set(themes)).sorted())
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(output))
        } else {
            context.console.line(token.rawValue)
            context.console.errorLine("Keep this token: it is the only key to the subscription and is not kept by the service.")
        }
        return 0
    }

    @Sendable static func unsubscribe(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let text = try arguments.required(subscriptionOption)
        let token: SubscriptionToken
        do { token = try SubscriptionToken(text) } catch { throw UsageError("--subscription: \(error.description)") }
        let removed = try await openStore(arguments, context, create: false)?.remove(digest: token.digest) ?? false
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(["removed": removed], pretty: false))
        } else {
            context.console.line(removed ? "unsubscribed" : "no subscription has this token")
        }
        return removed ? 0 : 1
    }

    @Sendable static func validate(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        guard let path = arguments.positional(0) else { throw UsageError("give the file to check") }
        guard let data = FileManager.default.contents(atPath: path) else { throw OperationError("cannot read \(path)") }
        let content = try GuichetSupport.orienteur().content
        let services: Set<String>
        do { services = Set(try TeleserviceCatalog.bundled().services.map(\.id)) } catch { throw OperationError("cannot load the teleservices: \(error)") }
        let checks = LocalInformationChecks(now: try at(arguments, in: TimeZone(identifier: "Europe/Paris") ?? .current, context), ficheIDs: Set(content.fiches.map(\.id)), teleserviceIDs: services)
        let catalog: LocalInformationCatalog
        do { catalog = try LocalInformationCatalog(data: data, checks: checks) } catch {
            if arguments.flag(.json) {
                let errors = error.errors.map { ErrorOutput(error: $0.code, path: $0.path, message: $0.description) }
                context.console.line(try JSONOutput.encode(errors))
            } else {
                for item in error.errors { context.console.errorLine("\(path): \(item.description)") }
            }
            return 1
        }
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(["valid": true], pretty: false))
        } else {
            context.console.line("\(path): \(catalog.items.count) items, \(catalog.themes.count) themes, valid")
        }
        return 0
    }

    // MARK: feedback

    /// `reference` and `due` are written `null` (not left out) for a vote without comment.
    struct GiveOutput: Encodable {
        let reference: String?
        let due: String?
        let masked: Bool

        enum CodingKeys: String, CodingKey { case reference, due, masked }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reference, forKey: .reference)
            try container.encode(due, forKey: .due)
            try container.encode(masked, forKey: .masked)
        }
    }

    static func desk(_ store: SQLiteLocalInformationStore, _ context: CommandContext, known: KnownContent?) -> FeedbackDesk {
        FeedbackDesk(cases: store, usage: store, known: known, clock: context.clock, channel: .cli)
    }

    @Sendable static func give(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let json = arguments.flag(.json)
        let usefulText = try arguments.choice(usefulOption, from: ["yes", "no"]) ?? "yes"
        let about: ContentReference
        do { about = try ContentReference(try arguments.required(aboutOption)) } catch let error as LocalInformationError {
            return try refuse(error, json: json, context)
        }
        let known = try known()
        do { try known.check(about) } catch { return try refuse(error, json: json, context) }
        guard let store = try openStore(arguments, context, create: true) else { return 1 }
        let receipt: FeedbackReceipt
        do {
            receipt = try await desk(store, context, known: known).give(about: about, useful: usefulText == "yes",
                                                                         comment: arguments.value(commentOption))
        } catch let error as LocalInformationError {
            return try refuse(error, json: json, context)
        }
        let output = GiveOutput(reference: receipt.reference?.formatted, due: receipt.due.map { RFC3339.format($0) }, masked: receipt.masked)
        if json {
            context.console.line(try JSONOutput.encode(output))
        } else if let reference = output.reference {
            context.console.line("Merci. Référence : \(reference) — réponse au plus tard le \(output.due ?? "").")
            if receipt.masked { context.console.line("Les numéros, adresses e-mail et noms de votre commentaire ont été masqués.") }
        } else {
            context.console.line("Merci pour votre avis.")
        }
        return 0
    }

    struct CaseOutput: Encodable {
        let reference: String
        let about: String
        let useful: Bool
        let status: String
        let received: String
        let due: String
        let comment: String?
        let answer: String?
        let answered: String?
        let overdue: Bool?
    }

    static func output(_ item: FeedbackCase, withComment: Bool, now: Date? = nil) -> CaseOutput {
        CaseOutput(reference: item.reference.formatted, about: item.about.description, useful: item.useful, status: item.status.rawValue,
                   received: RFC3339.format(item.received), due: RFC3339.format(item.due), comment: withComment ? item.comment : nil,
                   answer: item.answer, answered: item.answered.map { RFC3339.format($0) }, overdue: now.map { item.isOverdue(at: $0) })
    }

    static func reference(_ arguments: ParsedArguments) throws(UsageError) -> FeedbackReference {
        guard let text = arguments.positional(0) else { throw UsageError("give the reference, e.g. A-K7QM-4XTR-9BWE-2HPA-ZC3N") }
        do { return try FeedbackReference(text) } catch { throw UsageError(error.description) }
    }

    @Sendable static func show(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let reference = try reference(arguments)
        guard let store = try openStore(arguments, context, create: false),
              let found = try await store.feedbackCase(reference) else {
            if arguments.flag(.json) {
                context.console.line(try JSONOutput.encode(ErrorOutput(error: "not-found", path: "reference", message: "no avis has this reference"), pretty: false))
            } else {
                context.console.errorLine("error: no avis has this reference")
            }
            return 1
        }
        let view = output(found, withComment: true, now: context.clock.now())
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(view))
            return 0
        }
        context.console.line("\(view.reference) — \(view.about) — \(view.status)")
        context.console.line("  reçu le \(view.received), réponse attendue au plus tard le \(view.due)")
        if let answer = view.answer { context.console.line("  réponse (\(view.answered ?? "")) : \(answer)") }
        return 0
    }

    @Sendable static func overdue(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let now = try now(arguments, nowOption, context)
        let cases = try await openStore(arguments, context, create: false)?.overdue(now: now) ?? []
        let rows = cases.map { output($0, withComment: true, now: now) }
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(rows))
            return 0
        }
        if rows.isEmpty { context.console.line("No case is overdue.") }
        for item in rows {
            context.console.line("\(item.reference)  due \(item.due)  \(item.about)  \(item.useful ? "useful" : "not useful")")
            if let comment = item.comment { context.console.line("  \(comment)") }
        }
        return 0
    }

    @Sendable static func answer(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let reference = try reference(arguments)
        let text = try arguments.required(textOption)
        guard let store = try openStore(arguments, context, create: false) else { throw OperationError("no avis has been recorded in this store") }
        return try await change(arguments, context) { try await desk(store, context, known: nil).answer(reference, text: text) }
    }

    @Sendable static func close(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let reference = try reference(arguments)
        guard let store = try openStore(arguments, context, create: false) else { throw OperationError("no avis has been recorded in this store") }
        return try await change(arguments, context) { try await store.close(reference, at: context.clock.now()) }
    }

    static func change(_ arguments: ParsedArguments, _ context: CommandContext,
                       _ body: () async throws -> FeedbackCase) async throws -> Int32 {
        let json = arguments.flag(.json)
        do {
            let updated = try await body()
            if json { context.console.line(try JSONOutput.encode(output(updated, withComment: false))) } else {
                context.console.line("\(updated.reference.formatted) — \(updated.status.rawValue)")
            }
            return 0
        } catch let error as LocalInformationError {
            return try refuse(error, json: json, context)
        } catch let error as LocalInformationStoreError {
            let code = switch error {
            case .notFound: "not-found"
            case .invalidTransition: "invalid-transition"
            default: "store-error"
            }
            if json {
                context.console.line(try JSONOutput.encode(ErrorOutput(error: code, path: "reference", message: error.description), pretty: false))
            } else {
                context.console.errorLine("error: \(error.description)")
            }
            return 1
        }
    }

    // MARK: stats

    @Sendable static func record(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let json = arguments.flag(.json)
        let about: ContentReference
        do {
            about = try ContentReference(try arguments.required(aboutOption))
            try known().check(about)
        } catch let error as LocalInformationError {
            return try refuse(error, json: json, context)
        }
        guard let outcome = try arguments.choice(outcomeOption, from: UsageOutcome.allCases.map(\.rawValue)).flatMap(UsageOutcome.init(rawValue:)) else {
            throw UsageError("missing required option --outcome")
        }
        guard let store = try openStore(arguments, context, create: true) else { return 1 }
        try await store.record([UsageEvent(about: about, outcome: outcome, at: context.clock.now(), channel: .cli)])
        if json { context.console.line(try JSONOutput.encode(["recorded": 1], pretty: false)) }
        return 0
    }

    @Sendable static func report(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let format = try arguments.choice(reportFormatOption, from: ["table", "csv", "json", "svg"]) ?? (arguments.flag(.json) ? "json" : "table")
        if arguments.flag(.json) && format != "json" { throw UsageError("--json prints JSON: give no other --format") }
        let threshold = try arguments.int(thresholdOption, in: UsageReport.minimumThreshold...1_000_000) ?? UsageReport.minimumThreshold
        let counts = try await openStore(arguments, context, create: false)?.counts() ?? []
        let report = UsageReport(counts: counts, threshold: threshold)
        switch format {
        case "csv": context.console.write(report.csv())
        case "json": context.console.write(report.json())
        case "svg": context.console.write(report.svg())
        default:
            context.console.line("Counts under \(report.threshold) are withheld (-).")
            context.console.line("content".padding(toLength: 32, withPad: " ", startingAt: 0) + "  shown  useful  not-useful  useful-rate")
            func cell(_ value: Int?) -> String { value.map(String.init) ?? "-" }
            for row in report.rows {
                let rate = row.rate(.useful).map { "\(Int(($0 * 100).rounded())) %" } ?? "-"
                context.console.line(row.about.description.padding(toLength: 32, withPad: " ", startingAt: 0)
                    + "  " + cell(row.count(.shown)).padding(toLength: 5, withPad: " ", startingAt: 0)
                    + "  " + cell(row.count(.useful)).padding(toLength: 6, withPad: " ", startingAt: 0)
                    + "  " + cell(row.count(.notUseful)).padding(toLength: 10, withPad: " ", startingAt: 0)
                    + "  " + rate)
            }
        }
        return 0
    }

    // MARK: retention

    @Sendable static func purgeCases(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let days = try arguments.int(closedDaysOption, in: 1...LocalInformationRetention.dayLimit)
        let retention = try retention(usageEventDays: nil, closedCaseDays: days)
        return try await purge(arguments, context, retention: retention, what: "closed cases")
    }

    @Sendable static func purgeUsage(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let days = try arguments.int(usageDaysOption, in: 1...LocalInformationRetention.dayLimit)
        let retention = try retention(usageEventDays: days, closedCaseDays: nil)
        return try await purge(arguments, context, retention: retention, what: "usage events")
    }

    static func retention(usageEventDays: Int?, closedCaseDays: Int?) throws(UsageError) -> LocalInformationRetention {
        guard usageEventDays != nil || closedCaseDays != nil else { throw UsageError("missing required option --days") }
        do { return try LocalInformationRetention(usageEventDays: usageEventDays, closedCaseDays: closedCaseDays) } catch {
            throw UsageError("--days: \(error.description)")
        }
    }

    static func purge(_ arguments: ParsedArguments, _ context: CommandContext, retention: LocalInformationRetention, what: String) async throws -> Int32 {
        let now = try now(arguments, purgeNowOption, context)
        var deleted = 0
        if let store = try openStore(arguments, context, create: false) {
            let report = try await retention.purge(usage: store, cases: store, now: now)
            deleted = report.usageEventsDeleted + report.closedCasesDeleted
        }
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(["deleted": deleted], pretty: false))
        } else {
            context.console.line("\(deleted) \(what) deleted.")
        }
        return 0
    }
}
