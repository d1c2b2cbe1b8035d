import Foundation

/// A civil calendar date (no time, no time zone), e.g. 2026-03-29.
///
/// Dates are proleptic Gregorian, years 1…9999. Arithmetic (``adding(days:)``,
/// ``weekday``) is pure integer maths on ``daysSinceEpoch`` and never depends on
/// a time zone; ``instant(at:in:)`` turns a date and a wall-clock time into an
/// absolute instant, handling daylight-saving gaps and repeated hours.
///
/// Encoded as `"YYYY-MM-DD"`; also usable as a JSON object key.
public struct LocalDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1 (January) … 12 (December).
    public let month: Int
    /// The day of the month, 1…31.
    public let day: Int

    /// Creates a validated date (Gregorian calendar).
    /// - Throws: ``LocalDateError/invalidDate(_:)`` when the day does not exist
    ///   (e.g. 2026-02-29) or the year is outside 1…9999.
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

    /// Parses `YYYY-MM-DD` (exactly 4, 2 and 2 ASCII digits).
    /// - Throws: ``LocalDateError/invalidDate(_:)`` quoting `string`.
    public init(iso string: String) throws(LocalDateError) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            throw .invalidDate(string)
        }
        do { try self.init(year: y, month: m, day: d) } catch { throw .invalidDate(string) }
    }

    /// The civil date of `instant` in `timeZone` (the date a wall calendar
    /// there shows at that instant).
    public init(_ instant: Date, in timeZone: TimeZone) {
        let days = (LocalDate.localSeconds(of: instant, in: timeZone) / 86_400).rounded(.down)
        // Instants beyond years 1…9999 are clamped rather than trapping.
        self.init(daysSinceEpoch: Int(min(max(days, -719_162), 2_932_896)))
    }

    /// Seconds since 1970-01-01T00:00 on the local wall clock.
    static func localSeconds(of instant: Date, in timeZone: TimeZone) -> TimeInterval {
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite else { return 0 }
        return seconds + TimeInterval(timeZone.secondsFromGMT(for: instant))
    }

    /// Whether `year` has a 29 February (Gregorian rule).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of `month` in `year` (0 when `month` is not 1…12).
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

    /// The date `days` days after 1970-01-01 (before it when negative).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
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
    /// Daylight-saving rules: in a repeated hour (autumn, e.g. 02:30 on
    /// 25 October 2026 in Paris) the earlier instant is returned (02:30 CEST);
    /// in a skipped hour (spring, e.g. 02:30 on 29 March 2026 in Paris) the
    /// time is moved forward by the length of the gap (03:30 CEST), as
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

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year).leftPadded(to: 4)
        let m = String(month).leftPadded(to: 2)
        let d = String(day).leftPadded(to: 2)
        return "\(y)-\(m)-\(d)"
    }

    /// Chronological order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes `"YYYY-MM-DD"`; a malformed or impossible date is a
    /// `DecodingError.dataCorrupted` quoting the value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(iso: raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension LocalDate: CodingKeyRepresentable {
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The date as a dictionary key: `"YYYY-MM-DD"`, so `[LocalDate: T]`
    /// encodes as a JSON object.
    public var codingKey: any CodingKey { Key(stringValue: description) }

    /// Reads a `"YYYY-MM-DD"` dictionary key; `nil` (a decoding error) when malformed.
    public init?<T: CodingKey>(codingKey: T) {
        guard let date = try? LocalDate(iso: codingKey.stringValue) else { return nil }
        self = date
    }
}

/// A wall-clock time of day, 00:00 to 24:00 (24:00 = end of day).
///
/// Encoded as `"HH:MM"`.
public struct LocalTime: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The hour, 0…24 (24 only as `24:00`).
    public let hour: Int
    /// The minute, 0…59.
    public let minute: Int

    /// Creates a validated time.
    /// - Throws: ``LocalDateError/invalidTime(_:)`` outside 00:00…24:00.
    public init(hour: Int, minute: Int = 0) throws(LocalDateError) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else {
            throw .invalidTime("\(hour):\(minute)")
        }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (two ASCII digits each, `24:00` allowed).
    /// - Throws: ``LocalDateError/invalidTime(_:)`` quoting `string`.
    public init(hhmm string: String) throws(LocalDateError) {
        let parts = string.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let h = Int(parts[0]), let m = Int(parts[1]) else {
            throw .invalidTime(string)
        }
        do { try self.init(hour: h, minute: m) } catch { throw .invalidTime(string) }
    }

    /// The wall-clock time of `instant` in `timeZone`, seconds dropped (00:00…23:59).
    public init(_ instant: Date, in timeZone: TimeZone) {
        let local = LocalDate.localSeconds(of: instant, in: timeZone)
        let seconds = local - (local / 86_400).rounded(.down) * 86_400
        self.init(unchecked: min(max(Int(seconds / 60), 0), 1439))
    }

    /// Minutes since midnight (0…1440).
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// 00:00, the start of a day.
    public static let midnight = LocalTime(unchecked: 0)
    /// 24:00, the end of a day (midnight of the next day).
    public static let endOfDay = LocalTime(unchecked: 1440)

    init(unchecked minutes: Int) {
        hour = minutes / 60
        minute = minutes % 60
    }

    /// `HH:MM`.
    public var description: String {
        "\(String(hour).leftPadded(to: 2)):\(String(minute).leftPadded(to: 2))"
    }

    /// Earlier times first; 24:00 is last.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minutesSinceMidnight < rhs.minutesSinceMidnight }

    /// Decodes `"HH:MM"`; a malformed time is a `DecodingError.dataCorrupted` quoting the value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(hhmm: raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes `"HH:MM"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Day of the week, Monday first (ISO 8601). The raw value is the
/// OpenStreetMap abbreviation (`Mo`, `Tu`, … `Su`), also used in JSON.
public enum Weekday: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Lundi.
    case monday = "Mo"
    /// Mardi.
    case tuesday = "Tu"
    /// Mercredi.
    case wednesday = "We"
    /// Jeudi.
    case thursday = "Th"
    /// Vendredi.
    case friday = "Fr"
    /// Samedi.
    case saturday = "Sa"
    /// Dimanche.
    case sunday = "Su"

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

    /// Monday first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.isoIndex < rhs.isoIndex }
}

/// Why a date or time was rejected.
public enum LocalDateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text or components do not name an existing date; carries the input.
    case invalidDate(String)
    /// The text or components do not name a time 00:00…24:00; carries the input.
    case invalidTime(String)

    /// A message quoting the rejected input and the expected form.
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
