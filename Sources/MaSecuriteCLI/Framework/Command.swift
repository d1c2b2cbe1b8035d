import Foundation
import MaSecuriteCore

/// What a command may use: the console, the environment and the clock.
/// Passed explicitly to every command (no global state).
public struct CommandContext: Sendable {
    public let console: any Console
    public let environment: [String: String]
    public let clock: any WallClock

    public init(console: any Console, environment: [String: String] = ProcessInfo.processInfo.environment,
                clock: any WallClock = SystemWallClock()) {
        self.console = console
        self.environment = environment
        self.clock = clock
    }
}

/// One option of a command: `--name`, `--name VALUE`, or repeatable `--name VALUE`.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A switch without value, e.g. `--json`.
        case flag
        /// An option taking one value, e.g. `--limit K`.
        case value(placeholder: String)
        /// An option that may be given several times, e.g. `--fact name=value`.
        case repeatable(placeholder: String)
    }

    public let name: String
    public let kind: Kind
    public let help: String

    public init(_ name: String, _ kind: Kind, help: String) {
        self.name = name
        self.kind = kind
        self.help = help
    }

    /// The common `--json` switch.
    public static let json = OptionSpec("json", .flag, help: "Print machine-readable JSON (snake_case fields) instead of a table.")
}

/// One positional argument of a command.
public struct PositionalSpec: Sendable {
    public let name: String
    public let help: String
    public let isOptional: Bool

    public init(_ name: String, help: String, optional: Bool = false) {
        self.name = name
        self.help = help
        isOptional = optional
    }
}

/// A leaf command, e.g. `masecurite stations near`.
public struct CommandSpec: Sendable {
    /// The words after `masecurite`, e.g. `["stations", "near"]`.
    public let path: [String]
    public let summary: String
    /// Longer help text shown by `--help` (examples, notes); may be empty.
    public let discussion: String
    public let positionals: [PositionalSpec]
    public let options: [OptionSpec]
    /// Runs the command and returns its exit code (0 success, 1 failed operation).
    /// Throwing ``UsageError`` exits 2; any other error exits 1.
    public let run: @Sendable (ParsedArguments, CommandContext) async throws -> Int32

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
    public let name: String
    public let summary: String

    public init(_ name: String, summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// A mistake in how the command was called: exit code 2, with the usage shown.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A failed operation with a message for the person at the keyboard: exit code 1.
public struct OperationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
