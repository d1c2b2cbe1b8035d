import Foundation
import Teleservices

/// `masecurite teleservices …`: the catalog of online services, where they are
/// offered, and whether one fits a situation.
enum TeleservicesCommands: CommandArea {
    static var groups: [CommandGroup] {
        [CommandGroup("teleservices", summary: "The online services (téléservices): list them, check whether one fits a situation.")]
    }

    static var commands: [CommandSpec] { [list, check, suggest] }

    static var bundledData: [BundledDataInfo] {
        switch Result(catching: { () throws(TeleserviceCatalogError) in try TeleserviceCatalog.bundled() }) {
        case .success(let catalog):
            return [BundledDataInfo(name: "teleservices catalog (\(catalog.services.count) services, \(catalog.facts.facts.count) facts)",
                                    version: catalog.version, source: catalog.source, licence: catalog.licence)]
        case .failure(let error):
            return [BundledDataInfo(name: "teleservices catalog", version: "unavailable", source: error.description, licence: "-")]
        }
    }

    static let dateOption = OptionSpec("date", .value(placeholder: "YYYY-MM-DD"),
                                       help: "The day to check (default: today, in the département's time zone or Paris time).")
    static let langOption = OptionSpec("lang", .value(placeholder: "fr|en"), help: "Language of names and explanations (default: fr).")
    static let factOption = OptionSpec("fact", .repeatable(placeholder: "name=value"),
                                       help: "A fact of the situation, e.g. author_known=false, offence=vol, department=33, age=17; '?' means « I don't know ».")

    static var list: CommandSpec {
        CommandSpec(
            path: ["teleservices", "list"],
            summary: "List the online services and whether each is offered (in a département, on a date).",
            discussion: "Examples:\n  masecurite teleservices list --department 78 --json\n  masecurite teleservices list --date 2024-03-01 --department 33",
            options: [
                departmentOption,
                dateOption, langOption, .json,
            ]
        ) { arguments, context in
            let catalog = try loadCatalog()
            let language = try TeleservicesCLI.language(arguments)
            let departement = try TeleservicesCLI.departement(arguments)
            let day = try TeleservicesCLI.day(arguments, departement: departement, clock: context.clock)
            struct Row: Encodable {
                let id: String
                let name: String
                let url: String
                let authentication: [String]
                let available: Bool
            }
            let rows = catalog.services.map { service in
                Row(id: service.id, name: service.name.text(in: language), url: service.url.absoluteString,
                    authentication: service.authentication.map(\.rawValue),
                    available: departement.map { service.isAvailable(in: $0, on: day) } ?? service.isAvailableSomewhere(on: day))
            }
            if arguments.flag(.json) {
                context.console.line(try JSONOutput.encode(rows))
            } else {
                let width = rows.map(\.id.count).max() ?? 10
                let place = departement.map { "in \($0.rawValue)" } ?? "somewhere in France"
                context.console.line("Online services on \(day), offered \(place):")
                for row in rows {
                    let mark = row.available ? "yes" : "no "
                    context.console.line("  \(mark)  \(row.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(row.name)  [\(row.authentication.joined(separator: ", "))]")
                }
            }
            return 0
        }
    }

    static var check: CommandSpec {
        CommandSpec(
            path: ["teleservices", "check"],
            summary: "Check whether an online service fits a situation: eligible, not eligible, or which facts are still needed.",
            discussion: """
            Examples:
              masecurite teleservices check plainte-en-ligne --fact emergency_now=false --fact offence=vol --fact author_known=true
              masecurite teleservices check perceval --fact offence=fraude-carte --json
            JSON: {"id": …, "verdict": "eligible|not-eligible|needs-information", "reasons": […], "missing": [facts in asking order]}
            """,
            positionals: [PositionalSpec("ID", help: "The service id, e.g. plainte-en-ligne (see 'masecurite teleservices list').")],
            options: [factOption, dateOption, langOption, .json]
        ) { arguments, context in
            let catalog = try loadCatalog()
            let id = arguments.positional(0) ?? ""
            guard let service = catalog.service(id: id) else {
                throw UsageError("unknown teleservice '\(Echo.truncated(id))'; valid ids: \(catalog.serviceIDs.joined(separator: ", "))")
            }
            let language = try TeleservicesCLI.language(arguments)
            let situation = try TeleservicesCLI.situation(arguments, facts: catalog.facts)
            let day = try TeleservicesCLI.day(arguments, departement: situation.value(of: TeleserviceCatalog.departmentFact).flatMap {
                if case .departement(let code) = $0 { return code } else { return nil }
            }, clock: context.clock)
            let result: Eligibility
            do { result = try catalog.evaluate(service, situation: situation, on: day) } catch { throw UsageError("\(error)") }
            if arguments.flag(.json) {
                context.console.line(try JSONOutput.encode(TeleservicesCLI.CheckOutput(result, language: language)))
            } else {
                TeleservicesCLI.printResult(result, name: service.name.text(in: language), catalog: catalog, language: language, console: context.console)
            }
            return 0
        }
    }

    static var suggest: CommandSpec {
        CommandSpec(
            path: ["teleservices", "suggest"],
            summary: "Rank the online services that fit a situation, then those that need more answers.",
            discussion: "Example:\n  masecurite teleservices suggest --fact emergency_now=false --fact offence=escroquerie --fact happened_online=true",
            options: [factOption, dateOption, langOption, .json]
        ) { arguments, context in
            let catalog = try loadCatalog()
            let language = try TeleservicesCLI.language(arguments)
            let situation = try TeleservicesCLI.situation(arguments, facts: catalog.facts)
            let day = try TeleservicesCLI.day(arguments, departement: nil, clock: context.clock)
            let results: [Eligibility]
            do { results = try catalog.suggest(situation, on: day) } catch { throw UsageError("\(error)") }
            if arguments.flag(.json) {
                context.console.line(try JSONOutput.encode(results.map { TeleservicesCLI.CheckOutput($0, language: language) }))
            } else if results.isEmpty {
                context.console.line("No online service fits. If someone is in danger, call 17 or 112.")
            } else {
                for result in results {
                    let name = catalog.service(id: result.serviceID)?.name.text(in: language) ?? result.serviceID
                    let detail = result.verdict == .eligible ? "" : " (still needed: \(result.missing.joined(separator: ", ")))"
                    context.console.line("\(result.verdict.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(result.serviceID) — \(name)\(detail)")
                }
            }
            return 0
        }
    }

    static func loadCatalog() throws -> TeleserviceCatalog {
        do { return try TeleserviceCatalog.bundled() } catch { throw OperationError(error.description) }
    }
}

extension TeleservicesCommands {
    // The options of its commands, read by value so that a misspelt name does not compile.
    static let departmentOption = OptionSpec("department", .value(placeholder: "D"), help: "A département code (01…95, 2A, 2B, 971…); without it, 'available' means offered somewhere.")
}
