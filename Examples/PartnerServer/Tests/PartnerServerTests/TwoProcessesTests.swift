import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization
import Testing

/// One `masecurite-server` process started by a test: its port is read from its log, and it is
/// stopped (SIGTERM, then SIGKILL) by ``stop()``.
final class ServerProcess: Sendable {
    let port: Int
    private let process: Process
    private let output: Output

    /// What the process printed (stdout and stderr), for the port and for failure messages.
    final class Output: Sendable {
        private let text = Mutex("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        var all: String { text.withLock { $0 } }
    }

    private init(port: Int, process: Process, output: Output) {
        self.port = port
        self.process = process
        self.output = output
    }

    /// The `masecurite-server` executable built beside the test bundle (`swift build --build-tests`
    /// builds every target of the package), or `MASECURITE_SERVER_EXECUTABLE`.
    static func executable() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["MASECURITE_SERVER_EXECUTABLE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for folder in folders {
            let candidate = folder.appendingPathComponent("masecurite-server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ChatTestError(message: """
            masecurite-server was not found beside the test bundle (looked in \(folders.map(\.path))): \
            build it with `swift build --package-path Examples/PartnerServer --build-tests`, or set MASECURITE_SERVER_EXECUTABLE
            """)
    }

    /// Starts the server on a free port (`--port 0`) and waits until it says where it listens.
    static func launch(_ executable: URL, arguments: [String], environment: [String: String]) async throws -> ServerProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--host", "127.0.0.1", "--port", "0", "--log-level", "notice"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = Output()
        pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let port = Self.listeningPort(in: output.all) { return ServerProcess(port: port, process: process, output: output) }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let server = ServerProcess(port: 0, process: process, output: output)
        await server.stop()
        throw ChatTestError(message: "masecurite-server did not report a port within 60 s; it printed: \(output.all.suffix(2_000))")
    }

    /// The port of the `listening port=N` log line.
    static func listeningPort(in log: String) -> Int? {
        for line in log.split(separator: "\n") where line.contains("listening") {
            guard let range = line.range(of: "port=") else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            if let port = Int(digits), port > 0 { return port }
        }
        return nil
    }

    /// What the process printed so far.
    var log: String { output.all }

    /// Stops the process: SIGTERM (graceful shutdown), then SIGKILL after 10 s.
    func stop() async {
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        (process.standardOutput as? Pipe)?.fileHandleForReading.readabilityHandler = nil
    }
}

/// Two real server processes on one PostgreSQL database: 500 concurrent booking requests spread
/// across both for 5 single-counter slots book exactly 5 appointments; the others are refused as slot-full.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct TwoProcessesTests {
    @Test func fiveHundredBookingsAcrossTwoServerProcessesBookExactlyFive() async throws {
        let url = try #require(TestSupport.postgresURL)
        let executable = try ServerProcess.executable()
        let schema = PostgresFixture.freshSchema()
        let arguments = ["--postgres-schema", schema, "--rate-limit", "0", "--schedules", TestSupport.schedulesFile]
        var servers: [ServerProcess] = []
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
            connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 50)))
        let outcome: Result<Void, any Error>
        do {
            // One after the other: the first runs the migrations, the second finds them done.
            for _ in 0..<2 {
                servers.append(try await ServerProcess.launch(executable, arguments: arguments, environment: ["DATABASE_URL": url]))
            }
            for server in servers { try await Self.waitUntilReady(server, http: http) }
            try await Self.bookFiveHundred(on: servers.map(\.port), http: http)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        // Stopped and dropped whether the test passed or not; the test's own failure comes first.
        for server in servers { await server.stop() }
        var shutdownError: (any Error)?
        do { try await http.shutdown() } catch { shutdownError = error }
        await Self.drop(schema)
        try outcome.get()
        if let shutdownError { throw shutdownError }
    }

    static func drop(_ schema: String) async {
        _ = try? await PostgresFixture.withClients { clients in await PostgresFixture.drop([schema], on: clients[0]) }
    }

    static func get(_ url: String, http: HTTPClient) async throws -> (UInt, Data) {
        let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, Data(body.readableBytesView))
    }

    static func waitUntilReady(_ server: ServerProcess, http: HTTPClient) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let (status, _) = try? await get("http://127.0.0.1:\(server.port)/v1/ready", http: http), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ChatTestError(message: "the server on port \(server.port) was not ready within 60 s; it printed: \(server.log.suffix(2_000))")
    }

    static func bookFiveHundred(on ports: [Int], http: HTTPClient) async throws {
        let station = "commissariat_police-33063-01"
        let (status, body) = try await get("http://127.0.0.1:\(ports[0])/v1/appointments/slots?station=\(station)&motif=procuration&days=14", http: http)
        try #require(status == 200)
        let slots = try #require((try JSONSerialization.jsonObject(with: body) as? [String: Any])?["slots"] as? [[String: Any]])
        let starts = slots.prefix(5).compactMap { $0["start"] as? String }
        try #require(starts.count == 5, "the standard schedule offers single-counter procuration slots")
        #expect(slots.prefix(5).allSatisfy { $0["capacity"] as? Int == 1 })

        let outcomes: [Result<UInt, any Error>] = await withTaskGroup(of: Result<UInt, any Error>.self) { group in
            for attempt in 0..<500 {
                group.addTask {
                    do {
                        var request = HTTPClientRequest(url: "http://127.0.0.1:\(ports[attempt % 2])/v1/appointments")
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "application/json")
                        let body = try JSONSerialization.data(withJSONObject: ["station": station, "motif": "procuration", "start": starts[attempt % 5]])
                        request.body = .bytes(ByteBuffer(bytes: body))
                        let response = try await http.execute(request, timeout: .seconds(120))
                        let answer = try await response.body.collect(upTo: 64 * 1024)
                        if response.status.code == 409 {
                            let problem = try JSONSerialization.jsonObject(with: Data(answer.readableBytesView)) as? [String: Any]
                            guard (problem?["type"] as? String)?.hasSuffix("slot-full") == true else {
                                return .failure(ChatTestError(message: "409 that is not slot-full: \(problem ?? [:])"))
                            }
                        }
                        return .success(response.status.code)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var all: [Result<UInt, any Error>] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let failures = outcomes.compactMap { if case .failure(let error) = $0 { "\(error)" } else { nil } }
        #expect(failures.isEmpty, "\(failures.count) requests failed, e.g. \(failures.first ?? "")")
        let statuses = outcomes.compactMap { try? $0.get() }
        #expect(statuses.filter { $0 == 201 }.count == 5, "bookings made for 5 single-counter slots (statuses: \(Set(statuses)))")
        #expect(statuses.filter { $0 == 409 }.count == 495, "every other request is refused as slot-full")

        // Both processes now see the five slots as taken.
        for port in ports {
            let (_, after) = try await get("http://127.0.0.1:\(port)/v1/appointments/slots?station=\(station)&motif=procuration&days=14", http: http)
            let left = ((try JSONSerialization.jsonObject(with: after) as? [String: Any])?["slots"] as? [[String: Any]] ?? []).compactMap { $0["start"] as? String }
            #expect(Set(left).isDisjoint(with: starts))
        }
    }
}
