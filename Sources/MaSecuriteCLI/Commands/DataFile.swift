import Foundation
import MaSecuriteCore

/// Where a command area keeps its SQLite file: `--store PATH`, else
/// `$XDG_DATA_HOME/masecurite/<name>` (`~/.local/share/masecurite/<name>` when unset).
/// Shared by the appointments, signalements and local-information commands.
enum DataFile {
    /// The path given with `option`, else the default one for `name`. An empty path,
    /// `:memory:` or a `file:` URI is refused: SQLite would keep `kept` nowhere
    /// (`hint` ends the message, e.g. "give the path of a file").
    static func path(_ arguments: ParsedArguments, option: OptionSpec, name: String, kept: String, hint: String = "give the path of a file",
                     _ context: CommandContext) throws(UsageError) -> String {
        if let path = arguments.value(option) {
            if path.trimmingCharacters(in: .whitespaces).isEmpty || path == ":memory:" || path.hasPrefix("file:") {
                throw UsageError("--\(option.name) '\(Echo.truncated(path))' names no file: \(kept); \(hint)")
            }
            return path
        }
        return defaultPath(name: name, context)
    }

    /// `$XDG_DATA_HOME/masecurite/<name>`, or `~/.local/share/masecurite/<name>`.
    static func defaultPath(name: String, _ context: CommandContext) -> String {
        let base: String
        if let data = context.environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = data
        } else {
            base = (context.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.local/share"
        }
        return base + "/masecurite/" + name
    }

    /// Whether `path` exists; when it does not and `create` is true, its directory is
    /// created first (`what` names the file in the error, e.g. "the bookings file").
    static func prepare(_ path: String, create: Bool, what: String?) throws(OperationError) -> Bool {
        if FileManager.default.fileExists(atPath: path) { return true }
        guard create else { return false }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw OperationError("cannot create the directory \(directory)\(what.map { " for \($0)" } ?? ""): \(error.localizedDescription)")
            }
        }
        return true
    }
}
