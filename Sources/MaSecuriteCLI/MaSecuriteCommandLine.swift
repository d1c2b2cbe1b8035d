import Foundation

/// A data set or content bundled in the SDK, listed by `masecurite version`.
public struct BundledDataInfo: Sendable, Codable, Equatable {
    public let name: String
    public let version: String
    public let source: String
    public let licence: String

    public init(name: String, version: String, source: String, licence: String) {
        self.name = name
        self.version = version
        self.source = source
        self.licence = licence
    }
}

/// One area of the command line (stations, teleservices…), each in its own file.
protocol CommandArea {
    /// Groups of commands (`masecurite <group> <verb>`) this area adds.
    static var groups: [CommandGroup] { get }
    /// The commands of this area.
    static var commands: [CommandSpec] { get }
    /// The data and content this area bundles, for `masecurite version`.
    static var bundledData: [BundledDataInfo] { get }
}

extension CommandArea {
    static var groups: [CommandGroup] { [] }
    static var bundledData: [BundledDataInfo] { [] }
}

/// The `masecurite` command line: every area's commands in one table.
public enum MaSecuriteCommandLine {
    /// The SDK version.
    public static let sdkVersion = "0.1.0"

    static var areas: [any CommandArea.Type] {
        [
            GuichetCommands.self,
            OrienteurCommands.self,
            StationsCommands.self,
            TeleservicesCommands.self,
            AppointmentsCommands.self,
            ChatCommands.self,
            SignalementsCommands.self,
            LocalInformationCommands.self,
            VersionCommand.self,
        ]
    }

    /// Everything bundled, for `masecurite version`.
    static var bundledData: [BundledDataInfo] { areas.flatMap { $0.bundledData } }

    /// The tool with every area registered.
    public static func tool() -> CommandLineTool {
        CommandLineTool(
            name: "masecurite",
            summary: "the Ma Sécurité guichet unique: orientation, stations, online services, appointments, chat",
            groups: areas.flatMap { $0.groups },
            commands: areas.flatMap { $0.commands },
            defaultCommand: GuichetCommands.interactive
        )
    }

    /// Runs the command line with `arguments` (without the program name).
    public static func main(_ arguments: [String], context: CommandContext) async -> Int32 {
        await tool().run(arguments, context: context)
    }
}
