import Testing
@testable import MaSecuriteCLI

@Suite struct CommandLineToolTests {
    @Test func versionPrintsSDKVersion() async {
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(["version"], context: CommandContext(console: console))
        #expect(status == 0)
        #expect(console.output.contains("masecurite \(MaSecuriteCommandLine.sdkVersion)"))
    }

    @Test func unknownOptionIsAUsageError() async {
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(["version", "--bogus"], context: CommandContext(console: console))
        #expect(status == 2)
        #expect(console.errorOutput.contains("unknown option '--bogus'"))
    }

    @Test func rootHelpListsVersion() async {
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(["--help"], context: CommandContext(console: console))
        #expect(status == 0)
        #expect(console.output.contains("version"))
    }
}
