import Foundation

/// A phone number or text line, with its purpose and hours.
public struct NumberInfo: Hashable, Sendable, Codable {
    /// Digits to dial, e.g. `17`, `3919`.
    public var number: String
    /// Its name.
    public var name: String
    /// What it is for.
    public var purpose: String
    /// When it answers.
    public var hours: String
    /// `call`, `sms` or both.
    public var channels: [String]
    /// Whether the call is free.
    public var free: Bool
    /// Whether it is an emergency number.
    public var emergency: Bool

    /// Creates a value.
    public init(number: String, name: String, purpose: String, hours: String, channels: [String], free: Bool, emergency: Bool) {
        self.number = number
        self.name = name
        self.purpose = purpose
        self.hours = hours
        self.channels = channels
        self.free = free
        self.emergency = emergency
    }
}
