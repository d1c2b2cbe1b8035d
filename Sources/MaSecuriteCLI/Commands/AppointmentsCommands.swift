import Foundation

/// The `masecurite` commands of this area (registered in MaSecuriteCommandLine).
enum AppointmentsCommands: CommandArea {
    static var commands: [CommandSpec] { [] }
}
