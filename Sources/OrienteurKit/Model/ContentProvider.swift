import Foundation

/// Where the orienteur's content comes from. The SDK ships ``BundledContentProvider``;
/// a deployment can read its own directory (``DirectoryContentProvider``) or add
/// local fiches and leaves on top of the bundle (``OverlayContentProvider``).
public protocol ContentProvider: Sendable {
    /// Loads the whole content; throws ``ContentLoadError`` naming the file and field at fault.
    func loadContent() throws(ContentLoadError) -> OrienteurContent
}

/// A content file that cannot be read or decoded.
public struct ContentLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (name or path) at fault.
    public let file: String
    /// What is wrong, with the JSON path when known.
    public let message: String

    /// Creates a value from its fields.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// Reads the six content files from a directory: tree.json (required), fiches.json,
/// numbers.json, documents.json, synonyms.json, partners.json (each optional).
public struct DirectoryContentProvider: ContentProvider {
    /// The directory holding the JSON files.
    public let directory: URL

    /// Creates a value from its fields.
    public init(directory: URL) { self.directory = directory }

    public func loadContent() throws(ContentLoadError) -> OrienteurContent {
        try ContentFiles.load(from: directory)
    }
}

/// The content bundled with the SDK (`Resources/content`).
public struct BundledContentProvider: ContentProvider {
    /// Creates a value from its fields.
    public init() {}

    /// The folder of the bundled content files, if the resource bundle is present.
    public static var directory: URL? {
        try? BundledResources.url("content/tree.json").deletingLastPathComponent()
    }

    public func loadContent() throws(ContentLoadError) -> OrienteurContent {
        let tree: URL
        do { tree = try BundledResources.url("content/tree.json") } catch {
            throw ContentLoadError(file: "Resources/content", message: error.description)
        }
        return try ContentFiles.load(from: tree.deletingLastPathComponent())
    }
}

/// The content of a base provider with a deployment's overlay merged on top.
public struct OverlayContentProvider: ContentProvider {
    /// The content the overlay applies to.
    public let base: any ContentProvider
    /// The local additions.
    public let overlay: @Sendable () throws(ContentLoadError) -> ContentOverlay

    /// - Parameters:
    ///   - base: usually ``BundledContentProvider``.
    ///   - overlay: the local additions (fiches, leaves, replaced questions…).
    public init(base: any ContentProvider = BundledContentProvider(), overlay: ContentOverlay) {
        self.base = base
        self.overlay = { overlay }
    }

    /// Reads the overlay from a directory holding any subset of the content files
    /// (a tree.json there may list only `nodes` and `leaves`).
    public init(base: any ContentProvider = BundledContentProvider(), overlayDirectory: URL) {
        self.base = base
        self.overlay = { () throws(ContentLoadError) -> ContentOverlay in try ContentFiles.loadOverlay(from: overlayDirectory) }
    }

    public func loadContent() throws(ContentLoadError) -> OrienteurContent {
        try base.loadContent().merging(overlay())
    }
}
