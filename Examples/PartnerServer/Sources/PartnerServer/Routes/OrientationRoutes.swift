import Foundation
import Hummingbird
import OrienteurKit

/// `/v1/orientation`: the decision tree, walked with an opaque state token
/// (the server keeps nothing between requests), and `ask` in the citizen's own words.
struct OrientationRoutes {
    let services: ServerServices

    func register(on router: RouterGroup<ServerContext>) {
        router.get("orientation", use: show)
        router.post("orientation/step", use: step)
        router.post("orientation/ask", use: ask)
    }

    // MARK: Bodies

    /// `POST /v1/orientation/step`.
    struct StepBody: Decodable {
        enum Action: String, Decodable { case start, choose, back, restart }
        let token: String?
        let action: Action
        let journey: String?
        let choice: Int?
        let lang: Language?

        private enum CodingKeys: String, CodingKey, CaseIterable { case token, action, journey, choice, lang }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            token = try c.decodeIfPresent(String.self, forKey: .token)
            action = try c.decode(Action.self, forKey: .action)
            journey = try c.decodeIfPresent(String.self, forKey: .journey)
            choice = try c.decodeIfPresent(Int.self, forKey: .choice)
            lang = try c.decodeIfPresent(Language.self, forKey: .lang)
        }
    }

    /// `POST /v1/orientation/ask`.
    struct AskBody: Decodable {
        let text: String
        let lang: Language?
        let limit: Int?

        private enum CodingKeys: String, CodingKey, CaseIterable { case text, lang, limit }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            lang = try c.decodeIfPresent(Language.self, forKey: .lang)
            limit = try c.decodeIfPresent(Int.self, forKey: .limit)
        }
    }

    // MARK: Responses

    struct JourneyJSON: Encodable {
        let id: String
        let title: String
        let description: String
    }

    struct ChoiceJSON: Encodable {
        let index: Int
        let label: String
    }

    struct QuestionJSON: Encodable {
        let id: String
        let text: String
        let help: String?
        let choices: [ChoiceJSON]
    }

    struct LeafJSON: Encodable {
        let id: String
        let title: String
        let summary: String
        let body: String?
        let actions: [String]
        let documents: [String]
        let emergency: Bool
    }

    struct CrumbJSON: Encodable {
        let id: String
        let title: String
        let choice: String?
    }

    struct StateJSON: Encodable {
        let token: String
        let position: String
        let journeys: [JourneyJSON]?
        let question: QuestionJSON?
        let leaf: LeafJSON?
        let breadcrumb: [CrumbJSON]
    }

    func state(_ session: OrientationSession, language: Language) -> StateJSON {
        let crumbs = session.breadcrumb.map {
            CrumbJSON(id: $0.id, title: $0.title.text(in: language), choice: $0.choice?.text(in: language))
        }
        switch session.position {
        case .choosingJourney:
            let journeys = session.content.journeys.map {
                JourneyJSON(id: $0.id, title: $0.title.text(in: language), description: $0.description.text(in: language))
            }
            return StateJSON(token: session.token, position: "journey-choice", journeys: journeys, question: nil, leaf: nil, breadcrumb: crumbs)
        case .question(let node):
            let question = QuestionJSON(
                id: node.id, text: node.question.text(in: language), help: node.help?.text(in: language),
                choices: node.choices.enumerated().map { ChoiceJSON(index: $0.offset, label: $0.element.label.text(in: language)) })
            return StateJSON(token: session.token, position: "question", journeys: nil, question: question, leaf: nil, breadcrumb: crumbs)
        case .leaf(let leaf):
            let json = LeafJSON(id: leaf.id, title: leaf.title.text(in: language), summary: leaf.summary.text(in: language),
                                body: leaf.body?.text(in: language), actions: leaf.actions.map(\.description),
                                documents: leaf.documents, emergency: leaf.emergency)
            return StateJSON(token: session.token, position: "leaf", journeys: nil, question: nil, leaf: json, breadcrumb: crumbs)
        }
    }

    func restore(token: String?) throws -> OrientationSession {
        guard let token, !token.isEmpty else { return services.orienteur.session() }
        do {
            return try services.orienteur.session(token: token)
        } catch {
            throw APIProblem(.invalidSessionToken, error.description, field: "token")
        }
    }

    // MARK: Handlers

    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryReader(request: request, context: context)
        let session = try restore(token: query.string("token"))
        return try JSONCoding.response(state(session, language: try query.language()))
    }

    @Sendable func step(_ request: Request, context: ServerContext) async throws -> Response {
        let body = try await StrictJSON.decode(StepBody.self, from: request, limit: services.maxBodyBytes)
        var session = try restore(token: body.token)
        do {
            switch body.action {
            case .start:
                guard let journey = body.journey else { throw APIProblem(.invalidBody, "field 'journey' is required to start", field: "journey") }
                try session.start(journey: journey)
            case .choose:
                guard let choice = body.choice else { throw APIProblem(.invalidBody, "field 'choice' is required to choose", field: "choice") }
                try session.choose(choice)
            case .back:
                session.back()
            case .restart:
                session.restart()
            }
        } catch let error as NavigationError {
            throw APIProblem(.invalidChoice, error.description, field: body.action == .start ? "journey" : "choice")
        }
        return try JSONCoding.response(state(session, language: body.lang ?? .french))
    }

    @Sendable func ask(_ request: Request, context: ServerContext) async throws -> Response {
        let body = try await StrictJSON.decode(AskBody.self, from: request, limit: services.maxBodyBytes)
        guard !body.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, body.text.count <= 2_000 else {
            throw APIProblem(.invalidBody, "field 'text' must hold 1 to 2000 characters", field: "text")
        }
        let limit = body.limit ?? 5
        guard (1...20).contains(limit) else { throw APIProblem(.invalidBody, "field 'limit' must be in 1…20", field: "limit") }
        return try JSONCoding.response(services.orienteur.ask(body.text, language: body.lang, limit: limit))
    }
}
