/// How far the station's coordinates can be trusted (checked against the
/// commune centroid when the data was prepared).
public enum CoordinateQuality: String, Hashable, Sendable, Codable {
    /// Published coordinates, consistent with the commune.
    case ok
    /// Published coordinates kept, but far from the commune centre (may be wrong).
    case suspect
    /// Published coordinates were missing or wrong and were replaced by the
    /// commune centroid: the station is somewhere in the commune, not at this point.
    case communeCentroid = "commune_centroid"
    /// Published coordinates are exactly those of another station of the same
    /// file (e.g. three brigades of Saint-Paul, La Réunion, published at one
    /// point): at most one of them is really there, so treat the point as approximate.
    case sharedPoint = "shared_point"
    /// Not checked (custom data without a quality column).
    case unchecked

    /// Whether the point may be far from the station's door (anything but ``ok``
    /// and ``unchecked``): show it as approximate.
    public var isApproximate: Bool {
        switch self {
        case .ok, .unchecked: false
        case .suspect, .communeCentroid, .sharedPoint: true
        }
    }

    /// Maps the source's `coord_flag` value; `nil` when unknown.
    init?(sourceFlag: String) {
        switch sourceFlag {
        case "": self = .unchecked
        case "ok": self = .ok
        case "suspect_far_from_commune": self = .suspect
        default:
            guard sourceFlag.hasSuffix(">replaced_by_commune_centroid") else { return nil }
            self = .communeCentroid
        }
    }
}
