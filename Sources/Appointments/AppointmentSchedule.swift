import Foundation

/// One bookable time: a motif at a start instant, with its parallel capacity.
public struct Slot: Hashable, Sendable, Codable {
    /// The motif this slot is for.
    public let motif: Motif
    /// First instant of the appointment.
    public let start: Date
    /// Instant the appointment ends (start + the motif's duration).
    public let end: Date
    /// Number of counters (guichets) serving this slot in parallel.
    public let capacity: Int
    /// The station's local civil date of the slot.
    public let day: LocalDate

    /// Creates a slot.
    public init(motif: Motif, start: Date, end: Date, capacity: Int, day: LocalDate) {
        self.motif = motif
        self.start = start
        self.end = end
        self.capacity = capacity
        self.day = day
    }
}

/// The appointment schedule of one station, in the station's own time zone.
///
/// A schedule lists, per ``Motif``, weekly opening ranges with a number of
/// counters (parallel capacity), dated exceptions (closures, extra openings),
/// and booking rules (minimum notice, maximum horizon, slot step, buffer).
/// Public holidays of the station's ``Territory`` are closed unless
/// ``closedOnPublicHolidays`` is `false`.
///
/// Every range is wall-clock time at the station: 09:00 is 09:00 in
/// Fort-de-France for a Martinique brigade, and stays 09:00 on the days
/// daylight-saving time starts or ends in Paris.
///
/// Slots of one motif never overlap: consecutive starts are at least
/// `duration + buffer` apart, so the counters of a range are a plain capacity
/// per slot.
public struct AppointmentSchedule: Hashable, Sendable {
    /// A weekly opening range for one motif: days, wall-clock times and counters.
    public struct WeeklyRange: Hashable, Sendable {
        /// Days of the week the range applies to.
        public let weekdays: Set<Weekday>
        /// Wall-clock start and end (an end before the start is read as 24:00).
        public let range: TimeRange
        /// Number of counters serving in parallel (≥ 1).
        public let counters: Int

        /// Creates a range.
        /// - Throws: ``AppointmentError/invalidSchedule(_:)`` when `counters` < 1 or no weekday is given.
        public init(_ weekdays: Set<Weekday>, _ range: TimeRange, counters: Int) throws(AppointmentError) {
            guard counters >= 1 else { throw .invalidSchedule("a range needs at least one counter, got \(counters) for \(range)") }
            guard !weekdays.isEmpty else { throw .invalidSchedule("the range \(range) has no weekday") }
            self.weekdays = weekdays
            self.range = range
            self.counters = counters
        }
    }

    /// A dated change to the weekly ranges.
    public enum Exception: Hashable, Sendable {
        /// The station takes no appointment at all that day.
        case closed(LocalDate)
        /// An extra opening for a motif that day (added to the weekly ranges, even on a holiday).
        case extraOpening(LocalDate, motif: Motif, range: TimeRange, counters: Int)
    }

    /// The station's time zone.
    public var timeZone: TimeZone
    /// The territory whose public holidays apply.
    public var territory: Territory
    /// Weekly ranges per motif; a motif without ranges is not offered.
    public var ranges: [Motif: [WeeklyRange]]
    /// Per-motif rules replacing ``Motif/defaultRules``.
    public var ruleOverrides: [Motif: MotifRules]
    /// Dated closures and extra openings.
    public var exceptions: [Exception]
    /// Whether public holidays of ``territory`` are closed (default `true`).
    public var closedOnPublicHolidays: Bool
    /// Minimum time between now and the start of a booking, in minutes (default 120).
    public var minimumNoticeMinutes: Int
    /// How many days ahead a booking may start, at most (default 30).
    public var maximumHorizonDays: Int
    /// Minutes between two slot starts; `nil` means the motif's duration. Never less than duration + buffer.
    public var slotStepMinutes: Int?
    /// Free minutes kept after each appointment (default 0).
    public var bufferMinutes: Int

    /// Creates a schedule.
    public init(territory: Territory, timeZone: TimeZone? = nil, ranges: [Motif: [WeeklyRange]],
                ruleOverrides: [Motif: MotifRules] = [:], exceptions: [Exception] = [],
                closedOnPublicHolidays: Bool = true, minimumNoticeMinutes: Int = 120,
                maximumHorizonDays: Int = 30, slotStepMinutes: Int? = nil, bufferMinutes: Int = 0) {
        self.territory = territory
        self.timeZone = timeZone ?? territory.timeZone
        self.ranges = ranges
        self.ruleOverrides = ruleOverrides
        self.exceptions = exceptions
        self.closedOnPublicHolidays = closedOnPublicHolidays
        self.minimumNoticeMinutes = max(0, minimumNoticeMinutes)
        self.maximumHorizonDays = max(0, maximumHorizonDays)
        self.slotStepMinutes = slotStepMinutes.map { max(1, $0) }
        self.bufferMinutes = max(0, bufferMinutes)
    }

    /// The default appointment schedule, used for every station that has none
    /// (the open data publishes no appointment schedule):
    ///
    /// - plainte and main courante: Monday to Friday, 09:00–12:00 and 14:00–17:00
    ///   local time, 30-minute slots, 2 counters;
    /// - procuration: same hours, 15-minute slots, 1 counter;
    /// - restitution-objet and autre: not offered (a station opens them in its own schedule);
    /// - public holidays of the territory closed, 2 hours minimum notice, 30 days ahead at most.
    public static func standard(territory: Territory, timeZone: TimeZone? = nil) -> AppointmentSchedule {
        let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        let hours = [TimeRange(minutes: 9 * 60, 12 * 60), TimeRange(minutes: 14 * 60, 17 * 60)].compactMap { $0 }
        func ranges(_ counters: Int) -> [WeeklyRange] {
            hours.map { WeeklyRange(unchecked: weekdays, $0, counters: counters) }
        }
        return AppointmentSchedule(territory: territory, timeZone: timeZone,
                                   ranges: [.plainte: ranges(2), .mainCourante: ranges(2), .procuration: ranges(1)])
    }

    /// The rules of `motif` at this station.
    public func rules(for motif: Motif) -> MotifRules { ruleOverrides[motif] ?? motif.defaultRules }

    /// Whether the station offers `motif` at all (weekly or as an extra opening).
    public func offers(_ motif: Motif) -> Bool {
        !(ranges[motif] ?? []).isEmpty || exceptions.contains {
            if case .extraOpening(_, let m, _, _) = $0 { return m == motif }
            return false
        }
    }

    /// Minutes between consecutive slot starts of `motif`.
    public func step(for motif: Motif) -> Int {
        let minimum = rules(for: motif).durationMinutes + bufferMinutes
        return max(slotStepMinutes ?? minimum, minimum)
    }

    /// Every slot of `motif` on the local dates `from` … `from + days - 1`, in order,
    /// without the notice and horizon rules (see ``AppointmentBook`` for those).
    public func slots(for motif: Motif, from: LocalDate, days: Int) -> [Slot] {
        guard days > 0 else { return [] }
        var holidayCache: [Int: Set<LocalDate>] = [:]
        var closures: Set<LocalDate> = []
        var extras: [LocalDate: [(TimeRange, Int)]] = [:]
        for exception in exceptions {
            switch exception {
            case .closed(let date): closures.insert(date)
            case .extraOpening(let date, let m, let range, let counters) where m == motif && counters > 0:
                extras[date, default: []].append((range, counters))
            case .extraOpening: break
            }
        }
        let weekly = ranges[motif] ?? []
        let duration = rules(for: motif).durationMinutes
        let step = step(for: motif)
        var result: [Slot] = []
        for offset in 0..<days {
            let date = from.adding(days: offset)
            if closures.contains(date) { continue }
            var dayRanges: [(TimeRange, Int)] = extras[date] ?? []
            var isHoliday = false
            if closedOnPublicHolidays {
                if holidayCache[date.year] == nil {
                    holidayCache[date.year] = Set(PublicHolidays.holidays(in: date.year, territory: territory).map(\.date))
                }
                isHoliday = holidayCache[date.year]?.contains(date) ?? false
            }
            if !isHoliday {
                let weekday = date.weekday
                for range in weekly where range.weekdays.contains(weekday) { dayRanges.append((range.range, range.counters)) }
            }
            if dayRanges.isEmpty { continue }
            dayRanges.sort { $0.0.start < $1.0.start }
            var daySlots: [Slot] = []
            for (range, counters) in dayRanges {
                appendSlots(of: range, counters: counters, on: date, motif: motif, duration: duration, step: step, to: &daySlots)
            }
            if dayRanges.count > 1 {
                daySlots.sort { $0.start < $1.start }
                // Overlapping ranges of one motif: keep one slot per start, capacities added.
                var merged: [Slot] = []
                for slot in daySlots {
                    if let last = merged.last, last.start == slot.start {
                        merged[merged.count - 1] = Slot(motif: motif, start: last.start, end: last.end,
                                                        capacity: last.capacity + slot.capacity, day: date)
                    } else {
                        merged.append(slot)
                    }
                }
                daySlots = merged
            }
            result.append(contentsOf: daySlots)
        }
        return result
    }

    /// The slot of `motif` starting exactly at `start`, if the schedule has one.
    public func slot(for motif: Motif, startingAt start: Date) -> Slot? {
        let day = LocalDate(start, in: timeZone)
        return slots(for: motif, from: day, days: 1).first { $0.start == start }
    }

    private func appendSlots(of range: TimeRange, counters: Int, on date: LocalDate, motif: Motif,
                             duration: Int, step: Int, to slots: inout [Slot]) {
        let startMinute = range.start.minutesSinceMidnight
        let endMinute = range.crossesMidnight ? 1440 : range.end.minutesSinceMidnight
        guard endMinute - startMinute >= duration else { return }
        let rangeStart = instant(date, minute: startMinute)
        let rangeEnd = instant(date, minute: endMinute)
        let seconds = TimeInterval(duration * 60)
        if rangeEnd.timeIntervalSince(rangeStart) == TimeInterval((endMinute - startMinute) * 60) {
            // No offset change inside the range: plain arithmetic.
            var minute = startMinute
            while minute + duration <= endMinute {
                let start = rangeStart.addingTimeInterval(TimeInterval((minute - startMinute) * 60))
                slots.append(Slot(motif: motif, start: start, end: start.addingTimeInterval(seconds), capacity: counters, day: date))
                minute += step
            }
            return
        }
        // A daylight-saving change inside the range: resolve each wall-clock start.
        var minute = startMinute
        var previous: Date?
        while minute + duration <= endMinute {
            let start = instant(date, minute: minute)
            let end = start.addingTimeInterval(seconds)
            if end <= rangeEnd, previous.map({ start >= $0.addingTimeInterval(seconds) }) ?? true {
                slots.append(Slot(motif: motif, start: start, end: end, capacity: counters, day: date))
                previous = start
            }
            minute += step
        }
    }

    private func instant(_ date: LocalDate, minute: Int) -> Date {
        if minute >= 1440 { return date.adding(days: 1).instant(at: .midnight, in: timeZone) }
        return date.instant(at: LocalTime.fromMinutes(minute), in: timeZone)
    }
}

extension LocalTime {
    /// A time from minutes since midnight (0…1439), for values computed from valid times.
    static func fromMinutes(_ minutes: Int) -> LocalTime {
        (try? LocalTime(hour: minutes / 60, minute: minutes % 60)) ?? .midnight
    }
}

extension TimeRange {
    /// A range from minutes since midnight; `nil` when empty.
    init?(minutes start: Int, _ end: Int) {
        let endTime = end >= 1440 ? LocalTime.endOfDay : LocalTime.fromMinutes(end)
        guard let range = try? TimeRange(start: LocalTime.fromMinutes(start), end: endTime) else { return nil }
        self = range
    }
}

extension AppointmentSchedule.WeeklyRange {
    init(unchecked weekdays: Set<Weekday>, _ range: TimeRange, counters: Int) {
        self.weekdays = weekdays
        self.range = range
        self.counters = counters
    }
}
