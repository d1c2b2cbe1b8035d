import Foundation

/// The `masecurite` commands of this area (registered in MaSecuriteCommandLine).
enum OrienteurCommands: CommandArea {
    static var commands: [CommandSpec] { [] }
}
