import Foundation
import Testing
@testable import MaSecuriteCLI

/// The table-driven framework, exercised through a small tool built here with
/// fake commands (independent of the real areas' commands).
@Suite struct CommandLineToolTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "boom happened" }
    }

    /// Prints what the parser produced, in a stable form.
    static func echo(_ arguments: ParsedArguments, _ context: CommandContext) -> Int32 {
        var parts = ["path=\(arguments.commandPath.joined(separator: " "))",
                     "positionals=\(arguments.positionals.joined(separator: "|"))"]
        parts.append("json=\(arguments.flag(option("json")))")
        parts.append("limit=\(arguments.value(option("limit")) ?? "-")")
        parts.append("tags=\(arguments.values(option("tag")).joined(separator: ","))")
        parts.append("lat=\(arguments.value(option("lat")) ?? "-")")
        context.console.line(parts.joined(separator: " "))
        return 0
    }

    static let tool = CommandLineTool(
        name: "demo-tool",
        summary: "a tool for testing the framework",
        groups: [CommandGroup("demo", summary: "Demonstration commands.")],
        commands: [
            CommandSpec(
                path: ["demo", "echo"], summary: "Print the parsed arguments.", discussion: "Example: demo-tool demo echo word",
                positionals: [PositionalSpec("WORD", help: "A required word."), PositionalSpec("EXTRA", help: "An optional word.", optional: true)],
                options: [.json, OptionSpec("limit", .value(placeholder: "N"), help: "A number."),
                          OptionSpec("tag", .repeatable(placeholder: "TAG"), help: "A tag."),
                          OptionSpec("lat", .value(placeholder: "DEGREES"), help: "A latitude.")]
            ) { arguments, context in echo(arguments, context) },
            CommandSpec(path: ["demo", "ask"], summary: "Take a free-text question.",
                        positionals: [PositionalSpec("QUESTION", help: "Words of the question.", variadic: true)]) { arguments, context in
                context.console.line("question=\(arguments.positionals.joined(separator: " "))")
                return 0
            },
            CommandSpec(path: ["demo", "fail"], summary: "Fail as an operation.") { _, _ in
                throw OperationError("the station list could not be read: file missing")
            },
            CommandSpec(path: ["demo", "crash"], summary: "Throw an arbitrary error.") { _, _ in throw Boom() },
            CommandSpec(path: ["demo", "misuse"], summary: "Reject its arguments from inside.",
                        options: [OptionSpec("limit", .value(placeholder: "N"), help: "A number.")]) { arguments, _ in
                _ = try arguments.int(option("limit"), in: 1...10)
                return 0
            },
            CommandSpec(path: ["demo", "slots", "list"], summary: "A three-word command.") { arguments, context in
                echo(arguments, context)
            },
            CommandSpec(path: ["ping"], summary: "A one-word command.") { _, context in
                context.console.line("pong")
                return 0
            },
            CommandSpec(path: ["version"], summary: "Print a version.") { _, context in
                context.console.line("demo-tool 9.9")
                return 0
            },
        ]
    )

    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    func run(_ arguments: [String], tool: CommandLineTool = tool) async -> Outcome {
        let console = BufferConsole()
        let status = await tool.run(arguments, context: CommandContext(console: console, environment: [:]))
        return Outcome(status: status, output: console.output, error: console.errorOutput)
    }

    // MARK: Option parsing

    @Test func valueOptionsWithSpaceOrEquals() async {
        let spaced = await run(["demo", "echo", "w", "--limit", "5"])
        let joined = await run(["demo", "echo", "w", "--limit=5"])
        #expect(spaced.status == 0)
        #expect(spaced.output.contains("limit=5"))
        #expect(spaced.output == joined.output)
        #expect(await run(["demo", "echo", "w", "--limit="]).output.contains("limit= "))
    }

    @Test func flagsAndRepeatableOptions() async {
        let outcome = await run(["demo", "echo", "--json", "w", "--tag", "a", "--tag=b", "--tag", "c"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("json=true"))
        #expect(outcome.output.contains("tags=a,b,c"))
        #expect(outcome.output.contains("positionals=w "))
        #expect(await run(["demo", "echo", "w"]).output.contains("json=false"))
    }

    @Test func positionalsInAnyOrderWithOptions() async {
        let outcome = await run(["demo", "echo", "first", "--limit", "3", "second"])
        #expect(outcome.output.contains("positionals=first|second"))
        #expect(outcome.output.contains("path=demo echo"))
    }

    @Test func doubleDashEndsOptions() async {
        let outcome = await run(["demo", "echo", "--", "--json", "-x"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("positionals=--json|-x"))
        #expect(outcome.output.contains("json=false"))
        // `--help` after `--` is a word, not a request for help.
        #expect(await run(["demo", "echo", "--", "--help"]).output.contains("positionals=--help"))
    }

    @Test func negativeNumbersAndLoneDashArePositionalOrValues() async {
        let outcome = await run(["demo", "echo", "-1.55", "-", "--lat", "-21.11"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("positionals=-1.55|-"))
        #expect(outcome.output.contains("lat=-21.11"))
    }

    @Test func missingValueIsAUsageError() async {
        let atEnd = await run(["demo", "echo", "w", "--limit"])
        #expect(atEnd.status == 2)
        #expect(atEnd.error.contains("--limit needs a value (N)"))
        #expect(atEnd.error.contains("usage: demo-tool demo echo WORD [EXTRA] [options]"))
        #expect(atEnd.output.isEmpty)
        let followedByOption = await run(["demo", "echo", "w", "--limit", "--json"])
        #expect(followedByOption.status == 2)
        #expect(followedByOption.error.contains("--limit needs a value"))
    }

    @Test func unknownOptionsAreUsageErrorsNamingTheValidOnes() async {
        let long = await run(["demo", "echo", "w", "--bogus"])
        #expect(long.status == 2)
        #expect(long.error.contains("unknown option '--bogus' for 'demo-tool demo echo'"))
        #expect(long.error.contains("--json, --limit, --tag, --lat"))
        let short = await run(["demo", "echo", "w", "-x"])
        #expect(short.status == 2)
        #expect(short.error.contains("unknown option '-x'"))
        let none = await run(["ping", "--loud"])
        #expect(none.status == 2)
        #expect(none.error.contains("(it takes no options)"))
    }

    @Test func switchesTakeNoValueAndSingleValuesOnlyOnce() async {
        let switchValue = await run(["demo", "echo", "w", "--json=yes"])
        #expect(switchValue.status == 2)
        #expect(switchValue.error.contains("--json is a switch and takes no value"))
        let twice = await run(["demo", "echo", "w", "--limit", "1", "--limit", "2"])
        #expect(twice.status == 2)
        #expect(twice.error.contains("--limit was given more than once"))
    }

    @Test func missingAndUnexpectedPositionals() async {
        let missing = await run(["demo", "echo"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("missing argument WORD: A required word."))
        let extra = await run(["demo", "echo", "a", "b", "c"])
        #expect(extra.status == 2)
        #expect(extra.error.contains("unexpected argument 'c'"))
    }

    @Test func variadicPositionalTakesEveryWord() async {
        let outcome = await run(["demo", "ask", "où", "porter", "plainte", "?"])
        #expect(outcome.status == 0)
        #expect(outcome.output == "question=où porter plainte ?\n")
        #expect(await run(["demo", "ask"]).status == 2)
    }

    @Test func threeWordCommands() async {
        let outcome = await run(["demo", "slots", "list"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("path=demo slots list"))
    }

    // MARK: Help at every level

    @Test func rootHelp() async {
        for arguments in [[], ["--help"], ["-h"], ["help"]] {
            let outcome = await run(arguments)
            #expect(outcome.status == 0, "\(arguments)")
            #expect(outcome.output.contains("demo-tool — a tool for testing the framework"))
            #expect(outcome.output.contains("demo "))
            #expect(outcome.output.contains("Demonstration commands."))
            #expect(outcome.output.contains("ping"))
            #expect(outcome.error.isEmpty)
        }
    }

    @Test func groupHelp() async {
        for arguments in [["demo", "--help"], ["demo", "-h"], ["help", "demo"]] {
            let outcome = await run(arguments)
            #expect(outcome.status == 0, "\(arguments)")
            #expect(outcome.output.contains("COMMANDS:"))
            #expect(outcome.output.contains("echo"))
            #expect(outcome.output.contains("slots list"))
            #expect(outcome.output.contains("Print the parsed arguments."))
        }
    }

    @Test func commandHelpDoesNotRunTheCommand() async {
        for arguments in [["demo", "echo", "--help"], ["demo", "echo", "-h"], ["demo", "echo", "w", "--limit", "3", "--help"],
                          ["help", "demo", "echo"], ["demo", "fail", "--help"]] {
            let outcome = await run(arguments)
            #expect(outcome.status == 0, "\(arguments)")
            #expect(!outcome.output.contains("path="))
            #expect(outcome.output.contains("USAGE: demo-tool demo"))
            #expect(outcome.output.contains("--help"))
        }
        let echoHelp = await run(["demo", "echo", "--help"])
        #expect(echoHelp.output.contains("ARGUMENTS:"))
        #expect(echoHelp.output.contains("--limit N"))
        #expect(echoHelp.output.contains("--tag TAG (repeatable)"))
        #expect(echoHelp.output.contains("Example: demo-tool demo echo word"))
        let askHelp = await run(["demo", "ask", "--help"])
        #expect(askHelp.output.contains("USAGE: demo-tool demo ask QUESTION…"))
        #expect(askHelp.output.contains("OPTIONS:"))
    }

    @Test func groupWithoutCommandIsAUsageError() async {
        let outcome = await run(["demo"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("'demo-tool demo' needs a command"))
        #expect(outcome.error.contains("COMMANDS:"))
        #expect(outcome.output.isEmpty)
    }

    @Test func unknownCommandsSuggestCloseOnes() async {
        let verb = await run(["demo", "ehco", "w"])
        #expect(verb.status == 2)
        #expect(verb.error.contains("unknown command 'demo-tool demo ehco'"))
        #expect(verb.error.contains("did you mean 'demo-tool demo echo'?"))
        let root = await run(["pnig"])
        #expect(root.status == 2)
        #expect(root.error.contains("unknown command 'pnig'"))
        #expect(root.error.contains("did you mean 'demo-tool ping'?"))
        let far = await run(["zzzzzzzz"])
        #expect(far.status == 2)
        #expect(!far.error.contains("did you mean"))
        let unknownHelp = await run(["help", "nothing"])
        #expect(unknownHelp.status == 2)
    }

    @Test func optionsBeforeTheCommandAreRejected() async {
        let outcome = await run(["--json", "ping"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("'--json' must come after a command"))
    }

    @Test func versionFlagRunsTheVersionCommand() async {
        #expect(await run(["--version"]).output == "demo-tool 9.9\n")
    }

    @Test func defaultCommandRunsWithoutArguments() async {
        let tool = CommandLineTool(
            name: "t", summary: "s", groups: [], commands: [],
            defaultCommand: CommandSpec(path: [], summary: "default") { _, context in
                context.console.line("interactive")
                return 0
            })
        #expect(await run([], tool: tool).output == "interactive\n")
    }

    // MARK: Exit codes

    @Test func failedOperationsExitWith1() async {
        let failed = await run(["demo", "fail"])
        #expect(failed.status == 1)
        #expect(failed.error == "error: the station list could not be read: file missing\n")
        #expect(failed.output.isEmpty)
        let crashed = await run(["demo", "crash"])
        #expect(crashed.status == 1)
        #expect(crashed.error.contains("boom happened"))
    }

    @Test func usageErrorsThrownByCommandsExitWith2() async {
        let outcome = await run(["demo", "misuse", "--limit", "99"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("--limit expects a whole number in 1…10, got '99'"))
        #expect(outcome.error.contains("usage: demo-tool demo misuse [options]"))
        #expect(outcome.error.contains("Run 'demo-tool demo misuse --help' for more."))
    }

    // MARK: Table checks

    @Test func tableProblemsAreReported() {
        let broken = CommandLineTool(
            name: "t", summary: "s", groups: [CommandGroup("a", summary: "")],
            commands: [
                CommandSpec(path: ["a", "x"], summary: "", options: [.json, .json]) { _, _ in 0 },
                CommandSpec(path: ["a", "x"], summary: "") { _, _ in 0 },
                CommandSpec(path: ["b", "y"], summary: "", options: [OptionSpec("help", .flag, help: "")]) { _, _ in 0 },
                CommandSpec(path: ["a", "z"], summary: "",
                            positionals: [PositionalSpec("O", help: "", optional: true), PositionalSpec("R", help: "")]) { _, _ in 0 },
                CommandSpec(path: ["a", "v"], summary: "",
                            positionals: [PositionalSpec("V", help: "", variadic: true), PositionalSpec("R", help: "")]) { _, _ in 0 },
            ])
        let problems = broken.tableProblems()
        #expect(problems.contains("command 'a x' is declared twice"))
        #expect(problems.contains("command 'a x': option --json is declared twice"))
        #expect(problems.contains("command 'b y': group 'b' is not declared"))
        #expect(problems.contains("command 'b y': --help is implicit"))
        #expect(problems.contains("command 'a z': required argument R follows an optional one"))
        #expect(problems.contains("command 'a v': only the last argument may be variadic"))
        #expect(Self.tool.tableProblems().isEmpty)
    }

    @Test func editDistance() {
        #expect(CommandLineTool.editDistance("stations", "stations") == 0)
        #expect(CommandLineTool.editDistance("statoins", "stations") == 2)
        #expect(CommandLineTool.editDistance("", "abc") == 3)
        #expect(CommandLineTool.editDistance("chat", "chats") == 1)
    }

    // MARK: The real tool

    @Test func realToolTableIsSound() {
        #expect(MaSecuriteCommandLine.tool().tableProblems() == [])
    }

    @Test func versionPrintsSDKVersion() async {
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(["version"], context: CommandContext(console: console))
        #expect(status == 0)
        #expect(console.output.hasPrefix("masecurite \(MaSecuriteCommandLine.sdkVersion)\n"))
    }

    @Test func versionJSONIsSnakeCase() async throws {
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(["version", "--json"], context: CommandContext(console: console))
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
        #expect(object["sdk_version"] as? String == MaSecuriteCommandLine.sdkVersion)
        #expect(object["bundled"] is [Any])
    }

    @Test func realRootHelpListsVersion() async {
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(["--help"], context: CommandContext(console: console))
        #expect(status == 0)
        #expect(console.output.contains("version"))
        #expect(console.output.contains("Exit status: 0 success, 1 the operation failed, 2 the command line is wrong."))
    }

    @Test func realUnknownOptionIsAUsageError() async {
        let console = BufferConsole()
        let status = await MaSecuriteCommandLine.main(["version", "--bogus"], context: CommandContext(console: console))
        #expect(status == 2)
        #expect(console.errorOutput.contains("unknown option '--bogus'"))
    }
}

/// An option named `name`, for reading parsed arguments in these tests.
private func option(_ name: String) -> OptionSpec { OptionSpec(name, .value(placeholder: "X"), help: "") }
