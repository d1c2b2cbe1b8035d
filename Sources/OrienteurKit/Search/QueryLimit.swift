/// The bound on the free text the orienteur reads: a citizen's sentence is
/// at most ``maximumCharacters`` characters.
///
/// A real description, even a long and rambling one, is a few hundred
/// characters; the bound keeps every answer fast whatever a client sends.
/// ``Orienteur/ask(_:language:limit:)`` never throws: it reads the first
/// ``maximumCharacters`` characters (see ``truncated(_:)``). A caller that
/// prefers to refuse longer text says so with ``check(_:)`` (the guichet does).
public enum QueryLimit {
    /// The longest sentence read, in characters (Swift `Character`s, i.e.
    /// user-perceived characters): 10,000.
    public static let maximumCharacters = 10_000

    /// Throws when `text` is longer than ``maximumCharacters``. Reads at most
    /// one character past the bound, so it is cheap on any input.
    /// - Throws: ``QueryTooLongError`` with the bound.
    public static func check(_ text: String) throws(QueryTooLongError) {
        // nil: shorter than the bound; endIndex: exactly the bound; any other index: longer.
        if let end = text.index(text.startIndex, offsetBy: maximumCharacters, limitedBy: text.endIndex), end != text.endIndex {
            throw QueryTooLongError(limit: maximumCharacters)
        }
    }

    /// `text` when it fits, else its first ``maximumCharacters`` characters cut
    /// back to the last whitespace in them, so that no word is cut in two (a text
    /// without any whitespace is cut at the bound).
    public static func truncated(_ text: String) -> String {
        guard let end = text.index(text.startIndex, offsetBy: maximumCharacters, limitedBy: text.endIndex),
              end != text.endIndex else {
            return text
        }
        let head = text[..<end]
        if let space = head.lastIndex(where: \.isWhitespace) { return String(head[..<space]) }
        return String(head)
    }
}

/// A sentence longer than ``QueryLimit/maximumCharacters``.
public struct QueryTooLongError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bound, in characters.
    public let limit: Int

    /// Creates the error for a bound.
    public init(limit: Int) {
        self.limit = limit
    }

    /// What is wrong and what to do.
    public var description: String {
        "the sentence is longer than \(limit) characters: describe the situation in fewer words"
    }
}
