import Foundation

/// The few facts a sentence states plainly: an age ("j'ai 15 ans", "I'm 15")
/// and being a minor ("je suis mineur", "under 18"). Nothing else is guessed
/// from free text: the orientation and the citizen's answers give the rest.
enum SentenceFacts {
    /// `(age, isMinor)` read from `sentence`; either may be `nil`.
    static func read(_ sentence: String) -> (age: Int?, isMinor: Bool?) {
        let text = " " + sentence.lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "\n", with: " ") + " "
        let age = readAge(text)
        if let age { return (age, age < 18) }
        let minorPhrases = [
            " je suis mineur", " je suis mineure", "moins de 18 ans", "moins de dix-huit ans", " collégien", " collégienne",
            " i am a minor", " i'm a minor", " im a minor", " under 18", " under eighteen", " underage",
        ]
        if minorPhrases.contains(where: text.contains) { return (nil, true) }
        return (nil, nil)
    }

    /// "j'ai 15 ans", "jai 15 ans", "âgé de 15 ans", "i am 15", "i'm 15 years old", "15 years old", "15yo".
    private static func readAge(_ text: String) -> Int? {
        let patterns = [
            #"(?:j'ai|jai|j ai|âgée? de|agée? de|age de|âge de)\s+(\d{1,2})\s*ans"#,
            #"(?:i am|i'm|im)\s+(\d{1,2})(?:\s*(?:years old|yo|y/o))?\b"#,
            #"\b(\d{1,2})\s*(?:years old|yo|y/o)\b"#,
        ]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            if let match = regex.firstMatch(in: text, range: range), match.numberOfRanges > 1,
               let group = Range(match.range(at: 1), in: text), let value = Int(text[group]), (1...120).contains(value) {
                return value
            }
        }
        return nil
    }
}
