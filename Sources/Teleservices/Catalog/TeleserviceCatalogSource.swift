import Foundation

/// Where a catalog comes from. The SDK ships ``BundledTeleserviceCatalogSource``;
/// a deployment may load its own files (``FileTeleserviceCatalogSource``), its
/// own bytes (``JSONTeleserviceCatalogSource``) or conform its own type (a
/// content server, a database) to this protocol.
public protocol TeleserviceCatalogSource: Sendable {
    /// Loads and checks the catalog.
    /// - Throws: ``TeleserviceCatalogError`` listing every problem found.
    func loadCatalog() throws(TeleserviceCatalogError) -> TeleserviceCatalog
}

/// The catalog and fact vocabulary bundled in the SDK (`Resources/catalog.json`
/// and `Resources/facts.json`). Loaded once per process.
public struct BundledTeleserviceCatalogSource: TeleserviceCatalogSource {
    private static let cached: Result<TeleserviceCatalog, TeleserviceCatalogError> = {
        do throws(TeleserviceCatalogError) {
            return .success(try load())
        } catch {
            return .failure(error)
        }
    }()

    /// Creates the source.
    public init() {}

    /// Loads and checks the catalog.
    public func loadCatalog() throws(TeleserviceCatalogError) -> TeleserviceCatalog {
        try Self.cached.get()
    }

    private static func load() throws(TeleserviceCatalogError) -> TeleserviceCatalog {
        func read(_ name: String) throws(TeleserviceCatalogError) -> Data {
            do { return try BundledResources.data("\(name).json") } catch {
                throw TeleserviceCatalogError(problems: [CatalogProblem(file: "\(name).json", path: "", message: error.description)])
            }
        }
        return try TeleserviceCatalog(catalogJSON: read("catalog"), factsJSON: read("facts"))
    }
}

/// A catalog given as JSON bytes (for example fetched from a content server).
public struct JSONTeleserviceCatalogSource: TeleserviceCatalogSource {
    /// The bytes of `catalog.json`.
    public let catalogJSON: Data
    /// The bytes of `facts.json`.
    public let factsJSON: Data

    /// Creates the source from the two JSON documents.
    public init(catalogJSON: Data, factsJSON: Data) {
        self.catalogJSON = catalogJSON
        self.factsJSON = factsJSON
    }

    /// Loads and checks the catalog.
    public func loadCatalog() throws(TeleserviceCatalogError) -> TeleserviceCatalog {
        try TeleserviceCatalog(catalogJSON: catalogJSON, factsJSON: factsJSON)
    }
}

/// A catalog read from a folder holding `catalog.json` and `facts.json`.
public struct FileTeleserviceCatalogSource: TeleserviceCatalogSource {
    /// The folder.
    public let directory: URL

    /// Creates the source for `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Loads and checks the catalog.
    public func loadCatalog() throws(TeleserviceCatalogError) -> TeleserviceCatalog {
        func read(_ name: String) throws(TeleserviceCatalogError) -> Data {
            let url = directory.appendingPathComponent(name)
            do { return try Data(contentsOf: url) } catch {
                throw TeleserviceCatalogError(problems: [CatalogProblem(file: name, path: "", message: "cannot read \(url.path): \(error.localizedDescription)")])
            }
        }
        return try TeleserviceCatalog(catalogJSON: read("catalog.json"), factsJSON: read("facts.json"))
    }
}
