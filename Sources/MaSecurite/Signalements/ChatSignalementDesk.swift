import ChatProtocol
import Foundation
import Signalements

/// Files the signalements chat operators make from conversations: ChatProtocol's
/// `ChatSignalementFiler` over a `SignalementDesk`, so the chat and the signalements meet here,
/// in the facade, and neither module depends on the other.
///
/// The signalement is of the kind `conversation-chat` (or another kind with the same three chat
/// fields): the operator's `fields` (place, when, recurrence, description, vehicles…) are checked
/// against it, and the chat fills the rest itself — `conversation` (the conversation's id),
/// `visitor_consent` (`yes` after the visitor's yes, `no` after their no, absent when they could
/// not answer or were not asked) and `excerpt`, **only after a yes**: the messages of the range as
/// `[21:04] Personne : …` / `[21:05] Agent 4512 : …` lines.
///
/// ```swift
/// let signalements = try ChatSignalementDesk(desk: SignalementDesk(catalog: try .bundled(),
///                                                                   competence: StationDirectoryCompetence(finder: stations),
///                                                                   store: store))
/// let chat = ChatService(signalements: signalements)
/// ```
///
/// Nothing is logged; a refusal names the field, never quotes the excerpt.
public struct ChatSignalementDesk: ChatSignalementFiler {
    /// Where signalements are checked, routed and filed.
    public let desk: SignalementDesk
    /// The kind filed (default ``defaultKind``).
    public let kind: String
    /// The time zone of the excerpt's times.
    public let timeZone: TimeZone

    /// The bundled kind for signalements written from a chat conversation.
    public static let defaultKind = "conversation-chat"
    /// The fields the chat fills itself, which an operator's draft may not give.
    public static let chatFields = ["conversation", "visitor_consent", "excerpt"]

    /// A filer over `desk`, filing signalements of kind `kind`.
    /// - Throws: `SignalementError.unknownKind` when the catalog has no such kind, or
    ///   `SignalementError.invalidCatalog` when the kind lacks one of ``chatFields``
    ///   (`visitor_consent` must be a choice of `yes` and `no`).
    public init(desk: SignalementDesk, kind: String = ChatSignalementDesk.defaultKind,
                timeZone: TimeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt) throws(SignalementError) {
        let spec = try desk.catalog.kind(kind)
        for name in Self.chatFields where spec.field(name) == nil {
            throw .invalidCatalog(path: "kinds (\(kind))", reason: "a kind for the chat needs the fields \(Self.chatFields.joined(separator: ", ")); \(name) is missing")
        }
        guard let consent = spec.field("visitor_consent"), consent.type == .choice, Set(consent.choices ?? []).isSuperset(of: ["yes", "no"]) else {
            throw .invalidCatalog(path: "kinds (\(kind)).visitor_consent", reason: "must be a choice of yes and no")
        }
        self.desk = desk
        self.kind = kind
        self.timeZone = timeZone
    }

    /// The fields filed: the operator's, the conversation, and the visitor's answer and the
    /// excerpt as `consent` allows.
    func fields(for draft: ChatSignalementDraft, excerpt: ConversationExcerpt?, consent: ConsentOutcome) -> [String: String] {
        var fields = draft.fields
        fields["conversation"] = draft.conversation.rawValue
        switch consent {
        case .granted:
            fields["visitor_consent"] = "yes"
            if let excerpt { fields["excerpt"] = excerpt.plainText(timeZone: timeZone) }
        case .refused:
            fields["visitor_consent"] = "no"
        case .timeout, .visitorGone, .conversationEnded, .notRequested:
            break
        }
        return fields
    }

    public func check(_ draft: ChatSignalementDraft, excerpt: ConversationExcerpt?) async throws(ChatSignalementRefusal) {
        for name in draft.fields.keys.sorted() where Self.chatFields.contains(name) {
            throw .invalid(field: "fields.\(name)", reason: "fields.\(name) is filled by the chat itself (the excerpt only with the visitor's agreement)")
        }
        let insee = try Self.commune(draft)
        // Checked as if the visitor agreed: an excerpt too long for the kind is refused before they are asked.
        do {
            _ = try desk.catalog.validate(kind: kind, fields: fields(for: draft, excerpt: excerpt, consent: excerpt == nil ? .notRequested : .granted))
        } catch {
            throw .invalid(field: error.path, reason: error.description)
        }
        do {
            _ = try desk.competence.competence(for: insee)
        } catch {
            throw .invalid(field: "insee", reason: error.description)
        }
    }

    public func consentPurpose(for draft: ChatSignalementDraft) -> LocalizedText {
        LocalizedText("L'agent souhaite joindre une partie de cette conversation (vos messages et les siens) au signalement qu'il transmet "
                      + "au service de police ou de gendarmerie compétent. Elle n'est jointe que si vous acceptez ; sinon, le signalement part sans elle.",
                      en: "The officer would like to attach part of this conversation (your messages and theirs) to the report they are sending "
                      + "to the competent police or gendarmerie unit. It is attached only if you agree; otherwise the report is sent without it.")
    }

    public func file(_ draft: ChatSignalementDraft, excerpt: ConversationExcerpt?, consent: ConsentOutcome) async throws(ChatSignalementRefusal)
        -> ChatSignalementReceipt {
        let insee = try Self.commune(draft)
        let signalement: Signalement
        do {
            signalement = try await desk.file(kind: kind, commune: insee, fields: fields(for: draft, excerpt: consent.attachesExcerpt ? excerpt : nil,
                                                                                          consent: consent))
        } catch let error as SignalementError {
            throw .invalid(field: error.path, reason: error.description)
        } catch let error as CompetenceError {
            throw .invalid(field: "insee", reason: error.description)
        } catch {
            throw .unavailable("the signalement could not be stored: \(error)")
        }
        return ChatSignalementReceipt(reference: signalement.reference.formatted, unit: signalement.competence.unit.name,
                                      approximate: signalement.competence.approximate)
    }

    private static func commune(_ draft: ChatSignalementDraft) throws(ChatSignalementRefusal) -> INSEECode {
        do { return try INSEECode(draft.insee) } catch { throw .invalid(field: "insee", reason: error.description) }
    }
}
