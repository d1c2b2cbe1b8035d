import Foundation

/// The station directory with its indexes: nearest stations, stations
/// within a radius, by département or commune, and place lookup.
///
/// Build it once (it indexes every station) and share it: it is an immutable
/// `Sendable` value.
///
/// ```swift
/// let finder = try StationFinder.bundled()
/// let bordeaux = try GeoPoint(latitude: 44.8378, longitude: -0.5792)
/// for result in finder.nearest(to: bordeaux, count: 3) {
///     print(result.station.name, Int(result.distanceMetres), "m")
/// }
/// ```
public struct StationFinder: Sendable {
    /// Every station, in source order.
    public let stations: [Station]
    /// The communes used for place lookup.
    public let gazetteer: CommuneGazetteer
    /// The data version reported by the source.
    public let version: String
    private let index: SphericalIndex
    private let byID: [String: Int]
    private let byDepartement: [DepartementCode: [Int]]
    private let byCommune: [INSEECode: [Int]]

    /// Indexes `stations` and `communes`.
    public init(stations: [Station], communes: [Commune] = [], version: String = "custom") {
        self.stations = stations
        self.version = version
        index = SphericalIndex(points: stations.map(\.location))
        var byID: [String: Int] = [:]
        var byDepartement: [DepartementCode: [Int]] = [:]
        var byCommune: [INSEECode: [Int]] = [:]
        for (position, station) in stations.enumerated() {
            byID[station.id] = byID[station.id] ?? position
            byDepartement[station.departement, default: []].append(position)
            byCommune[station.insee, default: []].append(position)
        }
        self.byID = byID
        self.byDepartement = byDepartement
        self.byCommune = byCommune
        gazetteer = CommuneGazetteer(communes: communes, prominence: byCommune.mapValues(\.count))
    }

    /// Loads the stations of `source` and indexes them with `communes`.
    public init(source: some StationSource, communes: [Commune]) throws {
        self.init(stations: try source.loadStations(), communes: communes, version: source.version)
    }

    /// The bundled directory and communes.
    /// - Parameter includingMotorisedUnits: also index the motorised units,
    ///   which do not receive the public (off by default).
    public static func bundled(includingMotorisedUnits: Bool = false) throws -> StationFinder {
        let source = BundledStationSource(includingMotorisedUnits: includingMotorisedUnits)
        return try StationFinder(source: source, communes: BundledStationSource.loadCommunes().items)
    }

    // MARK: Lookup

    /// The station with identifier `id`.
    public func station(id: String) -> Station? {
        byID[id].map { stations[$0] }
    }

    /// Every station of a département, in source order.
    public func stations(inDepartment departement: DepartementCode) -> [Station] {
        (byDepartement[departement] ?? []).map { stations[$0] }
    }

    /// Every station of a commune, in source order.
    public func stations(inCommune insee: INSEECode) -> [Station] {
        (byCommune[insee] ?? []).map { stations[$0] }
    }

    // MARK: Geosearch

    /// The `count` stations nearest to `point` by great-circle distance that
    /// pass `filter`, nearest first (exact, anywhere on Earth).
    public func nearest(to point: GeoPoint, count: Int, filter: StationFilter = .none) -> [StationResult] {
        let neighbours: [IndexNeighbour]
        if filter.testsStations {
            neighbours = stations.withUnsafeBufferPointer { all in
                index.nearest(to: point, count: count, maxDistanceMetres: filter.maxDistanceMetres) { filter.accepts(all[$0]) }
            }
        } else {
            neighbours = index.nearest(to: point, count: count, maxDistanceMetres: filter.maxDistanceMetres)
        }
        return neighbours.map { StationResult(station: stations[$0.index], distanceMetres: $0.distanceMetres) }
    }

    /// Every station within `radius` metres of `point` that passes `filter`, nearest first.
    public func within(radius: Double, of point: GeoPoint, filter: StationFilter = .none) -> [StationResult] {
        let limit = min(radius, filter.maxDistanceMetres ?? radius)
        return index.within(radiusMetres: limit, of: point)
            .filter { !filter.testsStations || filter.accepts(stations[$0.index]) }
            .map { StationResult(station: stations[$0.index], distanceMetres: $0.distanceMetres) }
    }

    // MARK: Places

    /// Communes for a free-text place, best first: a 5-digit postal code
    /// (every commune it serves), else an INSEE code, else a commune name
    /// (folded, typo-tolerant). Five digits are read as a postal code first.
    public func places(matching query: String, limit: Int = 10) -> [Commune] {
        let trimmed = query.trimmingASCIISpaces()
        if trimmed.utf8.count == 5, trimmed.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x41 || $0 == 0x42 || $0 == 0x61 || $0 == 0x62 }) {
            var result: [Commune] = []
            if let postal = try? PostalCode(trimmed) { result = gazetteer.communes(postalCode: postal) }
            if result.isEmpty, let insee = try? INSEECode(trimmed), let commune = gazetteer.commune(insee: insee) {
                result.append(commune)
            }
            return Array(result.prefix(limit))
        }
        return gazetteer.search(name: trimmed, limit: limit).map(\.commune)
    }

    /// The stations nearest to a commune's centre.
    public func nearest(to commune: Commune, count: Int, filter: StationFilter = .none) -> [StationResult] {
        nearest(to: commune.location, count: count, filter: filter)
    }
}
