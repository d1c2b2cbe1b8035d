import Foundation

/// `masecurite version`: the SDK version and the versions and licences of the
/// bundled content and data.
enum VersionCommand: CommandArea {
    static var commands: [CommandSpec] {
        [
            CommandSpec(
                path: ["version"],
                summary: "Print the SDK version and the bundled content and data, with their licences.",
                options: [.json]
            ) { arguments, context in
                let data = MaSecuriteCommandLine.bundledData
                if arguments.flag(.json) {
                    struct Output: Encodable {
                        let sdk_version: String
                        let bundled: [BundledDataInfo]
                    }
                    context.console.line(try JSONOutput.encode(Output(sdk_version: MaSecuriteCommandLine.sdkVersion, bundled: data)))
                } else {
                    context.console.line("masecurite \(MaSecuriteCommandLine.sdkVersion)")
                    for item in data {
                        context.console.line("  \(item.name) \(item.version)")
                        context.console.line("    source: \(item.source)")
                        context.console.line("    licence: \(item.licence)")
                    }
                }
                return 0
            },
        ]
    }
}
