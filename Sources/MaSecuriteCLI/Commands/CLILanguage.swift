import MaSecuriteCore

/// The language of what a command writes for a person: French by default,
/// English with `--lang en`. `--json` output is the same in both.
enum CLILanguage {
    /// `--lang fr|en`.
    static let option = OptionSpec("lang", .value(placeholder: "fr|en"),
                                   help: "Language of the text (default fr; --json is the same in both).")

    /// `--lang`, French when absent.
    static func language(_ arguments: ParsedArguments) throws(UsageError) -> Language {
        try arguments.choice(CLILanguage.option, from: ["fr", "en"]).flatMap(Language.init(rawValue:)) ?? .french
    }
}

/// Picks the French or the English wording of a text.
struct Wording: Sendable {
    let language: Language

    /// `french` unless the language is English.
    func callAsFunction(_ french: String, _ english: String) -> String {
        language == .english ? english : french
    }

    /// `label` padded so the values of a block line up, e.g. `  phone:     `.
    func label(_ french: String, _ english: String, width: Int = 17) -> String {
        let text = self(french, english)
        return "  " + text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
    }
}
