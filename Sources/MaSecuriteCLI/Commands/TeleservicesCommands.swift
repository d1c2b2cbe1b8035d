import Foundation

/// The `masecurite` commands of this area (registered in MaSecuriteCommandLine).
enum TeleservicesCommands: CommandArea {
    static var commands: [CommandSpec] { [] }
}
