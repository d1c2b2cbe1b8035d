/// How the command line quotes what a person typed back in a message.
public enum Echo {
    /// The longest part of a typed value repeated in a message.
    public static let maximumLength = 64

    /// `text` as typed when short, else its first ``maximumLength`` characters and `…`,
    /// so a 100 KB argument does not flood the terminal or a log.
    public static func truncated(_ text: String) -> String {
        text.count <= maximumLength ? text : String(text.prefix(maximumLength)) + "…"
    }
}
