import Foundation

/// Where the station directory comes from.
///
/// The SDK ships ``BundledStationSource`` (the snapshot in the package). A
/// deployment can plug a fresher directory, e.g. the ministry's live data,
/// by conforming its own type and passing it to ``StationFinder/init(source:communes:)``:
/// search code does not change.
public protocol StationSource: Sendable {
    /// A short label of the data version, e.g. `2021-12 snapshot`, for logs and `masecurite version`.
    var version: String { get }
    /// Every station to index (the finder does not filter them further).
    func loadStations() throws -> [Station]
}

/// The directory bundled with the SDK: the police and gendarmerie sites of
/// France (DILA annuaire, snapshot of late 2021, Licence Ouverte 2.0).
///
/// By default only units that receive the public are loaded: 3,659 of the
/// 3,660 sites of `stations_fr.csv` (one brigade, La Roche-Chalais, says it no
/// longer receives the public). The 426 motorised and motorway gendarmerie
/// units and that brigade are loaded only when ``includesUnitsClosedToThePublic``
/// is `true`.
public struct BundledStationSource: StationSource {
    /// Date of the snapshot (the source's most recent update in the file).
    public static let snapshotDate = "2022-01-04"
    /// Attribution to show with the data.
    public static let attribution = "Source : DILA — Annuaire de l'administration (service-public.fr), Licence Ouverte 2.0"
    /// Attribution of the bundled communes file.
    public static let communesAttribution = "La Poste — Base officielle des codes postaux (ODbL 1.0); names geo.api.gouv.fr (Licence Ouverte 2.0)"

    /// Whether units that do not receive the public (motorised and motorway
    /// units, and brigades saying so) are included.
    public let includesUnitsClosedToThePublic: Bool

    /// Creates the source.
    /// - Parameter includingUnitsClosedToThePublic: also load the units that do
    ///   not receive the public (``Station/receivesPublic`` is `false`).
    public init(includingUnitsClosedToThePublic: Bool = false) {
        includesUnitsClosedToThePublic = includingUnitsClosedToThePublic
    }

    /// The snapshot date followed by "snapshot".
    public var version: String { "\(BundledStationSource.snapshotDate) snapshot" }

    /// Loads the bundled files (strictly: the bundled data has no bad row).
    public func loadStations() throws -> [Station] {
        let stations = try StationCSVLoader.load(bytes: BundledResource.bytes(of: "stations_fr"),
                                                 source: "stations_fr.csv", mode: .strict).items
        guard includesUnitsClosedToThePublic else { return stations.filter(\.receivesPublic) }
        return stations + (try StationCSVLoader.load(bytes: BundledResource.bytes(of: "gendarmerie_motorisee_fr"),
                                                     source: "gendarmerie_motorisee_fr.csv", mode: .strict).items)
    }

    /// The bundled communes (35,105 with a French INSEE code; Monaco and
    /// Clipperton, which have none, are skipped and listed in `problems`).
    public static func loadCommunes() throws(StationDataError) -> LoadResult<Commune> {
        try CommuneCSVLoader.load(bytes: BundledResource.bytes(of: "communes_fr"), source: "communes_fr.csv", mode: .lenient)
    }
}

/// A station file on disk, in the layout of the bundled one.
public struct CSVStationSource: StationSource {
    /// The file.
    public let url: URL
    /// Strict or lenient loading.
    public let mode: LoadingMode
    /// The label given at creation, else the file name.
    public let version: String

    /// Creates the source. In lenient mode, bad rows are skipped silently by
    /// ``loadStations()``; call ``StationCSVLoader/load(contentsOf:mode:)`` to see them.
    public init(url: URL, mode: LoadingMode = .strict, version: String? = nil) {
        self.url = url
        self.mode = mode
        self.version = version ?? url.lastPathComponent
    }

    /// Reads the file.
    /// - Throws: ``StationDataError`` (in strict mode, for the first bad row).
    public func loadStations() throws -> [Station] {
        try StationCSVLoader.load(contentsOf: url, mode: mode).items
    }
}

/// The station and commune files in `Resources/`.
enum BundledResource {
    static func bytes(of name: String) throws(StationDataError) -> [UInt8] {
        do {
            return [UInt8](try BundledResources.data("\(name).csv"))
        } catch {
            throw StationDataError(source: "\(name).csv", line: nil, reason: .unreadable(error.description))
        }
    }
}
