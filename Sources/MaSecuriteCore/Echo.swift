/// How a message quotes back what a person typed: whole when short, cut after
/// ``maximumLength`` characters otherwise, so a 100 KB argument or query does not
/// flood a terminal, a log or an HTTP problem.
public enum Echo {
    /// The longest part of a typed value repeated in a message.
    public static let maximumLength = 64

    /// `text` as typed when short, else its first ``maximumLength`` characters and `…`.
    public static func truncated(_ text: String) -> String {
        text.count <= maximumLength ? text : String(text.prefix(maximumLength)) + "…"
    }
}
