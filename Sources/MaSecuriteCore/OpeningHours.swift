import Foundation

/// A span of wall-clock time within a day, e.g. 08:00–12:00.
/// `end` may be 24:00; a range whose end is before its start (22:00–02:00)
/// runs past midnight into the next day.
public struct TimeRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let start: LocalTime
    public let end: LocalTime

    public init(start: LocalTime, end: LocalTime) throws(OpeningHoursError) {
        guard start != end else { throw .invalidToken("\(start)-\(end)", reason: "an opening range cannot be empty") }
        self.start = start
        self.end = end
    }

    /// Whether the range runs past midnight.
    public var crossesMidnight: Bool { end < start }

    public var description: String { "\(start)-\(end)" }
}

/// Where opening hours are evaluated: the place's time zone and, for
/// public holidays, its territory.
public struct OpeningHoursContext: Hashable, Sendable {
    public let timeZone: TimeZone
    /// Territory whose public holidays apply; `nil` ignores holidays.
    public let territory: Territory?

    public init(timeZone: TimeZone, territory: Territory?) {
        self.timeZone = timeZone
        self.territory = territory
    }

    /// The context of a territory: its own time zone and holidays.
    public init(territory: Territory) {
        self.init(timeZone: territory.timeZone, territory: territory)
    }
}

/// Weekly opening hours with public-holiday rule and dated exceptions.
///
/// Evaluation happens in the local time of an ``OpeningHoursContext`` and is
/// correct across daylight-saving changes: 08:00–12:00 means 08:00–12:00 on
/// the wall clock whatever the UTC offset of that day.
///
/// Parse the OpenStreetMap `opening_hours` subset used by the station data with
/// ``parse(_:)``: `Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off`, `24/7`.
public struct OpeningHours: Hashable, Sendable, Codable {
    /// How public holidays are handled.
    public enum HolidayRule: Hashable, Sendable, Codable {
        /// No rule: a holiday is a normal day of the week.
        case asUsual
        /// Closed on public holidays (`PH off`).
        case closed
        /// Open these ranges on public holidays (`PH 09:00-12:00`).
        case open([TimeRange])
    }

    /// Ranges for each weekday, Monday first (index = ``Weekday/isoIndex``).
    public var weekly: [[TimeRange]]
    /// Rule for public holidays of the context's territory.
    public var holidays: HolidayRule
    /// Dated exceptions that replace the weekly ranges: an empty list means closed that day.
    public var exceptions: [LocalDate: [TimeRange]]

    public init(weekly: [Weekday: [TimeRange]] = [:], holidays: HolidayRule = .asUsual, exceptions: [LocalDate: [TimeRange]] = [:]) {
        self.weekly = Weekday.allCases.map { weekly[$0] ?? [] }
        self.holidays = holidays
        self.exceptions = exceptions
    }

    /// Open all the time.
    public static let alwaysOpen: OpeningHours = {
        let all = TimeRange(uncheckedStart: .midnight, end: .endOfDay)
        return OpeningHours(weekly: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [all]) }))
    }()

    /// The weekly ranges of `day`.
    public func ranges(for day: Weekday) -> [TimeRange] { weekly[day.isoIndex] }

    /// The ranges that apply to `date` (exception, else holiday rule, else weekday).
    public func ranges(on date: LocalDate, territory: Territory?) -> [TimeRange] {
        if let exception = exceptions[date] { return exception }
        if let territory, PublicHolidays.isHoliday(date, territory: territory) {
            switch holidays {
            case .asUsual: break
            case .closed: return []
            case .open(let ranges): return ranges
            }
        }
        return weekly[date.weekday.isoIndex]
    }

    /// The open intervals (absolute instants) that start on `date`, in order.
    /// Ranges past midnight end on the next day.
    public func intervals(on date: LocalDate, in context: OpeningHoursContext) -> [DateInterval] {
        ranges(on: date, territory: context.territory).map { range in
            let start = date.instant(at: range.start, in: context.timeZone)
            let endDate = range.crossesMidnight ? date.adding(days: 1) : date
            let end = endDate.instant(at: range.end, in: context.timeZone)
            return DateInterval(start: start, end: max(start, end))
        }
        .sorted { $0.start < $1.start }
    }

    /// Whether the place is open at `instant` (start inclusive, end exclusive).
    public func isOpen(at instant: Date, in context: OpeningHoursContext) -> Bool {
        let today = LocalDate(instant, in: context.timeZone)
        for date in [today.adding(days: -1), today] {
            for interval in intervals(on: date, in: context) where interval.start <= instant && instant < interval.end {
                return true
            }
        }
        return false
    }

    /// The next instant at or after `instant` at which the place is open:
    /// `instant` itself when open then, else the start of the next opening.
    /// `nil` when nothing opens within `horizonDays` days.
    public func nextOpening(after instant: Date, in context: OpeningHoursContext, horizonDays: Int = 366) -> Date? {
        if isOpen(at: instant, in: context) { return instant }
        let today = LocalDate(instant, in: context.timeZone)
        for offset in 0...max(0, horizonDays) {
            for interval in intervals(on: today.adding(days: offset), in: context) where interval.start > instant {
                return interval.start
            }
        }
        return nil
    }

    /// Whether any range is defined at all.
    public var isEmpty: Bool { weekly.allSatisfy(\.isEmpty) && exceptions.isEmpty && holidays == .asUsual }
}

extension TimeRange {
    init(uncheckedStart start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }
}

/// Why an `opening_hours` text was rejected; the offending token is quoted.
public enum OpeningHoursError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case invalidToken(String, reason: String)

    public var description: String {
        switch self {
        case .empty: return "opening hours are empty"
        case .invalidToken(let token, let reason): return "unsupported opening_hours token '\(token)': \(reason)"
        }
    }
}

extension OpeningHours {
    /// Parses the OpenStreetMap `opening_hours` subset used by the station data.
    ///
    /// Supported: rules separated by `;`; `24/7`; weekday selectors (`Mo`,
    /// `Mo-Fr`, `Mo,We,Fr`, `Mo-Fr,Sa`, wrapping `Sa-Mo`); `PH`; time lists
    /// (`08:00-12:00,14:00-18:00`, up to `24:00`, or past midnight `22:00-02:00`);
    /// `off`/`closed`. A later rule replaces an earlier one for the days it names,
    /// as in OSM. Anything else throws ``OpeningHoursError`` quoting the token.
    public static func parse(_ text: String) throws(OpeningHoursError) -> OpeningHours {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        var weekly: [Weekday: [TimeRange]] = [:]
        var holidays: HolidayRule = .asUsual
        for rawRule in trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            let rule = rawRule.trimmingCharacters(in: .whitespaces)
            guard !rule.isEmpty else { throw .invalidToken(";", reason: "empty rule between semicolons") }
            if rule == "24/7" {
                let all = TimeRange(uncheckedStart: .midnight, end: .endOfDay)
                for day in Weekday.allCases { weekly[day] = [all] }
                continue
            }
            let parts = rule.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard parts.count >= 2 else {
                throw .invalidToken(rule, reason: "expected a day selector followed by times or 'off'")
            }
            var days: [Weekday] = []
            var holidaySelected = false
            for selector in parts[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                if selector == "PH" { holidaySelected = true; continue }
                days.append(contentsOf: try parseDays(selector))
            }
            let timeText = parts.dropFirst().joined(separator: " ")
            let ranges: [TimeRange]
            if timeText == "off" || timeText == "closed" {
                ranges = []
            } else {
                ranges = try parseTimes(timeText)
            }
            for day in days { weekly[day] = ranges }
            if holidaySelected { holidays = ranges.isEmpty ? .closed : .open(ranges) }
        }
        return OpeningHours(weekly: weekly, holidays: holidays)
    }

    private static func parseDays(_ selector: String) throws(OpeningHoursError) -> [Weekday] {
        let bounds = selector.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard bounds.count == 1 || bounds.count == 2 else {
            throw .invalidToken(selector, reason: "expected a weekday (Mo Tu We Th Fr Sa Su) or a range like Mo-Fr")
        }
        var result: [Weekday] = []
        var resolved: [Weekday] = []
        for bound in bounds {
            guard let day = Weekday(rawValue: bound) else {
                throw .invalidToken(bound, reason: "expected a weekday: Mo Tu We Th Fr Sa Su, or PH")
            }
            resolved.append(day)
        }
        guard let first = resolved.first, let last = resolved.last else { return [] }
        var index = first.isoIndex
        while true {
            result.append(Weekday.allCases[index])
            if index == last.isoIndex { break }
            index = (index + 1) % 7
        }
        return result
    }

    private static func parseTimes(_ text: String) throws(OpeningHoursError) -> [TimeRange] {
        var ranges: [TimeRange] = []
        for token in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let ends = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard ends.count == 2 else {
                throw .invalidToken(token, reason: "expected a time range like 08:00-12:00")
            }
            let start: LocalTime
            let end: LocalTime
            do {
                start = try LocalTime(hhmm: ends[0])
                end = try LocalTime(hhmm: ends[1])
            } catch {
                throw .invalidToken(token, reason: "times must be HH:MM between 00:00 and 24:00")
            }
            guard start.hour < 24 else { throw .invalidToken(token, reason: "a range cannot start at 24:00") }
            guard start != end else { throw .invalidToken(token, reason: "a range cannot be empty") }
            ranges.append(TimeRange(uncheckedStart: start, end: end))
        }
        return ranges
    }
}
