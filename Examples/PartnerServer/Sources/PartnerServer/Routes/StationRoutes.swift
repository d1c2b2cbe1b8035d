import Foundation
import Hummingbird
import StationDirectory

/// `/v1/stations`: nearest stations to a point, a postal code or a commune; one station.
struct StationRoutes {
    let services: ServerServices

    func register(on router: RouterGroup<ServerContext>) {
        router.get("stations/near", use: near)
        router.get("stations/{id}", use: show)
    }

    struct NearResponse: Encodable {
        let place: PlaceJSON?
        let stations: [StationListing]
    }

    @Sendable func near(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let limit = try query.int("limit", default: 5, range: 1...50)
        let now = services.clock.now()
        var filter = StationFilter.none
        if let kind = query.string("kind") {
            guard let parsed = StationKind(rawValue: kind) else {
                throw APIProblem(.invalidParameter, "query parameter 'kind' must be 'police' or 'gendarmerie' (got '\(kind)')", field: "kind")
            }
            filter.kinds = [parsed]
        }
        if let openAt = try query.instant("open_at") { filter.openAt = openAt }

        let lat = try query.double("lat"), lon = try query.double("lon")
        let place: Place
        let field: String
        if lat != nil || lon != nil {
            guard let lat else { throw APIProblem(.invalidParameter, "query parameter 'lat' is required with 'lon'", field: "lat") }
            guard let lon else { throw APIProblem(.invalidParameter, "query parameter 'lon' is required with 'lat'", field: "lon") }
            do {
                place = .point(try GeoPoint(latitude: lat, longitude: lon))
            } catch {
                throw APIProblem(.invalidParameter, "\(error)", field: "lat")
            }
            field = "lat"
        } else if let postal = query.string("postal_code") {
            do {
                place = .postalCode(try PostalCode(postal))
            } catch {
                throw APIProblem(.invalidParameter,
                                 "query parameter 'postal_code' must be a French postal code of 5 digits (got '\(Echo.truncated(postal))')",
                                 field: "postal_code")
            }
            field = "postal_code"
        } else if let name = query.string("commune") {
            place = .communeName(name)
            field = "commune"
        } else {
            throw APIProblem(.invalidParameter, "give 'lat' and 'lon', or 'postal_code', or 'commune'", field: "lat")
        }
        // The directory's resolver, shared with the guichet and the command line: same places, same messages.
        let resolved: ResolvedPlace
        do throws(PlaceError) {
            resolved = try services.stations.resolve(place)
        } catch {
            switch error {
            case .invalid: throw APIProblem(.invalidParameter, error.description, field: field)
            case .communesUnavailable: throw APIProblem(.internalError, error.description)
            default: throw APIProblem(.placeNotFound, error.description, field: field)
            }
        }
        let commune: Commune?
        if case .point = place { commune = nil } else {
            commune = try resolved.insee.flatMap { try? INSEECode($0) }.flatMap { try services.stations.communeGazetteer().commune(insee: $0) }
        }
        let point = resolved.location
        let results = services.stations.nearest(to: point, count: limit, filter: filter)
        return try JSONCoding.response(NearResponse(
            place: commune.map(PlaceJSON.init),
            stations: results.map { StationListing($0.station, distanceMetres: $0.distanceMetres, at: now) }))
    }

    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let station = services.stations.station(id: id) else {
            throw APIProblem(.stationNotFound, "no station has the id '\(id)'", field: "id")
        }
        return try JSONCoding.response(StationListing(station, at: services.clock.now()))
    }
}
