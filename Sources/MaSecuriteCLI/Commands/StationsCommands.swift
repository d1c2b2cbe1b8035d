import Foundation

/// The `masecurite` commands of this area (registered in MaSecuriteCommandLine).
enum StationsCommands: CommandArea {
    static var commands: [CommandSpec] { [] }
}
