import Foundation
import Hummingbird
import LocalInformation
import OrienteurKit

/// `/v1/orientation`: the decision tree, walked with an opaque state token
/// (the server keeps nothing between requests), and `ask` in the citizen's own words;
/// `/v1/fiches/{id}`: the practical guides (fiches pratiques) the leaves point to.
///
/// "Which fiche works": a leaf reached by a step and a fiche served are recorded
/// as `shown` usage events (content id, outcome, channel `server` and the hour:
/// nothing about the person, no token, no text), each with a fresh opaque `view`
/// id given back in the response. `POST /v1/orientation/outcome` with that id
/// records what followed — a teleservice, a station, the chat, or leaving — once
/// per view: a second follow-up is refused (409) and an id the server never
/// issued (404) or malformed (400) counts nothing, so follow-ups can never
/// outnumber showings. The store keeps only the id's SHA-256 with the content and
/// the hour, deleted with the usage events by the retention.
/// Re-reading a state (`GET /v1/orientation`) is not counted again and has no view.
struct OrientationRoutes {
    let services: ServerServices

    func register(on router: RouterGroup<ServerContext>) {
        router.get("orientation", use: show)
        router.post("orientation/step", use: step)
        router.post("orientation/ask", use: ask)
        router.post("orientation/outcome", use: outcome)
        router.get("fiches/:id", use: fiche)
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

    /// `POST /v1/orientation/outcome`.
    struct OutcomeBody: Decodable {
        let view: String
        let outcome: String

        private enum CodingKeys: String, CodingKey, CaseIterable { case view, outcome }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            view = try c.decode(String.self, forKey: .view)
            outcome = try c.decode(String.self, forKey: .outcome)
        }
    }

    /// What `POST /v1/orientation/outcome` recorded.
    struct OutcomeJSON: Encodable {
        let about: String
        let outcome: String
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
        /// The lists behind `documents`, in the same order, resolved in the asked language.
        let documentLists: [DocumentListJSON]
        /// The organisations behind the `partner:` actions.
        let partners: [PartnerJSON]
        let emergency: Bool

        private enum CodingKeys: String, CodingKey {
            case id, title, summary, body, actions, documents, documentLists = "document_lists", partners, emergency
        }
    }

    /// What to bring for a démarche (procedure): a titled list.
    struct DocumentListJSON: Encodable {
        let id: String
        let title: String
        let duration: String?
        let items: [String]

        init(_ list: DocumentList, language: Language) {
            id = list.id
            title = list.title.text(in: language)
            duration = list.duration?.text(in: language)
            items = list.items.map { $0.text(in: language) }
        }
    }

    /// A partner organisation (victim support, helplines…).
    struct PartnerJSON: Encodable {
        let id: String
        let name: String
        let description: String
        let url: String?

        init(_ partner: Partner, language: Language) {
            id = partner.id
            name = partner.name.text(in: language)
            description = partner.description.text(in: language)
            url = partner.url
        }
    }

    /// `GET /v1/fiches/{id}`: a fiche pratique (practical guide).
    struct FicheJSON: Encodable {
        struct Section: Encodable {
            let heading: String
            let body: String
        }

        let id: String
        let title: String
        let summary: String
        let sections: [Section]
        let actions: [String]
        let lastReviewed: String
        /// The id of this showing, for its one follow-up (absent when it could not be recorded).
        let view: String?

        init(_ fiche: Fiche, language: Language, view: UsageViewID?) {
            self.view = view?.rawValue
            id = fiche.id
            title = fiche.title.text(in: language)
            summary = fiche.summary.text(in: language)
            sections = fiche.sections.map { Section(heading: $0.heading.text(in: language), body: $0.body.text(in: language)) }
            actions = fiche.actions.map(\.description)
            lastReviewed = fiche.lastReviewed
        }

        private enum CodingKeys: String, CodingKey { case id, title, summary, sections, actions, lastReviewed = "last_reviewed", view }
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
        /// The id of this showing of the leaf, for its one follow-up: only when a step reached it.
        var view: String?
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
            let content = session.content
            let partners = leaf.actions.compactMap { action -> Partner? in
                if case .partner(let id) = action { return content.partner(id) }
                return nil
            }
            let json = LeafJSON(id: leaf.id, title: leaf.title.text(in: language), summary: leaf.summary.text(in: language),
                                body: leaf.body?.text(in: language), actions: leaf.actions.map(\.description),
                                documents: leaf.documents,
                                documentLists: leaf.documents.compactMap(content.documentList).map { DocumentListJSON($0, language: language) },
                                partners: partners.map { PartnerJSON($0, language: language) }, emergency: leaf.emergency)
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
        var json = state(session, language: body.lang ?? .french)
        if body.action == .start || body.action == .choose, case .leaf(let leaf) = session.position {
            json.view = await services.localInformation.show(.leaf, leaf.id)?.rawValue
        }
        return try JSONCoding.response(json)
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

    @Sendable func fiche(_ request: Request, context: ServerContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        let language = try QueryReader(request: request, context: context).language()
        guard let fiche = services.orienteur.content.fiche(id) else {
            throw APIProblem(.ficheNotFound, "no fiche '\(id)'", field: "id")
        }
        let view = await services.localInformation.show(.fiche, fiche.id)
        return try JSONCoding.response(FicheJSON(fiche, language: language, view: view), headers: [.cacheControl: "no-store"])
    }

    @Sendable func outcome(_ request: Request, context: ServerContext) async throws -> Response {
        let body = try await StrictJSON.decode(OutcomeBody.self, from: request, limit: services.maxBodyBytes)
        let view: UsageViewID
        do { view = try UsageViewID(body.view) } catch {
            throw APIProblem(.invalidBody, "field 'view' must be the view id of a served leaf or fiche (43 characters of A–Z, a–z, 0–9, - and _)",
                             field: "view")
        }
        guard let followUp = UsageFollowUp(rawValue: body.outcome) else {
            throw APIProblem(.invalidBody, "field 'outcome' must be one of \(UsageFollowUp.allCases.map(\.rawValue).joined(separator: ", "))",
                             field: "outcome")
        }
        let local = services.localInformation
        let result: UsageFollowUpResult
        do {
            result = try await local.usage.recordFollowUp(followUp, viewDigest: view.digest, at: local.clock.now(), channel: .server)
        } catch {
            throw APIProblem(.storageUnavailable, "the outcome could not be stored; try again")
        }
        switch result {
        case .recorded(let about):
            return try JSONCoding.response(OutcomeJSON(about: about.description, outcome: followUp.rawValue), status: .created,
                                           headers: [.cacheControl: "no-store"])
        case .alreadyRecorded:
            throw APIProblem(.followUpAlreadyRecorded, "this showing already has its outcome; nothing more was counted", field: "view")
        case .unknownView:
            throw APIProblem(.viewNotFound, "no served leaf or fiche has this view id (never issued, or past the retention)", field: "view")
        }
    }
}
