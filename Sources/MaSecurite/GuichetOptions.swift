/// How much the ``Guichet`` looks up for each answer.
public struct GuichetOptions: Sendable, Hashable {
    /// How many nearest stations to list for a visit or an appointment (default 3).
    public var stationCount: Int
    /// How many free slots to give per station (default 3).
    public var slotsPerStation: Int
    /// How many days ahead to look for free slots (default 14).
    public var slotSearchDays: Int
    /// How many other possible answers to list for a sentence (default 4).
    public var alternativeCount: Int

    /// Creates options; counts are clamped to sensible bounds.
    public init(stationCount: Int = 3, slotsPerStation: Int = 3, slotSearchDays: Int = 14, alternativeCount: Int = 4) {
        self.stationCount = min(max(stationCount, 1), 20)
        self.slotsPerStation = min(max(slotsPerStation, 0), 20)
        self.slotSearchDays = min(max(slotSearchDays, 1), 60)
        self.alternativeCount = min(max(alternativeCount, 0), 10)
    }
}
