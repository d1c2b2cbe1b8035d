import Foundation

/// One frame of the chat wire protocol: a versioned JSON object `{"v":1,"type":"…",…}`.
///
/// The same `type` may travel both ways: a client sends `visitor_message` without `seq`,
/// the server stores it and sends it back to everyone with its `seq` (and an `ack` to the sender).
/// Decoding rejects an unknown `v` or `type` with a ``ChatErrorFrame`` naming the problem.
public enum ChatEnvelope: Sendable, Hashable {
    /// Client → server: opens or resumes a session.
    case hello(Hello)
    /// Server → client: the session is open.
    case welcome(Welcome)
    /// Client → server: a new message (visitor or operator).
    case send(SendMessage)
    /// Both ways: typing notice (never stored).
    case typing(Typing)
    /// Client → server: delivered/read marker.
    case marker(Marker)
    /// Client → server: an action on the conversation.
    case action(ConversationAction)
    /// Server → client: the sender's message was stored.
    case ack(Ack)
    /// Server → client: a stored conversation event with its sequence number.
    case event(SequencedEvent)
    /// Server → client: something went wrong; the connection stays open.
    case error(ChatErrorFrame)
    /// Server → supervisor: an emergency was raised (metadata only, never message contents).
    case supervisorAlert(SupervisorAlert)
    /// Operator → server: turn the conversation (or a range of it) into a signalement.
    case signalement(ChatSignalementRequest)
    /// Visitor → server: the answer to a consent request (`consent_requested`).
    case consent(ConsentReply)

    /// The protocol version this build speaks.
    ///
    /// Frames are only ever added within a version, never changed: a peer that does not know a
    /// newer type answers (or is answered) `unknown_type`, and everything it knows works as before.
    /// The types added since the first release of version 1 are in ``addedTypes``.
    public static let currentVersion = 1

    /// The types added to version 1 after its first release, each with what an older peer does
    /// when it meets it. An older visitor's client cannot decode `consent_requested`: it never
    /// answers, and the signalement is filed without the excerpt when the request times out.
    public static let addedTypes: [String: String] = [
        "signalement": "an older server answers unknown_type: the operator's console files the signalement another way",
        "consent_requested": "an older visitor's client does not answer: the request times out and nothing is attached",
        "consent": "an older server answers unknown_type",
        "signalement_filed": "an older client ignores it",
    ]

    /// Every wire `type` of the protocol.
    public static let allTypes: [String] = [
        "hello", "welcome", "visitor_message", "operator_message", "typing", "delivered", "read",
        "emergency", "leave", "hold", "resume", "close", "transfer", "convert", "ack",
        "queued", "assigned", "transferred", "on_hold", "resumed", "converted", "emergency_raised", "closed", "error",
        "unstaffed", "supervisor_alert", "signalement", "consent_requested", "consent", "signalement_filed",
    ]

    /// The wire `type` of this frame.
    public var typeName: String {
        switch self {
        case .hello: "hello"
        case .welcome: "welcome"
        case .send(let message): message.role == .visitor ? "visitor_message" : "operator_message"
        case .typing: "typing"
        case .marker(let marker): marker.kind.rawValue
        case .action(let action):
            switch action {
            case .emergency: "emergency"
            case .leave: "leave"
            case .hold: "hold"
            case .resume: "resume"
            case .close: "close"
            case .transfer: "transfer"
            case .convert: "convert"
            }
        case .ack: "ack"
        case .event(let event): event.event.typeName
        case .error: "error"
        case .supervisorAlert: "supervisor_alert"
        case .signalement: "signalement"
        case .consent: "consent"
        }
    }
}

// MARK: - JSON

extension ChatEnvelope {
    /// Encodes the frame as compact JSON (sorted keys).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Decodes one frame, turning every failure into an ``ChatErrorFrame`` with a clear code:
    /// `invalid_utf8`, `malformed`, `unsupported_version` or `unknown_type`.
    public static func decode(_ data: Data) throws(ChatErrorFrame) -> ChatEnvelope {
        guard String(validating: data, as: UTF8.self) != nil else {
            throw ChatErrorFrame(code: .invalidUTF8, message: "the frame is not valid UTF-8")
        }
        do {
            return try JSONDecoder().decode(ChatEnvelope.self, from: data)
        } catch let error as ChatErrorFrame {
            throw error
        } catch let DecodingError.keyNotFound(key, _) {
            throw ChatErrorFrame(code: .malformed, message: "missing field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ChatErrorFrame(code: .malformed, message: "wrong type for field '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ChatErrorFrame(code: .malformed, message: "null value for field '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ChatErrorFrame(code: .malformed, message: field.isEmpty ? "the frame is not a JSON object" : "invalid value for field '\(field)'")
        } catch {
            throw ChatErrorFrame(code: .malformed, message: "the frame could not be read")
        }
    }
}

enum EnvelopeKey: String, CodingKey {
    case v, type, role, token, `operator`, conversation, lastSeq = "last_seq", platform, language
    case clientTxnID = "client_txn_id", text, translation, seq, at, active, by, upTo = "up_to"
    case position, estimatedWait = "estimated_wait_s", pseudonym, operatorRole = "operator_role"
    case toPseudonym = "to_pseudonym", toRole = "to_role", toOperator = "to_operator", note, kind, source, reason
    case code, message, duplicate, help, field
    case insee, fields, fromSeq = "from_seq", toSeq = "to_seq", excerpt, request, answer, purpose, expiresAt = "expires_at"
    case consent, reference, unit, approximate
}

private let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

extension ChatEnvelope: Codable {
    /// Decodes a frame; see ``decode(_:)`` for the error codes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: EnvelopeKey.self)
        guard let version = try? c.decode(Int.self, forKey: .v) else {
            throw ChatErrorFrame(code: .unsupportedVersion, message: "missing or non-numeric 'v' (this server speaks version \(Self.currentVersion))")
        }
        guard version == Self.currentVersion else {
            throw ChatErrorFrame(code: .unsupportedVersion, message: "version \(version) is not supported (this server speaks version \(Self.currentVersion))")
        }
        let type = try c.decode(String.self, forKey: .type)
        let sequence = try c.decodeIfPresent(UInt64.self, forKey: .seq)
        func conversation() throws -> ConversationID { try c.decode(ConversationID.self, forKey: .conversation) }
        func sequenced(_ event: ConversationEvent) throws -> ChatEnvelope {
            guard let sequence else { throw DecodingError.keyNotFound(EnvelopeKey.seq, .init(codingPath: [], debugDescription: "seq")) }
            let raw = try c.decode(String.self, forKey: .at)
            guard let at = try? timestampStyle.parse(raw) else {
                throw DecodingError.dataCorruptedError(forKey: .at, in: c, debugDescription: "not an ISO 8601 date")
            }
            return .event(SequencedEvent(conversation: try conversation(), sequence: sequence, at: at, event: event))
        }
        switch type {
        case "hello":
            self = .hello(Hello(role: try c.decode(ParticipantRole.self, forKey: .role),
                                token: try c.decodeIfPresent(VisitorToken.self, forKey: .token),
                                operatorID: try c.decodeIfPresent(OperatorID.self, forKey: .operator),
                                conversation: try c.decodeIfPresent(ConversationID.self, forKey: .conversation),
                                lastSequence: try c.decodeIfPresent(UInt64.self, forKey: .lastSeq),
                                platform: try c.decodeIfPresent(Platform.self, forKey: .platform),
                                language: try c.decodeIfPresent(String.self, forKey: .language)))
        case "welcome":
            self = .welcome(Welcome(role: try c.decode(ParticipantRole.self, forKey: .role),
                                    token: try c.decodeIfPresent(VisitorToken.self, forKey: .token),
                                    conversation: try c.decodeIfPresent(ConversationID.self, forKey: .conversation),
                                    lastSequence: try c.decode(UInt64.self, forKey: .lastSeq)))
        case "visitor_message", "operator_message":
            let id = try c.decode(String.self, forKey: .clientTxnID)
            let text = try c.decode(String.self, forKey: .text)
            if sequence == nil {
                self = .send(SendMessage(role: type == "visitor_message" ? .visitor : .operator,
                                         conversation: try conversation(), clientTransactionID: id, text: text))
            } else {
                let translation = try c.decodeIfPresent(Translation.self, forKey: .translation)
                if type == "visitor_message" {
                    self = try sequenced(.visitorMessage(clientTransactionID: id, text: text, translation: translation))
                } else {
                    self = try sequenced(.operatorMessage(clientTransactionID: id, pseudonym: try c.decode(String.self, forKey: .pseudonym),
                                                          text: text, translation: translation))
                }
            }
        case "typing":
            self = .typing(Typing(conversation: try conversation(), by: try c.decodeIfPresent(ParticipantRole.self, forKey: .by),
                                  active: try c.decode(Bool.self, forKey: .active)))
        case "delivered", "read":
            let upTo = try c.decode(UInt64.self, forKey: .upTo)
            if sequence == nil {
                self = .marker(Marker(kind: type == "read" ? .read : .delivered, conversation: try conversation(), upTo: upTo))
            } else {
                let by = try c.decode(ParticipantRole.self, forKey: .by)
                self = try sequenced(type == "read" ? .read(by: by, upTo: upTo) : .delivered(by: by, upTo: upTo))
            }
        case "emergency": self = .action(.emergency(try conversation()))
        case "leave": self = .action(.leave(try conversation()))
        case "hold": self = .action(.hold(try conversation()))
        case "resume": self = .action(.resume(try conversation()))
        case "close": self = .action(.close(try conversation()))
        case "convert": self = .action(.convert(try conversation(), try c.decode(ConversationKind.self, forKey: .kind)))
        case "transfer":
            let target: TransferTarget
            if let id = try c.decodeIfPresent(OperatorID.self, forKey: .toOperator) {
                target = .operator(id)
            } else if let role = try c.decodeIfPresent(OperatorRole.self, forKey: .toRole) {
                target = .role(role, try c.decodeIfPresent(Platform.self, forKey: .platform) ?? .pnav)
            } else {
                target = .platform(try c.decode(Platform.self, forKey: .platform))
            }
            self = .action(.transfer(try conversation(), target, note: try c.decodeIfPresent(String.self, forKey: .note)))
        case "ack":
            self = .ack(Ack(conversation: try conversation(), clientTransactionID: try c.decode(String.self, forKey: .clientTxnID),
                            sequence: try c.decode(UInt64.self, forKey: .seq), duplicate: try c.decodeIfPresent(Bool.self, forKey: .duplicate) ?? false))
        case "queued":
            self = try sequenced(.queued(platform: try c.decode(Platform.self, forKey: .platform), position: try c.decode(Int.self, forKey: .position),
                                         estimatedWaitSeconds: try c.decode(Int.self, forKey: .estimatedWait)))
        case "assigned":
            self = try sequenced(.assigned(pseudonym: try c.decode(String.self, forKey: .pseudonym),
                                           role: try c.decodeIfPresent(OperatorRole.self, forKey: .operatorRole) ?? .officer))
        case "transferred":
            self = try sequenced(.transferred(platform: try c.decode(Platform.self, forKey: .platform),
                                              toPseudonym: try c.decodeIfPresent(String.self, forKey: .toPseudonym),
                                              toRole: try c.decodeIfPresent(OperatorRole.self, forKey: .toRole),
                                              note: try c.decodeIfPresent(String.self, forKey: .note)))
        case "on_hold": self = try sequenced(.onHold)
        case "resumed": self = try sequenced(.resumed)
        case "converted": self = try sequenced(.converted(kind: try c.decode(ConversationKind.self, forKey: .kind)))
        case "emergency_raised": self = try sequenced(.emergencyRaised(source: try c.decode(EmergencySource.self, forKey: .source)))
        case "closed": self = try sequenced(.closed(reason: try c.decode(CloseReason.self, forKey: .reason)))
        case "unstaffed":
            self = try sequenced(.unstaffed(platform: try c.decode(Platform.self, forKey: .platform),
                                            helpLines: try c.decode([HelpLine].self, forKey: .help)))
        case "supervisor_alert":
            let raw = try c.decode(String.self, forKey: .at)
            guard let at = try? timestampStyle.parse(raw) else {
                throw DecodingError.dataCorruptedError(forKey: .at, in: c, debugDescription: "not an ISO 8601 date")
            }
            self = .supervisorAlert(SupervisorAlert(conversation: try conversation(), platform: try c.decode(Platform.self, forKey: .platform),
                                                    source: try c.decode(EmergencySource.self, forKey: .source), at: at))
        case "error":
            self = .error(ChatErrorFrame(code: try c.decode(ChatErrorCode.self, forKey: .code), message: try c.decode(String.self, forKey: .message),
                                         conversation: try c.decodeIfPresent(ConversationID.self, forKey: .conversation),
                                         clientTransactionID: try c.decodeIfPresent(String.self, forKey: .clientTxnID),
                                         field: try c.decodeIfPresent(String.self, forKey: .field)))
        case "signalement":
            self = .signalement(ChatSignalementRequest(conversation: try conversation(), clientTransactionID: try c.decode(String.self, forKey: .clientTxnID),
                                                       insee: try c.decode(String.self, forKey: .insee),
                                                       fields: try c.decodeIfPresent([String: String].self, forKey: .fields) ?? [:],
                                                       fromSequence: try c.decodeIfPresent(UInt64.self, forKey: .fromSeq),
                                                       toSequence: try c.decodeIfPresent(UInt64.self, forKey: .toSeq),
                                                       excerpt: try c.decodeIfPresent(Bool.self, forKey: .excerpt) ?? true))
        case "consent":
            let request = try c.decode(String.self, forKey: .request)
            let answer = try c.decode(ConsentAnswer.self, forKey: .answer)
            if sequence == nil {
                self = .consent(ConsentReply(conversation: try conversation(), request: request, answer: answer))
            } else {
                self = try sequenced(.consentAnswered(request: request, answer: answer))
            }
        case "consent_requested":
            let raw = try c.decode(String.self, forKey: .expiresAt)
            guard let expires = try? timestampStyle.parse(raw) else {
                throw DecodingError.dataCorruptedError(forKey: .expiresAt, in: c, debugDescription: "not an ISO 8601 date")
            }
            self = try sequenced(.consentRequested(request: try c.decode(String.self, forKey: .request), purpose: try c.decode(String.self, forKey: .purpose),
                                                   language: try c.decode(String.self, forKey: .language),
                                                   fromSequence: try c.decode(UInt64.self, forKey: .fromSeq),
                                                   toSequence: try c.decode(UInt64.self, forKey: .toSeq), expiresAt: expires))
        case "signalement_filed":
            var receipt: ChatSignalementReceipt?
            if let reference = try c.decodeIfPresent(String.self, forKey: .reference) {
                receipt = ChatSignalementReceipt(reference: reference, unit: try c.decode(String.self, forKey: .unit),
                                                 approximate: try c.decode(Bool.self, forKey: .approximate))
            }
            self = try sequenced(.signalementFiled(request: try c.decode(String.self, forKey: .request),
                                                   consent: try c.decode(ConsentOutcome.self, forKey: .consent), receipt: receipt))
        default:
            throw ChatErrorFrame(code: .unknownType, message: "unknown type '\(type)'; known types: \(Self.allTypes.joined(separator: ", "))")
        }
    }

    /// Encodes the frame as a flat JSON object with `v` and `type`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EnvelopeKey.self)
        try c.encode(Self.currentVersion, forKey: .v)
        try c.encode(typeName, forKey: .type)
        switch self {
        case .hello(let hello):
            try c.encode(hello.role, forKey: .role)
            try c.encodeIfPresent(hello.token, forKey: .token)
            try c.encodeIfPresent(hello.operatorID, forKey: .operator)
            try c.encodeIfPresent(hello.conversation, forKey: .conversation)
            try c.encodeIfPresent(hello.lastSequence, forKey: .lastSeq)
            try c.encodeIfPresent(hello.platform, forKey: .platform)
            try c.encodeIfPresent(hello.language, forKey: .language)
        case .welcome(let welcome):
            try c.encode(welcome.role, forKey: .role)
            try c.encodeIfPresent(welcome.token, forKey: .token)
            try c.encodeIfPresent(welcome.conversation, forKey: .conversation)
            try c.encode(welcome.lastSequence, forKey: .lastSeq)
        case .send(let message):
            try c.encode(message.conversation, forKey: .conversation)
            try c.encode(message.clientTransactionID, forKey: .clientTxnID)
            try c.encode(message.text, forKey: .text)
        case .typing(let typing):
            try c.encode(typing.conversation, forKey: .conversation)
            try c.encodeIfPresent(typing.by, forKey: .by)
            try c.encode(typing.active, forKey: .active)
        case .marker(let marker):
            try c.encode(marker.conversation, forKey: .conversation)
            try c.encode(marker.upTo, forKey: .upTo)
        case .action(let action):
            try c.encode(action.conversation, forKey: .conversation)
            switch action {
            case .transfer(_, let target, let note):
                switch target {
                case .platform(let platform): try c.encode(platform, forKey: .platform)
                case .operator(let id): try c.encode(id, forKey: .toOperator)
                case .role(let role, let platform):
                    try c.encode(role, forKey: .toRole)
                    try c.encode(platform, forKey: .platform)
                }
                try c.encodeIfPresent(note, forKey: .note)
            case .convert(_, let kind): try c.encode(kind, forKey: .kind)
            default: break
            }
        case .ack(let ack):
            try c.encode(ack.conversation, forKey: .conversation)
            try c.encode(ack.clientTransactionID, forKey: .clientTxnID)
            try c.encode(ack.sequence, forKey: .seq)
            try c.encode(ack.duplicate, forKey: .duplicate)
        case .event(let stored):
            try c.encode(stored.conversation, forKey: .conversation)
            try c.encode(stored.sequence, forKey: .seq)
            try c.encode(timestampStyle.format(stored.at), forKey: .at)
            switch stored.event {
            case .visitorMessage(let id, let text, let translation):
                try c.encode(id, forKey: .clientTxnID)
                try c.encode(text, forKey: .text)
                try c.encodeIfPresent(translation, forKey: .translation)
            case .operatorMessage(let id, let pseudonym, let text, let translation):
                try c.encode(id, forKey: .clientTxnID)
                try c.encode(pseudonym, forKey: .pseudonym)
                try c.encode(text, forKey: .text)
                try c.encodeIfPresent(translation, forKey: .translation)
            case .delivered(let by, let upTo), .read(let by, let upTo):
                try c.encode(by, forKey: .by)
                try c.encode(upTo, forKey: .upTo)
            case .queued(let platform, let position, let wait):
                try c.encode(platform, forKey: .platform)
                try c.encode(position, forKey: .position)
                try c.encode(wait, forKey: .estimatedWait)
            case .assigned(let pseudonym, let role):
                try c.encode(pseudonym, forKey: .pseudonym)
                try c.encode(role, forKey: .operatorRole)
            case .transferred(let platform, let pseudonym, let role, let note):
                try c.encode(platform, forKey: .platform)
                try c.encodeIfPresent(pseudonym, forKey: .toPseudonym)
                try c.encodeIfPresent(role, forKey: .toRole)
                try c.encodeIfPresent(note, forKey: .note)
            case .onHold, .resumed: break
            case .converted(let kind): try c.encode(kind, forKey: .kind)
            case .emergencyRaised(let source): try c.encode(source, forKey: .source)
            case .closed(let reason): try c.encode(reason, forKey: .reason)
            case .unstaffed(let platform, let helpLines):
                try c.encode(platform, forKey: .platform)
                try c.encode(helpLines, forKey: .help)
            case .consentRequested(let request, let purpose, let language, let from, let to, let expires):
                try c.encode(request, forKey: .request)
                try c.encode(purpose, forKey: .purpose)
                try c.encode(language, forKey: .language)
                try c.encode(from, forKey: .fromSeq)
                try c.encode(to, forKey: .toSeq)
                try c.encode(timestampStyle.format(expires), forKey: .expiresAt)
            case .consentAnswered(let request, let answer):
                try c.encode(request, forKey: .request)
                try c.encode(answer, forKey: .answer)
            case .signalementFiled(let request, let consent, let receipt):
                try c.encode(request, forKey: .request)
                try c.encode(consent, forKey: .consent)
                if let receipt {
                    try c.encode(receipt.reference, forKey: .reference)
                    try c.encode(receipt.unit, forKey: .unit)
                    try c.encode(receipt.approximate, forKey: .approximate)
                }
            }
        case .error(let error):
            try c.encode(error.code, forKey: .code)
            try c.encode(error.message, forKey: .message)
            try c.encodeIfPresent(error.conversation, forKey: .conversation)
            try c.encodeIfPresent(error.clientTransactionID, forKey: .clientTxnID)
            try c.encodeIfPresent(error.field, forKey: .field)
        case .supervisorAlert(let alert):
            try c.encode(alert.conversation, forKey: .conversation)
            try c.encode(alert.platform, forKey: .platform)
            try c.encode(alert.source, forKey: .source)
            try c.encode(timestampStyle.format(alert.at), forKey: .at)
        case .signalement(let request):
            try c.encode(request.conversation, forKey: .conversation)
            try c.encode(request.clientTransactionID, forKey: .clientTxnID)
            try c.encode(request.insee, forKey: .insee)
            try c.encode(request.fields, forKey: .fields)
            try c.encodeIfPresent(request.fromSequence, forKey: .fromSeq)
            try c.encodeIfPresent(request.toSequence, forKey: .toSeq)
            try c.encode(request.excerpt, forKey: .excerpt)
        case .consent(let reply):
            try c.encode(reply.conversation, forKey: .conversation)
            try c.encode(reply.request, forKey: .request)
            try c.encode(reply.answer, forKey: .answer)
        }
    }
}
