import ChatProtocol
import Foundation
@testable import PartnerServer
import Testing

/// The operators file: platforms, roles, trainings and capacity reach the routing engine's
/// profile, and every bad entry is refused with the operator and the field named.
@Suite struct OperatorsFileTests {
    static let examplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("operators.example.json").path

    /// One entry with `extra` fields over a valid general officer.
    static func file(_ extra: String = "", id: String = "op-1") -> Data {
        Data(#"[{"id": "\#(id)", "display_name": "Agent 1", "token": "0123456789abcdef-\#(id)"\#(extra.isEmpty ? "" : ", " + extra)}]"#.utf8)
    }

    static func error(_ data: Data) -> OperatorsFileError? {
        do {
            _ = try OperatorsFile.decode(data)
            return nil
        } catch {
            return error
        }
    }

    @Test func theExampleFileShowsEveryPlatformAndRole() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.examplePath))
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let roles = Set(entries.compactMap { $0["role"] as? String })
        #expect(roles == ["officer", "psychologist", "supervisor"])
        let platforms = Set(entries.flatMap { $0["platforms"] as? [String] ?? [] })
        #expect(platforms == Set(Platform.allCases.map(\.rawValue)))
        #expect(entries.filter { $0["vss_trained"] as? Bool == true && $0["role"] as? String == "officer" }.count >= 2)
        #expect(entries.contains { $0["minors_trained"] as? Bool == true && $0["role"] as? String == "officer" })

        if OperatorRole(rawValue: "supervisor") != nil {
            let accounts = try OperatorsFile.load(path: Self.examplePath)
            #expect(accounts.count == entries.count)
        } else {
            // Until the engine has the supervisor role, the file is refused at that entry, by name.
            let index = try #require(entries.firstIndex { $0["role"] as? String == "supervisor" })
            let failure = try #require(Self.error(data))
            #expect(failure.index == index && failure.operatorID == "sup-1" && failure.field == "role")
            #expect(failure.reason.contains("unknown role 'supervisor'"))
            // Every other entry is valid.
            var others = entries
            others.remove(at: index)
            let accounts = try OperatorsFile.decode(try JSONSerialization.data(withJSONObject: others))
            #expect(accounts.count == entries.count - 1)
        }
    }

    @Test func fieldsReachTheEngineProfile() throws {
        let accounts = try OperatorsFile.decode(Self.file(#""role": "psychologist", "platforms": ["pnav", "tchat"], "languages": ["fr", "en"], "capacity": 1, "vss_trained": true, "shifts": [{"from": "22:00", "to": "06:30"}]"#))
        let profile = try #require(accounts.first).profile
        #expect(profile.role == .psychologist)
        #expect(profile.platforms == [.pnav, .tchat])
        #expect(profile.languages == ["fr", "en"])
        #expect(profile.capacity == 1 && profile.vssTrained && !profile.minors)
        #expect(profile.shifts == [ShiftWindow(startSecond: 22 * 3_600, endSecond: 6 * 3_600 + 1_800)])

        // Only id, display name and token are required: a general tchat officer, 8 units, French.
        let general = try #require(try OperatorsFile.decode(Self.file()).first).profile
        #expect(general.role == .officer && general.platforms == [.tchat] && general.languages == ["fr"] && general.capacity == 8)
        #expect(general.shifts.isEmpty && !general.vssTrained && !general.minors)

        // Encoding gives the file format back.
        let again = try OperatorsFile.decode(try JSONEncoder().encode(accounts))
        #expect(again == accounts)
    }

    @Test(arguments: [
        (#""role": "commissaire""#, "role", "unknown role 'commissaire'"),
        (#""role": 3"#, "role", "must be a string"),
        (#""platforms": ["tchat", "vss"]"#, "platforms", "unknown platform 'vss'"),
        (#""platforms": []"#, "platforms", "at least one"),
        (#""platforms": ["tchat", "tchat"]"#, "platforms", "twice"),
        (#""platforms": ["pnav"]"#, "vss_trained", "must be VSS-trained"),
        (#""platforms": ["espace-mineurs"]"#, "minors_trained", "minors' training"),
        (#""capacity": 9"#, "capacity", "1 to 8"),
        (#""capacity": 0"#, "capacity", "1 to 8"),
        (#""capacity": "8""#, "capacity", "must be an integer"),
        (#""languages": ["fr-FR"]"#, "languages", "write 'fr'"),
        (#""languages": []"#, "languages", "at least one"),
        (#""vss_trained": "yes""#, "vss_trained", "true or false"),
        (#""shifts": [{"from": "25:00", "to": "06:00"}]"#, "shifts[0].from", "HH:MM"),
        (#""shifts": [{"from": "08:00", "to": "08:00"}]"#, "shifts[0].to", "empty"),
        (#""shifts": [{"from": "08:00", "until": "20:00"}]"#, "shifts[0].until", "not a field"),
        (#""skills": ["vss"]"#, "skills", "not a field"),
    ])
    func aBadFieldIsNamedWithItsOperator(extra: String, field: String, reason: String) throws {
        let failure = try #require(Self.error(Self.file(extra, id: "op-bad")), "accepted: \(extra)")
        #expect(failure.index == 0)
        #expect(failure.operatorID == "op-bad")
        #expect(failure.field == field, "\(failure)")
        #expect(failure.reason.contains(reason), "\(failure)")
        #expect(failure.description.contains("operator [0] ('op-bad'), field '\(field)'"))
    }

    @Test func missingFieldsDuplicatesAndWeakTokensAreRefused() throws {
        let missing = try #require(Self.error(Data(#"[{"id": "op-1", "token": "0123456789abcdef"}]"#.utf8)))
        #expect(missing.field == "display_name" && missing.reason == "is required" && missing.operatorID == "op-1")

        let weak = try #require(Self.error(Data(#"[{"id": "op-1", "display_name": "A", "token": "short"}]"#.utf8)))
        #expect(weak.field == "token" && weak.reason.contains("16"))

        let twoOperators = #"[{"id": "op-1", "display_name": "A", "token": "0123456789abcdef"}, "#
        let sameID = try #require(Self.error(Data((twoOperators + #"{"id": "op-1", "display_name": "B", "token": "fedcba9876543210"}]"#).utf8)))
        #expect(sameID.index == 1 && sameID.field == "id")
        let sameToken = try #require(Self.error(Data((twoOperators + #"{"id": "op-2", "display_name": "B", "token": "0123456789abcdef"}]"#).utf8)))
        #expect(sameToken.index == 1 && sameToken.field == "token" && sameToken.reason.contains("op-1"))
        #expect(!sameToken.description.contains("0123456789abcdef"), "a token is never repeated in an error")

        let notAList = try #require(Self.error(Data(#"{"id": "op-1"}"#.utf8)))
        #expect(notAList.index == nil && notAList.reason.contains("list"))
        let notJSON = try #require(Self.error(Data("id: op-1".utf8)))
        #expect(notJSON.index == nil)
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: OperatorsFileError.self) { try OperatorsFile.load(path: "/nonexistent/operators.json") }
        do {
            _ = try OperatorsFile.load(path: "/nonexistent/operators.json")
        } catch {
            #expect(error.description.hasPrefix("operators file /nonexistent/operators.json: cannot be read"))
        }
    }

    @Test func accountsGivenInCodeAreCheckedAtStartUp() async throws {
        let configuration = ServerConfiguration(operators: [OperatorAccount(id: "op-1", displayName: "A", token: "0123456789abcdef",
                                                                            platforms: [.pnav])])
        await #expect(throws: OperatorsFileError.self) {
            _ = try await PartnerServer.makeServices(configuration: configuration, logger: TestSupport.quietLogger)
        }
    }
}
