/// The canonical ids of the Teleservices catalog, so content can be validated
/// without depending on the Teleservices module. Pass the catalog's own ids to
/// ``ContentValidator`` when they are available.
public enum KnownTeleservices {
    /// The 24 canonical teleservice ids.
    public static let ids: Set<String> = [
        "tchat", "pnav", "espace-mineurs", "plainte-en-ligne", "pre-plainte-en-ligne", "visioplainte", "thesee",
        "perceval", "pharos", "17cyber", "cybermalveillance", "operation-tranquillite-vacances",
        "signalement-stupefiants", "signalement-rodeo", "igpn", "cnapr", "maprocuration", "rendez-vous", "annuaire",
        "ants", "histovec", "sia", "objets-trouves-pp", "info-escroqueries",
    ]
}
