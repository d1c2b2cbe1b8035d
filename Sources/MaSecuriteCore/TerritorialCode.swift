/// What ``DepartementCode``, ``INSEECode`` and ``PostalCode`` share: a
/// validated code held as text.
///
/// The protocol gives each of them, once, the same behaviour: `description`
/// is the code as written, codes order by their text, and the JSON form is the
/// code as a string, decoded through the validating initialiser (an invalid
/// code is a `DecodingError.dataCorrupted` quoting it).
public protocol TerritorialCode: Codable, Comparable, CustomStringConvertible {
    /// The code as written, e.g. `"33"`, `"2A004"`, `"75001"`.
    var rawValue: String { get }

    /// Validates `code`.
    /// - Throws: ``TerritorialCodeError`` quoting `code`.
    init(_ code: String) throws(TerritorialCodeError)
}

extension TerritorialCode {
    /// The code as written.
    public var description: String { rawValue }

    /// Orders by the code's text (`01` < `19` < `21` < `2A` < `2B` < `95` < `971`).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the code from a JSON string; an invalid code is a
    /// `DecodingError.dataCorrupted` quoting it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the code as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
