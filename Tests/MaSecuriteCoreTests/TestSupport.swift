import Foundation
import Testing
@testable import MaSecuriteCore

/// Parses an ISO 8601 instant with offset, e.g. `2026-03-29T01:00:00Z`.
/// A typo records an issue (and yields `distantPast`, which no assertion expects).
func instant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
    guard let value = try? Date(text, strategy: .iso8601) else {
        Issue.record("bad instant literal '\(text)'", sourceLocation: sourceLocation)
        return .distantPast
    }
    return value
}

/// A validated date from `YYYY-MM-DD`.
func date(_ text: String) throws -> LocalDate {
    try LocalDate(iso: text)
}

/// A validated time from `HH:MM`.
func time(_ text: String) throws -> LocalTime {
    try LocalTime(hhmm: text)
}

let paris = TimeZone(identifier: "Europe/Paris")!
let utc = TimeZone(identifier: "UTC")!

func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

func decodeJSON<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}
