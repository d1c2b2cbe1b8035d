import Foundation

/// The `masecurite` commands of this area (registered in MaSecuriteCommandLine).
enum ChatCommands: CommandArea {
    static var commands: [CommandSpec] { [] }
}
