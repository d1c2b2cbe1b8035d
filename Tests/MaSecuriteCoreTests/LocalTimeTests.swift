import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct LocalTimeTests {
    @Test func validatesComponents() throws {
        #expect(try LocalTime(hour: 0).minutesSinceMidnight == 0)
        #expect(try LocalTime(hour: 23, minute: 59).minutesSinceMidnight == 1439)
        #expect(try LocalTime(hour: 24).minutesSinceMidnight == 1440)
        #expect(throws: LocalDateError.self) { try LocalTime(hour: 24, minute: 1) }
        #expect(throws: LocalDateError.self) { try LocalTime(hour: 25) }
        #expect(throws: LocalDateError.self) { try LocalTime(hour: -1) }
        #expect(throws: LocalDateError.self) { try LocalTime(hour: 8, minute: 60) }
    }

    @Test(arguments: ["8:00", "08:0", "0800", "08:00:00", "24:30", "25:00", "08h00", "", ":", "-1:00", "08:-1", "０８:００"])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: LocalDateError.invalidTime(text)) { try LocalTime(hhmm: text) }
    }

    @Test func parsesAndPrints() throws {
        #expect(try time("08:05").description == "08:05")
        #expect(try time("24:00") == LocalTime.endOfDay)
        #expect(try time("00:00") == LocalTime.midnight)
        #expect(LocalTime.endOfDay.description == "24:00")
    }

    @Test func wallClockTimeOfAnInstant() throws {
        let moment = instant("2026-07-14T10:45:59Z")
        #expect(LocalTime(moment, in: paris) == (try time("12:45")))
        #expect(LocalTime(moment, in: Territory.reunion.timeZone) == (try time("14:45")))
        #expect(LocalTime(moment, in: Territory.polynesieFrancaise.timeZone) == (try time("00:45")))
        #expect(LocalTime(instant("1969-12-31T23:59:00Z"), in: utc) == (try time("23:59")))
    }

    @Test func ordering() throws {
        #expect(try time("08:00") < time("08:01"))
        #expect(try time("23:59") < LocalTime.endOfDay)
        #expect(try [time("14:00"), time("08:00"), .endOfDay, .midnight].sorted().map(\.description) == ["00:00", "08:00", "14:00", "24:00"])
    }

    @Test func codableIsHHMM() throws {
        #expect(try encodeJSON([time("09:30")]) == #"["09:30"]"#)
        #expect(try decodeJSON([LocalTime].self, #"["24:00"]"#) == [.endOfDay])
        #expect(throws: DecodingError.self) { try decodeJSON([LocalTime].self, #"["9:30"]"#) }
    }

    @Test func weekdaysAreMondayFirstWithOSMNames() {
        #expect(Weekday.allCases.map(\.rawValue) == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"])
        #expect(Weekday.allCases.map(\.isoIndex) == Array(0...6))
        #expect(Weekday.monday < .sunday)
    }
}
