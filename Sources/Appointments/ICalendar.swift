import Foundation

/// iCalendar (RFC 5545) export of a booking, for the citizen's calendar.
///
/// Lines end with CRLF, are folded at 75 octets (never inside a UTF-8
/// character), and text values are escaped (`\\`, `\;`, `\,`, `\n`). Times are
/// in UTC (`DTSTART:20260330T070000Z`), which every calendar shows in its own
/// time zone. The UID is the booking's opaque id, not its confirmation code.
public enum ICalendar {
    /// A `VCALENDAR` with one `VEVENT` for `booking`.
    /// - Parameters:
    ///   - booking: the booking to export.
    ///   - location: the station's name and address (LOCATION).
    ///   - language: language of the summary and description.
    ///   - documents: what to bring (usually the motif's rules).
    ///   - includeCode: whether the description repeats the confirmation code.
    ///   - meetingURL: the video link of a remote appointment: written as URL,
    ///     as LOCATION (the citizen does not go to the station) and in the DESCRIPTION.
    ///   - now: the DTSTAMP.
    public static func event(for booking: Booking, location: String?, documents: [LocalizedText],
                             language: Language = .french, includeCode: Bool = true, meetingURL: URL? = nil,
                             now: Date) -> String {
        let french = language == .french
        var description: [String] = []
        if let meetingURL {
            description.append((french ? "Lien de la visio : " : "Video call link: ") + meetingURL.absoluteString)
        }
        if includeCode {
            description.append((french ? "Code de confirmation : " : "Confirmation code: ") + booking.code.formatted)
        }
        if !documents.isEmpty {
            description.append(french ? "À apporter :" : "Please bring:")
            description.append(contentsOf: documents.map { "- " + $0.text(in: language) })
        }
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//MaSecurite//Appointments//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:\(booking.id.uuidString.lowercased())@masecurite",
            "DTSTAMP:\(utc(now))",
            "DTSTART:\(utc(booking.start))",
            "DTEND:\(utc(booking.end))",
            "SUMMARY:" + escape((french ? "Rendez-vous : " : "Appointment: ") + booking.motif.name.text(in: language)),
        ]
        if let meetingURL {
            lines.append("LOCATION:" + escape(meetingURL.absoluteString))
            lines.append("URL:" + meetingURL.absoluteString)
        } else if let location, !location.isEmpty {
            lines.append("LOCATION:" + escape(location))
        }
        if !description.isEmpty { lines.append("DESCRIPTION:" + escape(description.joined(separator: "\n"))) }
        lines.append("STATUS:" + (booking.status.holdsSeat ? "CONFIRMED" : "CANCELLED"))
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(fold).joined()
    }

    /// Escapes a TEXT value (RFC 5545 §3.3.11).
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds one content line at 75 octets and terminates it with CRLF (RFC 5545 §3.1).
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var output: [UInt8] = []
        var index = 0
        var limit = 75
        while index < bytes.count {
            var end = min(index + limit, bytes.count)
            // Never cut a UTF-8 sequence: back off continuation bytes (10xxxxxx).
            while end < bytes.count && end > index && (bytes[end] & 0xC0) == 0x80 { end -= 1 }
            if index > 0 { output += [13, 10, 32] }
            output += bytes[index..<end]
            index = end
            limit = 74 // the leading space of a continuation counts
        }
        output += [13, 10]
        return String(decoding: output, as: UTF8.self)
    }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let day = LocalDate(daysSinceEpoch: days)
        let rest = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(day.year)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)\(two(day.month))\(two(day.day))T\(two(rest / 3600))\(two(rest % 3600 / 60))\(two(rest % 60))Z"
    }
}
