/// Why the guichet could not answer. Each case names what is wrong and where.
public enum GuichetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The orienteur has no leaf with this id.
    case unknownLeaf(String)
    /// The sentence is empty once trimmed.
    case emptySentence
    /// The sentence is longer than `limit` characters (``QueryLimit/maximumCharacters``, 10,000).
    case sentenceTooLong(limit: Int)
    /// A place the citizen gave cannot be read or matches no commune (see ``PlaceError``).
    case place(PlaceError)
    /// A fact hint or a given fact does not fit the teleservices' fact vocabulary.
    case invalidFact(leaf: String?, fact: String, message: String)
    /// A module could not load its data (content, catalog, directory).
    case loading(module: String, message: String)

    public var description: String {
        switch self {
        case .unknownLeaf(let id):
            return "the orienteur has no orientation (leaf) with id '\(Echo.truncated(id))'"
        case .emptySentence:
            return "the sentence is empty: describe the situation in a few words"
        case .sentenceTooLong(let limit):
            return "the sentence is longer than \(limit) characters: describe the situation in fewer words"
        case .place(let error):
            return error.description
        case .invalidFact(let leaf, let fact, let message):
            return (leaf.map { "fact hint of leaf '\($0)', " } ?? "") + "fact '\(fact)': \(message)"
        case .loading(let module, let message):
            return "\(module) could not be loaded: \(message)"
        }
    }
}

