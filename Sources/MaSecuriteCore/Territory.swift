import Foundation

/// The territories whose public-holiday rules and time zones differ.
///
/// Metropolitan France is split in two because Alsace-Moselle (57, 67, 68)
/// keeps two extra public holidays. The raw value (kebab-case) is the JSON form.
public enum Territory: String, Hashable, Sendable, Codable, CaseIterable {
    /// Metropolitan France and Corsica, except Alsace-Moselle.
    case metropole
    /// Moselle (57), Bas-Rhin (67) and Haut-Rhin (68): two extra public holidays.
    case alsaceMoselle = "alsace-moselle"
    /// Guadeloupe (971).
    case guadeloupe
    /// Martinique (972).
    case martinique
    /// Guyane, French Guiana (973).
    case guyane
    /// La Réunion (974).
    case reunion
    /// Saint-Pierre-et-Miquelon (975), the only overseas territory with daylight saving.
    case saintPierreEtMiquelon = "saint-pierre-et-miquelon"
    /// Mayotte (976).
    case mayotte
    /// Saint-Barthélemy (977).
    case saintBarthelemy = "saint-barthelemy"
    /// Saint-Martin (978).
    case saintMartin = "saint-martin"
    /// Terres australes et antarctiques françaises (984).
    case terresAustralesEtAntarctiques = "taaf"
    /// Wallis-et-Futuna (986).
    case wallisEtFutuna = "wallis-et-futuna"
    /// Polynésie française, French Polynesia (987).
    case polynesieFrancaise = "polynesie-francaise"
    /// Nouvelle-Calédonie, New Caledonia (988).
    case nouvelleCaledonie = "nouvelle-caledonie"

    /// IANA time-zone identifier of the territory (for French Polynesia, Tahiti's).
    public var timeZoneIdentifier: String {
        switch self {
        case .metropole, .alsaceMoselle: return "Europe/Paris"
        case .guadeloupe: return "America/Guadeloupe"
        case .martinique: return "America/Martinique"
        case .guyane: return "America/Cayenne"
        case .reunion: return "Indian/Reunion"
        case .saintPierreEtMiquelon: return "America/Miquelon"
        case .mayotte: return "Indian/Mayotte"
        case .saintBarthelemy: return "America/St_Barthelemy"
        case .saintMartin: return "America/Marigot"
        case .terresAustralesEtAntarctiques: return "Indian/Kerguelen"
        case .wallisEtFutuna: return "Pacific/Wallis"
        case .polynesieFrancaise: return "Pacific/Tahiti"
        case .nouvelleCaledonie: return "Pacific/Noumea"
        }
    }

    /// The territory's time zone. Every identifier above is a valid IANA zone
    /// (checked by the test suite); UTC is only a defensive fallback.
    public var timeZone: TimeZone {
        TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// Whether the territory is outside metropolitan France.
    public var isOverseas: Bool { self != .metropole && self != .alsaceMoselle }

    /// The territory's name in French and English, for display.
    public var displayName: LocalizedText {
        switch self {
        case .metropole: return LocalizedText("France métropolitaine", en: "Metropolitan France")
        case .alsaceMoselle: return LocalizedText("Alsace-Moselle", en: "Alsace-Moselle")
        case .guadeloupe: return LocalizedText("Guadeloupe", en: "Guadeloupe")
        case .martinique: return LocalizedText("Martinique", en: "Martinique")
        case .guyane: return LocalizedText("Guyane", en: "French Guiana")
        case .reunion: return LocalizedText("La Réunion", en: "Réunion")
        case .saintPierreEtMiquelon: return LocalizedText("Saint-Pierre-et-Miquelon", en: "Saint Pierre and Miquelon")
        case .mayotte: return LocalizedText("Mayotte", en: "Mayotte")
        case .saintBarthelemy: return LocalizedText("Saint-Barthélemy", en: "Saint Barthélemy")
        case .saintMartin: return LocalizedText("Saint-Martin", en: "Saint Martin")
        case .terresAustralesEtAntarctiques:
            return LocalizedText("Terres australes et antarctiques françaises", en: "French Southern and Antarctic Lands")
        case .wallisEtFutuna: return LocalizedText("Wallis-et-Futuna", en: "Wallis and Futuna")
        case .polynesieFrancaise: return LocalizedText("Polynésie française", en: "French Polynesia")
        case .nouvelleCaledonie: return LocalizedText("Nouvelle-Calédonie", en: "New Caledonia")
        }
    }
}
