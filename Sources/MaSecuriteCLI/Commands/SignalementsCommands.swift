import Foundation
import MaSecurite
import MaSecuriteCore
import Signalements
import StationDirectory

/// The `masecurite signalements` commands: the kinds, the competent unit of a
/// commune, filing a signalement, reading its receipt, delivering the outbox.
///
/// Signalements go to an SQLite file shared safely by concurrent processes:
/// `--store PATH`, else `$XDG_DATA_HOME/masecurite/signalements.sqlite`. The
/// competent unit comes from the bundled station directory (every answer
/// approximate) unless `--competence-file` gives the ministry's official file.
/// Nothing a citizen typed is ever printed by `deliver` or written to standard error.
enum SignalementsCommands: CommandArea {
    static var groups: [CommandGroup] {
        [CommandGroup("signalements", summary: "Report drug dealing, rodeos, violence… to the competent unit, delivered without loss.")]
    }

    static var bundledData: [BundledDataInfo] {
        [BundledDataInfo(name: "kinds of signalement (fields, bilingual labels)", version: (try? SignalementCatalog.bundled().version) ?? "?",
                         source: "written for this SDK", licence: "same as the SDK")]
    }

    // MARK: Options

    static let storeOption = OptionSpec("store", .value(placeholder: "PATH"),
                                        help: "SQLite file of the signalements and their outbox (default: $XDG_DATA_HOME/masecurite/signalements.sqlite).")
    static let requiredStoreOption = OptionSpec("store", .value(placeholder: "PATH"),
                                                help: "SQLite file of the signalements and their outbox.", required: true)
    static let competenceFileOption = OptionSpec("competence-file", .value(placeholder: "CSV"),
                                                 help: "The ministry's 'Compétence territoriale gendarmerie et police nationales' CSV; without it the answer is approximate.")
    static let inseeOption = OptionSpec("insee", .value(placeholder: "CODE"), help: "The commune's INSEE code, e.g. 33063 or 97209.")
    static let kindOption = OptionSpec("kind", .value(placeholder: "ID"), help: "The kind's id (see 'masecurite signalements kinds').", required: true)
    static let fieldOption = OptionSpec("field", .repeatable(placeholder: "name=value"),
                                        help: "A field of the kind, e.g. place=\"hall B\" or when=2026-03-01T22:00:00+01:00; contact.email=… etc. only if you wish.")
    static let descriptionOption = OptionSpec("description", .value(placeholder: "TEXT"), help: "The description (same as --field description=TEXT).")
    static let referencePositional = PositionalSpec("REF", help: "The reference given when filing, e.g. S-K7QM-4XTR-9BWE-2HPA-ZC3N.")
    static let endpointsOption = OptionSpec("endpoints", .value(placeholder: "FILE"),
                                            help: "JSON file mapping unit ids to {\"url\", \"secret\"}; the key \"*\" is used for other units.")
    static let endpointOption = OptionSpec("endpoint", .value(placeholder: "URL"), help: "One endpoint for every unit (with --secret).")
    static let secretOption = OptionSpec("secret", .value(placeholder: "whsec_…"), help: "The Standard Webhooks secret of --endpoint (whsec_ and base64).")
    static let onceOption = OptionSpec("once", .flag, help: "Deliver what is due now, once, and exit.")
    static let maxSecondsOption = OptionSpec("max-seconds", .value(placeholder: "N"), help: "Stop after N seconds even if jobs remain (default: when nothing is left to deliver).")
    static let maxAttemptsOption = OptionSpec("max-attempts", .value(placeholder: "N"), help: "Attempts before a job is dead-lettered (default 8).")
    static let backoffOption = OptionSpec("backoff", .value(placeholder: "SECONDS"), help: "Delay after the first failure, doubled each time, with jitter (default 30).")
    static let leaseOption = OptionSpec("lease", .value(placeholder: "SECONDS"), help: "How long a job is held before another deliverer may take it (default 60).")
    static let retentionOption = OptionSpec("retention-days", .value(placeholder: "N"), help: "Keep the content of delivered signalements N days (default 90).")

    static var placeOptions: [OptionSpec] {
        [inseeOption, PlaceOptions.postalCodeOption, PlaceOptions.communeOption, PlaceOptions.latOption, PlaceOptions.lonOption]
    }

    static var commands: [CommandSpec] {
        let kinds = { (path: [String], summary: String) in
            CommandSpec(path: path, summary: summary,
                        discussion: "Example: masecurite signalements kinds --lang en --json",
                        options: [CLILanguage.option, .json], run: SignalementsCommands.kinds)
        }
        let competent = { (path: [String], summary: String) in
            CommandSpec(path: path, summary: summary,
                        discussion: """
                        Give exactly one place. Prints the institution (police-nationale, gendarmerie-nationale or \
                        prefecture-de-police), the unit's id and name, and whether the answer is approximate. Without \
                        --competence-file the unit is estimated from the bundled station directory (approximate: true).
                        Example: masecurite signalements competent --insee 33063 --json
                        """,
                        options: placeOptions + [competenceFileOption, CLILanguage.option, .json], run: SignalementsCommands.competent)
        }
        let submit = { (path: [String], summary: String) in
            CommandSpec(path: path, summary: summary,
                        discussion: """
                        Give the commune with one place option. Anonymous unless you add contact.name, contact.email or \
                        contact.phone fields. Prints the reference to keep: {"reference","kind","unit","approximate","status"}. \
                        A refused field exits 1 with {"error": "missing-field" | "invalid-value" | …, "path": "fields.…", "message"}.
                        Example: masecurite signalements submit --kind point-de-deal --insee 33063 --field place="hall B" \
                        --field recurrence=daily --description "ventes le soir" --json
                        """,
                        options: [kindOption] + placeOptions + [fieldOption, descriptionOption, storeOption, competenceFileOption,
                                                                 CLILanguage.option, .json],
                        run: SignalementsCommands.submit)
        }
        let show = { (path: [String], summary: String) in
            CommandSpec(path: path, summary: summary, positionals: [referencePositional],
                        options: [storeOption, CLILanguage.option, .json], run: SignalementsCommands.show)
        }
        return [
            kinds(["signalements", "kinds"], "List the kinds of signalement and their fields."),
            competent(["signalements", "competent"], "Which unit is competent for a commune (police, gendarmerie, Préfecture de police)."),
            competent(["signalements", "competence"], "Same as 'signalements competent'."),
            submit(["signalements", "submit"], "File a signalement (validated, routed, queued for delivery) and print its reference."),
            submit(["signalements", "file"], "Same as 'signalements submit'."),
            show(["signalements", "show"], "Show where a signalement stands, by its reference (never its content)."),
            show(["signalements", "status"], "Same as 'signalements show'."),
            CommandSpec(
                path: ["signalements", "deliver"],
                summary: "Deliver the outbox to the units' endpoints as Standard Webhooks, with retries.",
                discussion: """
                Give --endpoints FILE, or --endpoint URL with --secret. Runs until nothing is left to deliver \
                (every job delivered or dead-lettered), or --max-seconds, or one round with --once. Prints counts only.
                Example: masecurite signalements deliver --store s.sqlite --endpoint http://127.0.0.1:8080/hook --secret whsec_… --max-seconds 60
                """,
                options: [requiredStoreOption, endpointsOption, endpointOption, secretOption, onceOption, maxSecondsOption,
                          maxAttemptsOption, backoffOption, leaseOption, .json],
                run: deliver
            ),
            CommandSpec(
                path: ["signalements", "purge"],
                summary: "Erase the content of delivered signalements older than the retention period (receipts stay).",
                options: [storeOption, retentionOption, .json],
                run: purge
            ),
        ]
    }

    // MARK: Shared

    struct ErrorOutput: Encodable {
        let error: String
        let path: String?
        let message: String
    }

    static func refuse(code: String, path: String? = nil, message: String, json: Bool, _ context: CommandContext) throws -> Int32 {
        if json {
            context.console.line(try JSONOutput.encode(ErrorOutput(error: code, path: path, message: message), pretty: false))
        } else {
            context.console.errorLine("error: \(message)")
        }
        return 1
    }

    static func catalog() throws -> SignalementCatalog {
        do { return try SignalementCatalog.bundled() } catch { throw OperationError("cannot load the kinds of signalement: \(error)") }
    }

    static func storePath(_ arguments: ParsedArguments, _ context: CommandContext, option: OptionSpec) throws(UsageError) -> String {
        try DataFile.path(arguments, option: option, name: "signalements.sqlite", kept: "the signalements would be kept nowhere", context)
    }

    /// Opens the store; `nil` when the file does not exist and `create` is false.
    static func openStore(_ path: String, create: Bool) throws -> SQLiteSignalementStore? {
        guard try DataFile.prepare(path, create: create, what: "the signalements file") else { return nil }
        do { return try SQLiteSignalementStore(path: path) } catch {
            throw OperationError("cannot open the signalements file \(path): \(error)")
        }
    }

    static func competenceSource(_ arguments: ParsedArguments) throws -> any CompetenceSource {
        if let path = arguments.value(SignalementsCommands.competenceFileOption) {
            do { return try CompetenceFile(path: path) } catch { throw OperationError(error.description) }
        }
        return StationDirectoryCompetence(finder: try StationsCatalog.finder())
    }

    /// The one place given (`--insee` or the shared place options); a usage error when none or several.
    static func place(_ arguments: ParsedArguments) throws(UsageError) -> Place {
        let insee = arguments.value(SignalementsCommands.inseeOption)
        let other = try PlaceOptions.place(arguments, allowingDepartement: false)
        switch (insee, other) {
        case (let code?, nil):
            do { return .insee(try INSEECode(code)) } catch { throw UsageError("--insee: \(error.description)") }
        case (nil, let place?):
            return place
        case (.some, .some):
            throw UsageError("give exactly one place: --insee, --postal-code, --commune, or --lat and --lon")
        case (nil, nil):
            throw UsageError("give the commune: --insee CODE, --postal-code P, --commune NAME, or --lat X --lon Y")
        }
    }

    /// The competence for the place given; prints the refusal and returns `nil` when there is none.
    static func competence(_ arguments: ParsedArguments, json: Bool, _ context: CommandContext) throws -> Competence? {
        let place = try place(arguments)
        let source = try competenceSource(arguments)
        do {
            // An INSEE code needs no place resolution: with the official file the
            // bundled directory is then never loaded.
            if case .insee(let insee) = place { return try source.competence(for: insee) }
            return try StationsCatalog.finder().competence(for: place, from: source).competence
        } catch let error as PlaceError {
            _ = try refuse(code: "unknown-place", message: error.description, json: json, context)
        } catch let error as CompetenceError {
            _ = try refuse(code: "no-competent-unit", message: error.description, json: json, context)
        } catch let error as TerritorialCodeError {
            _ = try refuse(code: "unknown-place", message: error.description, json: json, context)
        }
        return nil
    }

    // MARK: kinds

    struct FieldOutput: Encodable {
        let name: String
        let type: String
        let required: Bool
        let maxLength: Int?
        let choices: [String]?
        let label: String
        var onlyIf: [String: String]? = nil
        enum CodingKeys: String, CodingKey { case name, type, required, maxLength = "max_length", choices, label, onlyIf = "only_if" }
    }

    struct KindOutput: Encodable {
        let id: String
        let label: String
        let summary: String
        let urgentNotice: String?
        let fields: [FieldOutput]
        enum CodingKeys: String, CodingKey { case id, label, summary, urgentNotice = "urgent_notice", fields }
    }

    @Sendable static func kinds(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let language = try CLILanguage.language(arguments)
        let t = Wording(language: language)
        let catalog = try catalog()
        let contact = SignalementCatalog.contactFields.map {
            FieldOutput(name: $0, type: "text", required: false, maxLength: SignalementLimits.maximumContactLength, choices: nil,
                        label: t("Contact (facultatif)", "Contact (optional)"))
        }
        let output = catalog.kinds.map { kind in
            KindOutput(id: kind.id, label: kind.label.text(in: language), summary: kind.summary.text(in: language),
                       urgentNotice: kind.urgentNotice?.text(in: language),
                       fields: kind.fields.map {
                           FieldOutput(name: $0.name, type: $0.type.rawValue, required: $0.required, maxLength: $0.maxLength,
                                       choices: $0.type == .recurrence ? Recurrence.allCases.map(\.rawValue) : $0.choices,
                                       label: $0.label.text(in: language), onlyIf: $0.onlyIf)
                       } + contact)
        }
        if arguments.flag(.json) {
            context.console.line(try JSONOutput.encode(output))
            return 0
        }
        for kind in output {
            context.console.line("\(kind.id) — \(kind.label)")
            context.console.line("  \(kind.summary)")
            if let notice = kind.urgentNotice { context.console.line("  ! \(notice)") }
            for field in kind.fields where !field.name.hasPrefix("contact.") {
                let required = field.required ? t(" (obligatoire)", " (required)") : ""
                let values = field.choices.map { ": " + $0.joined(separator: ", ") } ?? ""
                context.console.line("    --field \(field.name)=…\(required)  \(field.label)\(values)")
            }
            context.console.line(t("    --field contact.name|contact.email|contact.phone=…  facultatif : anonyme sinon",
                                   "    --field contact.name|contact.email|contact.phone=…  optional: anonymous otherwise"))
        }
        return 0
    }

    // MARK: competent

    struct CompetenceOutput: Encodable {
        let insee: String
        let commune: String?
        let institution: String
        let unitID: String
        let unitName: String
        let approximate: Bool
        let source: String
        enum CodingKeys: String, CodingKey {
            case insee, commune, institution, unitID = "unit_id", unitName = "unit_name", approximate, source
        }
        init(_ competence: Competence) {
            insee = competence.insee
            commune = competence.commune
            institution = competence.institution.rawValue
            unitID = competence.unit.id
            unitName = competence.unit.name
            approximate = competence.approximate
            source = competence.source
        }
    }

    @Sendable static func competent(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let json = arguments.flag(.json)
        let language = try CLILanguage.language(arguments)
        let t = Wording(language: language)
        guard let competence = try competence(arguments, json: json, context) else { return 1 }
        let output = CompetenceOutput(competence)
        if json {
            context.console.line(try JSONOutput.encode(output))
            return 0
        }
        context.console.line("\(competence.commune ?? competence.insee) (\(competence.insee)) — \(competence.institution.name.text(in: language))")
        context.console.line(t.label("unité :", "unit:", width: 13) + "\(competence.unit.name) (\(competence.unit.id))")
        if competence.approximate {
            context.console.line(t("  approximatif : estimé d'après l'annuaire des commissariats et brigades ; --competence-file pour le fichier officiel.",
                                   "  approximate: estimated from the station directory; use --competence-file for the official file."))
        }
        return 0
    }

    // MARK: submit

    struct SubmitOutput: Encodable {
        let reference: String
        let kind: String
        let institution: String
        let unitID: String
        let unitName: String
        let approximate: Bool
        let status: String
        enum CodingKeys: String, CodingKey {
            case reference, kind, institution, unitID = "unit_id", unitName = "unit_name", approximate, status
        }
    }

    @Sendable static func submit(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let json = arguments.flag(.json)
        let t = Wording(language: try CLILanguage.language(arguments))
        let kind = try arguments.required(SignalementsCommands.kindOption)
        var fields: [String: String] = [:]
        for pair in arguments.values(SignalementsCommands.fieldOption) {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw UsageError("--field expects name=value, e.g. place=\"hall B\"; got '\(Echo.truncated(pair))'")
            }
            let name = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
            guard fields[name] == nil else { throw UsageError("--field \(Echo.truncated(name)) is given twice") }
            fields[name] = String(pair[pair.index(after: equals)...])
        }
        if let description = arguments.value(SignalementsCommands.descriptionOption) {
            guard fields["description"] == nil else { throw UsageError("give the description once: --description or --field description=…") }
            fields["description"] = description
        }
        let path = try storePath(arguments, context, option: SignalementsCommands.storeOption)
        let catalog = try catalog()
        // Check the content before anything else, so a refused signalement creates no file.
        do { _ = try catalog.validate(kind: kind, fields: fields) } catch {
            return try refuse(code: error.code, path: error.path, message: error.description, json: json, context)
        }
        guard let competence = try competence(arguments, json: json, context) else { return 1 }
        guard let store = try openStore(path, create: true) else { throw OperationError("cannot open the signalements file \(path)") }
        let desk = SignalementDesk(catalog: catalog, competence: FixedAnswer(answer: competence), store: store, clock: context.clock)
        let signalement: Signalement
        do {
            signalement = try await desk.file(kind: kind, commune: try INSEECode(competence.insee), fields: fields)
        } catch let error as SignalementError {
            return try refuse(code: error.code, path: error.path, message: error.description, json: json, context)
        }
        let output = SubmitOutput(reference: signalement.reference.formatted, kind: kind, institution: competence.institution.rawValue,
                                  unitID: competence.unit.id, unitName: competence.unit.name, approximate: competence.approximate,
                                  status: DeliveryStatus.pending.rawValue)
        if json {
            context.console.line(try JSONOutput.encode(output))
        } else {
            context.console.line(t("Signalement enregistré, à transmettre à : \(competence.unit.name).",
                                   "Signalement filed, to be sent to: \(competence.unit.name)."))
            context.console.line(t("Référence : \(output.reference) (gardez-la pour suivre la transmission).",
                                   "Reference: \(output.reference) (keep it to follow the delivery)."))
        }
        return 0
    }

    /// The competence already found for the place, given to the desk as a source.
    struct FixedAnswer: CompetenceSource {
        let answer: Competence
        func competence(for insee: INSEECode) throws(CompetenceError) -> Competence { answer }
    }

    // MARK: show

    @Sendable static func show(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let json = arguments.flag(.json)
        let language = try CLILanguage.language(arguments)
        let t = Wording(language: language)
        let reference: SignalementReference
        do { reference = try SignalementReference(arguments.positional(0) ?? "") } catch { throw UsageError(error.description) }
        let path = try storePath(arguments, context, option: SignalementsCommands.storeOption)
        let notFound = t("aucun signalement n'a cette référence", "no signalement has this reference")
        guard let store = try openStore(path, create: false) else {
            return try refuse(code: "not-found", message: notFound, json: json, context)
        }
        guard let receipt = try await store.receipt(reference: reference) else {
            return try refuse(code: "not-found", message: notFound, json: json, context)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .custom { date, encoder in
                var container = encoder.singleValueContainer()
                try container.encode(RFC3339.format(date, in: .gmt))
            }
            context.console.line(String(decoding: try encoder.encode(receipt), as: UTF8.self))
            return 0
        }
        context.console.line(t("Signalement ", "Signalement ") + receipt.reference.formatted)
        context.console.line(t.label("nature :", "kind:", width: 14) + receipt.kind)
        context.console.line(t.label("destinataire :", "sent to:", width: 14) + receipt.unit.name
            + (receipt.approximate ? t(" (estimé)", " (estimated)") : ""))
        context.console.line(t.label("déposé le :", "filed:", width: 14) + RFC3339.format(receipt.filedAt, in: .gmt))
        let status: String = switch receipt.status {
        case .pending: t("en attente de transmission", "waiting to be sent")
        case .leased: t("en cours de transmission", "being sent")
        case .delivered: t("transmis le ", "delivered on ") + (receipt.deliveredAt.map { RFC3339.format($0, in: .gmt) } ?? "?")
        case .deadLetter: t("non transmis après plusieurs essais : un agent va le reprendre", "not delivered after several tries: an officer will take it up")
        }
        context.console.line(t.label("état :", "status:", width: 14) + status)
        return 0
    }

    // MARK: deliver

    static func endpoints(_ arguments: ParsedArguments) throws -> (units: [String: WebhookEndpoint], fallback: WebhookEndpoint?) {
        let file = arguments.value(SignalementsCommands.endpointsOption)
        let url = arguments.value(SignalementsCommands.endpointOption)
        let secret = arguments.value(SignalementsCommands.secretOption)
        switch (file, url, secret) {
        case (nil, let url?, let secret?):
            do { return ([:], try WebhookEndpoint(url: url, secret: try WebhookSecret(secret))) } catch {
                throw UsageError(error.description)
            }
        case (let file?, nil, nil):
            do {
                let endpoints = try WebhookEndpoints(contentsOf: file)
                return (endpoints.units, endpoints.fallback)
            } catch {
                throw OperationError(error.description)
            }
        case (nil, .some, nil):
            throw UsageError("--endpoint needs --secret whsec_…")
        case (nil, nil, .some):
            throw UsageError("--secret needs --endpoint URL")
        case (nil, nil, nil):
            throw UsageError("give --endpoints FILE, or --endpoint URL with --secret whsec_…")
        default:
            throw UsageError("give either --endpoints FILE or --endpoint URL with --secret, not both")
        }
    }

    struct DeliverOutput: Encodable {
        let claimed: Int
        let delivered: Int
        let retried: Int
        let deadLettered: Int
        let leaseLost: Int
        let outbox: [String: Int]
        enum CodingKeys: String, CodingKey {
            case claimed, delivered, retried, deadLettered = "dead_lettered", leaseLost = "lease_lost", outbox
        }
    }

    @Sendable static func deliver(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let json = arguments.flag(.json)
        let path = try storePath(arguments, context, option: SignalementsCommands.requiredStoreOption)
        let (units, fallback) = try endpoints(arguments)
        let maxSeconds = try arguments.int(SignalementsCommands.maxSecondsOption, in: 1...86_400)
        let policy = RetryPolicy(maximumAttempts: try arguments.int(SignalementsCommands.maxAttemptsOption, in: 1...100) ?? 8,
                                 baseDelay: try arguments.double(SignalementsCommands.backoffOption).map { max(0, min($0, 86_400)) } ?? 30)
        let lease = try arguments.double(SignalementsCommands.leaseOption).map { max(1, min($0, 86_400)) } ?? 60
        guard let store = try openStore(path, create: false) else {
            return try refuse(code: "store-unavailable", message: "no signalements file at \(path)", json: json, context)
        }
        let deliverer = SignalementDeliverer(store: store, endpoints: units, fallback: fallback, transport: URLSessionWebhookTransport(),
                                             clock: context.clock, policy: policy, leaseDuration: lease)
        let round: SignalementDeliverer.Round
        if arguments.flag(SignalementsCommands.onceOption) {
            round = try await deliverer.runOnce()
        } else {
            round = try await deliverer.runUntilIdle(deadline: maxSeconds.map { context.clock.now().addingTimeInterval(TimeInterval($0)) })
        }
        let counts = try await store.counts()
        let output = DeliverOutput(claimed: round.claimed, delivered: round.delivered, retried: round.retried,
                                   deadLettered: round.deadLettered, leaseLost: round.leaseLost,
                                   outbox: Dictionary(uniqueKeysWithValues: DeliveryStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) }))
        if json {
            context.console.line(try JSONOutput.encode(output, pretty: false))
        } else {
            context.console.line("attempts \(round.claimed), delivered \(round.delivered), retried \(round.retried), "
                + "dead-lettered \(round.deadLettered), lease lost \(round.leaseLost)")
            context.console.line("outbox: " + DeliveryStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        }
        return 0
    }

    // MARK: purge

    @Sendable static func purge(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> Int32 {
        let json = arguments.flag(.json)
        let path = try storePath(arguments, context, option: SignalementsCommands.storeOption)
        let retention = SignalementRetention(days: try arguments.int(SignalementsCommands.retentionOption, in: 0...3_650) ?? 90)
        guard let store = try openStore(path, create: false) else {
            return try refuse(code: "store-unavailable", message: "no signalements file at \(path)", json: json, context)
        }
        let count = try await store.purge(filedBefore: retention.cutoff(at: context.clock.now()))
        if json {
            context.console.line(try JSONOutput.encode(["purged": count], pretty: false))
        } else {
            context.console.line("purged \(count) signalement(s) older than \(retention.days) day(s)")
        }
        return 0
    }
}
