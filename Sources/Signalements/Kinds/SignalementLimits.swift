/// The bounds every signalement respects, whatever its kind: a client cannot
/// store or send an unbounded amount of text.
public enum SignalementLimits {
    /// Most fields (kind fields and contact) in one signalement.
    public static let maximumFields = 16
    /// Longest text field when the kind gives no `max_length`.
    public static let defaultMaximumLength = 1_000
    /// Longest value any field may have, even if a kind allows more.
    public static let absoluteMaximumLength = 8_000
    /// Most vehicles in a `vehicles` field.
    public static let maximumVehicles = 10
    /// Longest description of one vehicle.
    public static let maximumVehicleLength = 120
    /// Longest contact value (name, e-mail, phone).
    public static let maximumContactLength = 120
    /// Longest field name accepted in input.
    public static let maximumFieldNameLength = 40
}
