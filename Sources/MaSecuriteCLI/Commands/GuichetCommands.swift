import Foundation

/// The `masecurite` commands of this area (registered in MaSecuriteCommandLine).
enum GuichetCommands: CommandArea {
    static var commands: [CommandSpec] { [] }
}

extension GuichetCommands {
    /// What `masecurite` runs without arguments; `nil` prints the help.
    static var interactive: CommandSpec? { nil }
}
