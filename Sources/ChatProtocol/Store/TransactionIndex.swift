/// The client transaction ids of one conversation's stored messages, for the in-memory store's
/// at-most-once check: an open-addressing table of 64-bit slots, each holding 32 bits of an id's
/// hash and the index of the entry that holds the id (the id itself stays in the entry).
///
/// A new id costs one hash and, nearly always, one slot read and written (a `Dictionary` keyed by
/// the id touches its bitmap, key, value and count); an id whose 32 hash bits match a slot's is
/// compared in full with the entry's, so a collision never makes two messages one. The hash is
/// Swift's seeded `Hasher`: ids chosen by a client cannot be made to collide on purpose.
struct TransactionIndex {
    /// `(entry + 1) << 32 | hash bits`, or 0 for an empty slot. The count is a power of two, at most half full.
    private var slots: [UInt64] = []
    private var count = 0

    /// The most entries a conversation can index (entry + 1 must fit in 32 bits).
    static let capacity = Int(UInt32.max) - 1

    /// Where a lookup ended: the entry holding the id, or the empty slot where it would go.
    enum Lookup {
        case found(entry: Int)
        case vacant(slot: Int, hash: UInt32)
    }

    /// The 32 hash bits the table keeps for `transaction`.
    static func hash(_ transaction: String) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(transaction)
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }

    /// Looks `transaction` up among `entries` (`transactionOf` reads an entry's id). Makes room for
    /// one more id first, so a `vacant` slot stays valid for ``insert(entry:at:)``.
    mutating func lookup<Entries: RandomAccessCollection>(_ transaction: String, in entries: Entries,
                                                          transactionOf: (Entries.Element) -> String?) -> Lookup where Entries.Index == Int {
        if slots.isEmpty || (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(transaction)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let content = slots[slot]
            if content == 0 { return .vacant(slot: slot, hash: hash) }
            let entry = Int(content >> 32) - 1
            if UInt32(truncatingIfNeeded: content) == hash, entries.indices.contains(entry), transactionOf(entries[entry]) == transaction {
                return .found(entry: entry)
            }
            slot = (slot + 1) & mask
        }
    }

    /// Records that `entry` holds the id a lookup found `vacant` (with no insertion since).
    mutating func insert(entry: Int, at vacancy: Lookup) {
        guard case .vacant(let slot, let hash) = vacancy else { return }
        slots[slot] = UInt64(entry + 1) << 32 | UInt64(hash)
        count += 1
    }

    /// Doubles the table (16 slots at first); each slot moves by its kept hash bits, no id is hashed again.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: max(16, old.count * 2))
        let mask = slots.count - 1
        for content in old where content != 0 {
            var slot = Int(UInt32(truncatingIfNeeded: content)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = content
        }
    }
}
