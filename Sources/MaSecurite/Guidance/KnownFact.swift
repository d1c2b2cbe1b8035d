import Foundation

/// One fact of the situation (Teleservices' vocabulary) and where it comes from.
public struct KnownFact: Hashable, Sendable, Codable {
    /// Where a fact comes from.
    public enum Origin: String, Hashable, Sendable, Codable {
        /// Given by the citizen or the host app.
        case citizen
        /// Read from the place (the département).
        case place
        /// Implied by the orientation reached (e.g. a theft by someone unknown).
        case orientation
        /// Read from the sentence (an age, "I am a minor").
        case sentence
        /// Set by emergency detection.
        case emergency
    }

    /// The fact name, e.g. `department`, `author_known`.
    public var name: String
    /// The value as written on the command line (`33`, `false`, `vol`), or `?` for « I don't know ».
    public var value: String
    /// Where it comes from.
    public var origin: Origin

    /// Creates a value.
    public init(name: String, value: String, origin: Origin) {
        self.name = name
        self.value = value
        self.origin = origin
    }
}
