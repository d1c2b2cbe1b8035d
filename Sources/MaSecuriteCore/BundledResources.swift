import Foundation

/// The files a module ships in its resource bundle: its `Resources` folder, copied whole by
/// SwiftPM (`.copy("Resources")`), found the same way on every platform. One idiom for
/// `Bundle.module` in every module with resources (OrienteurKit, StationDirectory,
/// Teleservices, Signalements, LocalInformation), one typed error: each module holds one value built from its own bundle.
package struct BundledResources: Sendable {
    /// The module's resource bundle (`Bundle.module` in that module).
    package let bundle: Bundle
    /// The module, for error messages.
    package let module: String

    /// The resources of `module`, found in `bundle`.
    package init(bundle: Bundle, module: String) {
        self.bundle = bundle
        self.module = module
    }

    /// The file at `path` inside the module's `Resources` folder, e.g. `content/tree.json`.
    /// - Throws: BundledResourceError when the bundle or the file is missing.
    package func url(_ path: String) throws(BundledResourceError) -> URL {
        // Darwin reports the bundle's resource folder as its resource URL, where the copied
        // `Resources` folder sits; Foundation on Linux may report that `Resources` folder itself.
        var roots: [URL] = []
        if let resources = bundle.resourceURL {
            roots.append(resources.appendingPathComponent("Resources"))
            roots.append(resources)
        }
        roots.append(bundle.bundleURL.appendingPathComponent("Resources"))
        for root in roots {
            let candidate = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        throw BundledResourceError(module: module, path: path, reason: .missing)
    }

    /// The bytes of the file at `path` inside the module's `Resources` folder.
    /// - Throws: BundledResourceError when the file is missing or cannot be read.
    package func data(_ path: String) throws(BundledResourceError) -> Data {
        let location = try url(path)
        do {
            return try Data(contentsOf: location)
        } catch {
            throw BundledResourceError(module: module, path: path, reason: .unreadable(error.localizedDescription))
        }
    }
}

/// A file of a module's resource bundle that is missing or cannot be read.
package struct BundledResourceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    package enum Reason: Hashable, Sendable {
        /// The bundle has no such file (or the bundle itself is missing).
        case missing
        /// The file is there but cannot be read (the system's message).
        case unreadable(String)
    }

    /// The module whose bundle it is.
    package let module: String
    /// The path inside `Resources`.
    package let path: String
    /// What went wrong.
    package let reason: Reason

    /// Creates a value from its fields.
    package init(module: String, path: String, reason: Reason) {
        self.module = module
        self.path = path
        self.reason = reason
    }

    /// "the Teleservices resource bundle has no Resources/catalog.json".
    package var description: String {
        switch reason {
        case .missing: return "the \(module) resource bundle has no Resources/\(path)"
        case .unreadable(let message): return "cannot read Resources/\(path) of the \(module) resource bundle: \(message)"
        }
    }
}
