import ChatProtocol
import Foundation
import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// `/v1/chat`: a WebSocket speaking exactly the ChatProtocol wire format (one
/// JSON envelope per text frame). Visitors are anonymous; an operator sends
/// `Authorization: Bearer <token>` on the upgrade request and may then say
/// `hello` only as the operator that token belongs to.
///
/// Frames are handed to the SDK's ``ChatService`` with `submit` (in order, without waiting for each to
/// be handled); nothing of their content is logged.
struct ChatRoutes {
    let chat: ChatService
    /// Operators connected here: they are given new conversations only while present.
    let presence: OperatorPresence
    /// Bearer token → operator id.
    let operatorTokens: [String: OperatorID]
    /// Largest accepted frame, in bytes.
    let maxFrameBytes: Int

    func register(on router: Router<ServerContext>) {
        let tokens = operatorTokens
        let chat = self.chat
        let presence = self.presence
        let maxFrameBytes = self.maxFrameBytes
        router.ws("/v1/chat") { request, _ in
            if request.headers[.authorization] != nil && Self.operatorID(request.headers[.authorization], tokens: tokens) == nil {
                return .dontUpgrade
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let authenticated = Self.operatorID(context.request.headers[.authorization], tokens: tokens)
            let connection = await chat.connect()
            /// The operator this connection made present (after their first accepted `hello`).
            var present: OperatorID?
            func close() async {
                // After the frames this connection submitted: its last message is stored before it goes.
                await chat.submitDisconnect(connection.id)
                await chat.flush()
                if let present { await presence.leave(present) }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await envelope in connection.events {
                        try await outbound.write(.text(String(decoding: try envelope.jsonData(), as: UTF8.self)))
                    }
                }
                defer { group.cancelAll() }
                do {
                    for try await message in inbound.messages(maxSize: maxFrameBytes) {
                        let data: Data
                        switch message {
                        case .text(let text): data = Data(text.utf8)
                        case .binary(let buffer): data = Data(buffer.readableBytesView)
                        }
                        guard let envelope = try? ChatEnvelope.decode(data) else {
                            await chat.submit(bytes: data, from: connection.id)  // answered with the precise error frame
                            continue
                        }
                        if case .hello(let hello) = envelope, hello.role == .operator, hello.operatorID == nil || hello.operatorID != authenticated {
                            let refusal = ChatEnvelope.error(ChatErrorFrame(
                                code: .forbidden, message: "operators connect with their bearer token and say hello with their own id"))
                            try await outbound.write(.text(String(decoding: try refusal.jsonData(), as: UTF8.self)))
                            continue
                        }
                        // Handed over without waiting for it to be handled: under load, the frames of many
                        // connections share one entry into the service (ChatService.submit).
                        await chat.submit(envelope, from: connection.id)
                        if case .hello(let hello) = envelope, hello.role == .operator, present == nil, let authenticated {
                            await chat.flush()  // the operator is connected before being counted present
                            present = authenticated
                            await presence.arrive(authenticated)
                        }
                    }
                } catch {
                    await close()
                    throw error
                }
                await close()
            }
        }
    }

    static func operatorID(_ header: String?, tokens: [String: OperatorID]) -> OperatorID? {
        guard let header, header.hasPrefix("Bearer ") else { return nil }
        return tokens[String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)]
    }
}
