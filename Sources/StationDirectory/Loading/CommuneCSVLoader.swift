import Foundation

/// Reads commune files in the layout of the bundled `communes_fr.csv`.
///
/// Required columns: `insee`, `name`, `postal_codes` (`|`-separated, may be
/// empty), `lat`, `lon`.
public enum CommuneCSVLoader {
    /// The columns a commune file must have.
    public static let requiredColumns = ["insee", "name", "postal_codes", "lat", "lon"]

    /// Loads communes from CSV bytes; see ``StationCSVLoader/load(bytes:source:mode:)`` for the modes.
    public static func load(bytes: [UInt8], source: String, mode: LoadingMode) throws(StationDataError) -> LoadResult<Commune> {
        var table = try CSVTable(bytes: bytes, source: source, required: requiredColumns)
        let inseeColumn = table.columns["insee"] ?? 0
        let nameColumn = table.columns["name"] ?? 0
        let postalColumn = table.columns["postal_codes"] ?? 0
        let latColumn = table.columns["lat"] ?? 0
        let lonColumn = table.columns["lon"] ?? 0
        var communes: [Commune] = []
        communes.reserveCapacity(bytes.count / 70)
        var problems: [StationDataError] = []
        var seen: Set<INSEECode> = []
        while true {
            do throws(StationDataError) {
                guard let record = try table.next() else { break }
                let fields = record.fields
                func invalid(_ field: String, _ raw: String, _ expected: String) -> StationDataError {
                    StationDataError(source: source, line: record.line, field: field, reason: .invalidValue(raw, expected: expected))
                }
                let inseeText = fields[inseeColumn].trimmingASCIISpaces()
                guard let insee = try? INSEECode(inseeText) else {
                    throw invalid("insee", inseeText, "an INSEE code of a French département or overseas collectivity")
                }
                let name = fields[nameColumn].trimmingASCIISpaces()
                guard !name.isEmpty else { throw invalid("name", name, "a non-empty name") }
                var postalCodes: [PostalCode] = []
                for part in fields[postalColumn].split(separator: "|") {
                    guard let code = try? PostalCode(String(part)) else {
                        throw invalid("postal_codes", fields[postalColumn], "5-digit postal codes separated by '|'")
                    }
                    postalCodes.append(code)
                }
                let latText = fields[latColumn], lonText = fields[lonColumn]
                guard let lat = Double(latText) else { throw invalid("lat", latText, "a latitude in decimal degrees") }
                guard let lon = Double(lonText) else { throw invalid("lon", lonText, "a longitude in decimal degrees") }
                guard let location = try? GeoPoint(latitude: lat, longitude: lon) else {
                    throw invalid("lat", "\(latText),\(lonText)", "coordinates within -90…90 and -180…180")
                }
                guard seen.insert(insee).inserted else {
                    throw StationDataError(source: source, line: record.line, field: "insee", reason: .duplicateIdentifier(insee.rawValue))
                }
                communes.append(Commune(insee: insee, name: name, postalCodes: postalCodes, location: location))
            } catch {
                if mode == .strict { throw error }
                problems.append(error)
            }
        }
        return LoadResult(items: communes, problems: problems)
    }
}
