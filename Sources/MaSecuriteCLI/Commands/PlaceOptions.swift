import Foundation
import MaSecuriteCore
import StationDirectory

/// The place options shared by `ask`, `guide` and `stations near`: at most one of
/// `--postal-code`, `--commune`, `--department` (where allowed), or `--lat` with `--lon`.
/// What the place matches is then found by ``StationFinder/resolve(_:)``, the
/// resolver the guichet and the partner server use too.
enum PlaceOptions {
    /// The place given, `nil` when none; a usage error when several are given,
    /// when `--lat` comes without `--lon` (or the reverse), or when a value is malformed.
    static func place(_ arguments: ParsedArguments, allowingDepartement: Bool) throws(UsageError) -> Place? {
        let latitude = try arguments.double("lat")
        let longitude = try arguments.double("lon")
        let departement = allowingDepartement ? arguments.value("department") : nil
        let given = [arguments.value("postal-code") != nil, arguments.value("commune") != nil, departement != nil,
                     latitude != nil || longitude != nil].filter { $0 }.count
        guard given <= 1 else {
            throw UsageError(allowingDepartement
                ? "give at most one place: --postal-code, --commune, --department, or --lat and --lon"
                : "give exactly one place: --lat and --lon, --postal-code, or --commune")
        }
        if let code = arguments.value("postal-code") {
            do { return .postalCode(try PostalCode(code)) } catch { throw UsageError("--postal-code: \(error.description)") }
        }
        if let departement {
            do { return .departement(try DepartementCode(departement)) } catch { throw UsageError("--department: \(error.description)") }
        }
        if let name = arguments.value("commune") {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw UsageError("--commune is empty: give a commune name, e.g. \"Saint-Étienne\"") }
            return .communeName(trimmed)
        }
        if latitude != nil || longitude != nil {
            guard latitude != nil else { throw UsageError("--lon needs --lat") }
            guard let latitude, let longitude else { throw UsageError("--lat needs --lon") }
            do { return .point(try GeoPoint(latitude: latitude, longitude: longitude)) } catch {
                throw UsageError("--lat/--lon: \(error.description)")
            }
        }
        return nil
    }
}
