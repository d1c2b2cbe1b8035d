import Foundation

/// A free appointment slot that can be booked as it is.
public struct SlotOffer: Hashable, Sendable, Codable {
    /// The station id.
    public var stationID: String
    /// The motif.
    public var motif: String
    /// Start.
    public var start: Date
    /// End.
    public var end: Date
    /// Counters still free.
    public var remaining: Int
    /// The station's time zone identifier.
    public var timeZone: String

    /// Creates a value.
    public init(stationID: String, motif: String, start: Date, end: Date, remaining: Int, timeZone: String) {
        self.stationID = stationID
        self.motif = motif
        self.start = start
        self.end = end
        self.remaining = remaining
        self.timeZone = timeZone
    }

    private enum CodingKeys: String, CodingKey {
        case stationID = "station_id", motif, start, end, remaining, timeZone = "time_zone"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stationID = try c.decode(String.self, forKey: .stationID)
        motif = try c.decode(String.self, forKey: .motif)
        start = try RFC3339.decode(c.decode(String.self, forKey: .start), key: .start, in: c)
        end = try RFC3339.decode(c.decode(String.self, forKey: .end), key: .end, in: c)
        remaining = try c.decode(Int.self, forKey: .remaining)
        timeZone = try c.decode(String.self, forKey: .timeZone)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let zone = TimeZone(identifier: timeZone)
        try c.encode(stationID, forKey: .stationID)
        try c.encode(motif, forKey: .motif)
        try c.encode(RFC3339.format(start, in: zone), forKey: .start)
        try c.encode(RFC3339.format(end, in: zone), forKey: .end)
        try c.encode(remaining, forKey: .remaining)
        try c.encode(timeZone, forKey: .timeZone)
    }
}
