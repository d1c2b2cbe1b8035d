import Foundation
import MaSecuriteCore

/// What a command may use: the console, the environment and the clock.
/// Passed explicitly to every command (no global state).
public struct CommandContext: Sendable {
    /// Where the command reads and writes.
    public let console: any Console
    /// The environment variables (e.g. a data directory override).
    public let environment: [String: String]
    /// "Now" for the command; a ``ManualWallClock`` in tests.
    public let clock: any WallClock

    /// A context over `console`, the process environment and the system clock by default.
    public init(console: any Console, environment: [String: String] = ProcessInfo.processInfo.environment,
                clock: any WallClock = SystemWallClock()) {
        self.console = console
        self.environment = environment
        self.clock = clock
    }
}

/// One option of a command: `--name`, `--name VALUE`, or repeatable `--name VALUE`.
public struct OptionSpec: Sendable {
    /// What follows the option name on the command line.
    public enum Kind: Sendable, Equatable {
        /// A switch without value, e.g. `--json`.
        case flag
        /// An option taking one value, e.g. `--limit K`.
        case value(placeholder: String)
        /// An option that may be given several times, e.g. `--fact name=value`.
        case repeatable(placeholder: String)
    }

    /// The name without the leading dashes, e.g. `json`, `limit`.
    public let name: String
    /// Flag, single value or repeatable value.
    public let kind: Kind
    /// One line shown under OPTIONS in the help.
    public let help: String
    /// Whether the command cannot run without it: the parser then refuses a
    /// command line without it (exit 2) before the command runs, and the help
    /// and usage line show it as required.
    public let isRequired: Bool

    /// Declares an option `--name`; `required` options must be given.
    public init(_ name: String, _ kind: Kind, help: String, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.help = help
        self.isRequired = required
    }

    /// The common `--json` switch.
    public static let json = OptionSpec("json", .flag, help: "Print machine-readable JSON (snake_case fields) instead of a table.")
}

/// One positional argument of a command.
public struct PositionalSpec: Sendable {
    /// The name shown in the usage line, e.g. `INSEE` or `question`.
    public let name: String
    /// One line shown under ARGUMENTS in the help.
    public let help: String
    /// Whether the argument may be left out (then it must come after the required ones).
    public let isOptional: Bool
    /// Whether the argument takes every remaining word (only the last positional may).
    public let isVariadic: Bool

    /// Declares a positional argument.
    /// - Parameters:
    ///   - optional: the argument may be left out.
    ///   - variadic: the argument collects all remaining words (e.g. a free-text
    ///     question typed without quotes); read them with ``ParsedArguments/positionals``.
    public init(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.help = help
        isOptional = optional
        isVariadic = variadic
    }
}

/// A leaf command, e.g. `masecurite stations near`.
public struct CommandSpec: Sendable {
    /// The words after `masecurite`, e.g. `["stations", "near"]`.
    public let path: [String]
    /// One line shown in the lists and at the top of the command's help.
    public let summary: String
    /// Longer help text shown by `--help` (examples, notes); may be empty.
    public let discussion: String
    /// The positional arguments, in order.
    public let positionals: [PositionalSpec]
    /// The options (`--help` is implicit and must not be declared).
    public let options: [OptionSpec]
    /// Runs the command and returns its exit code (0 success, 1 failed operation).
    /// Throwing ``UsageError`` exits 2; any other error exits 1.
    public let run: @Sendable (ParsedArguments, CommandContext) async throws -> Int32

    /// Declares a command.
    public init(path: [String], summary: String, discussion: String = "", positionals: [PositionalSpec] = [],
                options: [OptionSpec] = [],
                run: @escaping @Sendable (ParsedArguments, CommandContext) async throws -> Int32) {
        self.path = path
        self.summary = summary
        self.discussion = discussion
        self.positionals = positionals
        self.options = options
        self.run = run
    }
}

/// A group of commands, e.g. `stations`, with a one-line summary for the help.
public struct CommandGroup: Sendable {
    /// The first word of the commands of the group, e.g. `stations`.
    public let name: String
    /// One line shown in the root help.
    public let summary: String

    /// Declares a group.
    public init(_ name: String, summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// A mistake in how the command was called: exit code 2, with the usage shown.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    /// What was wrong, naming the option or argument.
    public let message: String
    /// A usage error with `message`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// A failed operation with a message for the person at the keyboard: exit code 1.
public struct OperationError: Error, Sendable, CustomStringConvertible {
    /// What failed and what the person can do about it.
    public let message: String
    /// An operation error with `message`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
