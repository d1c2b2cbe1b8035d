import Foundation
import Logging
import PostgresBackends
import PostgresNIO
import Synchronization
import Testing

/// Running PostgreSQL clients and throwaway schemas for the tests.
enum PostgresFixture {
    /// A fresh schema name, e.g. `t_3f9a…`.
    static func freshSchema() -> String {
        "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    }

    /// Runs `body` with `count` running clients of the test database, then stops them.
    static func withClients<T: Sendable>(_ count: Int = 1, _ body: @Sendable ([PostgresClient]) async throws -> T) async throws -> T {
        let url = try PostgresURL(try #require(TestSupport.postgresURL))
        let clients = (0..<count).map { _ in PostgresClient(configuration: url.clientConfiguration, backgroundLogger: TestSupport.quietLogger) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients { group.addTask { await client.run() } }
            defer { group.cancelAll() }
            return try await body(clients)
        }
    }

    /// Runs `body` with `count` running clients and a maker of fresh schema names;
    /// every schema it made is dropped afterwards, whether `body` returns or throws.
    static func withFreshSchemas<T: Sendable>(clients count: Int = 1,
                                              _ body: @Sendable ([PostgresClient], _ freshSchema: @escaping @Sendable () -> String) async throws -> T)
        async throws -> T {
        try await withClients(count) { clients in
            let made = NameList()
            let fresh: @Sendable () -> String = {
                let schema = freshSchema()
                made.add(schema)
                return schema
            }
            do {
                let result = try await body(clients, fresh)
                await drop(made.all, on: clients[0])
                return result
            } catch {
                await drop(made.all, on: clients[0])
                throw error
            }
        }
    }

    /// Drops the schemas created by a test.
    static func drop(_ schemas: [String], on client: PostgresClient) async {
        for schema in schemas {
            _ = try? await client.query("DROP SCHEMA IF EXISTS \(unescaped: "\"\(schema)\"") CASCADE", logger: TestSupport.quietLogger)
        }
    }
}

/// Names collected during a test.
final class NameList: Sendable {
    private let names = Mutex<[String]>([])
    func add(_ name: String) { names.withLock { $0.append(name) } }
    var all: [String] { names.withLock { $0 } }
}
