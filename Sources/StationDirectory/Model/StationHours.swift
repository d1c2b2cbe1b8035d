/// A station's opening hours: structured when the source publishes them,
/// otherwise ``unknown`` (never guessed).
public enum StationHours: Hashable, Sendable {
    /// Published hours, with the OpenStreetMap text they were parsed from.
    case known(OpeningHours, osm: String)
    /// The source gives no hours: call the station or check its page.
    case unknown

    /// The structured hours, if known.
    public var openingHours: OpeningHours? {
        if case .known(let hours, _) = self { return hours }
        return nil
    }

    /// The OpenStreetMap `opening_hours` text, if known.
    public var osmText: String? {
        if case .known(_, let osm) = self { return osm }
        return nil
    }
}
