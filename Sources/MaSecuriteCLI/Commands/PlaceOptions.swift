import Foundation
import MaSecuriteCore
import StationDirectory

/// The place options shared by `ask`, `guide` and `stations near`: at most one of
/// `--postal-code`, `--commune`, `--department` (where allowed), or `--lat` with `--lon`.
/// What the place matches is then found by ``StationFinder/resolve(_:)``, the
/// resolver the guichet and the partner server use too.
enum PlaceOptions {
    static let postalCodeOption = OptionSpec("postal-code", .value(placeholder: "P"), help: "A 5-digit postal code, e.g. 33000.")
    static let communeOption = OptionSpec("commune", .value(placeholder: "NAME"),
                                          help: "A commune name, e.g. \"Saint-Étienne\" or \"st etienne\" (typos tolerated).")
    static let departmentOption = OptionSpec("department", .value(placeholder: "D"), help: "Only the département, e.g. 33 or 972.")
    static let latOption = OptionSpec("lat", .value(placeholder: "X"), help: "Latitude in decimal degrees (WGS 84), with --lon.")
    static let lonOption = OptionSpec("lon", .value(placeholder: "Y"), help: "Longitude in decimal degrees (WGS 84), with --lat.")

    /// The place given, `nil` when none; a usage error when several are given,
    /// when `--lat` comes without `--lon` (or the reverse), or when a value is malformed.
    static func place(_ arguments: ParsedArguments, allowingDepartement: Bool) throws(UsageError) -> Place? {
        let latitude = try arguments.double(PlaceOptions.latOption)
        let longitude = try arguments.double(PlaceOptions.lonOption)
        let departement = allowingDepartement ? arguments.value(PlaceOptions.departmentOption) : nil
        let given = [arguments.value(PlaceOptions.postalCodeOption) != nil, arguments.value(PlaceOptions.communeOption) != nil, departement != nil,
                     latitude != nil || longitude != nil].filter { $0 }.count
        guard given <= 1 else {
            throw UsageError(allowingDepartement
                ? "give at most one place: --postal-code, --commune, --department, or --lat and --lon"
                : "give exactly one place: --lat and --lon, --postal-code, or --commune")
        }
        if let code = arguments.value(PlaceOptions.postalCodeOption) {
            do { return .postalCode(try PostalCode(code)) } catch { throw UsageError("--postal-code: \(error.description)") }
        }
        if let departement {
            do { return .departement(try DepartementCode(departement)) } catch { throw UsageError("--department: \(error.description)") }
        }
        if let name = arguments.value(PlaceOptions.communeOption) {
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
