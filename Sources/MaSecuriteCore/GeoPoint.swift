import Foundation

/// A validated point on the WGS 84 ellipsoid, in decimal degrees.
///
/// Construction fails with ``GeoPointError`` when a coordinate is not finite or
/// out of range, so a `GeoPoint` value is always usable for distance maths.
///
/// Encoded as `{"lat": 48.8566, "lon": 2.3522}`; decoding validates too.
public struct GeoPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Latitude in degrees, in [-90, 90].
    public let latitude: Double
    /// Longitude in degrees, in [-180, 180].
    public let longitude: Double

    /// Mean Earth radius (IUGG), in metres, used for great-circle distances.
    public static let meanEarthRadiusMetres: Double = 6_371_008.8

    /// Creates a point, validating both coordinates.
    /// - Throws: ``GeoPointError`` naming the offending coordinate.
    public init(latitude: Double, longitude: Double) throws(GeoPointError) {
        guard latitude.isFinite, (-90.0...90.0).contains(latitude) else {
            throw .latitudeOutOfRange(latitude)
        }
        guard longitude.isFinite, (-180.0...180.0).contains(longitude) else {
            throw .longitudeOutOfRange(longitude)
        }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance to `other` in metres (haversine formula on a sphere
    /// of radius ``meanEarthRadiusMetres``).
    public func distance(to other: GeoPoint) -> Double {
        let phi1 = latitude * .pi / 180
        let phi2 = other.latitude * .pi / 180
        let dPhi = (other.latitude - latitude) * .pi / 180
        let dLambda = (other.longitude - longitude) * .pi / 180
        let sinPhi = sin(dPhi / 2)
        let sinLambda = sin(dLambda / 2)
        let h = sinPhi * sinPhi + cos(phi1) * cos(phi2) * sinLambda * sinLambda
        return 2 * GeoPoint.meanEarthRadiusMetres * asin(min(1, h.squareRoot()))
    }

    /// The point as a unit vector (x, y, z) on the sphere; useful for spatial
    /// indexes, where the chord length is monotone in great-circle distance.
    public var unitVector: (x: Double, y: Double, z: Double) {
        let phi = latitude * .pi / 180
        let lambda = longitude * .pi / 180
        let c = cos(phi)
        return (c * cos(lambda), c * sin(lambda), sin(phi))
    }

    /// `latitude,longitude` in decimal degrees.
    public var description: String { "\(latitude),\(longitude)" }

    private enum CodingKeys: String, CodingKey { case latitude = "lat", longitude = "lon" }

    /// Decodes `{"lat": …, "lon": …}`; an out-of-range coordinate is a
    /// `DecodingError.dataCorrupted` naming it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lat = try container.decode(Double.self, forKey: .latitude)
        let lon = try container.decode(Double.self, forKey: .longitude)
        do {
            try self.init(latitude: lat, longitude: lon)
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes `{"lat": …, "lon": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(latitude, forKey: .latitude)
        try container.encode(longitude, forKey: .longitude)
    }
}

/// Why a ``GeoPoint`` could not be built.
public enum GeoPointError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The latitude is not finite or outside [-90, 90]; carries the value.
    case latitudeOutOfRange(Double)
    /// The longitude is not finite or outside [-180, 180]; carries the value.
    case longitudeOutOfRange(Double)

    /// A message naming the coordinate, its value and the valid range.
    public var description: String {
        switch self {
        case .latitudeOutOfRange(let value):
            return "latitude \(value) is not a finite number in [-90, 90]"
        case .longitudeOutOfRange(let value):
            return "longitude \(value) is not a finite number in [-180, 180]"
        }
    }
}
