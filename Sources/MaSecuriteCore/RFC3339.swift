import Foundation

/// RFC 3339 date-times with an explicit offset, as every MaSecurite JSON form and
/// command line writes them: `2026-03-30T09:00:00+02:00`, UTC written `Z`.
///
/// Written with the offset of the place the instant belongs to (a station's
/// time zone, a citizen's département), so a reader sees the local hour.
public enum RFC3339 {
    /// Formats `date` with the offset of `timeZone` (UTC when `nil`), e.g.
    /// `2026-03-30T09:00:00+02:00`.
    public static func format(_ date: Date, in timeZone: TimeZone? = nil) -> String {
        Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: timeZone ?? TimeZone(secondsFromGMT: 0) ?? .gmt).format(date)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; `nil` when `text` is not such a date-time.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
