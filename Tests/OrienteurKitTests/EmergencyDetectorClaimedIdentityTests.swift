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

extension EmergencyDetectorTests {
    /// A case asked about as a question ("c'est grave si…", "is it paranoid if…", "c'est normal qu'…") is a case
    /// happening, not a hypothesis; a question about nothing dangerous stays calm.
    @Test func aCaseAskedAsAQuestionIsStillACase() throws {
        #expect(try ask("est-ce grave si mon bébé a avalé une pile bouton il y a dix minutes ? il pleure beaucoup")?.actions.first == .call("15"))
        #expect(try ask("is it serious if my dad drank some bleach by mistake? he's coughing a lot")?.actions.first == .call("15"))
        #expect(try ask("is it paranoid if a man has been walking behind me since the station and he's still there?")?.reasons.contains(.beingFollowed) == true)
        #expect(try ask("c'est normal qu'un homme essaie d'ouvrir ma porte à 3h du matin ? il est encore là")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("c'est grave si mon fils regarde des vidéos de bagarres ?") == nil)
    }

    /// A child gone with someone the parent does not know is a child in danger.
    @Test func aChildGoneWithAStrangerIsInDanger() throws {
        #expect(try ask("ma fille de 8 ans est partie avec un homme que je connais pas à la sortie du centre aéré")?.reasons.contains(.childInDanger) == true)
    }

    /// Numbers follow the main danger: chest pain, breathlessness, someone pale who no longer moves call the SAMU;
    /// a fire told in texting spelling and rising water call the firefighters; someone fallen off a ferry or a boat
    /// taking water miles off the coast calls the sea rescue; someone saying they will jump calls 3114.
    @Test func numbersFollowTheMainDangerOfPartsNineteenToTwentyOne() throws {
        #expect(try ask("mon oncle a très mal à la poitrine et n'arrive plus à respirer")?.actions.first == .call("15"))
        #expect(try ask("ma grand-mère est toute blanche et ne bouge plus dans son lit")?.actions.first == .call("15"))
        #expect(try ask("y a du feu dans le garage et ça sent fort")?.actions.first == .call("18"))
        #expect(try ask("l'eau monte dans notre rue, on est coincés à l'étage avec les petits")?.actions.first == .call("18"))
        #expect(try ask("un passager est tombé du ferry, on le voit dans les vagues")?.actions.first == .call("196"))
        #expect(try ask("nous sommes en panne à 3 milles de la côte et le bateau prend l'eau")?.actions.first == .call("196"))
        #expect(try ask("my cousin is on the roof of the car park saying he'll jump")?.actions.first == .call("3114"))
    }

    /// Calm: violence told as a habit ("when he's drunk"), bruises explained away by someone "ok for now", money
    /// sent in what the writer now calls a scam, "urgent" to file a complaint before leaving, whether a fire may be
    /// lit, what to do if one hears violence, a night out days ago with a certificate, a tradesman gone with a deposit.
    @Test(arguments: [
        "he only hits me when he's drunk, I don't want him arrested",
        "mon père me frappe quand il a bu, je veux pas qu'il aille en prison",
        "my friend always has an excuse for her bruises, she's ok for now but I'm scared",
        "I sent 2000 euros to a soldier I met on Facebook, I think it was a scam",
        "c'est urgent, je dois porter plainte avant de prendre l'avion lundi pour le vol de mon vélo",
        "on peut faire un barbecue sur la plage le soir ?",
        "si j'entends encore des cris chez le voisin, j'appelle qui ?",
        "vendredi soir on m'a frappé à la sortie d'un bar, j'ai le certificat médical, je fais comment ?",
        "le peintre à qui j'ai donné un acompte a disparu sans finir le chantier",
    ])
    func habitsWorriesScamsAndQuestionsRaiseNothing(sentence: String) throws {
        #expect(try ask(sentence) == nil)
    }
}

extension EmergencyDetectorTests {
    /// What follows a question mark reports the situation ("c'est grave ? elle vomit"): a verb in the present there
    /// says now, even though the sentence opens with a question; someone watching through the window who does not
    /// go away is at the home now.
    @Test func whatFollowsTheQuestionSaysNow() throws {
        #expect(try ask("est-ce grave si ma fille de 3 ans a avalé de la javel ? elle vomit")?.actions.first == .call("15"))
        #expect(try ask("is it normal that a stranger is staring through my window from the garden at 2am? he won't go away")?.reasons.contains(.intruderNow) == true)
    }
}

extension EmergencyDetectorTests {
    /// Capsized, sinking or stuck in a river, rapids or a lake calls the firefighters (18), not the sea rescue,
    /// even in a kayak; at sea the sea rescue stays first.
    @Test func inlandWatersCallTheFirefighters() throws {
        #expect(try ask("our raft flipped in the rapids on the Ardèche and my son is stuck against a rock")?.actions.first == .call("18"))
        #expect(try ask("mon kayak s'est retourné sur le lac de Serre-Ponçon, je suis dans l'eau froide")?.actions.first == .call("18"))
        #expect(try ask("un enfant coule dans le lac, je le vois plus")?.actions.first == .call("18"))
        #expect(try ask("mon kayak s'est retourné en mer, je n'arrive plus à revenir")?.actions.first == .call("196"))
    }
}

extension EmergencyDetectorTests {
    /// An adult out of touch for days, "not like him", is a worry to report; a vulnerable adult missing is still
    /// an emergency.
    @Test func anAdultOutOfTouchIsAWorry() throws {
        #expect(try ask("ma cousine de 29 ans ne donne plus de nouvelles depuis six jours, c'est pas son genre") == nil)
        #expect(try ask("my housemate hasn't been back for three days and his phone rings out, not like him at all") == nil)
        #expect(try ask("mon grand-père atteint d'Alzheimer est sorti ce matin et n'est pas rentré, ce n'est pas son genre") != nil)
    }
}

extension EmergencyDetectorTests {
    /// A place called small ("un petit village", "notre petite maison") is no small child.
    @Test func aSmallPlaceIsNoSmallChild() throws {
        #expect(reading("on trouve des tags sur le portail de notre petite maison, le maire ne fait rien").weak[.childInDanger] == nil)
        #expect(reading("on trouve un petit tout seul sur le parking, il pleure").weak[.childInDanger] != nil)
    }
}

extension EmergencyDetectorTests {
    /// Calm: blows told as what happens when someone is upset or every day, money sent for months to someone met
    /// online.
    @Test(arguments: [
        "mon père me tape quand il est énervé, j'ai 12 ans, je veux pas qu'on le mette en prison",
        "mon grand-père continue d'envoyer des virements à une femme qu'il n'a jamais vue",
        "my aunt has been sending money to a man she met on Instagram who says he's a surgeon abroad",
    ])
    func habitsAndMoneySentRaiseNothing(sentence: String) throws {
        #expect(try ask(sentence) == nil)
    }
}

extension EmergencyDetectorTests {
    /// Someone at the bottom of a pool or a brush fire moving toward houses calls the firefighters; a man in the
    /// garden peering through the windows is at the home now; a worry "with nothing alarming said" stays calm.
    @Test func poolsBrushFiresAndWindows() throws {
        #expect(try ask("une fillette est au fond de la piscine du camping et ne remonte pas")?.actions.first == .call("18"))
        #expect(try ask("un feu de broussailles avance vers le lotissement, le vent le pousse")?.actions.first == .call("18"))
        #expect(try ask("a man in my back garden is looking through my windows, it's dark and I live alone")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("my daughter has been quiet lately and I'm worried, though she hasn't said anything alarming, who can she talk to?") == nil)
    }
}
