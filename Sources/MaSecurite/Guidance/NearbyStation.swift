import Foundation

/// A station near the citizen: its ``StationListing`` (the same fields as
/// `masecurite stations near --json` and `/v1/stations/near`) with the first free
/// appointment slots for the motif.
///
/// The listing's properties read directly on the value (`station.name`,
/// `station.openNow`, `station.timeZone`…); in JSON they are the listing's keys,
/// flat, plus `first_slots`.
@dynamicMemberLookup
public struct NearbyStation: Hashable, Sendable, Codable {
    /// Where the station is, how to reach it and whether it is open at the guidance date.
    public var listing: StationListing
    /// The first free appointment slots for the motif (empty if none or not bookable).
    public var firstSlots: [SlotOffer]
    /// Whether the station takes online appointments for the motif: `bookable`,
    /// or why not — `hours-not-published` (call the station), `not-offered-here`
    /// (online booking does not run in its département), or another
    /// ``AppointmentError/code``; `nil` when the motif is not an appointment motif.
    public var booking: String?
    /// What to do when the station takes no online appointment (e.g. the number to call).
    public var bookingNote: String?

    /// Creates a value.
    public init(listing: StationListing, firstSlots: [SlotOffer], booking: String? = nil, bookingNote: String? = nil) {
        self.listing = listing
        self.firstSlots = firstSlots
        self.booking = booking
        self.bookingNote = bookingNote
    }

    /// A property of the listing, e.g. `station.name`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<StationListing, Value>) -> Value {
        listing[keyPath: keyPath]
    }

    /// Great-circle distance from the citizen, metres (one decimal).
    public var distanceMetres: Double { listing.distanceMetres ?? 0 }

    private enum CodingKeys: String, CodingKey {
        case firstSlots = "first_slots", booking, bookingNote = "booking_note"
    }

    public init(from decoder: any Decoder) throws {
        listing = try StationListing(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        firstSlots = try c.decodeIfPresent([SlotOffer].self, forKey: .firstSlots) ?? []
        booking = try c.decodeIfPresent(String.self, forKey: .booking)
        bookingNote = try c.decodeIfPresent(String.self, forKey: .bookingNote)
    }

    public func encode(to encoder: any Encoder) throws {
        try listing.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(firstSlots, forKey: .firstSlots)
        try c.encodeIfPresent(booking, forKey: .booking)
        try c.encodeIfPresent(bookingNote, forKey: .bookingNote)
    }
}
