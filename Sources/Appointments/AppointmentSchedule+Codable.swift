import Foundation

/// JSON form of a schedule, so a deployment can configure stations in a file:
///
/// ```json
/// {
///   "territory": "martinique",
///   "ranges": {
///     "plainte": [{"days": ["Mo", "Tu", "We", "Th", "Fr"], "start": "08:00", "end": "12:00", "counters": 3}],
///     "procuration": [{"days": ["Sa"], "start": "09:00", "end": "12:00", "counters": 1}]
///   },
///   "exceptions": [
///     {"date": "2026-12-24", "closed": true},
///     {"date": "2026-12-26", "motif": "plainte", "start": "09:00", "end": "11:00", "counters": 1}
///   ],
///   "closed_on_public_holidays": true,
///   "minimum_notice_minutes": 120,
///   "maximum_horizon_days": 30,
///   "slot_step_minutes": 30,
///   "buffer_minutes": 0
/// }
/// ```
///
/// Only `territory` and `ranges` are required; `time_zone` (IANA id) defaults
/// to the territory's. Per-motif rules are not part of the file (they follow
/// ``Motif/defaultRules`` unless set in code).
extension AppointmentSchedule: Codable {
    private enum Keys: String, CodingKey {
        case territory, ranges, exceptions
        case timeZone = "time_zone"
        case closedOnPublicHolidays = "closed_on_public_holidays"
        case minimumNoticeMinutes = "minimum_notice_minutes"
        case maximumHorizonDays = "maximum_horizon_days"
        case slotStepMinutes = "slot_step_minutes"
        case bufferMinutes = "buffer_minutes"
    }

    private struct RangeForm: Codable {
        let days: [Weekday]
        let start: LocalTime
        let end: LocalTime
        let counters: Int
    }

    private struct ExceptionForm: Codable {
        let date: LocalDate
        let closed: Bool?
        let motif: Motif?
        let start: LocalTime?
        let end: LocalTime?
        let counters: Int?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let territory = try container.decode(Territory.self, forKey: .territory)
        var timeZone: TimeZone?
        if let identifier = try container.decodeIfPresent(String.self, forKey: .timeZone) {
            guard let zone = TimeZone(identifier: identifier) else {
                throw DecodingError.dataCorruptedError(forKey: .timeZone, in: container, debugDescription: "unknown time zone '\(identifier)'")
            }
            timeZone = zone
        }
        let rawRanges = try container.decode([String: [RangeForm]].self, forKey: .ranges)
        var ranges: [Motif: [WeeklyRange]] = [:]
        for (key, forms) in rawRanges {
            guard let motif = Motif(rawValue: key) else {
                throw DecodingError.dataCorruptedError(forKey: .ranges, in: container,
                                                       debugDescription: "unknown motif '\(key)' (expected one of \(Motif.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            ranges[motif] = try forms.map { form in
                do {
                    return try WeeklyRange(Set(form.days), TimeRange(start: form.start, end: form.end), counters: form.counters)
                } catch {
                    throw DecodingError.dataCorruptedError(forKey: .ranges, in: container, debugDescription: "\(key): \(error)")
                }
            }
        }
        var exceptions: [Exception] = []
        for form in try container.decodeIfPresent([ExceptionForm].self, forKey: .exceptions) ?? [] {
            if form.closed == true {
                exceptions.append(.closed(form.date))
            } else if let motif = form.motif, let start = form.start, let end = form.end {
                let counters = form.counters ?? 1
                guard counters >= 1, let range = try? TimeRange(start: start, end: end) else {
                    throw DecodingError.dataCorruptedError(forKey: .exceptions, in: container,
                                                           debugDescription: "extra opening on \(form.date): invalid range \(start)-\(end) or counters \(counters)")
                }
                exceptions.append(.extraOpening(form.date, motif: motif, range: range, counters: counters))
            } else {
                throw DecodingError.dataCorruptedError(forKey: .exceptions, in: container,
                                                       debugDescription: "exception on \(form.date) needs \"closed\": true, or a motif with start and end")
            }
        }
        self.init(territory: territory, timeZone: timeZone, ranges: ranges, exceptions: exceptions,
                  closedOnPublicHolidays: try container.decodeIfPresent(Bool.self, forKey: .closedOnPublicHolidays) ?? true,
                  minimumNoticeMinutes: try container.decodeIfPresent(Int.self, forKey: .minimumNoticeMinutes) ?? 120,
                  maximumHorizonDays: try container.decodeIfPresent(Int.self, forKey: .maximumHorizonDays) ?? 30,
                  slotStepMinutes: try container.decodeIfPresent(Int.self, forKey: .slotStepMinutes),
                  bufferMinutes: try container.decodeIfPresent(Int.self, forKey: .bufferMinutes) ?? 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(territory, forKey: .territory)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        var rawRanges: [String: [RangeForm]] = [:]
        for (motif, list) in ranges {
            rawRanges[motif.rawValue] = list.map {
                RangeForm(days: $0.weekdays.sorted(), start: $0.range.start, end: $0.range.end, counters: $0.counters)
            }
        }
        try container.encode(rawRanges, forKey: .ranges)
        let forms: [ExceptionForm] = exceptions.map {
            switch $0 {
            case .closed(let date):
                return ExceptionForm(date: date, closed: true, motif: nil, start: nil, end: nil, counters: nil)
            case .extraOpening(let date, let motif, let range, let counters):
                return ExceptionForm(date: date, closed: nil, motif: motif, start: range.start, end: range.end, counters: counters)
            }
        }
        try container.encode(forms, forKey: .exceptions)
        try container.encode(closedOnPublicHolidays, forKey: .closedOnPublicHolidays)
        try container.encode(minimumNoticeMinutes, forKey: .minimumNoticeMinutes)
        try container.encode(maximumHorizonDays, forKey: .maximumHorizonDays)
        try container.encodeIfPresent(slotStepMinutes, forKey: .slotStepMinutes)
        try container.encode(bufferMinutes, forKey: .bufferMinutes)
    }
}
