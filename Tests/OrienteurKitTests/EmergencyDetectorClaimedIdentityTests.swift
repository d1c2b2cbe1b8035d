import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-18 missed in parts 19-21, each as a class written in other words:
/// someone who says who they are and is in the home now, kept from moving or touched on a seat, a child left on a
/// train, an animal beaten now, a driver pulled out of the car, someone past the reef; and on the calm side a
/// weapon found or bought for sport, ransomware on computers, a teen shutting himself in, asking where to sleep.
extension EmergencyDetectorTests {
    /// A claimed identity (a tradesman, an official) with presence in the home now (a room, refusing to leave,
    /// searching it) is someone inside now, in French and English.
    @Test(arguments: [
        "un homme qui se présente comme électricien refuse de s'en aller, il est dans ma chambre",
        "deux femmes qui disent venir de la sécurité sociale sont dans mon bureau et fouillent dans mes papiers",
        "a man who says he's from the water board won't go away, he's in my bedroom",
        "un type qui se dit agent EDF ne veut pas partir de chez moi et il crie",
    ])
    func aClaimedIdentityInTheHomeIsInsideNow(sentence: String) throws {
        #expect(try ask(sentence)?.reasons.contains(.intruderNow) == true)
    }

    /// The same claim told about a call or afterwards stays calm.
    @Test func aClaimedIdentityOnThePhoneStaysCalm() throws {
        #expect(try ask("un homme qui se disait conseiller bancaire m'a appelé hier et j'ai donné mon code") == nil)
    }

    /// Kept from moving on a seat, or touched on the leg now, on a bus or a train.
    @Test func keptFromMovingOrTouchedOnTransport() throws {
        #expect(try ask("a couple of lads on the metro won't let me move from my seat")?.reasons.contains(.lockedIn) == true)
        #expect(try ask("the man sitting beside me on the coach keeps his hand on my thigh")?.reasons.contains(.violenceNow) == true)
    }

    /// A child who stayed on a train or a metro when the doors closed is a missing child.
    @Test(arguments: [
        "mon fils de 6 ans est resté dans le train quand les portes se sont fermées",
        "my little boy didn't get off the tram with me, the doors shut",
    ])
    func aChildLeftOnATrainIsMissing(sentence: String) throws {
        #expect(try ask(sentence)?.reasons.contains(.missingChild) == true)
    }

    /// An animal beaten now, and a driver pulled out of a car, are offences happening now; a video of an animal
    /// beaten, online, is content to report.
    @Test func anAnimalBeatenNowAndACarjackingAreOffencesNow() throws {
        #expect(try ask("a man is beating his dog with a belt in the car park")?.reasons.contains(.crimeInProgress) == true)
        #expect(try ask("two men pulled an old man out of his car at the lights and took it")?.reasons.contains(.crimeInProgress) == true)
        #expect(try ask("une vidéo sur facebook montre un homme qui frappe un chien") == nil)
    }

    /// Someone past the reef, no longer paddling, or capsized and unable to climb back: the sea rescue first.
    @Test(arguments: [
        "un kayakiste au-delà du récif ne rame plus, il part vers le large",
        "a paddleboarder past the reef has stopped paddling",
        "my friend's kayak capsized off the beach and he can't get back in",
    ])
    func pastTheReefCallsTheSeaRescue(sentence: String) throws {
        #expect(try ask(sentence)?.actions.first == .call("196"))
    }

    /// Calm: a rusty knife found, a pistol bought for sport shooting, ransomware on an office's computers, a teen
    /// who shuts himself in his room, having left with the children and asking where to sleep.
    @Test(arguments: [
        "j'ai ramassé un couteau rouillé au bord du lac, je le rapporte où ?",
        "je veux acheter un pistolet pour le tir sportif, quelles démarches",
        "tous les ordinateurs de l'association sont bloqués avec une demande de rançon",
        "ma fille de 12 ans s'enferme dans sa chambre depuis la rentrée, je m'inquiète pour elle",
        "je suis partie avec mes enfants, où dormir ce soir ?",
    ])
    func foundBoughtLockedAndShelterQuestionsRaiseNothing(sentence: String) throws {
        #expect(try ask(sentence) == nil)
    }
}
