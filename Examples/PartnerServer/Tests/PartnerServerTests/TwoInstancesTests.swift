import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import PartnerServer
import Testing

/// Two server processes' worth of instances on one PostgreSQL database: 500
/// concurrent booking requests spread across both for 5 single-counter slots
/// book exactly 5 appointments.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct TwoInstancesTests {
    @Test func fiveHundredConcurrentBookingsOnFiveSlotsBookExactlyFive() async throws {
        let url = try #require(TestSupport.postgresURL)
        var configuration = ServerConfiguration(port: 0, postgresURL: url, rateLimitPerMinute: 0)
        configuration.postgresSchema = PostgresFixture.freshSchema()
        let first = try await TestSupport.application(configuration)
        let second = try await TestSupport.application(configuration)
        let station = "commissariat_police-33063-01"
        try await first.test(.live) { one in
            try await second.test(.live) { two in
                let ports = [try #require(one.port), try #require(two.port)]
                let (_, slotsBody) = try await one.getJSON("/v1/appointments/slots?station=\(station)&motif=procuration&days=14")
                let slots = try #require(slotsBody["slots"] as? [[String: Any]])
                let starts = slots.prefix(5).compactMap { $0["start"] as? String }
                try #require(starts.count == 5, "the standard schedule offers single-counter procuration slots")
                #expect(slots.prefix(5).allSatisfy { $0["capacity"] as? Int == 1 })

                let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
                    connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 50)))
                let outcomes: [Result<UInt, any Error>] = await withTaskGroup(of: Result<UInt, any Error>.self) { group in
                    for attempt in 0..<500 {
                        group.addTask {
                          do {
                            var request = HTTPClientRequest(url: "http://127.0.0.1:\(ports[attempt % 2])/v1/appointments")
                            request.method = .POST
                            request.headers.add(name: "Content-Type", value: "application/json")
                            let body = try JSONSerialization.data(withJSONObject: ["station": station, "motif": "procuration",
                                                                                   "start": starts[attempt % 5]])
                            request.body = .bytes(ByteBuffer(bytes: body))
                            let response = try await http.execute(request, timeout: .seconds(120))
                            _ = try await response.body.collect(upTo: 64 * 1024)
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
                try await http.shutdown()
                let failures = outcomes.compactMap { if case .failure(let error) = $0 { return "\(error)" }; return nil }
                #expect(failures.isEmpty, "\(failures.count) requests failed, e.g. \(failures.first ?? "")")
                let statuses = outcomes.compactMap { try? $0.get() }
                let created = statuses.filter { $0 == 201 }.count
                let full = statuses.filter { $0 == 409 }.count
                #expect(created == 5, "\(created) bookings made for 5 single-counter slots (statuses: \(Set(statuses)))")
                #expect(full == 495, "every other request is refused as slot-full")

                // Both instances now see the five slots as taken.
                for client in [one, two] as [any TestClientProtocol] {
                    let (_, after) = try await client.getJSON("/v1/appointments/slots?station=\(station)&motif=procuration&days=14")
                    let left = Set((after["slots"] as? [[String: Any]] ?? []).compactMap { $0["start"] as? String })
                    #expect(left.isDisjoint(with: starts))
                }
            }
        }
        let schema = configuration.postgresSchema
        try await PostgresFixture.withClients { clients in
            await PostgresFixture.drop([schema], on: clients[0])
        }
    }
}
