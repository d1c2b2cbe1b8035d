import Foundation

/// Checks content and reports every problem at once, each with the path of ids
/// leading to it: duplicate ids, cycles, unreachable questions, dangling targets,
/// depth, choice counts, leaves without action, dangling fiche/document/number/
/// partner/teleservice references, missing English, empty texts, non-https links,
/// schema versions, leaf dangers without emergency numbers, and emergency answers
/// naming unknown numbers or leaves.
///
/// ```swift
/// let report = ContentValidator().validate(content)
/// for issue in report.errors { print(issue) }
/// ```
public struct ContentValidator: Sendable {
    /// Teleservice ids that `teleservice:` actions may name (the catalog's ids, e.g.
    /// `Set(catalog.services.map(\.id))`); `nil` leaves `teleservice:` actions unchecked.
    public var teleserviceIDs: Set<String>?
    /// Most choices from a journey's start to a leaf (the journey pick is one more).
    public var maxChoicesInJourney: Int
    /// Whether every text must exist in English too (bundled content: yes).
    public var requireEnglish: Bool

    /// Creates a value from its fields.
    public init(teleserviceIDs: Set<String>? = nil, maxChoicesInJourney: Int = 5, requireEnglish: Bool = true) {
        self.teleserviceIDs = teleserviceIDs
        self.maxChoicesInJourney = maxChoicesInJourney
        self.requireEnglish = requireEnglish
    }

    /// Validates `content`; never throws, every problem is in the report.
    public func validate(_ content: OrienteurContent) -> ValidationReport {
        var errors: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { errors.append(ValidationIssue(path: path, message: message)) }

        // Schema versions.
        if content.schemaVersion != OrienteurContent.supportedSchemaVersion {
            add("tree.json", "schemaVersion is \(content.schemaVersion), this SDK reads \(OrienteurContent.supportedSchemaVersion)")
        }
        for (file, version) in content.fileSchemaVersions.sorted(by: { $0.key < $1.key }) where version != OrienteurContent.supportedSchemaVersion {
            add(file, "schemaVersion is \(version), this SDK reads \(OrienteurContent.supportedSchemaVersion)")
        }
        if content.contentVersion.trimmingCharacters(in: .whitespaces).isEmpty { add("tree.json", "contentVersion is empty") }

        // Ids: format and duplicates (nodes and leaves share one namespace).
        var seen: [String: String] = [:]
        func checkID(_ id: String, kind: String, path: String, shared: Bool = true) {
            if id.isEmpty || !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                add(path, "id '\(id)' must use lowercase ASCII letters, digits and '-' only")
            }
            guard shared else { return }
            if let previous = seen[id] { add(path, "duplicate id '\(id)' (already used by a \(previous))") } else { seen[id] = kind }
        }
        for journey in content.journeys { checkID(journey.id, kind: "journey", path: "journeys/\(journey.id)", shared: false) }
        duplicates(content.journeys.map(\.id)).forEach { add("journeys/\($0)", "duplicate journey id '\($0)'") }
        for node in content.nodes { checkID(node.id, kind: "question", path: "nodes/\(node.id)") }
        for leaf in content.leaves { checkID(leaf.id, kind: "leaf", path: "leaves/\(leaf.id)") }
        for fiche in content.fiches { checkID(fiche.id, kind: "fiche", path: "fiches/\(fiche.id)", shared: false) }
        duplicates(content.fiches.map(\.id)).forEach { add("fiches/\($0)", "duplicate fiche id '\($0)'") }
        duplicates(content.numbers.map(\.number)).forEach { add("numbers/\($0)", "duplicate number '\($0)'") }
        duplicates(content.documentLists.map(\.id)).forEach { add("documents/\($0)", "duplicate document list id '\($0)'") }
        duplicates(content.partners.map(\.id)).forEach { add("partners/\($0)", "duplicate partner id '\($0)'") }

        // Texts.
        func text(_ value: LocalizedText?, _ path: String, required: Bool = true) {
            guard let value else {
                if required { add(path, "missing text") }
                return
            }
            if value.french.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(path, "empty French text") }
            if let english = value.english {
                if english.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(path, "empty English text") }
            } else if requireEnglish {
                add(path, "missing English text")
            }
        }
        func keywords(_ value: LocalizedKeywords, _ path: String) {
            for (offset, word) in (value.french + value.english).enumerated()
            where word.trimmingCharacters(in: .whitespaces).isEmpty {
                add("\(path)/keywords[\(offset)]", "empty keyword")
            }
        }

        // Actions and references.
        func actions(_ list: [Action], _ path: String) {
            for (offset, action) in list.enumerated() {
                let here = "\(path)/actions[\(offset)]"
                switch action {
                case .call(let number), .sms(let number):
                    let channel: PhoneChannel = action.kind == "call" ? .call : .sms
                    if let entry = content.number(number) {
                        if !entry.channels.contains(channel) {
                            add(here, "\(action) but number \(number) is not listed with the '\(channel.rawValue)' channel in numbers.json")
                        }
                    } else {
                        add(here, "\(action): number \(number) is not in numbers.json (add it with its purpose and hours)")
                    }
                case .teleservice(let id):
                    if let known = teleserviceIDs, !known.contains(id) { add(here, "\(action): unknown teleservice id '\(id)'") }
                case .fiche(let id):
                    if content.fiche(id) == nil { add(here, "\(action): no fiche with id '\(id)'") }
                case .partner(let id):
                    if content.partner(id) == nil { add(here, "\(action): no partner with id '\(id)' in partners.json") }
                case .link(let url):
                    if !url.hasPrefix("https://") { add(here, "\(action): links must use https") }
                case .visit(let motif), .appointment(let motif):
                    if motif.isEmpty { add(here, "\(action): empty motif") }
                }
            }
        }

        for journey in content.journeys {
            let path = "journeys/\(journey.id)"
            text(journey.title, "\(path)/title")
            text(journey.description, "\(path)/description")
            if content.node(journey.start) == nil {
                add(path, content.leaf(journey.start) == nil ? "start '\(journey.start)' names no question" : "start '\(journey.start)' must be a question, not a leaf")
            }
        }
        for node in content.nodes {
            let path = "nodes/\(node.id)"
            text(node.question, "\(path)/question")
            text(node.help, "\(path)/help", required: false)
            if node.choices.count < 2 { add(path, "has \(node.choices.count) choice(s); a question needs 2 to 8") }
            if node.choices.count > 8 { add(path, "has \(node.choices.count) choices; a question needs 2 to 8") }
            for (offset, choice) in node.choices.enumerated() {
                text(choice.label, "\(path)/choices[\(offset)]/label")
                if content.node(choice.target) == nil && content.leaf(choice.target) == nil {
                    add("\(path)/choices[\(offset)]", "dead end: target '\(choice.target)' is neither a question nor a leaf")
                }
            }
            duplicates(node.choices.map(\.target)).forEach { add(path, "two choices lead to '\($0)'") }
        }
        for leaf in content.leaves {
            let path = "leaves/\(leaf.id)"
            text(leaf.title, "\(path)/title")
            text(leaf.summary, "\(path)/summary")
            text(leaf.body, "\(path)/body", required: false)
            keywords(leaf.keywords, path)
            if leaf.actions.isEmpty && leaf.unparsedActions.isEmpty { add(path, "leaf without action") }
            for failure in leaf.unparsedActions { add("\(path)/actions", failure) }
            actions(leaf.actions, path)
            for document in leaf.documents where content.documentList(document) == nil {
                add("\(path)/documents", "no document list with id '\(document)'")
            }
            for (offset, example) in leaf.examples.enumerated()
            where example.text.trimmingCharacters(in: .whitespaces).isEmpty {
                add("\(path)/examples[\(offset)]", "empty example")
            }
        }
        for fiche in content.fiches {
            let path = "fiches/\(fiche.id)"
            text(fiche.title, "\(path)/title")
            text(fiche.summary, "\(path)/summary")
            if fiche.sections.isEmpty { add(path, "fiche without sections") }
            for (offset, section) in fiche.sections.enumerated() {
                text(section.heading, "\(path)/sections[\(offset)]/heading")
                text(section.body, "\(path)/sections[\(offset)]/body")
            }
            keywords(fiche.keywords, path)
            actions(fiche.actions, path)
            for failure in fiche.unparsedActions { add("\(path)/actions", failure) }
            if !isISODate(fiche.lastReviewed) { add("\(path)/lastReviewed", "'\(fiche.lastReviewed)' is not a YYYY-MM-DD date") }
        }
        for number in content.numbers {
            let path = "numbers/\(number.number)"
            if number.number.isEmpty || !number.number.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
                add(path, "a number is dialable digits only")
            }
            if number.channels.isEmpty { add(path, "no channel (call or sms)") }
            text(number.name, "\(path)/name")
            text(number.purpose, "\(path)/purpose")
            text(number.hours, "\(path)/hours")
        }
        // Emergencies: every danger a leaf names has its numbers, every answer names known numbers and leaves.
        var answered: Set<EmergencyReason> = []
        for (offset, answer) in content.emergencyAnswers.enumerated() {
            let path = "numbers.json/emergencyAnswers[\(offset)] (\(answer.reason.rawValue))"
            if !answered.insert(answer.reason).inserted { add(path, "a second answer for '\(answer.reason.rawValue)'") }
            if answer.actions.isEmpty { add(path, "no number to call or text") }
            for action in answer.actions where action.kind != "call" && action.kind != "sms" {
                add(path, "\(action): an emergency answer only calls or texts")
            }
            actions(answer.actions, path)
            for leaf in [answer.leaf, answer.witnessLeaf].compactMap({ $0 }) where content.leaf(leaf) == nil {
                add(path, "leaf '\(leaf)' is not in tree.json")
            }
        }
        for leaf in content.leaves {
            if let danger = leaf.danger, !answered.contains(danger.reason) {
                add("leaves/\(leaf.id)/danger", "reason '\(danger.reason.rawValue)' has no numbers: add it to emergencyAnswers in numbers.json")
            }
            for (name, value) in leaf.facts.sorted(by: { $0.key < $1.key })
            where name.trimmingCharacters(in: .whitespaces).isEmpty || value.trimmingCharacters(in: .whitespaces).isEmpty {
                add("leaves/\(leaf.id)/facts", "empty fact name or value ('\(name)': '\(value)')")
            }
        }

        for list in content.documentLists {
            let path = "documents/\(list.id)"
            text(list.title, "\(path)/title")
            if list.items.isEmpty { add(path, "document list without items") }
            for (offset, item) in list.items.enumerated() { text(item, "\(path)/items[\(offset)]") }
            text(list.duration, "\(path)/duration", required: false)
        }
        for partner in content.partners {
            let path = "partners/\(partner.id)"
            text(partner.name, "\(path)/name")
            text(partner.description, "\(path)/description")
            if let url = partner.url, !url.hasPrefix("https://") { add("\(path)/url", "'\(url)' must use https") }
        }
        for (offset, group) in content.synonyms.enumerated() {
            if group.terms.count < 2 { add("synonyms[\(offset)]", "a synonym group needs at least 2 terms") }
            if group.terms.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { add("synonyms[\(offset)]", "empty term") }
        }

        // Graph: reachability, cycles, depth (walk from each journey).
        var reached: Set<String> = []
        var maxDepth = 0
        var reportedCycles: Set<String> = []
        for journey in content.journeys where content.node(journey.start) != nil {
            var onPath: [String] = []
            var onPathSet: Set<String> = []
            // Deepest distance already explored from a node (memo to keep the walk linear on DAGs).
            var explored: [String: Int] = [:]
            func walk(_ id: String, depth: Int) {
                reached.insert(id)
                if content.leaf(id) != nil {
                    maxDepth = max(maxDepth, depth)
                    if depth > maxChoicesInJourney {
                        add(([journey.id] + onPath + [id]).joined(separator: "/"),
                            "leaf reached after \(depth) choices inside the journey (\(depth + 1) with the journey pick); the limit is \(maxChoicesInJourney + 1)")
                    }
                    return
                }
                guard let node = content.node(id) else { return }
                if onPathSet.contains(id) {
                    let cycle = (onPath.drop { $0 != id } + [id]).joined(separator: " → ")
                    if reportedCycles.insert(cycle).inserted {
                        add(([journey.id] + onPath + [id]).joined(separator: "/"), "cycle: \(cycle)")
                    }
                    return
                }
                if let previous = explored[id], previous >= depth { return }
                explored[id] = depth
                onPath.append(id)
                onPathSet.insert(id)
                for choice in node.choices { walk(choice.target, depth: depth + 1) }
                onPath.removeLast()
                onPathSet.remove(id)
            }
            walk(journey.start, depth: 0)
        }
        for node in content.nodes where !reached.contains(node.id) {
            add("nodes/\(node.id)", "unreachable: no journey leads to this question")
        }
        for leaf in content.leaves where !reached.contains(leaf.id) {
            add("leaves/\(leaf.id)", "unreachable: no question leads to this leaf")
        }

        return ValidationReport(journeys: content.journeys.count, nodes: content.nodes.count, leaves: content.leaves.count,
                                fiches: content.fiches.count, maxDepth: maxDepth, errors: errors)
    }

    private func duplicates(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for id in ids where !seen.insert(id).inserted && !result.contains(id) { result.append(id) }
        return result
    }

    private func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
