import Foundation

/// JSON encoding used by every `--json` output: snake_case keys (from the
/// Codable models' own keys), sorted keys, ISO 8601 dates.
public enum JSONOutput {
    /// Encodes `value` as pretty-printed JSON with sorted keys.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }
}
