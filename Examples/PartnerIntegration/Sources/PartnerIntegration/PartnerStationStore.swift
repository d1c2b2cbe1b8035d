import Foundation
import StationDirectory

/// The partner's own copy of the station directory, in its own storage: a JSON
/// file in its own record format, refreshed from the SDK's bundled snapshot
/// when missing. The SDK's search code does not change: it only sees a
/// `StationSource`.
struct PartnerStationStore: StationSource {
    /// The partner's record: only what its pages show.
    struct Record: Codable {
        let id: String
        let kind: String
        let name: String
        let address: String?
        let postalCode: String
        let commune: String
        let insee: String
        let lat: Double
        let lon: Double
        let phone: String?
    }

    let file: URL
    var version: String { "partner cache \(file.lastPathComponent)" }

    func loadStations() throws -> [Station] {
        if !FileManager.default.fileExists(atPath: file.path) { try refresh() }
        let records = try JSONDecoder().decode([Record].self, from: Data(contentsOf: file))
        return try records.map { record in
            guard let kind = StationKind(rawValue: record.kind) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(file.path): station \(record.id) has kind '\(record.kind)'"])
            }
            return Station(id: record.id, kind: kind, name: record.name, address: record.address,
                           postalCode: try PostalCode(record.postalCode), commune: record.commune, insee: try INSEECode(record.insee),
                           location: try GeoPoint(latitude: record.lat, longitude: record.lon),
                           phone: try record.phone.map { try PhoneNumber(display: $0, e164: nil) })
        }
    }

    /// Writes the partner's copy from the SDK's bundled directory (only sites open to the public).
    func refresh() throws {
        let records = try BundledStationSource().loadStations().filter(\.receivesPublic).map {
            Record(id: $0.id, kind: $0.kind.rawValue, name: $0.name, address: $0.address, postalCode: $0.postalCode.rawValue,
                   commune: $0.commune, insee: $0.insee.rawValue, lat: $0.location.latitude, lon: $0.location.longitude,
                   phone: $0.phone?.display)
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONEncoder().encode(records).write(to: file, options: .atomic)
    }
}
