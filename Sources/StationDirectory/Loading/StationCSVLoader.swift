import Foundation

/// What a loader produced: the rows it could read and, in lenient mode, one
/// error per skipped row.
public struct LoadResult<Item: Sendable>: Sendable {
    /// The valid rows, in file order.
    public let items: [Item]
    /// The skipped rows (always empty in strict mode).
    public let problems: [StationDataError]
}

/// Reads station CSV files in the layout of the bundled `stations_fr.csv`.
///
/// Required columns: `id`, `kind`, `name`, `address`, `postal_code`, `commune`,
/// `insee`, `lat`, `lon`. Optional: `department` (checked against the INSEE code),
/// `subtype`, `coord_flag`, `phone`, `phone_e164`, `email`, `opening_hours_osm`,
/// `hours_note`, `accessibility`, `no_public_reception_hint`, `updated`.
/// Other columns are ignored.
public enum StationCSVLoader {
    /// The columns a station file must have.
    public static let requiredColumns = ["id", "kind", "name", "address", "postal_code", "commune", "insee", "lat", "lon"]

    /// Loads stations from CSV bytes.
    /// - Parameters:
    ///   - bytes: UTF-8 CSV (a byte-order mark and CRLF line ends are accepted).
    ///   - source: a name for error messages, e.g. the file name.
    ///   - mode: ``LoadingMode/strict`` throws at the first bad row;
    ///     ``LoadingMode/lenient`` skips it and reports it in ``LoadResult/problems``.
    /// - Throws: ``StationDataError`` (always for a missing header or column).
    public static func load(bytes: [UInt8], source: String, mode: LoadingMode) throws(StationDataError) -> LoadResult<Station> {
        var table = try CSVTable(bytes: bytes, source: source, required: requiredColumns)
        let columns = StationColumns(table.columns)
        var stations: [Station] = []
        stations.reserveCapacity(bytes.count / 380)
        var problems: [StationDataError] = []
        var seen: Set<String> = []
        while true {
            do throws(StationDataError) {
                guard let record = try table.next() else { break }
                let station = try columns.station(from: record, source: source)
                guard seen.insert(station.id).inserted else {
                    throw StationDataError(source: source, line: record.line, field: "id", reason: .duplicateIdentifier(station.id))
                }
                stations.append(station)
            } catch {
                if mode == .strict { throw error }
                problems.append(error)
            }
        }
        markSharedPoints(&stations)
        return LoadResult(items: stations, problems: problems)
    }

    /// Stations published at exactly the same point as another one are not all
    /// there: their `ok` coordinates become ``CoordinateQuality/sharedPoint``.
    static func markSharedPoints(_ stations: inout [Station]) {
        struct Point: Hashable {
            let latitude: Double
            let longitude: Double
        }
        var count: [Point: Int] = [:]
        for station in stations {
            count[Point(latitude: station.location.latitude, longitude: station.location.longitude), default: 0] += 1
        }
        for index in stations.indices where stations[index].coordinateQuality == .ok {
            let location = stations[index].location
            if count[Point(latitude: location.latitude, longitude: location.longitude), default: 0] > 1 {
                stations[index].coordinateQuality = .sharedPoint
            }
        }
    }

    /// Loads stations from a CSV file.
    public static func load(contentsOf url: URL, mode: LoadingMode) throws(StationDataError) -> LoadResult<Station> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StationDataError(source: url.lastPathComponent, line: nil, reason: .unreadable(error.localizedDescription))
        }
        return try load(bytes: [UInt8](data), source: url.lastPathComponent, mode: mode)
    }
}

/// Column positions of a station file, resolved once from the header.
private struct StationColumns {
    let id, kind, name, address, postalCode, commune, insee, lat, lon: Int
    let department, subtype, coordFlag, phone, phoneE164, email, hoursOSM, hoursNote, accessibility, noPublic, updated: Int?

    init(_ columns: [String: Int]) {
        id = columns["id"] ?? 0
        kind = columns["kind"] ?? 0
        name = columns["name"] ?? 0
        address = columns["address"] ?? 0
        postalCode = columns["postal_code"] ?? 0
        commune = columns["commune"] ?? 0
        insee = columns["insee"] ?? 0
        lat = columns["lat"] ?? 0
        lon = columns["lon"] ?? 0
        department = columns["department"]
        subtype = columns["subtype"]
        coordFlag = columns["coord_flag"]
        phone = columns["phone"]
        phoneE164 = columns["phone_e164"]
        email = columns["email"]
        hoursOSM = columns["opening_hours_osm"]
        hoursNote = columns["hours_note"]
        accessibility = columns["accessibility"]
        noPublic = columns["no_public_reception_hint"]
        updated = columns["updated"]
    }

    func station(from record: CSVRecord, source: String) throws(StationDataError) -> Station {
        let fields = record.fields
        func value(_ index: Int?) -> String {
            guard let index else { return "" }
            return fields[index].trimmingASCIISpaces()
        }
        func invalid(_ field: String, _ raw: String, _ expected: String) -> StationDataError {
            StationDataError(source: source, line: record.line, field: field, reason: .invalidValue(raw, expected: expected))
        }
        let id = value(self.id)
        guard !id.isEmpty else { throw invalid("id", id, "a non-empty identifier") }
        let kindText = value(kind)
        guard let kind = StationKind(rawValue: kindText) else { throw invalid("kind", kindText, "police or gendarmerie") }
        let name = value(self.name)
        guard !name.isEmpty else { throw invalid("name", name, "a non-empty name") }
        let address = value(self.address)
        let postalText = value(postalCode)
        guard let postal = try? PostalCode(postalText) else { throw invalid("postal_code", postalText, "a 5-digit postal code") }
        let commune = value(self.commune)
        guard !commune.isEmpty else { throw invalid("commune", commune, "a non-empty commune name") }
        let inseeText = value(insee)
        guard let insee = try? INSEECode(inseeText) else { throw invalid("insee", inseeText, "an INSEE commune code such as 33063") }
        if department != nil {
            let departmentText = value(department)
            guard departmentText == insee.departement.rawValue else {
                throw invalid("department", departmentText, "the département of INSEE code \(insee) (\(insee.departement))")
            }
        }
        let latText = value(lat)
        guard let latitude = Double(latText), latitude.isFinite, (-90.0...90.0).contains(latitude) else {
            throw invalid("lat", latText, "a latitude in decimal degrees within -90…90")
        }
        let lonText = value(lon)
        guard let longitude = Double(lonText), longitude.isFinite, (-180.0...180.0).contains(longitude) else {
            throw invalid("lon", lonText, "a longitude in decimal degrees within -180…180")
        }
        guard let location = try? GeoPoint(latitude: latitude, longitude: longitude) else {
            throw invalid("lat", latText, "valid coordinates")
        }
        let flagText = value(coordFlag)
        guard let quality = CoordinateQuality(sourceFlag: flagText) else {
            throw invalid("coord_flag", flagText, "ok, suspect_far_from_commune or …>replaced_by_commune_centroid")
        }
        let phoneText = value(self.phone)
        let e164Text = value(phoneE164)
        var phone: PhoneNumber?
        if !phoneText.isEmpty || !e164Text.isEmpty {
            do {
                phone = try PhoneNumber(published: phoneText.isEmpty ? e164Text : phoneText, e164: e164Text.isEmpty ? nil : e164Text)
            } catch {
                throw invalid("phone_e164", e164Text, "an E.164 number such as +33474472020")
            }
        }
        let emailText = value(self.email)
        if !emailText.isEmpty, !emailText.contains("@") {
            throw invalid("email", emailText, "an e-mail address")
        }
        let osm = value(hoursOSM)
        var hours = StationHours.unknown
        if !osm.isEmpty {
            do {
                hours = .known(try OpeningHours.parse(osm), osm: osm)
            } catch {
                throw invalid("opening_hours_osm", osm, "OpenStreetMap opening_hours (\(error))")
            }
        }
        let accessText = value(accessibility)
        var access: Accessibility?
        if !accessText.isEmpty {
            guard let parsed = Accessibility(sourceCode: accessText) else {
                throw invalid("accessibility", accessText, "ACC, DEM or NAC, optionally followed by ':detail'")
            }
            access = parsed
        }
        let updatedText = value(updated)
        var updatedDate: LocalDate?
        if !updatedText.isEmpty {
            guard let date = try? LocalDate(iso: updatedText) else {
                throw invalid("updated", updatedText, "a date YYYY-MM-DD")
            }
            updatedDate = date
        }
        let noPublicText = value(noPublic)
        guard noPublicText.isEmpty || noPublicText == "0" || noPublicText == "1" else {
            throw invalid("no_public_reception_hint", noPublicText, "empty, 0 or 1")
        }
        let note = value(hoursNote)
        return Station(
            id: id, kind: kind, name: name, address: address.isEmpty ? nil : address, postalCode: postal,
            commune: commune, insee: insee, location: location, coordinateQuality: quality, phone: phone,
            email: emailText.isEmpty ? nil : emailText, hours: hours, hoursNote: note.isEmpty ? nil : note,
            accessibility: access, updated: updatedDate, receivesPublic: noPublicText != "1",
            isMotorisedUnit: value(subtype) == "gendarmerie_moto")
    }
}
