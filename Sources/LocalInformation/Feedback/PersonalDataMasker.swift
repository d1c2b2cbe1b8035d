import Foundation

/// Masks what identifies a person in a free-text comment before it is stored:
/// e-mail addresses (`[e-mail]`), telephone numbers (`[téléphone]`: French
/// numbers `06 12 34 56 78`, `06.12.34.56.78`, `0612345678`, and international
/// ones starting `+` or `00`, e.g. `+33 6 12 34 56 78`), and names introduced by « je m'appelle », « mon nom est »,
/// « moi c'est », "my name is", "I'm called", "call me", or a title
/// (« Monsieur », « Mme », "Mr"…) followed by a capitalised word (`[nom]`).
///
/// It errs on the side of masking: a ten-digit number starting with 0 is masked
/// as a telephone number. It cannot find every name (a name written without such a
/// phrase stays): the team is reminded of it in the documentation.
public enum PersonalDataMasker {
    /// The comment with personal data replaced, and whether anything was masked.
    public static func mask(_ text: String) -> (text: String, masked: Bool) {
        var result = text.replacing(#/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+/#, with: "[e-mail]")
        result = result.replacing(#/(?:\+|\b00)\s?\d{1,3}[ .\-]?(?:\(0\)[ .\-]?)?\d(?:[ .\-]?\d){5,12}/#, with: "[téléphone]")
        result = result.replacing(#/\b0[1-9](?:[ .\-]?\d{2}){4}\b/#, with: "[téléphone]")
        result = maskNames(result)
        return (result, result != text)
    }

    static let particles: Set<String> = ["de", "du", "des", "d'", "d’", "van", "von", "le", "la", "di", "da", "del", "ben", "el"]

    static func maskNames(_ text: String) -> String {
        let trigger = #/(?i)(?<phrase>je m['’]appelle|mon nom est|mon nom c['’]est|moi c['’]est|my name is|my name['’]s|i['’]m called|i am called|call me)|(?<title>\b(?:monsieur|madame|mademoiselle|mme|mlle|mr|mrs|ms|m\.)(?=[\s.]))/#
        var result = ""
        var cursor = text.startIndex
        for match in text.matches(of: trigger) {
            guard match.range.lowerBound >= cursor else { continue }
            let titleOnly = match.output.title != nil
            result += text[cursor..<match.range.upperBound]
            cursor = match.range.upperBound
            var index = match.range.upperBound
            // Skip the dot of an abbreviated title and the spaces.
            while index < text.endIndex, text[index] == " " || text[index] == "." || text[index] == ":" {
                index = text.index(after: index)
            }
            var words = 0
            var end = index
            while words < 4 {
                var wordEnd = index
                while wordEnd < text.endIndex, text[wordEnd].isLetter || text[wordEnd] == "-" || text[wordEnd] == "'" || text[wordEnd] == "’" {
                    wordEnd = text.index(after: wordEnd)
                }
                guard wordEnd > index else { break }
                let word = text[index..<wordEnd]
                let capitalised = word.first?.isUppercase ?? false
                let particle = particles.contains(word.lowercased())
                if words == 0 && titleOnly && !capitalised { break }
                if words > 0 && !capitalised && !particle { break }
                words += 1
                if !particle || words == 1 { end = wordEnd }
                var next = wordEnd
                while next < text.endIndex, text[next] == " " { next = text.index(after: next) }
                index = next
            }
            if words > 0 {
                // Keep the separators between the phrase and the name.
                var separatorEnd = cursor
                while separatorEnd < end, !(text[separatorEnd].isLetter) { separatorEnd = text.index(after: separatorEnd) }
                result += text[cursor..<separatorEnd] + "[nom]"
                cursor = end
            }
        }
        result += text[cursor...]
        return result
    }
}
