import Foundation
import Testing
@testable import MaSecuriteCore

/// The ASCII fast path of the territorial code initialisers must accept and
/// reject exactly what the Foundation path (`trimmingCharacters`, `uppercased`,
/// `Character` tests) does, with the same normalised value and the same error.
@Suite struct TerritorialCodesTests {
    // MARK: Edge cases, all three codes

    @Test(arguments: [" 33", "33 ", "\t33\t", "  2a ", "2b", "\t971", "988 "])
    func departementTrimsSpacesAndTabsAndUpperCases(_ code: String) throws {
        let expected = code.trimmingCharacters(in: .whitespaces).uppercased()
        #expect(try DepartementCode(code).rawValue == expected)
    }

    @Test(arguments: ["", " ", "\t", "\n33", "33\n", "\r\n33", "33\r\n", "\u{0B}33", "3 3", "٣٣", "３３", "２A", "2Ａ",
                      "33\u{301}", "2\u{0301}A", "ß", "9７1", "+33", "2a ".uppercased() + "x"])
    func departementRejects(_ code: String) {
        #expect(throws: TerritorialCodeError.invalidDepartement(code)) { try DepartementCode(code) }
    }

    @Test func unicodeSpacesAreTrimmedLikeFoundationDoes() throws {
        // U+00A0 (no-break space) and U+3000 (ideographic space) are in
        // CharacterSet.whitespaces: such input takes the Foundation path.
        #expect(try DepartementCode("\u{00A0}2a\u{3000}").rawValue == "2A")
        #expect(try INSEECode("\u{00A0}2a004").rawValue == "2A004")
        #expect(try PostalCode("75001\u{00A0}").rawValue == "75001")
    }

    @Test(arguments: [" 33063", "33063 ", "\t2a004", "2b033", "97209\t", " 98818 "])
    func inseeTrimsAndUpperCases(_ code: String) throws {
        let value = try INSEECode(code)
        let expected = code.trimmingCharacters(in: .whitespaces).uppercased()
        #expect(value.rawValue == expected)
        #expect(value.departement.rawValue == String(expected.prefix(expected.hasPrefix("97") || expected.hasPrefix("98") ? 3 : 2)))
    }

    @Test(arguments: ["", "     ", "3306", "330633", "٣٣٠٦٣", "３３０６３", "33O63", "2C004", "20004", "2A00B", "97A09",
                      "97909", "98901", "99138", "00001", "33063\n", "\n33063", "3306\r\n", "33\u{0B}063", "3306３"])
    func inseeRejects(_ code: String) {
        #expect(throws: TerritorialCodeError.invalidINSEECode(code)) { try INSEECode(code) }
    }

    @Test(arguments: [" 75001", "75001 ", "\t20000\t", "97200", "98800", "01000"])
    func postalCodeTrims(_ code: String) throws {
        #expect(try PostalCode(code).rawValue == code.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: ["", " ", "7500", "750011", "٧٥٠٠١", "７５００１", "00100", "96000", "99000", "2A000", "2a000",
                      "75001\n", "7500\r\n", "75 001", "+7500", "7500١"])
    func postalCodeRejects(_ code: String) {
        #expect(throws: TerritorialCodeError.invalidPostalCode(code)) { try PostalCode(code) }
    }

    @Test func validInputWithoutChangeKeepsTheSameText() throws {
        // The fast path hands back the input itself: equal text, same length.
        for code in ["33", "2A", "971"] { #expect(try DepartementCode(code).rawValue == code) }
        #expect(try INSEECode("2A004").departement == DepartementCode("2A"))
        #expect(try INSEECode("97209").departement == DepartementCode("972"))
    }

    // MARK: Differential: fast path against the Foundation path

    /// Every string of `length` characters over `alphabet`.
    static func strings(over alphabet: [String], length: Int) -> [String] {
        var result = [""]
        for _ in 0..<length { result = result.flatMap { prefix in alphabet.map { prefix + $0 } } }
        return result
    }

    static let alphabet = ["0", "1", "2", "4", "5", "6", "7", "8", "9", "A", "b", "C", " ", "\t", "\n", "\r", "٣", "３", "\u{00A0}"]

    @Test func departementMatchesTheFoundationPathOnEveryShortString() {
        let inputs = (0...3).flatMap { Self.strings(over: Self.alphabet, length: $0) }
        var mismatches: [String] = []
        for input in inputs {
            let fast = try? DepartementCode(input).rawValue
            if fast != DepartementCode.validatedByFoundation(input) { mismatches.append(input) }
        }
        #expect(inputs.count > 7_000)
        #expect(mismatches.isEmpty, "fast and Foundation paths differ on \(mismatches.prefix(10).map { $0.debugDescription })")
    }

    @Test func inseeAndPostalMatchTheFoundationPathOnFiveCharacterStrings() {
        let alphabet = ["0", "1", "2", "7", "8", "9", "a", "B", " ", "٣"]
        let inputs = Self.strings(over: alphabet, length: 5) + Self.strings(over: Self.alphabet, length: 2).map { "\($0)975" }
        var mismatches: [String] = []
        for input in inputs {
            let insee = try? INSEECode(input)
            let reference = INSEECode.validatedByFoundation(input)
            if insee?.rawValue != reference?.0 || insee?.departement != reference?.1 { mismatches.append("insee " + input.debugDescription) }
            if (try? PostalCode(input).rawValue) != PostalCode.validatedByFoundation(input) { mismatches.append("postal " + input.debugDescription) }
        }
        #expect(mismatches.isEmpty, "fast and Foundation paths differ on \(mismatches.prefix(10))")
    }
}
