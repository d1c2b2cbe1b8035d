/// Why a place cannot be used to search for stations. Each case says what was
/// typed and what to give instead; the description is written for the person
/// at the keyboard (the command line, the guichet and the partner server show it).
public enum PlaceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text cannot be read as a place (empty, or a `lat,lon` out of range).
    case invalid(String, reason: String)
    /// A well-formed postal code that no commune has (unused, a CEDEX code, or Monaco's 98000).
    case unknownPostalCode(PostalCode)
    /// A well-formed INSEE code that no commune has.
    case unknownINSEECode(INSEECode)
    /// No commune name is close enough to the text.
    case noCommuneMatches(String)
    /// The directory lists no station in this département, so it has no centre to search around.
    case noStationInDepartement(DepartementCode)
    /// No commune and no station at all to place a point (an empty directory).
    case nothingNear(GeoPoint)
    /// The communes could not be loaded.
    case communesUnavailable(String)

    public var description: String {
        switch self {
        case .invalid(let text, let reason):
            return "place '\(Echo.truncated(text))' cannot be used: \(reason)"
        case .unknownPostalCode(let code) where code.rawValue == "98000":
            return "98000 is the postal code of Monaco, a separate country with its own police: "
                + "no French police or gendarmerie station serves it"
        case .unknownPostalCode(let code):
            return "no commune has postal code \(code): it is unused or reserved for a company (CEDEX); "
                + "give the postal code of the address or a commune name"
        case .unknownINSEECode(let code):
            return "no commune has INSEE code \(code); check the code or give a postal code (e.g. 33000)"
        case .noCommuneMatches(let name):
            return "no French commune matches '\(Echo.truncated(name))'; check the spelling or give a postal code (e.g. 33000)"
        case .noStationInDepartement(let code):
            return "the directory lists no police or gendarmerie station in département \(code); give a postal code or a commune"
        case .nothingNear(let point):
            return "no commune or station is known near \(point)"
        case .communesUnavailable(let message):
            return "the communes could not be loaded: \(message)"
        }
    }

    /// `true` when the text itself is unusable (a usage mistake), `false` when it
    /// is well formed but matches nothing.
    public var isInvalidInput: Bool {
        if case .invalid = self { return true }
        return false
    }
}
