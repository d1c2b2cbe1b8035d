import Foundation

/// When a reminder is due, as data: the host app sends it (e-mail, SMS, push).
public struct Reminder: Hashable, Sendable, Codable {
    /// Which reminder.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The day before, at the same wall-clock time as the appointment.
        case dayBefore = "day-before"
        /// Two hours before the start.
        case twoHoursBefore = "two-hours-before"
    }

    /// Which reminder.
    public let kind: Kind
    /// When to send it.
    public let at: Date
    /// The booking it is about.
    public let code: ConfirmationCode

    /// Creates a reminder.
    public init(kind: Kind, at: Date, code: ConfirmationCode) {
        self.kind = kind
        self.at = at
        self.code = code
    }
}

/// The reminder plan of a booking: the day before (same local time, correct
/// across daylight-saving changes) and two hours before. Reminders already
/// past, and every reminder of a booking that is not `booked`, are left out.
public enum ReminderPlan {
    /// The reminders still to send for `booking` at a station in `timeZone`.
    public static func reminders(for booking: Booking, timeZone: TimeZone, now: Date) -> [Reminder] {
        guard booking.status == .booked else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: booking.start)
        let time = LocalTime.fromMinutes((parts.hour ?? 0) * 60 + (parts.minute ?? 0))
        let dayBefore = LocalDate(booking.start, in: timeZone).adding(days: -1).instant(at: time, in: timeZone)
        let twoHours = booking.start.addingTimeInterval(-2 * 3600)
        return [Reminder(kind: .dayBefore, at: dayBefore, code: booking.code),
                Reminder(kind: .twoHoursBefore, at: twoHours, code: booking.code)]
            .filter { $0.at > now }
    }
}
