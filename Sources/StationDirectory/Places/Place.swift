import Foundation

/// Where the citizen is, as precisely as they chose to say: a point, a postal
/// code, a commune (name or INSEE code) or only a département.
///
/// Encoded as `{"kind": "postal-code", "value": "33000"}` (kinds: `point`,
/// `postal-code`, `commune`, `insee`, `department`; a point's value is `"lat,lon"`).
/// ``StationFinder/resolve(_:)`` turns it into a ``ResolvedPlace``: the one
/// resolver the guichet, the command line and the partner server share.
public enum Place: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A position, e.g. from the device.
    case point(GeoPoint)
    /// A 5-digit postal code; it may serve several communes (the most prominent one is used).
    case postalCode(PostalCode)
    /// A commune name, folded and typo-tolerant ("st etienne" finds Saint-Étienne).
    case communeName(String)
    /// A commune by its INSEE code.
    case insee(INSEECode)
    /// Only the département: services are filtered, stations are searched around its stations' centre.
    case departement(DepartementCode)

    /// Reads what a person types: a 5-digit code (postal code first, then INSEE),
    /// `lat,lon`, a 2- or 3-character département code, or a commune name.
    /// - Throws: ``PlaceError/invalid(_:reason:)`` when the text is empty or a
    ///   `lat,lon` pair is out of range.
    public init(parsing text: String) throws(PlaceError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid(text, reason: "the place is empty") }
        if trimmed.count == 5, trimmed.allSatisfy(\.isNumber), let postal = try? PostalCode(trimmed) {
            self = .postalCode(postal)
        } else if trimmed.count == 5, let insee = try? INSEECode(trimmed) {
            self = .insee(insee)
        } else if trimmed.count <= 3, let departement = try? DepartementCode(trimmed) {
            self = .departement(departement)
        } else if let comma = trimmed.firstIndex(of: ","),
                  let lat = Double(trimmed[..<comma].trimmingCharacters(in: .whitespaces)),
                  let lon = Double(trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)) {
            do { self = .point(try GeoPoint(latitude: lat, longitude: lon)) } catch {
                throw .invalid(text, reason: error.description)
            }
        } else {
            self = .communeName(trimmed)
        }
    }

    public var description: String {
        switch self {
        case .point(let point): return point.description
        case .postalCode(let code): return code.rawValue
        case .communeName(let name): return name
        case .insee(let code): return code.rawValue
        case .departement(let code): return code.rawValue
        }
    }

    private var kind: String {
        switch self {
        case .point: return "point"
        case .postalCode: return "postal-code"
        case .communeName: return "commune"
        case .insee: return "insee"
        case .departement: return "department"
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let value = try container.decode(String.self, forKey: .value)
        func fail(_ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: message)
        }
        do {
            switch kind {
            case "point":
                guard case .point(let point) = try Place(parsing: value) else { throw fail("'\(value)' is not 'lat,lon'") }
                self = .point(point)
            case "postal-code": self = .postalCode(try PostalCode(value))
            case "commune": self = .communeName(value)
            case "insee": self = .insee(try INSEECode(value))
            case "department": self = .departement(try DepartementCode(value))
            default:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                       debugDescription: "unknown place kind '\(kind)' (expected point, postal-code, commune, insee, department)")
            }
        } catch let error as DecodingError {
            throw error
        } catch {
            throw fail("\(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(description, forKey: .value)
    }
}
