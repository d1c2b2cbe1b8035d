import Testing
@testable import OrienteurKit

/// Which service answers first: the sea rescue at sea, the firefighters for someone in the water or a gas leak,
/// the police when violence is read with an injury, the SAMU for a medical danger.
extension EmergencyDetectorTests {
    /// A boat or a swimmer in distress at sea raises the alert and puts the sea rescue (196) first;
    /// the sea named without a danger raises nothing.
    @Test func aRescueAtSeaCallsTheSeaRescueFirst() throws {
        let adrift = try #require(try detector.detect("notre catamaran n'avance plus, on dérive vers les rochers de la pointe"))
        #expect(adrift.reasons.first == .seaRescue)
        #expect(adrift.actions.first == .call("196"))
        let capsized = try #require(try detector.detect("my dad's canoe capsized offshore and he is in the water right now"))
        #expect(capsized.actions.first == .call("196"))
        let swimmer = try #require(try detector.detect("au secours une nageuse se noie au large de la plage des Sablettes"))
        #expect(swimmer.actions.first == .call("196"))
        #expect(try detector.detect("on part en voilier au large de Belle-Île ce week-end, il faut déclarer quelque chose ?") == nil)
        #expect(reading("we spent the afternoon at the beach").atSea != nil)
    }
}
