import Foundation
import Hummingbird

/// The chat's live figures (see ``ChatFigures``): `GET /metrics` in the Prometheus text format
/// for monitoring, `GET /v1/chat/figures` as JSON for the demo page and dashboards. Neither holds
/// message content, a visitor token or a conversation id.
struct FiguresRoutes {
    let services: ServerServices

    func register(on router: Router<ServerContext>) {
        let services = self.services
        router.get("metrics") { _, _ -> Response in
            let text = await services.figures.prometheusText(chat: services.chat, presence: services.presence, now: services.clock.now())
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    func register(on v1: RouterGroup<ServerContext>) {
        let services = self.services
        v1.get("chat/figures") { _, _ -> Response in
            let report = await services.figures.report(chat: services.chat, presence: services.presence, now: services.clock.now())
            return try JSONCoding.response(report, headers: [.cacheControl: "no-store"])
        }
    }
}
