import Foundation

/// What the store keeps about a conversation besides its events, so that any instance sharing
/// the store can resume it: the minimum, and never the visitor's token itself.
public struct ConversationRecord: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// The digest of the visitor's token (checked on `hello`; the token is never stored).
    public var visitorDigest: VisitorTokenDigest
    /// The platform the visitor chose.
    public var platform: Platform
    /// The visitor's primary language (BCP 47, e.g. `fr`), for translation.
    public var language: String
    /// When the conversation was opened; a conversation without any event expires from this date.
    public var openedAt: Date

    /// Creates a record.
    public init(conversation: ConversationID, visitorDigest: VisitorTokenDigest, platform: Platform, language: String, openedAt: Date) {
        self.conversation = conversation
        self.visitorDigest = visitorDigest
        self.platform = platform
        self.language = language
        self.openedAt = openedAt
    }
}

/// A ``ConversationStore`` shared by several ``ChatService`` instances (processes behind a load
/// balancer): it also keeps each conversation's ``ConversationRecord``, so a visitor whose
/// conversation was opened on one instance can resume it on another.
///
/// Contract (checked by `ChatProtocolTestSupport.ConversationStoreConformance.recordChecks`):
/// - ``register(_:)`` stores a record once; a second registration of the same conversation throws
///   ``ConversationStoreError/alreadyRegistered(_:)`` and changes nothing;
/// - ``record(of:)`` returns the registered record, identical, or `nil`;
/// - registering does not change the conversation's sequence numbers (the first event is still 1);
/// - ``ConversationStore/purge(lastActivityBefore:)`` also deletes the records it purges; a
///   conversation without events is as old as its ``ConversationRecord/openedAt``.
public protocol ConversationRecordStore: ConversationStore {
    /// Stores the record of a new conversation.
    nonisolated(nonsending) func register(_ record: ConversationRecord) async throws(ConversationStoreError)

    /// The record of `conversation`, if it was registered (and not purged).
    nonisolated(nonsending) func record(of conversation: ConversationID) async throws(ConversationStoreError) -> ConversationRecord?
}
