import Foundation

/// RFC 3339 date-times with an explicit offset, as every MaSecurite JSON form and
/// command line writes them: `2026-03-30T09:00:00+02:00`, UTC written `Z`.
///
/// Written with the offset of the place the instant belongs to (a station's
/// time zone, a citizen's département), so a reader sees the local hour.
public enum RFC3339 {
    /// Why a text is not an RFC 3339 date-time, for an error message.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, e.g. `November 2026 has 30 days, not 31`.
        public let reason: String
        /// A parse error saying `reason`.
        public init(reason: String) { self.reason = reason }
        /// The reason.
        public var description: String { reason }
    }

    /// Formats `date` with the offset of `timeZone` (UTC when `nil`), e.g.
    /// `2026-03-30T09:00:00+02:00`.
    public static func format(_ date: Date, in timeZone: TimeZone? = nil) -> String {
        Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: timeZone ?? TimeZone(secondsFromGMT: 0) ?? .gmt).format(date)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; `nil` when `text` is not such a date-time.
    /// Strict: see ``validate(_:)``.
    public static func parse(_ text: String) -> Date? {
        try? validate(text)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` strictly, or says what is wrong:
    /// two-digit fields (`T9:00` is refused), a day that exists in its month
    /// (`2026-11-31` is refused, not read as 1 December), hours 00–23, minutes and
    /// seconds 00–59, an offset `Z` or `±HH:MM` (`+01` is refused), nothing after it.
    public static func validate(_ text: String) throws(ParseError) -> Date {
        let bytes = Array(text.utf8)
        var index = 0
        func fail(_ reason: String) -> ParseError { ParseError(reason: reason) }
        func digits(_ count: Int, _ field: String) throws(ParseError) -> Int {
            var value = 0
            for offset in 0..<count {
                guard index + offset < bytes.count, (48...57).contains(bytes[index + offset]) else {
                    throw fail("the \(field) must have \(count) digits")
                }
                value = value * 10 + Int(bytes[index + offset] - 48)
            }
            index += count
            return value
        }
        func expect(_ character: UInt8, after field: String) throws(ParseError) {
            guard index < bytes.count, bytes[index] == character else {
                throw fail("expected '\(Character(Unicode.Scalar(character)))' after the \(field)")
            }
            index += 1
        }
        let year = try digits(4, "year")
        try expect(UInt8(ascii: "-"), after: "year")
        let month = try digits(2, "month")
        try expect(UInt8(ascii: "-"), after: "month")
        let day = try digits(2, "day")
        guard index < bytes.count, bytes[index] == UInt8(ascii: "T") else {
            throw fail("expected 'T' and a time after the date (e.g. 2026-03-29T10:00:00+02:00)")
        }
        index += 1
        let hour = try digits(2, "hour")
        try expect(UInt8(ascii: ":"), after: "hour")
        let minute = try digits(2, "minute")
        try expect(UInt8(ascii: ":"), after: "minute")
        let second = try digits(2, "second")
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { throw fail("expected digits after the '.' of the seconds") }
        }
        var offsetSeconds = 0
        guard index < bytes.count else {
            throw fail("the offset is missing: end with Z (UTC) or ±HH:MM, e.g. +02:00")
        }
        switch bytes[index] {
        case UInt8(ascii: "Z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            let offsetHours = try digits(2, "offset hour")
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail("the offset must be ±HH:MM, e.g. +01:00")
            }
            index += 1
            let offsetMinutes = try digits(2, "offset minute")
            guard offsetHours <= 23, offsetMinutes <= 59 else { throw fail("the offset must be between -23:59 and +23:59") }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            throw fail("the offset must be Z (UTC) or ±HH:MM, e.g. +02:00")
        }
        guard index == bytes.count else { throw fail("unexpected text after the offset") }
        guard (1...12).contains(month) else { throw fail("month \(month) does not exist (01 to 12)") }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            throw fail("\(monthNames[month - 1]) \(year) has \(length) days, not \(day)")
        }
        guard hour <= 23 else { throw fail("hour \(hour) does not exist (00 to 23)") }
        guard minute <= 59 else { throw fail("minute \(minute) does not exist (00 to 59)") }
        guard second <= 59 else { throw fail("second \(second) does not exist (00 to 59)") }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
