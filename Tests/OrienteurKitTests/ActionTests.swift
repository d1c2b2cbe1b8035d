import Foundation
import Testing
@testable import OrienteurKit

@Suite struct ActionTests {
    @Test(arguments: ["call:17", "sms:114", "teleservice:plainte-en-ligne", "visit:main-courante", "appointment:procuration",
                      "fiche:cambriolage-reflexes", "partner:mairie", "link:https://www.cybermalveillance.gouv.fr/"])
    func parsesAndPrintsCanonicalForms(_ text: String) throws {
        let action = try Action(parsing: text)
        #expect(action.description == text)
        let data = try JSONEncoder().encode([action])
        #expect(try JSONDecoder().decode([Action].self, from: data) == [action])
    }

    @Test func rejectsMalformedActionsWithTypedErrors() {
        #expect(throws: ActionParseError.missingKind("17")) { try Action(parsing: "17") }
        #expect(throws: ActionParseError.unknownKind("phone:17")) { try Action(parsing: "phone:17") }
        #expect(throws: ActionParseError.emptyValue("call:")) { try Action(parsing: "call:") }
        #expect(throws: ActionParseError.invalidNumber("call:01 23")) { try Action(parsing: "call:01 23") }
        #expect(throws: ActionParseError.invalidIdentifier("fiche:Vol_Velo")) { try Action(parsing: "fiche:Vol_Velo") }
        #expect(throws: ActionParseError.insecureLink("link:http://x.fr")) { try Action(parsing: "link:http://x.fr") }
    }

    @Test func knowsEmergencyNumbers() throws {
        let content = try BundledContentProvider().loadContent()
        #expect(try Action(parsing: "call:17").isEmergencyNumber(in: content))
        #expect(try Action(parsing: "sms:114").isEmergencyNumber(in: content))
        #expect(try Action(parsing: "call:3114").isEmergencyNumber(in: content))
        #expect(try !Action(parsing: "call:3919").isEmergencyNumber(in: content))
    }
}
