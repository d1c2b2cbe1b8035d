import Testing
@testable import OrienteurKit

/// Readings of phrasing the earlier rules missed: cries of one word, people held who can only write, rackets and
/// intruders now, events that are over, weapons asked about, worries, procedure questions, quoted words.
extension EmergencyDetectorTests {
    /// One word shouted is a cry for help; the same word written plainly stays a topic.
    @Test func oneWordShoutedIsACry() throws {
        #expect(try detector.detect("INCENDIE")?.reasons.contains(.fire) == true)
        #expect(try detector.detect("gas!!")?.reasons.contains(.fire) == true)
        #expect(try detector.detect("incendie") == nil)
        #expect(try detector.detect("noyade lac")?.actions.first == .call("18"))
    }

    /// Held somewhere and able only to write; cornered for a phone; burglars inside the house opposite;
    /// a fake official in the home; a suspicious package; a drunk driver about to drive off.
    @Test(arguments: [
        "deux hommes me retiennent dans un garage depuis hier, je peux juste écrire",
        "trois types me coincent derrière le gymnase, ils veulent mon portable",
        "two lads climbed the wall of the house opposite and they're inside",
        "a woman and a man in overalls are in my house saying they must check my jewelry",
        "colis suspect sur le quai, un sac avec des fils apparents sous un siège",
        "le type qui m'a percuté est ivre mort et veut reprendre le volant",
        "a man is shoving an old lady at the tram stop right now",
        "he just tried to strangle me, he's in the other room",
        "je viens d'être agressée sexuellement, je suis dehors et je tremble",
        "two years ago a boy drowned here, and now there is a girl who went under at the lake",
        "I'm on a video call with my dad and I can see his carer hitting him right now",
        "un homme a déposé un colis suspect dans le hall de la gare et il est parti",
        "the bloke who hit my car is plastered and about to drive off",
        "un client menace ma collègue à l'accueil, j'écris depuis le bureau",
        "mon mari me frappe en ce moment, à qui parler ?",
        "la voisine du 3e n'a plus ouvert depuis une semaine et il y a une odeur bizarre sur le palier",
        "I think my date put something in my drink and the room is spinning",
        "the driver who crashed into me smells of alcohol and wants to leave",
        // "training" here is a sport's, not a course one prepares: no hypothesis.
        "on my way back from rugby training two men followed me and one pulled a knife, they are still right behind me",
    ])
    func dangersNowInNewPhrasingAreRead(_ text: String) throws {
        #expect(try ask(text) != nil)
    }

    /// Over, asked about, or worried about: no alert.
    @Test(arguments: [
        "quelqu'un a brûlé notre poubelle cette nuit, les pompiers sont venus, comment porter plainte ?",
        "my van was torched overnight, the fire brigade put it out, what now",
        "mon grand-père est décédé et on a trouvé un revolver au grenier, on fait quoi ?",
        "I bought a hunting knife, am I allowed to carry it on the train?",
        "je peux prendre ma réplique airsoft dans le métro ?",
        "les jeunes tirent des feux d'artifice dans la rue, on dirait des coups de feu",
        "je crois que mon amie se fait frapper par son copain, elle a des bleus",
        "can I report my ex's violence by video call instead of going to the station?",
        "comment appeler la police si je ne peux pas parler ?",
        "quelle est la démarche pour une plainte après une agression le mois dernier",
        "my mum is depressed but she's safe at home, who can she call?",
        "mon frère m'a tapé mais on s'est réconciliés, c'est grave ?",
        "I was hit by my father as a kid, I'm 40 now, can I still file a complaint",
        "a van is blocking the fire lane behind our school, can it be towed",
        "on m'a volé mon scooter cette nuit devant chez moi, comment porter plainte ?",
        "j'ai vu un ancien post où quelqu'un parlait de se suicider, je le signale ?",
        "ma sœur s'est fait cambrioler cet après-midi, quand elle est rentrée ils n'étaient plus là",
        "Help! I'm locked out of my flat, can you open the door?",
        "je me sens vide en ce moment, je sais plus à qui parler",
        "ai-je le droit de transporter un couteau suisse en randonnée ?",
        "how to spot a fake police officer at the door?",
        "j'aimerais parler à un policier de ce que vit ma mère, sans qu'elle le sache",
        "une voiture a tapé ma voiture sur le parking et est repartie, personne blessé",
        "à quoi sert le 119 ?",
        "comment devenir gendarme après le bac",
    ])
    func overAskedOrWorriedRaisesNothing(_ text: String) throws {
        #expect(try detector.detect(text) == nil)
    }

    /// Bullies' words quoted, a suicide only mentioned as not spoken of, an old post: no suicidal intent of the writer.
    @Test func quotedOrDeniedSuicideIsNoIntent() throws {
        #expect(reading("they keep telling me to kill myself on discord").suicide == nil)
        #expect(reading("il n'a jamais parlé de suicide mais il dort tout le temps").suicideDenied)
        #expect(reading("I want to kill myself").suicide != nil)
        #expect(reading("je me suis enfermée avec un cutter dans ma chambre").suicide != nil)
        #expect(reading("j'ai tous mes cachets étalés devant moi").suicide != nil)
    }

    /// A toy lost for a child, a flatmate gone with the money, a scammer on the phone: nobody missing, nobody inside.
    @Test func lostToysFlatmatesAndCallersAreNoMissingChildOrIntruder() throws {
        #expect(try ask("j'ai perdu le doudou de mon fils au square")?.reasons.contains(.missingChild) != true)
        #expect(try ask("mon colocataire est parti avec le loyer et a disparu")?.reasons.contains(.missingChild) != true)
        #expect(try detector.detect("a man phoned claiming to be from my bank and I gave him my code")?.reasons.contains(.intruderNow) != true)
    }

    /// "Quelle est la…", "ses affaires sont là", "il tient des propos": no "here, now"; "trying every door" is no habit.
    @Test func questionsThingsAndHabitsAreNoPresent() {
        #expect(!reading("two men are walking along the car park trying every car door").past)
        #expect(reading("quelle est la procédure").present == nil)
        #expect(reading("ses affaires sont là").present == nil)
        #expect(reading("il tient des propos bizarres").present == nil)
    }

    /// A man "from the gas company" who refuses to leave is an intruder for the police, not a gas leak; a grown son who
    /// likes his mother's photos is not missing.
    @Test func aFakeGasManIsAnIntruderAndSomeoneActiveOnlineIsNotMissing() throws {
        let gasman = try #require(try ask("un homme qui se dit du gaz refuse de partir de chez ma tante, il crie"))
        #expect(!gasman.reasons.contains(.fire))
        #expect(gasman.actions.first == .call("17"))
        #expect(try ask("mon fils de 20 ans ne répond plus depuis 5 jours mais il like mes photos")?.reasons.contains(.missingAdult) != true)
    }

    /// A farewell from someone unreachable: suicidal intent, and a person to find (the police).
    @Test func aFarewellFromSomeoneUnreachableCallsThePoliceToo() throws {
        let alert = try #require(try detector.detect("mon cousin m'a écrit adieu tout à l'heure, depuis il ne répond plus"))
        #expect(alert.reasons.first == .suicide)
        #expect(alert.actions.prefix(3).contains(.call("17")))
    }

    /// A farewell from someone depressed whose phone is off: suicidal intent, and a person to find (the police).
    @Test func aFarewellFromSomeoneUnreachableAlsoCallsThePolice() throws {
        let alert = try #require(try detector.detect("my depressed uncle posted a goodbye message this morning and his phone is off since"))
        #expect(alert.reasons.first == .suicide)
        #expect(alert.actions.prefix(3).contains(.call("17")))
    }

    /// A sexual assault a few hours ago is still an emergency, even when he has gone; years ago it is not.
    @Test func aSexualAssaultWithinHoursIsStillAnEmergency() throws {
        #expect(try detector.detect("j'ai été violée il y a deux heures, il est parti, je suis chez une amie") != nil)
        #expect(try detector.detect("I was sexually assaulted a couple of hours ago at a party and I'm home now") != nil)
        #expect(try detector.detect("j'ai été violée il y a deux ans, est-ce que je peux encore porter plainte ?") == nil)
    }

    /// A minor in danger (an age under 18, home alone, a little sister) is shown the minors' leaf, an adult the general one.
    @Test func aMinorInDangerIsShownTheMinorsLeaf() throws {
        let child = try #require(try ask("j'ai 13 ans et un homme essaie d'ouvrir la porte de ma chambre"))
        let content = try Self.orienteur.get().content
        let minorsLeaf = try #require(content.emergencyAnswers.first { $0.reason == .childInDanger }?.leaf)
        #expect(child.leafID == minorsLeaf)
        let adult = try #require(try ask("j'ai 43 ans et un homme essaie d'ouvrir la porte de ma chambre"))
        #expect(adult.leafID != minorsLeaf)
        #expect(try ask("a man in a van is trying to pull my little sister inside right now")?.leafID == minorsLeaf)
    }

    /// A neighbour unseen for days with a smell from the flat: the police check first.
    @Test func anUnseenNeighbourWithASmellCallsThePoliceFirst() throws {
        let alert = try #require(try ask("my neighbour hasn't opened for days, her mailbox is overflowing and there's a smell on the landing"))
        #expect(alert.actions.first == .call("17"))
    }

    /// Three services or more: the number their answers share (112) comes third.
    @Test func threeServicesPutTheSharedNumberThird() throws {
        let actions = try detector.actions(for: [.fire, .medical, .callForHelp])
        #expect(Array(actions.prefix(3)) == [.call("18"), .call("15"), .call("112")])
    }
}

extension EmergencyDetectorTests {
    /// Papers, money or jewels that disappeared are a theft or a loss, not a missing person, even when the
    /// owner is old and the search finds the missing-person leaves; someone who left *with* a bike is missing.
    @Test func valuablesThatDisappearedAreNoMissingPerson() throws {
        #expect(try ask("la carte bancaire de ma mère âgée a disparu de son sac à main") == nil)
        #expect(try ask("my old neighbour's wallet and passport went missing from her flat") == nil)
        #expect(try ask("notre fille de 9 ans a disparu avec son vélo depuis une heure")?.reasons.contains(.missingChild) == true)
        #expect(try ask("ma grand-mère de 88 ans qui a alzheimer a disparu avec son portefeuille")?.reasons.contains(.missingAdult) == true)
    }

    /// Something found missing "after the visit" of a false tradesman: the visitor has gone, it is a plainte, not 17.
    @Test func somethingMissingAfterAVisitIsOver() throws {
        #expect(try ask("après la visite d'un soi-disant agent du gaz, l'argent du tiroir n'est plus là") == nil)
        #expect(try ask("after the visit of a fake water board man my dad's cash box is empty") == nil)
        // The same false official inside the home now, or searching it yesterday.
        #expect(try ask("un faux agent du gaz est dans la cuisine de mon père et ouvre les placards")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("a so-called water board man is in my mum's kitchen going through her drawers") != nil)
        #expect(try ask("hier un faux agent a fouillé les tiroirs de ma mère, comment porter plainte") == nil)
    }
}
