import Foundation
import MaSecuriteCore

/// The arguments of one command invocation, with typed accessors that throw
/// ``UsageError`` naming the option when a value is missing or malformed.
///
/// Options are read by their ``OptionSpec`` value, the same one the command
/// declares, never by a string: a misspelt option is a compile error, not a
/// silent `nil`.
public struct ParsedArguments: Sendable {
    /// The command's words, e.g. `["stations", "near"]`.
    public let commandPath: [String]
    /// The positional arguments in order (a variadic last positional contributes all its words).
    public let positionals: [String]
    private let values: [String: [String]]
    private let flags: Set<String>

    /// Arguments as the parser produces them; public so commands can be unit-tested directly.
    public init(commandPath: [String], positionals: [String] = [], values: [String: [String]] = [:], flags: Set<String> = []) {
        self.commandPath = commandPath
        self.positionals = positionals
        self.values = values
        self.flags = flags
    }

    /// Whether the switch was given.
    public func flag(_ option: OptionSpec) -> Bool { flags.contains(option.name) }

    /// The option's value, if given.
    public func value(_ option: OptionSpec) -> String? { values[option.name]?.last }

    /// Every value of a repeatable option, in order.
    public func values(_ option: OptionSpec) -> [String] { values[option.name] ?? [] }

    /// The option's value, or a usage error saying it is required.
    public func required(_ option: OptionSpec) throws(UsageError) -> String {
        guard let value = value(option) else { throw UsageError("missing required option --\(option.name)") }
        return value
    }

    /// The positional argument at `index`, if given.
    public func positional(_ index: Int) -> String? {
        positionals.indices.contains(index) ? positionals[index] : nil
    }

    /// The option's value as an integer within `range`.
    public func int(_ option: OptionSpec, in range: ClosedRange<Int> = Int.min...Int.max) throws(UsageError) -> Int? {
        let name = option.name
        guard let raw = value(option) else { return nil }
        guard let number = Int(raw), range.contains(number) else {
            throw UsageError("--\(name) expects a whole number in \(range.lowerBound)…\(range.upperBound), got '\(Echo.truncated(raw))'")
        }
        return number
    }

    /// The option's value as a finite decimal number.
    public func double(_ option: OptionSpec) throws(UsageError) -> Double? {
        let name = option.name
        guard let raw = value(option) else { return nil }
        guard let number = Double(raw), number.isFinite else {
            throw UsageError("--\(name) expects a decimal number (e.g. 44.8378), got '\(Echo.truncated(raw))'")
        }
        return number
    }

    /// The option's value as one of `choices`.
    public func choice(_ option: OptionSpec, from choices: [String]) throws(UsageError) -> String? {
        let name = option.name
        guard let raw = value(option) else { return nil }
        guard choices.contains(raw) else {
            throw UsageError("--\(name) must be one of \(choices.joined(separator: ", ")); got '\(Echo.truncated(raw))'")
        }
        return raw
    }

    /// The option's value as an RFC 3339 instant (`2026-03-29T10:00:00+02:00` or `…Z`), read
    /// strictly: an impossible day (`2026-11-31`), `T9:00`, `T08:60`, an offset
    /// `+01` or text after the offset is a usage error naming the option, the value
    /// and what is wrong.
    public func date(_ option: OptionSpec) throws(UsageError) -> Date? {
        let name = option.name
        guard let raw = value(option) else { return nil }
        do {
            return try RFC3339.validate(raw)
        } catch {
            throw UsageError("--\(name) '\(Echo.truncated(raw))' is not a valid date-time: \(error.reason); "
                + "expected e.g. 2026-03-29T10:00:00+02:00")
        }
    }
}
