import Foundation
import MaSecurite

/// The bundled modules of the guichet, loaded once per process (the search
/// indexes and the directory are the slow part), and a guichet per command
/// with its own clock and booking store.
enum GuichetSupport {
    struct Modules: Sendable {
        let orienteur: Orienteur
        let catalog: TeleserviceCatalog
    }

    private static let shared: Result<Modules, any Error> = Result {
        let catalog = try TeleserviceCatalog.bundled()
        return Modules(orienteur: try Orienteur.bundled(extraDocuments: Guichet.searchDocuments(for: catalog)), catalog: catalog)
    }

    /// The guichet's orienteur over the bundled content, whose search also covers the
    /// teleservices (what `ask`, `guide` and `content evaluate` read sentences with).
    /// - Parameter contentDirectory: a full orienteur content directory to use instead of the bundled one.
    static func orienteur(contentDirectory: String? = nil) throws -> Orienteur {
        guard let contentDirectory else {
            switch shared {
            case .success(let loaded): return loaded.orienteur
            case .failure(let error): throw OperationError("cannot load the bundled content: \(error)")
            }
        }
        let catalog: TeleserviceCatalog
        do { catalog = try TeleserviceCatalog.bundled() } catch { throw OperationError("cannot load the teleservices catalog: \(error)") }
        do {
            return try Orienteur(provider: DirectoryContentProvider(directory: URL(fileURLWithPath: contentDirectory, isDirectory: true)),
                                 extraDocuments: Guichet.searchDocuments(for: catalog))
        } catch {
            throw OperationError("cannot load the orienteur content: \(error)")
        }
    }

    /// A guichet over the bundled content and directory, with `store` for bookings.
    /// - Parameters:
    ///   - contentDirectory: a full orienteur content directory to use instead of the bundled one
    ///     (as checked by `masecurite content validate PATH`).
    ///   - catalogDirectory: a directory holding `catalog.json` and `facts.json` to use instead of the bundled catalog.
    static func guichet(store: any BookingStore, context: CommandContext, contentDirectory: String? = nil,
                        catalogDirectory: String? = nil) throws -> Guichet {
        let modules: Modules
        if contentDirectory == nil && catalogDirectory == nil {
            switch shared {
            case .success(let loaded): modules = loaded
            case .failure(let error): throw OperationError("cannot load the bundled content: \(error)")
            }
        } else {
            let catalog: TeleserviceCatalog
            do {
                catalog = try catalogDirectory.map { try FileTeleserviceCatalogSource(directory: URL(fileURLWithPath: $0, isDirectory: true)).loadCatalog() }
                    ?? TeleserviceCatalog.bundled()
            } catch {
                throw OperationError("cannot load the teleservices catalog: \(error)")
            }
            let provider: any ContentProvider = contentDirectory.map { DirectoryContentProvider(directory: URL(fileURLWithPath: $0, isDirectory: true)) }
                ?? BundledContentProvider()
            do {
                modules = Modules(orienteur: try Orienteur(provider: provider, extraDocuments: Guichet.searchDocuments(for: catalog)), catalog: catalog)
            } catch {
                throw OperationError("cannot load the orienteur content: \(error)")
            }
        }
        return try Guichet(orienteur: modules.orienteur, catalog: modules.catalog, stations: StationsCatalog.finder(),
                           appointments: AppointmentsCommands.service(store: store, context: context, catalog: modules.catalog),
                           clock: context.clock)
    }

    /// Parses `name=value` answers with the catalog's fact vocabulary (`?` means « I don't know »).
    static func facts(_ texts: [String], catalog: TeleserviceCatalog) throws(UsageError) -> Situation {
        var situation = Situation()
        for text in texts {
            guard let equals = text.firstIndex(of: "=") else {
                throw UsageError("--fact expects name=value, e.g. author_known=false; got '\(Echo.truncated(text))'")
            }
            let name = String(text[..<equals])
            do {
                situation[name] = try catalog.facts.answer(for: name, text: String(text[text.index(after: equals)...]))
            } catch {
                throw UsageError("--fact \(text): \(error.description)")
            }
        }
        return situation
    }
}
