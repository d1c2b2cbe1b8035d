import Foundation
import Signalements
import StationDirectory

/// A `CompetenceSource` derived from the bundled station directory, so the
/// SDK routes signalements out of the box. **Every answer is approximate**
/// (`approximate: true`): the directory says where stations are, not which
/// unit the ministry assigns to a commune.
///
/// How it answers for a commune:
/// 1. a police station (commissariat) in the commune itself → police nationale;
/// 2. else a gendarmerie station (brigade) in the commune → gendarmerie nationale;
/// 3. else, in Paris and the petite couronne (75, 92, 93, 94), the nearest
///    police station of the département;
/// 4. else the nearest brigade of the commune's own département (communes without
///    a commissariat are mostly in the gendarmerie's zone), else its nearest station.
///
/// Police answers in 75, 92, 93 and 94 are given as `Institution.prefectureDePolice`.
/// Overseas communes are answered like the others, from their own département's stations.
///
/// To route exactly, load the ministry's open file *Compétence territoriale
/// gendarmerie et police nationales* (data.gouv.fr) with `CompetenceFile`
/// and pass it instead (`masecurite signalements competent --competence-file F`).
public struct StationDirectoryCompetence: CompetenceSource {
    /// The stations and communes used.
    public let finder: StationFinder

    /// The `source` of every answer.
    public static let sourceName = "station-directory"

    /// A source over `finder`.
    public init(finder: StationFinder) {
        self.finder = finder
    }

    public func competence(for insee: INSEECode) throws(CompetenceError) -> Competence {
        let gazetteer: CommuneGazetteer
        do { gazetteer = try finder.communeGazetteer() } catch {
            throw .unreadable(path: "bundled communes", reason: error.description)
        }
        guard let commune = gazetteer.commune(insee: insee) ?? insee.municipality.flatMap({ gazetteer.commune(insee: $0) }) else {
            throw .unknownCommune(insee.rawValue)
        }
        let departement = commune.departement
        let prefecture = Institution.prefectureDePoliceDepartements.contains(departement.rawValue)
        let local = finder.stations(inCommune: commune.insee)
        let station: Station?
        if let police = local.first(where: { $0.kind == .police }) {
            station = police
        } else if !prefecture, let brigade = local.first(where: { $0.kind == .gendarmerie }) {
            station = brigade
        } else {
            let preferred: Set<StationKind> = prefecture ? [.police] : [.gendarmerie]
            station = finder.nearest(to: commune, count: 1, filter: StationFilter(kinds: preferred, departement: departement)).first?.station
                ?? finder.nearest(to: commune, count: 1, filter: StationFilter(departement: departement)).first?.station
                ?? finder.nearest(to: commune, count: 1).first?.station
        }
        guard let station else { throw .unknownCommune(insee.rawValue) }
        let institution: Institution = station.kind == .police ? .policeNationale : .gendarmerieNationale
        return Competence(insee: commune.insee.rawValue, commune: commune.name,
                          unit: CompetentUnit(id: station.id, name: station.name, institution: institution.adjusted(for: departement)),
                          approximate: true, source: Self.sourceName)
    }
}

extension StationFinder {
    /// The competent unit for `place` from `source`: the place is resolved to
    /// a commune with `resolve(_:)` (the resolver the guichet and the
    /// command line share); a postal code the source itself lists is looked up
    /// there first.
    /// - Throws: `PlaceError` when the place matches nothing, `CompetenceError`
    ///   when the source has no answer for the commune.
    public func competence(for place: Place, from source: any CompetenceSource) throws -> (place: ResolvedPlace, competence: Competence) {
        let resolved = try resolve(place)
        if case .postalCode(let code) = place, let insee = source.communes(postalCode: code).first {
            return (resolved, try source.competence(for: insee))
        }
        guard let text = resolved.insee else { throw CompetenceError.unknownCommune(resolved.departement.rawValue) }
        return (resolved, try source.competence(for: try INSEECode(text)))
    }
}
