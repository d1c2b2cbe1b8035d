import Foundation

/// A station's telephone number, as published and in international form.
public struct PhoneNumber: Hashable, Sendable, Codable {
    /// The number to show, e.g. `04 74 47 20 20` or the short number `3430`. Made
    /// by ``init(published:e164:)`` so it can be dialled from France as shown.
    public let display: String
    /// The E.164 form, e.g. `+33474472020`; `nil` when the published number has
    /// no international form (short numbers, obsolete formats).
    public let e164: String?

    /// Creates a number. `e164`, when given, must be `+` followed by 8 to 15 digits.
    public init(display: String, e164: String?) throws(PhoneNumberError) {
        if let e164 {
            let digits = e164.utf8.dropFirst()
            guard e164.utf8.first == UInt8(ascii: "+"), (8...15).contains(digits.count),
                  digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw PhoneNumberError(value: e164)
            }
        }
        self.display = display
        self.e164 = e164
    }

    /// Country codes of the overseas départements in the French national plan:
    /// dialled from France as `0` and nine digits (`+594 594 29 98 00` is `05 94 29 98 00`).
    static let nationalPlanCountryCodes = ["33", "262", "590", "594", "596"]

    /// A number as a directory publishes it, shown so it can be dialled from France.
    ///
    /// - A number of the French plan written internationally (`+33 4 74 47 20 20`,
    ///   `+594 5 94 29 98 00`) is shown in the national form (`05 94 29 98 00`).
    /// - A number whose published digits disagree with `e164` (e.g. `+262 33 50 33`,
    ///   an old six-digit form, beside a reconstructed `+262262335033`) is shown
    ///   as published and gets no E.164 form: nothing is guessed.
    /// - Anything else (short numbers, New Caledonia `+687 24 33 00`) is kept as published.
    /// - Throws: ``PhoneNumberError`` when `e164` is not `+` and 8 to 15 digits.
    public init(published: String, e164: String?) throws(PhoneNumberError) {
        try self.init(display: published, e164: e164)
        let trimmed = published.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("+") else { return }
        let digits = String(trimmed.unicodeScalars.filter { ("0"..."9").contains($0) })
        if let e164, "+" + digits != e164 {
            self = try PhoneNumber(display: published, e164: nil)
            return
        }
        guard let code = Self.nationalPlanCountryCodes.first(where: { digits.hasPrefix($0) }),
              digits.count - code.count == 9 else { return }
        let national = "0" + digits.dropFirst(code.count)
        var grouped = ""
        for (offset, digit) in national.enumerated() {
            if offset > 0, offset % 2 == 0 { grouped += " " }
            grouped.append(digit)
        }
        self = try PhoneNumber(display: grouped, e164: "+" + digits)
    }
}

/// A phone number that is not in E.164 form.
public struct PhoneNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rejected value.
    public let value: String
    /// What is wrong with the value.
    public var description: String { "'\(value)' is not an E.164 number (+ then 8 to 15 digits)" }
}
