import Foundation

extension RFC3339 {
    /// Decodes an RFC 3339 date-time held at `key`, or throws a `DecodingError` quoting it
    /// (for `Decodable` types that write their dates with ``format(_:in:)``).
    public static func decode<K: CodingKey>(_ text: String, key: K, in container: KeyedDecodingContainer<K>) throws -> Date {
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                   debugDescription: "'\(text)' is not an RFC 3339 date-time with offset")
        }
        return date
    }
}
