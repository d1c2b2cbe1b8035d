import Appointments
import Foundation
import Testing

@Suite struct ConfirmationCodeTests {
    @Test func codesHaveAtLeast80BitsAndNoAmbiguousCharacter() {
        #expect(ConfirmationCode.entropyBits >= 80)
        for _ in 0..<200 {
            let code = ConfirmationCode.random()
            #expect(code.rawValue.count == 20)
            #expect(!code.rawValue.contains { "01OIL".contains($0) })
            #expect(code.formatted.split(separator: "-").map(\.count) == [4, 4, 4, 4, 4])
        }
    }

    @Test func codesDoNotRepeat() {
        let codes = Set((0..<20_000).map { _ in ConfirmationCode.random() })
        #expect(codes.count == 20_000)
    }

    @Test func everySymbolIsUsedRoughlyEvenly() {
        var counts: [Character: Int] = [:]
        for _ in 0..<3_000 { for character in ConfirmationCode.random().rawValue { counts[character, default: 0] += 1 } }
        #expect(counts.count == 31)
        // 60,000 symbols / 31 ≈ 1,935 each; a biased draw would stray far.
        #expect(counts.values.allSatisfy { (1_600...2_300).contains($0) })
    }

    @Test func parsingIsLenientOnCaseSpacesAndDashes() throws {
        let code = ConfirmationCode.random()
        #expect(try ConfirmationCode(code.formatted.lowercased()) == code)
        #expect(try ConfirmationCode(code.rawValue.map(String.init).joined(separator: " ")) == code)
        #expect(throws: AppointmentError.self) { _ = try ConfirmationCode("ABCD-EFGH") }
        #expect(throws: AppointmentError.self) { _ = try ConfirmationCode("0BCD-EFGH-JKMN-PQRS-TUVW") }
        #expect(throws: AppointmentError.self) { _ = try ConfirmationCode("ÉBCD-EFGH-JKMN-PQRS-TUVW") }
    }

    @Test func jsonUsesTheReadableForm() throws {
        let code = ConfirmationCode.random()
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(code.formatted)\"]")
        #expect(try JSONDecoder().decode([ConfirmationCode].self, from: data) == [code])
    }
}
