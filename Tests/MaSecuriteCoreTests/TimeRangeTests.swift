import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct TimeRangeTests {
    @Test func validatesItsEnds() throws {
        let morning = try TimeRange(start: time("08:00"), end: time("12:00"))
        #expect(morning.description == "08:00-12:00")
        #expect(!morning.crossesMidnight)
        #expect(try TimeRange(start: time("22:00"), end: time("02:00")).crossesMidnight)
        #expect(try !TimeRange(start: .midnight, end: .endOfDay).crossesMidnight)
        #expect(throws: OpeningHoursError.self) { try TimeRange(start: time("08:00"), end: time("08:00")) }
        #expect(throws: OpeningHoursError.self) { try TimeRange(start: .endOfDay, end: time("02:00")) }
    }

    @Test func errorsQuoteTheRange() {
        do {
            _ = try TimeRange(start: .endOfDay, end: .midnight)
            Issue.record("24:00-00:00 should be rejected")
        } catch {
            #expect(error.description.contains("'24:00-00:00'"))
        }
    }

    @Test func codableRoundTripAndValidation() throws {
        let range = try TimeRange(start: time("14:00"), end: time("18:30"))
        let json = try encodeJSON(range)
        #expect(json == #"{"end":"18:30","start":"14:00"}"#)
        #expect(try decodeJSON(TimeRange.self, json) == range)
        #expect(throws: DecodingError.self) { try decodeJSON(TimeRange.self, #"{"start":"14:00","end":"14:00"}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(TimeRange.self, #"{"start":"24:00","end":"01:00"}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(TimeRange.self, #"{"start":"14:00"}"#) }
    }
}
