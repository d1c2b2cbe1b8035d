import Foundation

// The same file in every module with resources (OrienteurKit, StationDirectory,
// Teleservices): one idiom for `Bundle.module`, one typed error.

/// The files this module ships in its resource bundle: the `Resources` folder,
/// copied whole by SwiftPM (`.copy("Resources")`), found the same way on every platform.
enum BundledResources {
    /// The module, for error messages.
    static let module = "StationDirectory"

    /// The file at `path` inside the module's `Resources` folder, e.g. `content/tree.json`.
    /// - Throws: BundledResourceError when the bundle or the file is missing.
    static func url(_ path: String) throws(BundledResourceError) -> URL {
        // Darwin reports the bundle's resource folder as its resource URL, where the copied
        // `Resources` folder sits; Foundation on Linux may report that `Resources` folder itself.
        var roots: [URL] = []
        if let resources = Bundle.module.resourceURL {
            roots.append(resources.appendingPathComponent("Resources"))
            roots.append(resources)
        }
        roots.append(Bundle.module.bundleURL.appendingPathComponent("Resources"))
        for root in roots {
            let candidate = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        throw BundledResourceError(module: module, path: path, reason: .missing)
    }

    /// The bytes of the file at `path` inside the module's `Resources` folder.
    /// - Throws: BundledResourceError when the file is missing or cannot be read.
    static func data(_ path: String) throws(BundledResourceError) -> Data {
        let location = try url(path)
        do {
            return try Data(contentsOf: location)
        } catch {
            throw BundledResourceError(module: module, path: path, reason: .unreadable(error.localizedDescription))
        }
    }
}

/// A file of the module's resource bundle that is missing or cannot be read.
struct BundledResourceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    enum Reason: Hashable, Sendable {
        /// The bundle has no such file (or the bundle itself is missing).
        case missing
        /// The file is there but cannot be read (the system's message).
        case unreadable(String)
    }

    /// The module whose bundle it is.
    let module: String
    /// The path inside `Resources`.
    let path: String
    /// What went wrong.
    let reason: Reason

    /// "the Teleservices resource bundle has no Resources/catalog.json".
    var description: String {
        switch reason {
        case .missing: return "the \(module) resource bundle has no Resources/\(path)"
        case .unreadable(let message): return "cannot read Resources/\(path) of the \(module) resource bundle: \(message)"
        }
    }
}
