import Foundation
import MaSecuriteCore

/// What the citizen gets back after « Je donne mon avis ».
public struct FeedbackReceipt: Hashable, Sendable {
    /// The reference to read the answer later; `nil` for a vote without comment.
    public let reference: FeedbackReference?
    /// When the answer is due (with a comment).
    public let due: Date?
    /// Whether personal data was masked in the comment before storage.
    public let masked: Bool
}

/// What the citizen reads with their reference: where the case stands and the answer.
public struct FeedbackAnswerView: Hashable, Sendable {
    /// The reference.
    public let reference: FeedbackReference
    /// The fiche or leaf.
    public let about: ContentReference
    /// Received, answered or closed.
    public let status: FeedbackStatus
    /// When it was received.
    public let received: Date
    /// When the answer is due.
    public let due: Date
    /// The answer, once given.
    public let answer: String?
    /// When it was answered.
    public let answered: Date?
}

/// « Je donne mon avis »: on every fiche and leaf, "was this useful?" and an
/// optional comment. The vote is recorded as a usage event (``UsageOutcome/useful``
/// or ``UsageOutcome/notUseful``); a comment becomes a ``FeedbackCase``,
/// masked by ``PersonalDataMasker`` before it reaches the store, to be
/// answered within four days.
public struct FeedbackDesk: Sendable {
    /// The longest comment accepted, in characters (before masking).
    public static let commentLimit = 2_000
    /// The longest answer accepted.
    public static let answerLimit = 4_000

    /// Where cases live.
    public let cases: any FeedbackStore
    /// Where votes are counted; `nil` to not count them.
    public let usage: (any UsageEventStore)?
    /// The content that exists; `nil` accepts any well-formed id.
    public let known: KnownContent?
    /// "Now".
    public let clock: any WallClock
    /// The channel votes are recorded from.
    public let channel: UsageChannel

    /// A desk over `cases` (and `usage` for the votes).
    public init(cases: any FeedbackStore, usage: (any UsageEventStore)? = nil, known: KnownContent? = nil,
                clock: any WallClock = SystemWallClock(), channel: UsageChannel = .server) {
        self.cases = cases
        self.usage = usage
        self.known = known
        self.clock = clock
        self.channel = channel
    }

    /// Records an avis about `about`: the vote, and the comment as a case when there is one.
    /// - Throws: ``LocalInformationError`` (`unknown-reference` at `about`,
    ///   `too-long` at `comment`) before anything is stored; a store error.
    public func give(about: ContentReference, useful: Bool, comment: String? = nil) async throws -> FeedbackReceipt {
        try known?.check(about)
        let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard trimmed.count <= Self.commentLimit else {
            throw LocalInformationError.tooLong(path: "comment", length: trimmed.count, limit: Self.commentLimit)
        }
        let now = clock.now()
        try await usage?.record([UsageEvent(about: about, outcome: useful ? .useful : .notUseful, at: now, channel: channel)])
        guard !trimmed.isEmpty else { return FeedbackReceipt(reference: nil, due: nil, masked: false) }
        let masked = PersonalDataMasker.mask(trimmed)
        let feedbackCase = FeedbackCase(reference: .random(), about: about, useful: useful, comment: masked.text, received: now)
        try await cases.add(feedbackCase)
        return FeedbackReceipt(reference: feedbackCase.reference, due: feedbackCase.due, masked: masked.masked)
    }

    /// The team answers a case (the answer is masked the same way).
    /// - Throws: `missing`/`too-long` at `answer`; `notFound`, `invalidTransition` from the store.
    public func answer(_ reference: FeedbackReference, text: String) async throws -> FeedbackCase {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw LocalInformationError.missing(path: "answer") }
        guard trimmed.count <= Self.answerLimit else {
            throw LocalInformationError.tooLong(path: "answer", length: trimmed.count, limit: Self.answerLimit)
        }
        return try await cases.answer(reference, text: PersonalDataMasker.mask(trimmed).text, at: clock.now())
    }

    /// What the citizen reads with `reference`; `nil` when unknown.
    public func read(_ reference: FeedbackReference) async throws -> FeedbackAnswerView? {
        guard let found = try await cases.feedbackCase(reference) else { return nil }
        return FeedbackAnswerView(reference: found.reference, about: found.about, status: found.status, received: found.received,
                                  due: found.due, answer: found.answer, answered: found.answered)
    }

    /// The cases past their due date, for the team.
    public func overdue() async throws -> [FeedbackCase] { try await cases.overdue(now: clock.now()) }
}
