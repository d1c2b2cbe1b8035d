import Foundation

/// The territories whose public-holiday rules and time zones differ.
///
/// Metropolitan France is split in two because Alsace-Moselle (57, 67, 68)
/// keeps two extra public holidays.
public enum Territory: String, Hashable, Sendable, Codable, CaseIterable {
    case metropole
    case alsaceMoselle = "alsace-moselle"
    case guadeloupe
    case martinique
    case guyane
    case reunion
    case saintPierreEtMiquelon = "saint-pierre-et-miquelon"
    case mayotte
    case saintBarthelemy = "saint-barthelemy"
    case saintMartin = "saint-martin"
    case terresAustralesEtAntarctiques = "taaf"
    case wallisEtFutuna = "wallis-et-futuna"
    case polynesieFrancaise = "polynesie-francaise"
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
}
