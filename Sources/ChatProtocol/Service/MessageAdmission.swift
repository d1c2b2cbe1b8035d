import Foundation

/// Checks a message before it is stored: its client transaction id, the visitor's rate limit
/// (a token bucket per conversation) and the text limits. One job: saying yes or a typed no.
struct MessageAdmission: Sendable {
    let limits: MessageLimits
    let burst: Double
    let perSecond: Double

    /// A full bucket for a new conversation.
    func makeBucket(now: Date) -> TokenBucket {
        TokenBucket(capacity: burst, refillPerSecond: perSecond, now: now)
    }

    /// Checks the client transaction id (1 to 128 bytes).
    ///
    /// - Throws: ``ChatErrorFrame`` with `malformed`.
    func checkTransactionID(of message: SendMessage) throws(ChatErrorFrame) {
        guard !message.clientTransactionID.isEmpty, message.clientTransactionID.utf8.count <= 128 else {
            throw ChatErrorFrame(code: .malformed, message: "client_txn_id must have 1 to 128 bytes", conversation: message.conversation)
        }
    }

    /// Takes a token for a visitor's message and cleans the text; returns the text to store.
    ///
    /// - Throws: ``ChatErrorFrame`` with `rate_limited`, `empty_message` or `message_too_long`.
    /// `counted`: a shared ``VisitorRateLimiter`` took the token already (the local bucket is left alone).
    func admit(_ message: SendMessage, role: ParticipantRole, in conversation: ConversationChannel,
               now: Date, counted: Bool = false) throws(ChatErrorFrame) -> String {
        let id = message.conversation
        if role == .visitor, !counted, !conversation.bucket.take(now: now) {
            throw rateLimited(message, retry: conversation.bucket.secondsUntilNextToken(now: now))
        }
        do {
            return try limits.sanitize(message.text)
        } catch {
            var error = error
            error.conversation = id
            error.clientTransactionID = message.clientTransactionID
            throw error
        }
    }

    /// The `rate_limited` error for a message, saying when to retry.
    func rateLimited(_ message: SendMessage, retry: TimeInterval) -> ChatErrorFrame {
        ChatErrorFrame(code: .rateLimited, message: "too many messages; retry in \(Int(retry.rounded(.up))) s with the same client_txn_id",
                       conversation: message.conversation, clientTransactionID: message.clientTransactionID)
    }
}
