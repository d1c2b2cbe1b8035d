/// Which online signalement services of the catalog the SDK can also take as
/// a structured signalement (module `Signalements`), so the guichet offers the
/// form where one exists.
public enum StructuredSignalement {
    /// Teleservice id → kind id in `SignalementCatalog`.
    public static let kindsByTeleservice: [String: String] = [
        "signalement-stupefiants": "point-de-deal",
        "signalement-rodeo": "rodeo-urbain",
    ]

    /// The kind of signalement that the online service `id` also accepts as a form, if any.
    public static func kind(forTeleservice id: String) -> String? { kindsByTeleservice[id] }
}
