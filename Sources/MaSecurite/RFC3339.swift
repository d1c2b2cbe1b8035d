import Foundation

/// RFC 3339 dates with the local offset (`2026-03-30T09:00:00+02:00`), the form
/// every JSON of the SDK uses.
enum RFC3339 {
    static func format(_ date: Date, in timeZone: TimeZone?) -> String {
        Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: timeZone ?? TimeZone(secondsFromGMT: 0) ?? .gmt).format(date)
    }

    static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    static func decode<K: CodingKey>(_ text: String, key: K, in container: KeyedDecodingContainer<K>) throws -> Date {
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                   debugDescription: "'\(text)' is not an RFC 3339 date-time with offset")
        }
        return date
    }
}
