import Foundation

/// A civil calendar date (no time, no time zone), e.g. 2026-03-29.
/// Encoded as `"YYYY-MM-DD"`.
public struct LocalDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a validated date (Gregorian calendar).
    /// - Throws: ``LocalDateError`` when the day does not exist.
    public init(year: Int, month: Int, day: Int) throws(LocalDateError) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysInMonth(year: year, month: month)).contains(day) else {
            throw .invalidDate("\(year)-\(month)-\(day)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Internal unchecked initialiser for values computed from valid dates.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(iso string: String) throws(LocalDateError) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            throw .invalidDate(string)
        }
        try self.init(year: y, month: m, day: d)
    }

    /// The civil date of `instant` in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(uncheckedYear: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days before 1970-01-01 plus `days`.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(uncheckedYear: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The date `days` later (or earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7 // 0 = Monday
        return Weekday.allCases[index]
    }

    /// The instant at `time` on this date in `timeZone`.
    ///
    /// Daylight-saving rules: in a repeated hour (autumn) the earlier instant is
    /// returned; in a skipped hour (spring, e.g. 02:30 on 29 March 2026 in Paris)
    /// the time is moved forward by the length of the gap (03:30), as
    /// java.time does. `24:00` is midnight at the start of the next day.
    public func instant(at time: LocalTime, in timeZone: TimeZone) -> Date {
        let naive = TimeInterval(daysSinceEpoch) * 86_400 + TimeInterval(time.minutesSinceMidnight * 60)
        let before = TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - 86_400)))
        let after = TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive + 86_400)))
        // A larger offset gives an earlier instant: try it first.
        for offset in [max(before, after), min(before, after)] {
            let candidate = naive - offset
            if TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: candidate))) == offset {
                return Date(timeIntervalSince1970: candidate)
            }
        }
        // In a gap: shift forward by the gap, using the offset in force before it.
        return Date(timeIntervalSince1970: naive - before)
    }

    public var description: String {
        let y = String(year).leftPadded(to: 4)
        let m = String(month).leftPadded(to: 2)
        let d = String(day).leftPadded(to: 2)
        return "\(y)-\(m)-\(d)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(iso: raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A wall-clock time of day, 00:00 to 24:00 (24:00 = end of day).
public struct LocalTime: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init(hour: Int, minute: Int = 0) throws(LocalDateError) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else {
            throw .invalidTime("\(hour):\(minute)")
        }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM`.
    public init(hhmm string: String) throws(LocalDateError) {
        let parts = string.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let h = Int(parts[0]), let m = Int(parts[1]) else {
            throw .invalidTime(string)
        }
        try self.init(hour: h, minute: m)
    }

    /// Minutes since midnight (0…1440).
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static let midnight = LocalTime(unchecked: 0)
    public static let endOfDay = LocalTime(unchecked: 1440)

    init(unchecked minutes: Int) {
        hour = minutes / 60
        minute = minutes % 60
    }

    public var description: String {
        "\(String(hour).leftPadded(to: 2)):\(String(minute).leftPadded(to: 2))"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minutesSinceMidnight < rhs.minutesSinceMidnight }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(hhmm: raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Day of the week, Monday first (ISO 8601).
public enum Weekday: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case monday = "Mo", tuesday = "Tu", wednesday = "We", thursday = "Th", friday = "Fr", saturday = "Sa", sunday = "Su"

    /// 0 for Monday … 6 for Sunday.
    public var isoIndex: Int {
        switch self {
        case .monday: return 0
        case .tuesday: return 1
        case .wednesday: return 2
        case .thursday: return 3
        case .friday: return 4
        case .saturday: return 5
        case .sunday: return 6
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.isoIndex < rhs.isoIndex }
}

/// Why a date or time was rejected.
public enum LocalDateError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidDate(String)
    case invalidTime(String)

    public var description: String {
        switch self {
        case .invalidDate(let s): return "'\(s)' is not a valid date (expected YYYY-MM-DD)"
        case .invalidTime(let s): return "'\(s)' is not a valid time (expected HH:MM, 00:00…24:00)"
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
