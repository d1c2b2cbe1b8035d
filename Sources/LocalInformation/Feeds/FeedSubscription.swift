import Foundation
import MaSecuriteCore

/// The opaque key of an anonymous subscription: 32 random bytes written in
/// base64url (43 characters), given once to the citizen's app and never stored:
/// stores keep only its SHA-256 ``digest``, so a copy of the database does not
/// let anyone read or cancel someone's subscription.
public struct SubscriptionToken: Hashable, Sendable, CustomStringConvertible {
    /// The 43 base64url characters.
    public let rawValue: String

    /// Reads a token given back by an app.
    /// - Throws: ``LocalInformationError/invalidValue(path:value:reason:)`` at `token`.
    public init(_ text: String) throws(LocalInformationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 43, trimmed.unicodeScalars.allSatisfy(Self.isBase64URL) else {
            throw .invalidValue(path: "token", value: text, reason: "a subscription token is 43 characters of A–Z, a–z, 0–9, - and _")
        }
        rawValue = trimmed
    }

    private init(raw: String) { rawValue = raw }

    /// A fresh token from the system's random generator.
    public static func random() -> SubscriptionToken {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// A token from `generator` (for tests).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> SubscriptionToken {
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return SubscriptionToken(raw: Base64URL.encode(bytes))
    }

    /// The SHA-256 of the token in lowercase hexadecimal: what stores keep.
    public var digest: String { Hex.encode(SHA256.hash(Array(rawValue.utf8))) }

    /// The token is a secret: its description is redacted.
    public var description: String { "SubscriptionToken(redacted)" }

    static func isBase64URL(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
}

/// An anonymous subscription: a territory and themes, nothing about the person.
public struct FeedSubscription: Hashable, Sendable {
    /// The SHA-256 of the token (see ``SubscriptionToken/digest``).
    public let digest: String
    /// The territory followed.
    public let territory: LocalTerritory
    /// The themes followed, sorted (empty: every theme).
    public let themes: [String]
    /// When it was created; items older than this are not pushed.
    public let created: Date

    /// Creates a subscription.
    public init(digest: String, territory: LocalTerritory, themes: [String], created: Date) {
        self.digest = digest
        self.territory = territory
        self.themes = Array(Set(themes)).sorted()
        self.created = created
    }
}

/// Where subscriptions live. Implementations: ``InMemorySubscriptionStore``
/// and ``SQLiteLocalInformationStore``; each must pass
/// `SubscriptionStoreConformance` (product `LocalInformationTestSupport`).
///
/// Keys are token digests only. ``markDelivered(digest:itemIDs:)`` records
/// which items a ``FeedDeliveryHook`` already received, so an item is pushed
/// once per subscription; removing a subscription forgets them.
public protocol SubscriptionStore: Sendable {
    /// Adds `subscription`. - Throws: ``LocalInformationStoreError/duplicate(_:)`` when its digest exists.
    func add(_ subscription: FeedSubscription) async throws
    /// The subscription with `digest`, if any.
    func subscription(digest: String) async throws -> FeedSubscription?
    /// Removes the subscription and its delivery records; `false` when there was none.
    @discardableResult
    func remove(digest: String) async throws -> Bool
    /// Every subscription, oldest first.
    func subscriptions() async throws -> [FeedSubscription]
    /// The items already delivered to the subscription.
    func deliveredItemIDs(digest: String) async throws -> Set<String>
    /// Records that `itemIDs` were delivered to the subscription (idempotent).
    func markDelivered(digest: String, itemIDs: [String]) async throws
}

/// Subscriptions in memory (tests, a single process).
public actor InMemorySubscriptionStore: SubscriptionStore {
    private var byDigest: [String: FeedSubscription] = [:]
    private var order: [String] = []
    private var delivered: [String: Set<String>] = [:]

    /// An empty store.
    public init() {}

    public func add(_ subscription: FeedSubscription) throws(LocalInformationStoreError) {
        guard byDigest[subscription.digest] == nil else { throw .duplicate("subscription") }
        byDigest[subscription.digest] = subscription
        order.append(subscription.digest)
    }

    public func subscription(digest: String) -> FeedSubscription? { byDigest[digest] }

    @discardableResult
    public func remove(digest: String) -> Bool {
        guard byDigest.removeValue(forKey: digest) != nil else { return false }
        order.removeAll { $0 == digest }
        delivered[digest] = nil
        return true
    }

    public func subscriptions() -> [FeedSubscription] { order.compactMap { byDigest[$0] } }

    public func deliveredItemIDs(digest: String) -> Set<String> { delivered[digest] ?? [] }

    public func markDelivered(digest: String, itemIDs: [String]) {
        guard byDigest[digest] != nil else { return }
        delivered[digest, default: []].formUnion(itemIDs)
    }
}

/// Subscribing and unsubscribing: the token is returned once and never kept.
public struct LocalSubscriptions: Sendable {
    /// The most themes one subscription may follow.
    public static let themeLimit = 20

    /// Where subscriptions live.
    public let store: any SubscriptionStore
    /// The themes that exist.
    public let catalog: LocalInformationCatalog

    /// Subscriptions over `store`, checked against `catalog`'s themes.
    public init(store: any SubscriptionStore, catalog: LocalInformationCatalog) {
        self.store = store
        self.catalog = catalog
    }

    /// Subscribes to `themes` (empty: all) for `territory`; returns the token to give to the app.
    /// - Throws: ``LocalInformationError`` for an unknown theme (path `themes[i]`) or too many.
    public func subscribe(territory: LocalTerritory, themes: [String], now: Date) async throws -> SubscriptionToken {
        guard themes.count <= Self.themeLimit else { throw LocalInformationError.tooMany(path: "themes", count: themes.count, limit: Self.themeLimit) }
        for (index, theme) in themes.enumerated() where catalog.theme(theme) == nil {
            throw LocalInformationError.unknownReference(path: "themes[\(index)]", kind: "theme", id: theme)
        }
        let token = SubscriptionToken.random()
        try await store.add(FeedSubscription(digest: token.digest, territory: territory, themes: themes, created: now))
        return token
    }

    /// The subscription of `token`, if it exists.
    public func subscription(_ token: SubscriptionToken) async throws -> FeedSubscription? {
        try await store.subscription(digest: token.digest)
    }

    /// Cancels the subscription of `token`; `false` when there was none.
    @discardableResult
    public func unsubscribe(_ token: SubscriptionToken) async throws -> Bool {
        try await store.remove(digest: token.digest)
    }
}

/// Lowercase hexadecimal.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// base64url without padding (RFC 4648 §5).
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
