import Foundation

/// A span of wall-clock time within a day, e.g. 08:00–12:00.
///
/// `end` may be 24:00; a range whose end is before its start (22:00–02:00)
/// runs past midnight into the next day. Encoded as
/// `{"start": "08:00", "end": "12:00"}`.
public struct TimeRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Opening time (00:00…23:59).
    public let start: LocalTime
    /// Closing time (00:01…24:00); before `start` when the range runs past midnight.
    public let end: LocalTime

    /// Creates a range.
    /// - Throws: ``OpeningHoursError/invalidToken(_:reason:)`` when the range is
    ///   empty (`start == end`) or starts at 24:00.
    public init(start: LocalTime, end: LocalTime) throws(OpeningHoursError) {
        guard start != end else { throw .invalidToken("\(start)-\(end)", reason: "an opening range cannot be empty") }
        guard start.hour < 24 else { throw .invalidToken("\(start)-\(end)", reason: "a range cannot start at 24:00") }
        self.start = start
        self.end = end
    }

    /// Whether the range runs past midnight.
    public var crossesMidnight: Bool { end < start }

    /// `HH:MM-HH:MM`, as in OpenStreetMap.
    public var description: String { "\(start)-\(end)" }

    private enum CodingKeys: String, CodingKey { case start, end }

    /// Decodes `{"start": "HH:MM", "end": "HH:MM"}`, rejecting an empty range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(LocalTime.self, forKey: .start)
        let end = try container.decode(LocalTime.self, forKey: .end)
        do { try self.init(start: start, end: end) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes `{"start": "HH:MM", "end": "HH:MM"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}

/// Where opening hours are evaluated: the place's time zone and, for
/// public holidays, its territory.
public struct OpeningHoursContext: Hashable, Sendable {
    /// The time zone of the place (its wall clock).
    public let timeZone: TimeZone
    /// Territory whose public holidays apply; `nil` ignores holidays.
    public let territory: Territory?

    /// A context with an explicit time zone and holiday territory.
    public init(timeZone: TimeZone, territory: Territory?) {
        self.timeZone = timeZone
        self.territory = territory
    }

    /// The context of a territory: its own time zone and holidays.
    public init(territory: Territory) {
        self.init(timeZone: territory.timeZone, territory: territory)
    }
}

/// Weekly opening hours with a public-holiday rule and dated exceptions.
///
/// Evaluation happens in the local time of an ``OpeningHoursContext`` and is
/// correct across daylight-saving changes: 08:00–12:00 means 08:00–12:00 on
/// the wall clock whatever the UTC offset of that day, and a 00:00–24:00 day
/// lasts 23 or 25 hours on the days the clocks change.
///
/// Which ranges apply on a date: a dated exception if there is one, else the
/// holiday rule if the date is a public holiday of the context's territory,
/// else the weekday's ranges.
///
/// Parse the OpenStreetMap `opening_hours` subset used by the station data with
/// ``parse(_:)``: `Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off`, `24/7`.
///
/// Encoded as `{"weekly": {"Mo": [ranges], …, "Su": [ranges]}, "holidays":
/// "as_usual" | "closed" | [ranges], "exceptions": {"YYYY-MM-DD": [ranges]}}`.
public struct OpeningHours: Hashable, Sendable, Codable {
    /// How public holidays are handled.
    ///
    /// Encoded as `"as_usual"`, `"closed"` or the list of ranges.
    public enum HolidayRule: Hashable, Sendable, Codable {
        /// No rule: a holiday is a normal day of the week.
        case asUsual
        /// Closed on public holidays (`PH off`).
        case closed
        /// Open these ranges on public holidays (`PH 09:00-12:00`).
        case open([TimeRange])

        /// Decodes `"as_usual"`, `"closed"` or an array of ranges.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let word = try? container.decode(String.self) {
                switch word {
                case "as_usual": self = .asUsual
                case "closed": self = .closed
                default:
                    throw DecodingError.dataCorruptedError(
                        in: container, debugDescription: "holiday rule '\(word)' is not 'as_usual', 'closed' or a list of ranges")
                }
                return
            }
            let ranges = try container.decode([TimeRange].self)
            self = ranges.isEmpty ? .closed : .open(ranges)
        }

        /// Encodes `"as_usual"`, `"closed"` or the list of ranges.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .asUsual: try container.encode("as_usual")
            case .closed: try container.encode("closed")
            case .open(let ranges): try container.encode(ranges)
            }
        }
    }

    /// Ranges for each weekday, Monday first (index = ``Weekday/isoIndex``).
    /// A missing entry (fewer than 7) counts as closed.
    public var weekly: [[TimeRange]]
    /// Rule for public holidays of the context's territory.
    public var holidays: HolidayRule
    /// Dated exceptions that replace the weekly ranges: an empty list means closed that day.
    public var exceptions: [LocalDate: [TimeRange]]

    /// Creates opening hours; days missing from `weekly` are closed.
    public init(weekly: [Weekday: [TimeRange]] = [:], holidays: HolidayRule = .asUsual, exceptions: [LocalDate: [TimeRange]] = [:]) {
        self.weekly = Weekday.allCases.map { weekly[$0] ?? [] }
        self.holidays = holidays
        self.exceptions = exceptions
    }

    /// Open all the time (`24/7`).
    public static let alwaysOpen: OpeningHours = {
        let all = TimeRange(uncheckedStart: .midnight, end: .endOfDay)
        return OpeningHours(weekly: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [all]) }))
    }()

    /// The weekly ranges of `day`.
    public func ranges(for day: Weekday) -> [TimeRange] {
        weekly.indices.contains(day.isoIndex) ? weekly[day.isoIndex] : []
    }

    /// The ranges that apply to `date` (exception, else holiday rule, else weekday).
    public func ranges(on date: LocalDate, territory: Territory?) -> [TimeRange] {
        if let exception = exceptions[date] { return exception }
        if let territory, holidays != .asUsual, PublicHolidays.isHoliday(date, territory: territory) {
            switch holidays {
            case .asUsual: break
            case .closed: return []
            case .open(let ranges): return ranges
            }
        }
        return ranges(for: date.weekday)
    }

    /// The open intervals (absolute instants) that start on `date`, in order.
    ///
    /// Ranges past midnight end on the next day. Overlapping or touching
    /// ranges are merged; a range swallowed by a daylight-saving gap (02:00–03:00
    /// on the spring change in Paris) yields nothing.
    public func intervals(on date: LocalDate, in context: OpeningHoursContext) -> [DateInterval] {
        let raw = ranges(on: date, territory: context.territory).map { range -> (Date, Date) in
            let start = date.instant(at: range.start, in: context.timeZone)
            let endDate = range.crossesMidnight ? date.adding(days: 1) : date
            return (start, endDate.instant(at: range.end, in: context.timeZone))
        }
        .filter { $0.0 < $0.1 }
        .sorted { $0.0 < $1.0 }
        var merged: [(Date, Date)] = []
        for (start, end) in raw {
            if let last = merged.last, start <= last.1 {
                merged[merged.count - 1].1 = max(last.1, end)
            } else {
                merged.append((start, end))
            }
        }
        return merged.map { DateInterval(start: $0.0, end: $0.1) }
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
        if holidays.isClosedOrAsUsual, weekly.allSatisfy(\.isEmpty), exceptions.values.allSatisfy(\.isEmpty) {
            return nil // nothing ever opens
        }
        let today = LocalDate(instant, in: context.timeZone)
        for offset in 0...max(0, horizonDays) {
            for interval in intervals(on: today.adding(days: offset), in: context) where interval.start > instant {
                return interval.start
            }
        }
        return nil
    }

    /// When the opening that contains `instant` ends, following ranges that
    /// touch across midnight (so `24/7` has no closing). `nil` when the place
    /// is closed at `instant` or stays open for more than `horizonDays` days.
    public func nextClosing(after instant: Date, in context: OpeningHoursContext, horizonDays: Int = 366) -> Date? {
        guard isOpen(at: instant, in: context) else { return nil }
        let today = LocalDate(instant, in: context.timeZone)
        var end: Date?
        for offset in -1...max(0, horizonDays) {
            for interval in intervals(on: today.adding(days: offset), in: context) {
                if let current = end {
                    guard interval.start <= current else { return current }
                    end = max(current, interval.end)
                } else if interval.start <= instant && instant < interval.end {
                    end = interval.end
                }
            }
        }
        return nil
    }

    /// Whether no rule is defined at all (closed every day, no holiday rule, no exception).
    public var isEmpty: Bool { weekly.allSatisfy(\.isEmpty) && exceptions.isEmpty && holidays == .asUsual }

    private enum CodingKeys: String, CodingKey { case weekly, holidays, exceptions }

    /// Decodes the JSON form described on the type; unknown weekday keys are rejected.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let days = try container.decodeIfPresent([String: [TimeRange]].self, forKey: .weekly) ?? [:]
        var weekly: [Weekday: [TimeRange]] = [:]
        for (key, ranges) in days {
            guard let day = Weekday(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .weekly, in: container,
                    debugDescription: "'\(key)' is not a weekday (expected Mo, Tu, We, Th, Fr, Sa or Su)")
            }
            weekly[day] = ranges
        }
        self.init(
            weekly: weekly,
            holidays: try container.decodeIfPresent(HolidayRule.self, forKey: .holidays) ?? .asUsual,
            exceptions: try container.decodeIfPresent([LocalDate: [TimeRange]].self, forKey: .exceptions) ?? [:])
    }

    /// Encodes every weekday (empty list when closed), the holiday rule and the exceptions.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let days = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.rawValue, ranges(for: $0)) })
        try container.encode(days, forKey: .weekly)
        try container.encode(holidays, forKey: .holidays)
        try container.encode(exceptions, forKey: .exceptions)
    }
}

extension OpeningHours.HolidayRule {
    var isClosedOrAsUsual: Bool {
        if case .open = self { return false }
        return true
    }
}

extension TimeRange {
    init(uncheckedStart start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }
}

/// Why an `opening_hours` text was rejected; the offending token is quoted.
public enum OpeningHoursError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is empty or only spaces.
    case empty
    /// A token outside the supported subset, with the reason and what is expected.
    case invalidToken(String, reason: String)

    /// A message quoting the offending token.
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
    /// `Mo-Fr`, `Mo,We,Fr`, `Mo-Fr, Sa`, wrapping `Sa-Mo`); `PH`; time lists
    /// (`08:00-12:00,14:00-18:00`, up to `24:00`, or past midnight `22:00-02:00`);
    /// `off`/`closed`; a rule without day selector applies to every day.
    /// A later rule replaces an earlier one for the days it names, as in OSM;
    /// the `PH` rule wins over the weekday rules wherever it is written.
    /// Anything else (months, dates, week numbers, `SH`, `sunrise`, `+`, `||`,
    /// comments…) throws ``OpeningHoursError`` quoting the token.
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
            let words = rule.split(whereSeparator: \.isWhitespace).map(String.init)
            let timeIndex = words.firstIndex { word in
                word == "off" || word == "closed" || ((word.first?.isASCIIDigit ?? false) && word.contains(":"))
            } ?? words.endIndex
            let selectorWords = Array(words[..<timeIndex])
            let timeWords = Array(words[timeIndex...])
            let (days, holidaySelected) = try parseSelector(selectorWords)
            guard !timeWords.isEmpty else {
                throw .invalidToken(rule, reason: "expected a day selector followed by times like 08:00-12:00 or 'off'")
            }
            let ranges: [TimeRange]
            if timeWords == ["off"] || timeWords == ["closed"] {
                ranges = []
            } else {
                ranges = try parseTimes(timeWords.joined(separator: " "))
            }
            for day in days { weekly[day] = ranges }
            if holidaySelected { holidays = ranges.isEmpty ? .closed : .open(ranges) }
        }
        return OpeningHours(weekly: weekly, holidays: holidays)
    }

    /// The days named by the words before the times; no word means every day.
    private static func parseSelector(_ words: [String]) throws(OpeningHoursError) -> (days: [Weekday], holidays: Bool) {
        guard !words.isEmpty else { return (Weekday.allCases, false) }
        var days: [Weekday] = []
        var holidaySelected = false
        var previous: String?
        for word in words {
            for selector in word.split(separator: ",", omittingEmptySubsequences: true).map(String.init) {
                if selector == "PH" { holidaySelected = true; continue }
                days.append(contentsOf: try parseDays(selector))
            }
            if let previous, !previous.hasSuffix(","), !word.hasPrefix(",") {
                throw .invalidToken(word, reason: "separate day selectors with a comma (Mo-Fr,Sa) and rules with ';'")
            }
            previous = word
        }
        return (days, holidaySelected)
    }

    private static func parseDays(_ selector: String) throws(OpeningHoursError) -> [Weekday] {
        let bounds = selector.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard bounds.count == 1 || bounds.count == 2 else {
            throw .invalidToken(selector, reason: "expected a weekday (Mo Tu We Th Fr Sa Su) or a range like Mo-Fr")
        }
        var resolved: [Weekday] = []
        for bound in bounds {
            guard let day = Weekday(rawValue: bound) else {
                let token = (selector.first?.isASCIIDigit ?? false) ? selector : bound
                throw .invalidToken(token, reason: "expected a weekday: Mo Tu We Th Fr Sa Su, or PH (dates, months and weeks are not supported)")
            }
            resolved.append(day)
        }
        guard let first = resolved.first, let last = resolved.last else { return [] }
        var result: [Weekday] = []
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
            guard !token.isEmpty else { throw .invalidToken(text, reason: "empty time range between commas") }
            if let space = token.firstIndex(where: \.isWhitespace) {
                let extra = token[space...].split(whereSeparator: \.isWhitespace).first.map(String.init) ?? token
                throw .invalidToken(extra, reason: "expected only time ranges like 08:00-12:00 after the days; separate rules with ';'")
            }
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
