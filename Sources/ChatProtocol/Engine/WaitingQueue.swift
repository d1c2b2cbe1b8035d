/// The place of a waiting conversation in its platform queue: emergencies first, then arrival order.
///
/// Packed in one integer so that comparing two places is one comparison: the top bit is clear
/// for an emergency and set otherwise; the low 63 bits are the arrival sequence number, which
/// a conversation keeps for its whole life (a conversation sent back to a queue keeps its old place).
struct QueuePlace: Comparable, Hashable, Sendable {
    let rawValue: UInt64

    init(emergency: Bool, order: UInt64) {
        rawValue = (emergency ? 0 : 1 << 63) | (order & ~(1 << 63))
    }

    static func < (lhs: QueuePlace, rhs: QueuePlace) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One platform's waiting conversations, ordered by ``QueuePlace``.
///
/// A treap (a binary search tree balanced by pseudo-random heap priorities) stored in arrays,
/// with subtree sizes: insertion, removal, rank (the queue position), the head and the next
/// conversation after a place all take O(log n) expected time. The priorities are a hash of the
/// place, so the shape (and so every result) is deterministic.
struct WaitingQueue: Sendable {
    private struct Node: Sendable {
        var place: QueuePlace
        var conversation: ConversationID
        var priority: UInt64
        var left: Int32 = -1
        var right: Int32 = -1
        var size: Int32 = 1
    }

    private var nodes: [Node] = []
    private var freeSlots: [Int32] = []
    private var root: Int32 = -1

    /// The number of waiting conversations.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Adds a conversation at `place` (which must not be in the queue already).
    mutating func insert(_ conversation: ConversationID, at place: QueuePlace) {
        let node = Node(place: place, conversation: conversation, priority: Self.priority(of: place))
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            nodes[Int(slot)] = node
        } else {
            slot = Int32(nodes.count)
            nodes.append(node)
        }
        let (before, after) = split(root, at: place)
        root = merge(merge(before, slot), after)
        count += 1
    }

    /// Removes the conversation at `place`; returns whether there was one.
    @discardableResult
    mutating func remove(at place: QueuePlace) -> Bool {
        guard contains(place) else { return false }
        // Walk down to the node (every subtree on the way loses one), then put the merge of its
        // children in its place: their priorities are below its own, so the heap order holds.
        var parent: Int32 = -1
        var wentLeft = false
        var current = root
        while nodes[Int(current)].place != place {
            nodes[Int(current)].size -= 1
            parent = current
            wentLeft = place < nodes[Int(current)].place
            current = wentLeft ? nodes[Int(current)].left : nodes[Int(current)].right
        }
        let replacement = merge(nodes[Int(current)].left, nodes[Int(current)].right)
        if parent < 0 {
            root = replacement
        } else if wentLeft {
            nodes[Int(parent)].left = replacement
        } else {
            nodes[Int(parent)].right = replacement
        }
        freeSlots.append(current)
        count -= 1
        if count == 0 {
            nodes.removeAll(keepingCapacity: true)
            freeSlots.removeAll(keepingCapacity: true)
            root = -1
        }
        return true
    }

    /// Whether a conversation waits at `place`.
    func contains(_ place: QueuePlace) -> Bool {
        var current = root
        while current >= 0 {
            let node = nodes[Int(current)]
            if node.place == place { return true }
            current = place < node.place ? node.left : node.right
        }
        return false
    }

    /// The 1-based position of `place` in the queue (the number of places before it, plus one),
    /// whether or not it is in the queue.
    func position(of place: QueuePlace) -> Int {
        var before = 0
        var current = root
        while current >= 0 {
            let node = nodes[Int(current)]
            if node.place < place {
                before += Int(size(node.left)) + 1
                current = node.right
            } else {
                current = node.left
            }
        }
        return before + 1
    }

    /// The first conversation after `place` (exclusive), or the head when `place` is `nil`.
    func first(after place: QueuePlace?) -> (place: QueuePlace, conversation: ConversationID)? {
        var best: Int32 = -1
        var current = root
        while current >= 0 {
            let node = nodes[Int(current)]
            if place.map({ node.place > $0 }) ?? true {
                best = current
                current = node.left
            } else {
                current = node.right
            }
        }
        guard best >= 0 else { return nil }
        return (nodes[Int(best)].place, nodes[Int(best)].conversation)
    }

    /// Every waiting conversation, in queue order.
    var conversations: [ConversationID] {
        var result: [ConversationID] = []
        result.reserveCapacity(count)
        var stack: [Int32] = []
        var current = root
        while current >= 0 || !stack.isEmpty {
            while current >= 0 {
                stack.append(current)
                current = nodes[Int(current)].left
            }
            guard let top = stack.popLast() else { break }
            result.append(nodes[Int(top)].conversation)
            current = nodes[Int(top)].right
        }
        return result
    }

    // MARK: Treap internals

    private func size(_ node: Int32) -> Int32 { node < 0 ? 0 : nodes[Int(node)].size }

    private mutating func update(_ node: Int32) {
        let left = nodes[Int(node)].left, right = nodes[Int(node)].right
        nodes[Int(node)].size = 1 + size(left) + size(right)
    }

    /// Splits `tree` into the places before `place` and the places at or after it.
    private mutating func split(_ tree: Int32, at place: QueuePlace) -> (Int32, Int32) {
        guard tree >= 0 else { return (-1, -1) }
        if nodes[Int(tree)].place < place {
            let (before, after) = split(nodes[Int(tree)].right, at: place)
            nodes[Int(tree)].right = before
            update(tree)
            return (tree, after)
        } else {
            let (before, after) = split(nodes[Int(tree)].left, at: place)
            nodes[Int(tree)].left = after
            update(tree)
            return (before, tree)
        }
    }

    /// Joins two trees where every place of `first` is before every place of `second`.
    private mutating func merge(_ first: Int32, _ second: Int32) -> Int32 {
        guard first >= 0 else { return second }
        guard second >= 0 else { return first }
        if nodes[Int(first)].priority > nodes[Int(second)].priority {
            nodes[Int(first)].right = merge(nodes[Int(first)].right, second)
            update(first)
            return first
        } else {
            nodes[Int(second)].left = merge(first, nodes[Int(second)].left)
            update(second)
            return second
        }
    }

    /// A well-mixed hash of the place (SplitMix64's finaliser).
    private static func priority(of place: QueuePlace) -> UInt64 {
        var z = place.rawValue &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
