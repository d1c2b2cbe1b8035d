/// A language the SDK's content is written in.
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    /// French, the reference language (`fr`).
    case french = "fr"
    /// English (`en`), optional for every text.
    case english = "en"
}

/// A text in French (always present) and optionally English.
///
/// French is the reference language of every public service text; English is
/// optional and ``text(in:)`` falls back to French explicitly when it is
/// missing or blank. Encoded as `{"fr": "…", "en": "…"}` (`en` omitted when
/// there is no translation); decoding fails when `fr` is missing.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// The French text (required, the reference).
    public var french: String
    /// The English text, if translated.
    public var english: String?

    /// Creates a text from its French reference and an optional English translation.
    public init(french: String, english: String? = nil) {
        self.french = french
        self.english = english
    }

    /// Shorthand: `LocalizedText("Bonjour", en: "Hello")`.
    public init(_ french: String, en english: String? = nil) {
        self.init(french: french, english: english)
    }

    /// The text in `language`, falling back to French when there is no
    /// translation (a missing or blank English text).
    public func text(in language: Language) -> String {
        switch language {
        case .french: return french
        case .english: return hasTranslation(in: .english) ? (english ?? french) : french
        }
    }

    /// Whether the text exists in `language` without falling back
    /// (a blank English text counts as missing).
    public func hasTranslation(in language: Language) -> Bool {
        switch language {
        case .french: return true
        case .english:
            guard let english else { return false }
            return english.contains { !$0.isWhitespace }
        }
    }

    private enum CodingKeys: String, CodingKey { case french = "fr", english = "en" }
}
