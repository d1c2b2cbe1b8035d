import Foundation

/// A small, table-driven command-line parser and dispatcher (no dependency).
///
/// Commands are declared as ``CommandSpec`` values grouped by area. `--help`
/// works at every level: `tool --help`, `tool area --help`, `tool area verb --help`.
/// Usage errors print to standard error with exit code 2; failed operations
/// with exit code 1.
public struct CommandLineTool: Sendable {
    public let name: String
    public let summary: String
    public let groups: [CommandGroup]
    public let commands: [CommandSpec]
    /// What to run when no argument is given (the interactive guichet); `nil` prints the help.
    public let defaultCommand: CommandSpec?

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
        if arguments.isEmpty {
            if let defaultCommand {
                return await execute(defaultCommand, arguments: [], context: context)
            }
            console.write(rootHelp())
            return 0
        }
        if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            console.write(rootHelp())
            return 0
        }
        // Longest command path that matches the leading words.
        let match = commands
            .filter { arguments.starts(with: $0.path) }
            .max { $0.path.count < $1.path.count }
        guard let command = match else {
            let words = arguments.prefix { !$0.hasPrefix("-") }
            // A group name alone, or a group with --help.
            if let first = words.first, groups.contains(where: { $0.name == first }) {
                let rest = Array(arguments.dropFirst())
                if rest.isEmpty || rest.contains("--help") || rest.contains("-h") {
                    console.write(groupHelp(first))
                    return rest.isEmpty ? 2 : 0
                }
                console.errorLine("error: unknown command '\(name) \(first) \(rest[0])'")
                console.writeError(groupHelp(first))
                return 2
            }
            console.errorLine("error: unknown command '\(arguments[0])'. Run '\(name) --help' to see the commands.")
            return 2
        }
        let rest = Array(arguments.dropFirst(command.path.count))
        return await execute(command, arguments: rest, context: context)
    }

    private func execute(_ command: CommandSpec, arguments: [String], context: CommandContext) async -> Int32 {
        let console = context.console
        if arguments.contains("--help") || arguments.contains("-h") {
            console.write(commandHelp(command))
            return 0
        }
        do {
            let parsed = try parse(arguments, for: command)
            return try await command.run(parsed, context)
        } catch let error as UsageError {
            console.errorLine("error: \(error.message)")
            console.errorLine("usage: \(usageLine(command))")
            console.errorLine("Run '\(([name] + command.path).joined(separator: " ")) --help' for more.")
            return 2
        } catch {
            console.errorLine("error: \(error)")
            return 1
        }
    }

    func parse(_ arguments: [String], for command: CommandSpec) throws(UsageError) -> ParsedArguments {
        var positionals: [String] = []
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("--") || argument == "-" {
                if argument == "--" && !optionsEnded { optionsEnded = true; continue }
                positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = command.options.first(where: { $0.name == name }) else {
                let valid = command.options.map { "--\($0.name)" }.joined(separator: ", ")
                throw UsageError("unknown option '--\(name)' for '\(([self.name] + command.path).joined(separator: " "))'"
                    + (valid.isEmpty ? " (it takes no options)" : "; valid options: \(valid)"))
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
                    guard index < arguments.count else { throw UsageError("--\(name) needs a value (\(placeholder))") }
                    value = arguments[index]
                    index += 1
                }
                if case .value = option.kind, values[name] != nil {
                    throw UsageError("--\(name) was given more than once")
                }
                values[name, default: []].append(value)
            }
        }
        let required = command.positionals.filter { !$0.isOptional }.count
        if positionals.count < required {
            let missing = command.positionals[positionals.count]
            throw UsageError("missing argument \(missing.name): \(missing.help)")
        }
        if positionals.count > command.positionals.count {
            throw UsageError("unexpected argument '\(positionals[command.positionals.count])'")
        }
        return ParsedArguments(commandPath: command.path, positionals: positionals, values: values, flags: flags)
    }

    // MARK: Help

    func usageLine(_ command: CommandSpec) -> String {
        var parts = [name] + command.path
        for positional in command.positionals {
            parts.append(positional.isOptional ? "[\(positional.name)]" : positional.name)
        }
        if !command.options.isEmpty { parts.append("[options]") }
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
        if !command.options.isEmpty {
            text += "\nOPTIONS:\n"
            for option in command.options {
                let head: String
                switch option.kind {
                case .flag: head = "--\(option.name)"
                case .value(let placeholder): head = "--\(option.name) \(placeholder)"
                case .repeatable(let placeholder): head = "--\(option.name) \(placeholder) (repeatable)"
                }
                text += "  \(head)\n      \(option.help)\n"
            }
        }
        text += "  --help\n      Show this help.\n"
        if !command.discussion.isEmpty { text += "\n\(command.discussion)\n" }
        return text
    }
}
