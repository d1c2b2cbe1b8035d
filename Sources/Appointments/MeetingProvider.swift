import Foundation

/// Gives the video-call link of a remote appointment (``Motif/isRemote``,
/// i.e. ``Motif/visioPlainte``). A deployment plugs its video platform here.
///
/// Contract: the same booking always gets the same link (a provider that
/// creates rooms keeps its own record keyed by ``Booking/id``), and a link
/// cannot be guessed from anything the citizen does not hold.
public protocol MeetingProvider: Sendable {
    /// The meeting link of `booking`.
    func meetingURL(for booking: Booking) async throws -> URL
}

/// A ``MeetingProvider`` for tests and development: the link is derived
/// from the booking's opaque id and confirmation code with HMAC-SHA256 under
/// `secret`, so it is the same each time it is asked for, needs no storage,
/// and cannot be guessed without the secret (128 bits of the code, hex).
public struct DerivedMeetingProvider: MeetingProvider {
    /// The base the room token is appended to, e.g. `https://visio.example.invalid/salle/`.
    public let base: String
    private let secret: [UInt8]

    /// Creates a provider.
    /// - Parameters:
    ///   - secret: the deployment's secret key (at least 16 bytes recommended).
    ///   - base: the room address prefix; the token is appended.
    public init(secret: [UInt8], base: String = "https://visio.masecurite.example.invalid/salle/") {
        self.secret = secret
        self.base = base
    }

    /// The room token of `booking`: 32 hex digits.
    public func token(for booking: Booking) -> String {
        let message = Array("visio|\(booking.id.uuidString.lowercased())|\(booking.code.rawValue)".utf8)
        let mac = HMACSHA256.authenticationCode(for: message, key: secret)
        return mac.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public func meetingURL(for booking: Booking) throws(AppointmentError) -> URL {
        guard let url = URL(string: base + token(for: booking)) else {
            throw .storage("the meeting base '\(Echo.truncated(base))' does not make a URL")
        }
        return url
    }
}
