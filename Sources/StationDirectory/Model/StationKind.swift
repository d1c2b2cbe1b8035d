/// Which force runs a station.
public enum StationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Police nationale: commissariat (police station) or bureau de police.
    case police
    /// Gendarmerie nationale: brigade (gendarmerie station).
    case gendarmerie
}
