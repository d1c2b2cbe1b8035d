import Foundation
import MaSecuriteCore
import StationDirectory

/// The bundled directory, loaded once per process.
enum StationsCatalog {
    private static let shared: Result<StationFinder, any Error> = Result { try StationFinder.bundled() }

    static func finder() throws -> StationFinder {
        switch shared {
        case .success(let finder): return finder
        case .failure(let error): throw OperationError("cannot load the bundled station directory: \(error)")
        }
    }
}

/// Text helpers of the stations commands.
enum StationsFormatting {
    struct BadLine: Error {
        let message: String
    }

    /// `1234.56` → `"1234.6"` (fast; no locale).
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `850 m` or `12.3 km`.
    static func distance(_ metres: Double) -> String {
        metres < 1000 ? "\(Int(metres.rounded())) m" : "\(oneDecimal(metres / 1000)) km"
    }

    static func openStatus(_ station: Station, at instant: Date, _ t: Wording = Wording(language: .french)) -> String {
        switch station.isOpen(at: instant) {
        case .some(true): return t("ouvert", "open")
        case .some(false):
            if let next = station.nextOpening(after: instant) {
                return t("fermé, ouvre le ", "closed, opens ") + RFC3339.format(next, in: station.openingHoursContext.timeZone)
            }
            return t("fermé", "closed")
        case .none: return t("horaires inconnus", "hours unknown")
        }
    }

    static func isHeader(_ line: Substring) -> Bool {
        let compact = line.filter { $0 != " " && $0 != "\t" }.lowercased()
        return compact == "lat,lon"
    }

    private static func number(_ text: Substring) -> Double? {
        if let value = Double(text) { return value }
        return Double(text.trimmingCharacters(in: .whitespaces))
    }

    static func parsePoint(_ line: Substring) -> Result<GeoPoint, BadLine> {
        let parts = line.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .failure(BadLine(message: "expected two fields 'lat,lon', found \(parts.count)"))
        }
        guard let latitude = number(parts[0]) else {
            return .failure(BadLine(message: "the latitude is not a decimal number"))
        }
        guard let longitude = number(parts[1]) else {
            return .failure(BadLine(message: "the longitude is not a decimal number"))
        }
        do {
            return .success(try GeoPoint(latitude: latitude, longitude: longitude))
        } catch {
            return .failure(BadLine(message: error.description))
        }
    }
}
