/// Typechecks rule expressions written in JSON against the fact vocabulary and
/// compiles them, collecting every problem with its path.
struct RuleCompiler {
    let vocabulary: FactVocabulary
    let file: String
    var problems: [CatalogProblem] = []

    /// Keys allowed next to the operator in a node: the citizen explanation and
    /// alternatives (top level only) and a free note for authors.
    static let metaKeys: Set<String> = ["reason", "instead", "note"]
    static let operators = ["all", "any", "not", "in", "is-known"] + ComparisonOperator.allCases.map(\.rawValue)

    init(vocabulary: FactVocabulary, file: String) {
        self.vocabulary = vocabulary
        self.file = file
    }

    mutating func report(_ path: String, _ message: String) {
        problems.append(CatalogProblem(file: file, path: path, message: message))
    }

    /// Compiles one node; returns nil (after reporting) when it is invalid.
    mutating func compile(_ json: JSONValue, at path: String) -> Expression? {
        guard case .object(let object) = json else {
            report(path, "expected an expression object such as {\"eq\": [\"fact\", value]}, got \(json.kindName)")
            return nil
        }
        let operatorKeys = object.keys.filter { !Self.metaKeys.contains($0) }.sorted()
        guard operatorKeys.count == 1, let key = operatorKeys.first else {
            report(path, operatorKeys.isEmpty
                ? "missing operator; use one of \(Self.operators.joined(separator: ", "))"
                : "one operator per node, found \(operatorKeys.joined(separator: ", "))")
            return nil
        }
        let body = object[key] ?? .null
        let here = "\(path).\(key)"
        switch key {
        case "all", "any":
            guard case .array(let parts) = body, !parts.isEmpty else {
                report(here, "'\(key)' expects a non-empty array of expressions")
                return nil
            }
            var compiled: [Expression] = []
            for (index, part) in parts.enumerated() {
                if let expression = compile(part, at: "\(here)[\(index)]") { compiled.append(expression) }
            }
            guard compiled.count == parts.count else { return nil }
            return key == "all" ? .all(compiled) : .any(compiled)
        case "not":
            return compile(body, at: here).map { .not($0) }
        case "is-known":
            guard case .string(let name) = body else {
                report(here, "'is-known' expects a fact name (a string)")
                return nil
            }
            return fact(named: name, at: here) == nil ? nil : .isKnown(name)
        case "in":
            return compileMembership(body, at: here)
        default:
            guard let op = ComparisonOperator(rawValue: key) else {
                report(path, "unknown operator '\(key)'; use one of \(Self.operators.joined(separator: ", "))")
                return nil
            }
            return compileComparison(op, body, at: here)
        }
    }

    private mutating func fact(named name: String, at path: String) -> FactDefinition? {
        guard let definition = vocabulary[name] else {
            report(path, "unknown fact '\(name)'; known facts: \(vocabulary.names.joined(separator: ", "))")
            return nil
        }
        return definition
    }

    private mutating func operands(_ body: JSONValue, of op: String, at path: String) -> (FactDefinition, JSONValue)? {
        guard case .array(let items) = body, items.count == 2 else {
            report(path, "'\(op)' expects [\"fact_name\", value]")
            return nil
        }
        guard case .string(let name) = items[0] else {
            report("\(path)[0]", "the first operand of '\(op)' must be a fact name (a string), got \(items[0].kindName)")
            return nil
        }
        guard let definition = fact(named: name, at: "\(path)[0]") else { return nil }
        return (definition, items[1])
    }

    private mutating func compileComparison(_ op: ComparisonOperator, _ body: JSONValue, at path: String) -> Expression? {
        guard let (definition, right) = operands(body, of: op.rawValue, at: path) else { return nil }
        if op.needsOrder && !definition.type.isOrdered {
            report(path, "'\(op.rawValue)' needs a number or date fact; '\(definition.name)' is \(definition.type.rawValue) (use eq, ne or in)")
            return nil
        }
        let rightPath = "\(path)[1]"
        if case .object(let object) = right {
            return compileReference(op, definition, object, at: rightPath)
        }
        switch definition.value(fromJSON: right) {
        case .success(let value):
            return .compare(op, fact: definition.name, .literal(value))
        case .failure(let mismatch):
            report(rightPath, mismatch.message)
            return nil
        }
    }

    private mutating func compileReference(_ op: ComparisonOperator, _ left: FactDefinition,
                                           _ object: [String: JSONValue], at path: String) -> Expression? {
        func days(_ json: JSONValue?) -> Int? {
            guard let json else { return 0 }
            if case .number(let n) = json, n.rounded() == n, abs(n) <= 100_000 { return Int(n) }
            return nil
        }
        if let todayOffset = object["today_plus_days"] {
            guard object.count == 1, left.type == .date, let offset = days(todayOffset) else {
                report(path, "{\"today_plus_days\": N} compares a date fact with the evaluation date plus N whole days")
                return nil
            }
            return .compare(op, fact: left.name, .today(plusDays: offset))
        }
        guard case .string(let name)? = object["fact"], Set(object.keys).isSubset(of: ["fact", "plus_days"]) else {
            report(path, "expected a literal, {\"fact\": \"name\", \"plus_days\": N} or {\"today_plus_days\": N}")
            return nil
        }
        guard let right = fact(named: name, at: "\(path).fact") else { return nil }
        guard right.type == left.type else {
            report(path, "cannot compare '\(left.name)' (\(left.type.rawValue)) with '\(right.name)' (\(right.type.rawValue))")
            return nil
        }
        guard let offset = days(object["plus_days"]), offset == 0 || left.type == .date else {
            report("\(path).plus_days", "plus_days must be a whole number and is only allowed between dates")
            return nil
        }
        return .compare(op, fact: left.name, .fact(name, plusDays: offset))
    }

    private mutating func compileMembership(_ body: JSONValue, at path: String) -> Expression? {
        guard let (definition, right) = operands(body, of: "in", at: path) else { return nil }
        guard case .array(let items) = right, !items.isEmpty else {
            report("\(path)[1]", "'in' expects a non-empty array of values")
            return nil
        }
        var values: [FactValue] = []
        for (index, item) in items.enumerated() {
            switch definition.value(fromJSON: item) {
            case .success(let value): values.append(value)
            case .failure(let mismatch): report("\(path)[1][\(index)]", mismatch.message)
            }
        }
        guard values.count == items.count else { return nil }
        return .member(fact: definition.name, values: values)
    }
}
