/// A problem found while reading a station or commune file.
///
/// Every error says where it is: the ``source`` (a file name), the 1-based
/// ``line`` of the row (the line where the record starts) and, for a bad
/// value, the ``field`` (column name).
public struct StationDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// The input is empty or has no header line.
        case emptyInput
        /// The file could not be read (the message of the system).
        case unreadable(String)
        /// A column the loader needs is not in the header.
        case missingColumn(String)
        /// The header names the same column twice.
        case duplicateColumn(String)
        /// A quoted field is never closed before the end of the input.
        case unterminatedQuote
        /// A closing quote is followed by something other than a comma or a line end.
        case textAfterClosingQuote
        /// A double quote appears inside a field that does not start with a quote.
        case quoteInUnquotedField
        /// The bytes are not valid UTF-8.
        case invalidUTF8
        /// The row has a different number of fields than the header.
        case wrongFieldCount(expected: Int, found: Int)
        /// A value is empty or malformed; `expected` says what was expected.
        case invalidValue(String, expected: String)
        /// The same identifier appears on two rows.
        case duplicateIdentifier(String)
    }

    /// Where the data came from (usually a file name).
    public let source: String
    /// The 1-based line of the row, when the problem is in a row.
    public let line: Int?
    /// The column name, when the problem is in one field.
    public let field: String?
    /// What went wrong.
    public let reason: Reason

    /// Creates an error.
    public init(source: String, line: Int?, field: String? = nil, reason: Reason) {
        self.source = source
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var place = source
        if let line { place += ", line \(line)" }
        if let field { place += ", field '\(field)'" }
        let what: String
        switch reason {
        case .emptyInput: what = "the input is empty (a header line is expected)"
        case .unreadable(let message): what = "cannot read the file: \(message)"
        case .missingColumn(let name): what = "the header has no column '\(name)'"
        case .duplicateColumn(let name): what = "the header names column '\(name)' twice"
        case .unterminatedQuote: what = "a quoted field is not closed before the end of the input"
        case .textAfterClosingQuote: what = "a closing quote must be followed by a comma or a line end"
        case .quoteInUnquotedField: what = "a double quote inside an unquoted field (quote the whole field and double the quote)"
        case .invalidUTF8: what = "the bytes are not valid UTF-8"
        case .wrongFieldCount(let expected, let found): what = "expected \(expected) fields as in the header, found \(found)"
        case .invalidValue(let value, let expected): what = "'\(value)' is not valid: expected \(expected)"
        case .duplicateIdentifier(let id): what = "identifier '\(id)' already appears on an earlier row"
        }
        return "\(place): \(what)"
    }
}

/// How a loader treats a malformed row.
public enum LoadingMode: Sendable, Hashable {
    /// Stop at the first malformed row and throw its ``StationDataError``.
    case strict
    /// Skip malformed rows, collecting one ``StationDataError`` per skipped row.
    case lenient
}
