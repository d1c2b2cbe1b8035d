import Foundation

extension StationFinder {
    /// Resolves a place to a commune (or, for a département alone, the centre of
    /// its stations), with the other communes a postal code or a name could mean.
    ///
    /// This is the one resolver behind `Guichet`, `masecurite stations near` and
    /// the partner server's `/v1/stations/near`, so all three accept the same
    /// places and give the same errors.
    /// - A point is kept as given; the nearest commune names it.
    /// - A postal code uses its most prominent commune and lists the others it serves.
    /// - A commune name is folded and typo-tolerant; close matches are listed
    ///   as "Name (département)".
    /// - A département alone gives the centre of its stations, marked ``ResolvedPlace/approximate``.
    /// - Throws: ``PlaceError`` saying what matched nothing.
    public func resolve(_ place: Place) throws(PlaceError) -> ResolvedPlace {
        let gazetteer: CommuneGazetteer
        do { gazetteer = try communeGazetteer() } catch { throw .communesUnavailable(error.description) }
        switch place {
        case .point(let point):
            let nearestCommune = gazetteer.communes.min { $0.location.distance(to: point) < $1.location.distance(to: point) }
            guard let departement = nearestCommune?.departement ?? nearest(to: point, count: 1).first?.station.departement else {
                throw .nothingNear(point)
            }
            return ResolvedPlace(query: place, commune: nearestCommune?.name, insee: nearestCommune?.insee.rawValue,
                                 postalCode: nearestCommune?.postalCodes.first?.rawValue, departement: departement,
                                 location: point, approximate: false)
        case .postalCode(let code):
            let communes = gazetteer.communes(postalCode: code)
            guard let first = communes.first else { throw .unknownPostalCode(code) }
            return ResolvedPlace(query: place, commune: first.name, insee: first.insee.rawValue, postalCode: code.rawValue,
                                 departement: first.departement, location: first.location, approximate: false,
                                 otherCommunes: communes.dropFirst().map(\.name))
        case .insee(let code):
            guard let commune = gazetteer.commune(insee: code) else { throw .unknownINSEECode(code) }
            return ResolvedPlace(query: place, commune: commune.name, insee: code.rawValue,
                                 postalCode: commune.postalCodes.first?.rawValue, departement: commune.departement,
                                 location: commune.location, approximate: false)
        case .communeName(let name):
            let matches = gazetteer.search(name: name, limit: 4)
            guard let best = matches.first else { throw .noCommuneMatches(name) }
            return ResolvedPlace(query: place, commune: best.commune.name, insee: best.commune.insee.rawValue,
                                 postalCode: best.commune.postalCodes.first?.rawValue, departement: best.commune.departement,
                                 location: best.commune.location, approximate: false,
                                 otherCommunes: matches.dropFirst().map { "\($0.commune.name) (\($0.commune.departement.rawValue))" })
        case .departement(let code):
            guard let centre = Self.centre(of: stations(inDepartment: code).map(\.location)) else {
                throw .noStationInDepartement(code)
            }
            return ResolvedPlace(query: place, commune: nil, insee: nil, postalCode: nil, departement: code, location: centre,
                                 approximate: true)
        }
    }

    /// The spherical centre of `points` (mean of their unit vectors), or `nil` when there are none.
    private static func centre(of points: [GeoPoint]) -> GeoPoint? {
        var x = 0.0, y = 0.0, z = 0.0
        for point in points {
            let v = point.unitVector
            x += v.x; y += v.y; z += v.z
        }
        let length = (x * x + y * y + z * z).squareRoot()
        guard length > 0 else { return nil }
        return try? GeoPoint(latitude: asin(z / length) * 180 / .pi, longitude: atan2(y, x) * 180 / .pi)
    }
}
