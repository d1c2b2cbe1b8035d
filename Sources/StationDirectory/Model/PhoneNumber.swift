/// A station's telephone number, as published and in international form.
public struct PhoneNumber: Hashable, Sendable, Codable {
    /// The number as the source publishes it, e.g. `04 74 47 20 20` or the short number `3430`.
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
}

/// A phone number that is not in E.164 form.
public struct PhoneNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rejected value.
    public let value: String
    public var description: String { "'\(value)' is not an E.164 number (+ then 8 to 15 digits)" }
}
