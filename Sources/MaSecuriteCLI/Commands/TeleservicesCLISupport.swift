import Foundation
import Teleservices

/// Argument parsing and output shared by the `teleservices` commands.
enum TeleservicesCLI {
    /// The JSON of `teleservices check` (a public format).
    struct CheckOutput: Encodable {
        let id: String
        let verdict: String
        let reasons: [String]
        let missing: [String]
        let dontKnow: [String]

        private enum CodingKeys: String, CodingKey {
            case id, verdict, reasons, missing, dontKnow = "dont_know"
        }

        init(_ result: Eligibility, language: Language) {
            id = result.serviceID
            verdict = result.verdict.rawValue
            reasons = result.reasons(in: language)
            missing = result.missing
            dontKnow = result.dontKnow
        }
    }

    static func language(_ arguments: ParsedArguments) throws(UsageError) -> Language {
        switch try arguments.choice(CLILanguage.option, from: ["fr", "en"]) {
        case "en": return .english
        default: return .french
        }
    }

    static func departement(_ arguments: ParsedArguments) throws(UsageError) -> DepartementCode? {
        guard let raw = arguments.value(PlaceOptions.departmentOption) else { return nil }
        do { return try DepartementCode(raw) } catch { throw UsageError("--department: \(error.description)") }
    }

    /// `--date`, or today in the département's time zone (Paris time without one).
    static func day(_ arguments: ParsedArguments, departement: DepartementCode?, clock: any WallClock) throws(UsageError) -> LocalDate {
        if let raw = arguments.value(TeleservicesCommands.dateOption) {
            do { return try LocalDate(iso: raw) } catch { throw UsageError("--date expects YYYY-MM-DD, e.g. 2026-07-01; got '\(Echo.truncated(raw))'") }
        }
        let zone = departement?.timeZone ?? Territory.metropole.timeZone
        return LocalDate(clock.now(), in: zone)
    }

    /// The situation from every `--fact name=value`.
    static func situation(_ arguments: ParsedArguments, facts: FactVocabulary) throws(UsageError) -> Situation {
        var situation = Situation()
        for item in arguments.values(TeleservicesCommands.factOption) {
            guard let equals = item.firstIndex(of: "=") else {
                throw UsageError("--fact expects name=value, e.g. author_known=false; got '\(Echo.truncated(item))'. Valid facts: \(facts.names.joined(separator: ", "))")
            }
            let name = String(item[..<equals])
            let text = String(item[item.index(after: equals)...])
            do { situation[name] = try facts.answer(for: name, text: text) } catch { throw UsageError(error.description) }
        }
        return situation
    }

    static func printResult(_ result: Eligibility, name: String, catalog: TeleserviceCatalog, language: Language, console: any Console) {
        let verdict: String
        switch result.verdict {
        case .eligible: verdict = "eligible"
        case .notEligible: verdict = "not eligible"
        case .needsInformation: verdict = "needs information"
        }
        console.line("\(result.serviceID) — \(name): \(verdict)")
        for reason in result.reasons(in: language) { console.line("  - \(reason)") }
        if !result.missing.isEmpty {
            console.line("Still needed, in this order: \(result.missing.joined(separator: ", "))")
        }
        if !result.dontKnow.isEmpty {
            console.line("Answered « don't know » (not asked again): \(result.dontKnow.joined(separator: ", "))")
        }
        if !result.alternatives.isEmpty {
            let names = result.alternatives.map { id in "\(id) (\(catalog.service(id: id)?.name.text(in: language) ?? id))" }
            console.line("Instead, look at: \(names.joined(separator: ", "))")
        }
    }
}
