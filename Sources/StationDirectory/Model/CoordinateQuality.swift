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
    /// Not checked (custom data without a quality column).
    case unchecked

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
