import Foundation
import MaSecuriteCore

/// A small, table-driven command-line parser and dispatcher (no dependency).
///
/// Commands are declared as ``CommandSpec`` values grouped by area. `--help`
/// (or `-h`) works at every level: `tool --help`, `tool help area`,
/// `tool area --help`, `tool area verb --help`.
///
/// Parsing rules: `--name VALUE` and `--name=VALUE`; flags take no value;
/// repeatable options collect every value; `--` ends the options (what follows
/// is positional, even if it starts with dashes); a lone `-` and negative
/// numbers (`-1.55`) are positional; any other word starting with `-` is an
/// unknown option.
///
/// Usage errors print to standard error with exit code 2; failed operations
/// (``OperationError`` or any other error thrown by a command) with exit code 1.
public struct CommandLineTool: Sendable {
    /// The program name shown in help and errors, e.g. `masecurite`.
    public let name: String
    /// One line shown at the top of the root help.
    public let summary: String
    /// The groups (areas) of commands.
    public let groups: [CommandGroup]
    /// Every command, in the order the help lists them.
    public let commands: [CommandSpec]
    /// What to run when no argument is given (the interactive guichet); `nil` prints the help.
    public let defaultCommand: CommandSpec?

    /// A tool over a table of groups and commands.
    public init(name: String, summary: String, groups: [CommandGroup], commands: [CommandSpec], defaultCommand: CommandSpec? = nil) {
        self.name = name
        self.summary = summary
        self.groups = groups
        self.commands = commands
        self.defaultCommand = defaultCommand
    }

    /// Parses `arguments` (without the program name), runs the command and returns the exit code.
    public func run(_ arguments: [String], context: CommandContext) async -> Int32 {
        let console = context.console
        guard let first = arguments.first else {
            if let defaultCommand {
                return await execute(defaultCommand, arguments: [], context: context)
            }
            console.write(rootHelp())
            return 0
        }
        if CommandLineTool.isHelp(first) || (first == "help" && !commands.contains { $0.path.first == "help" }) {
            return help(for: Array(arguments.dropFirst()), console: console)
        }
        if first == "--version", let version = commands.first(where: { $0.path == ["version"] }) {
            return await execute(version, arguments: Array(arguments.dropFirst()), context: context)
        }
        if first.hasPrefix("-") {
            console.errorLine("error: '\(Echo.truncated(first))' must come after a command, e.g. '\(name) <area> <command> \(first)'.")
            console.errorLine("Run '\(name) --help' to see the commands.")
            return 2
        }
        // Longest command path that matches the leading words.
        let match = commands
            .filter { arguments.starts(with: $0.path) }
            .max { $0.path.count < $1.path.count }
        if let command = match {
            return await execute(command, arguments: Array(arguments.dropFirst(command.path.count)), context: context)
        }
        // A group (or a group prefix such as `appointments slots`) without a known command.
        let words = Array(arguments.prefix { !$0.hasPrefix("-") })
        if groups.contains(where: { $0.name == first }) {
            let known = longestGroupPrefix(of: words)
            let rest = Array(arguments.dropFirst(known.count))
            if rest.first.map(CommandLineTool.isHelp) == true {
                console.write(groupHelp(first))
                return 0
            }
            if let unknown = rest.first {
                let attempted = (known + [unknown]).joined(separator: " ")
                console.errorLine("error: unknown command '\(name) \(Echo.truncated(attempted))'\(suggestion(for: known + [unknown]))")
            } else {
                console.errorLine("error: '\(name) \(known.joined(separator: " "))' needs a command.")
            }
            console.writeError(groupHelp(first))
            return 2
        }
        console.errorLine("error: unknown command '\(Echo.truncated(first))'\(suggestion(for: [first])). Run '\(name) --help' to see the commands.")
        return 2
    }

    static func isHelp(_ argument: String) -> Bool { argument == "--help" || argument == "-h" }

    /// `tool help [area [command]]` and `tool --help`.
    private func help(for words: [String], console: any Console) -> Int32 {
        let words = words.filter { !CommandLineTool.isHelp($0) }
        if words.isEmpty {
            console.write(rootHelp())
            return 0
        }
        if let command = commands.first(where: { $0.path == words }) {
            console.write(commandHelp(command))
            return 0
        }
        if let group = words.first, groups.contains(where: { $0.name == group }), words.count == 1 {
            console.write(groupHelp(group))
            return 0
        }
        console.errorLine("error: no help for '\(words.joined(separator: " "))'\(suggestion(for: words)). Run '\(name) --help' to see the commands.")
        return 2
    }

    /// The longest leading part of `words` that starts some command's path.
    private func longestGroupPrefix(of words: [String]) -> [String] {
        var best: [String] = []
        for length in stride(from: words.count, through: 1, by: -1) {
            let prefix = Array(words.prefix(length))
            if commands.contains(where: { $0.path.starts(with: prefix) && $0.path.count > prefix.count }) {
                best = prefix
                break
            }
        }
        return best.isEmpty ? Array(words.prefix(1)) : best
    }

    /// `; did you mean 'x'?` when a command path is within two edits of `words`.
    private func suggestion(for words: [String]) -> String {
        let typed = words.joined(separator: " ")
        var candidates = Set(groups.map(\.name))
        for command in commands {
            candidates.insert(command.path.prefix(words.count).joined(separator: " "))
        }
        let close = candidates
            .map { ($0, CommandLineTool.editDistance(typed, $0)) }
            .filter { $0.1 > 0 && $0.1 <= 2 }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = close.first else { return "" }
        return "; did you mean '\(name) \(best.0)'?"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    private func execute(_ command: CommandSpec, arguments: [String], context: CommandContext) async -> Int32 {
        let console = context.console
        if wantsHelp(arguments, for: command) {
            console.write(commandHelp(command))
            return 0
        }
        var json = false
        do {
            let parsed = try parse(arguments, for: command)
            json = command.options.contains { $0.name == "json" && $0.kind == .flag } && parsed.flag(.json)
            return try await command.run(parsed, context)
        } catch let error as UsageError {
            console.errorLine("error: \(error.message)")
            console.errorLine("usage: \(usageLine(command))")
            console.errorLine("Run '\(([name] + command.path).joined(separator: " ")) --help' for more.")
            return 2
        } catch let error as OperationError {
            return failed(error.message, json: json, console: console)
        } catch {
            return failed("\(error)", json: json, console: console)
        }
    }

    /// A failed operation: the message on standard error and, with `--json`, the
    /// object `{"error":"operation-failed","message":…}` on standard output, so a
    /// program reading the JSON always gets an answer (exit code 1).
    private func failed(_ message: String, json: Bool, console: any Console) -> Int32 {
        console.errorLine("error: \(message)")
        if json {
            struct Failure: Encodable {
                let error = "operation-failed"
                let message: String
            }
            console.line((try? JSONOutput.encode(Failure(message: message), pretty: false))
                ?? #"{"error":"operation-failed","message":"see standard error"}"#)
        }
        return 1
    }

    /// Whether `--help`/`-h` appears as an option (not after `--`, not as an option's value).
    func wantsHelp(_ arguments: [String], for command: CommandSpec) -> Bool {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { return false }
            if CommandLineTool.isHelp(argument) { return true }
            guard argument.hasPrefix("--"), !argument.contains("=") else { continue }
            let name = String(argument.dropFirst(2))
            if let option = command.options.first(where: { $0.name == name }), option.kind != .flag,
               index < arguments.count, !arguments[index].hasPrefix("--") {
                index += 1 // skip the option's value
            }
        }
        return false
    }

    /// Parses the arguments that follow the command's path.
    func parse(_ arguments: [String], for command: CommandSpec) throws(UsageError) -> ParsedArguments {
        var positionals: [String] = []
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var index = 0
        var optionsEnded = false
        let commandName = ([name] + command.path).joined(separator: " ")
        func validOptions() -> String {
            let valid = command.options.map { "--\($0.name)" }.joined(separator: ", ")
            return valid.isEmpty ? " (it takes no options)" : "; valid options: \(valid)"
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") || Double(argument) != nil {
                positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option '\(Echo.truncated(argument))' for '\(commandName)'\(validOptions())")
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = command.options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(Echo.truncated(name))' for '\(commandName)'\(validOptions())")
            }
            switch option.kind {
            case .flag:
                guard inlineValue == nil else { throw UsageError("--\(name) is a switch and takes no value") }
                flags.insert(name)
            case .value(let placeholder), .repeatable(let placeholder):
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                        throw UsageError("--\(name) needs a value (\(placeholder)); write --\(name)=VALUE if the value starts with '--'")
                    }
                    value = arguments[index]
                    index += 1
                }
                if case .value = option.kind, values[name] != nil {
                    throw UsageError("--\(name) was given more than once")
                }
                values[name, default: []].append(value)
            }
        }
        for option in command.options where option.isRequired && values[option.name] == nil && !flags.contains(option.name) {
            throw UsageError("missing required option --\(option.name): \(option.help)")
        }
        let required = command.positionals.filter { !$0.isOptional }.count
        if positionals.count < required {
            let missing = command.positionals[positionals.count]
            throw UsageError("missing argument \(missing.name): \(missing.help)")
        }
        let variadic = command.positionals.last?.isVariadic ?? false
        if !variadic, positionals.count > command.positionals.count {
            throw UsageError("unexpected argument '\(Echo.truncated(positionals[command.positionals.count]))'")
        }
        return ParsedArguments(commandPath: command.path, positionals: positionals, values: values, flags: flags)
    }

    /// Mistakes in the command table itself (duplicate paths or options,
    /// undeclared groups, misplaced optional or variadic positionals, a
    /// declared `--help`). Empty when the table is sound; checked by tests.
    public func tableProblems() -> [String] {
        var problems: [String] = []
        var seenPaths = Set<[String]>()
        let groupNames = Set(groups.map(\.name))
        if groupNames.count != groups.count { problems.append("a group name is declared twice") }
        for command in commands {
            let label = command.path.joined(separator: " ")
            if command.path.isEmpty || command.path.contains(where: { $0.isEmpty || $0.hasPrefix("-") }) {
                problems.append("command '\(label)': every word of the path must be non-empty and not start with '-'")
            }
            if !seenPaths.insert(command.path).inserted { problems.append("command '\(label)' is declared twice") }
            if command.path.count > 1, let group = command.path.first, !groupNames.contains(group) {
                problems.append("command '\(label)': group '\(group)' is not declared")
            }
            var optionNames = Set<String>()
            for option in command.options {
                if option.name == "help" || option.name == "h" { problems.append("command '\(label)': --help is implicit") }
                if !optionNames.insert(option.name).inserted { problems.append("command '\(label)': option --\(option.name) is declared twice") }
            }
            var sawOptional = false
            for (index, positional) in command.positionals.enumerated() {
                if positional.isOptional { sawOptional = true } else if sawOptional {
                    problems.append("command '\(label)': required argument \(positional.name) follows an optional one")
                }
                if positional.isVariadic, index != command.positionals.count - 1 {
                    problems.append("command '\(label)': only the last argument may be variadic")
                }
            }
        }
        return problems
    }

    // MARK: Help

    /// `tool area verb ARG [OPTIONAL] [options]`.
    func usageLine(_ command: CommandSpec) -> String {
        var parts = [name] + command.path
        for positional in command.positionals {
            let word = positional.isVariadic ? "\(positional.name)…" : positional.name
            parts.append(positional.isOptional ? "[\(word)]" : word)
        }
        for option in command.options where option.isRequired {
            switch option.kind {
            case .flag: parts.append("--\(option.name)")
            case .value(let placeholder), .repeatable(let placeholder): parts.append("--\(option.name) \(placeholder)")
            }
        }
        if command.options.contains(where: { !$0.isRequired }) { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    func rootHelp() -> String {
        var text = "\(name) — \(summary)\n\nUSAGE: \(name) <area> <command> [options]\n"
        if defaultCommand != nil {
            text += "       \(name)            (no argument: the interactive guichet)\n"
        }
        text += "\nAREAS AND COMMANDS:\n"
        let width = (groups.map(\.name.count) + commands.filter { $0.path.count == 1 }.map { $0.path[0].count }).max() ?? 10
        for group in groups {
            text += "  \(group.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(group.summary)\n"
        }
        for command in commands where command.path.count == 1 {
            text += "  \(command.path[0].padding(toLength: width + 2, withPad: " ", startingAt: 0))\(command.summary)\n"
        }
        text += "\nRun '\(name) <area> --help' for the commands of an area.\n"
        text += "Exit status: 0 success, 1 the operation failed, 2 the command line is wrong.\n"
        return text
    }

    func groupHelp(_ group: String) -> String {
        let summary = groups.first { $0.name == group }?.summary ?? ""
        var text = "\(name) \(group) — \(summary)\n\nCOMMANDS:\n"
        let members = commands.filter { $0.path.first == group }
        let width = members.map { $0.path.dropFirst().joined(separator: " ").count }.max() ?? 8
        for command in members {
            let verb = command.path.dropFirst().joined(separator: " ")
            text += "  \(verb.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(command.summary)\n"
        }
        text += "\nRun '\(name) \(group) <command> --help' for details.\n"
        return text
    }

    func commandHelp(_ command: CommandSpec) -> String {
        var text = "\(command.summary)\n\nUSAGE: \(usageLine(command))\n"
        if !command.positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            for positional in command.positionals {
                text += "  \(positional.name)\n      \(positional.help)\n"
            }
        }
        text += "\nOPTIONS:\n"
        for option in command.options {
            let head: String
            switch option.kind {
            case .flag: head = "--\(option.name)"
            case .value(let placeholder): head = "--\(option.name) \(placeholder)"
            case .repeatable(let placeholder): head = "--\(option.name) \(placeholder) (repeatable)"
            }
            text += "  \(head)\(option.isRequired ? " (required)" : "")\n      \(option.help)\n"
        }
        text += "  --help\n      Show this help.\n"
        if !command.discussion.isEmpty { text += "\n\(command.discussion)\n" }
        return text
    }
}
