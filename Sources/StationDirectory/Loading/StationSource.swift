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

/// The directory bundled with the SDK: 3,660 police and gendarmerie sites
/// (DILA annuaire, snapshot of late 2021, Licence Ouverte 2.0).
///
/// Motorised and motorway gendarmerie units do not receive the public and are
/// left out unless ``includesMotorisedUnits`` is `true`.
public struct BundledStationSource: StationSource {
    /// Date of the snapshot (the source's most recent update in the file).
    public static let snapshotDate = "2022-01-04"
    /// Attribution to show with the data.
    public static let attribution = "Source : DILA — Annuaire de l'administration (service-public.fr), Licence Ouverte 2.0"
    /// Attribution of the bundled communes file.
    public static let communesAttribution = "La Poste — Base officielle des codes postaux (ODbL 1.0); names geo.api.gouv.fr (Licence Ouverte 2.0)"

    /// Whether the 426 motorised / motorway gendarmerie units are included.
    public let includesMotorisedUnits: Bool

    /// Creates the source.
    /// - Parameter includingMotorisedUnits: also load the units that do not receive the public.
    public init(includingMotorisedUnits: Bool = false) {
        includesMotorisedUnits = includingMotorisedUnits
    }

    public var version: String { "\(BundledStationSource.snapshotDate) snapshot" }

    /// Loads the bundled files (strictly: the bundled data has no bad row).
    public func loadStations() throws -> [Station] {
        var stations = try StationCSVLoader.load(bytes: BundledResource.bytes(of: "stations_fr"),
                                                 source: "stations_fr.csv", mode: .strict).items
        if includesMotorisedUnits {
            stations += try StationCSVLoader.load(bytes: BundledResource.bytes(of: "gendarmerie_motorisee_fr"),
                                                  source: "gendarmerie_motorisee_fr.csv", mode: .strict).items
        }
        return stations
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
    public let version: String

    /// Creates the source. In lenient mode, bad rows are skipped silently by
    /// ``loadStations()``; call ``StationCSVLoader/load(contentsOf:mode:)`` to see them.
    public init(url: URL, mode: LoadingMode = .strict, version: String? = nil) {
        self.url = url
        self.mode = mode
        self.version = version ?? url.lastPathComponent
    }

    public func loadStations() throws -> [Station] {
        try StationCSVLoader.load(contentsOf: url, mode: mode).items
    }
}

/// Access to the files in `Resources/`.
enum BundledResource {
    static func bytes(of name: String) throws(StationDataError) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources") else {
            throw StationDataError(source: "\(name).csv", line: nil, reason: .unreadable("the bundled resource is missing"))
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw StationDataError(source: "\(name).csv", line: nil, reason: .unreadable(error.localizedDescription))
        }
    }
}
