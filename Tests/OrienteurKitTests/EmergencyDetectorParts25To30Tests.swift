import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-24 missed in parts 25-30, each as a class written in other words:
/// a body pressed against a writer who cannot speak aloud, spitting, bats, attacks and arson announced, fake officials
/// in a home, a child not found since, a teen's phone off, a tight chest, a drooping mouth, sparks, a follower downstairs;
/// on the calm side whoever hits being away now, the writer safe elsewhere, a runaway who says where she sleeps,
/// no act planned, dying "of rage", a fan fiction, old stories; and the first number for poisonings, jumps, falls,
/// machines, a baby in a hot car.
extension EmergencyDetectorTests {
    /// A body pressed against the writer who cannot say a word aloud: silent help (114) first.
    @Test func aBodyPressedAgainstASilentWriterIsViolence() throws {
        let alert = try #require(try ask("in the tram a guy is pressing himself against me from behind, I can't say anything out loud"))
        #expect(alert.reasons.contains(.violenceNow))
        #expect(alert.actions.first == .sms("114"))
    }

    /// Spitting on someone, bats at a door, an attack or arson announced with a bag or petrol: the police now.
    @Test func spittingBatsAndAnnouncedAttacksAreDangersNow() throws {
        #expect(try ask("sur le quai deux garçons lui crachent dessus et la bousculent")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("des types avec des battes attendent devant le bar et disent qu'ils vont tout casser")?.reasons.contains(.armedPerson) == true)
        #expect(try ask("un ami a écrit qu'il va faire un attentat au concert et il est parti avec un sac")?.reasons.contains(.armedPerson) == true)
        #expect(try ask("a man in the car park says he will blow up the supermarket, he has a rucksack")?.reasons.contains(.armedPerson) == true)
        #expect(try ask("the guy from the bar is now in front of my house with a can of petrol, he says he will burn it")?.actions.first == .call("17"))
        #expect(try ask("he threatened me last week and now he's back at my door kicking the door")?.reasons.contains(.violenceNow) == true)
    }

    /// Someone drugged and abused a few hours ago: still an emergency (care, evidence).
    @Test func drugFacilitatedAssaultHoursAgoIsRecent() throws {
        #expect(try ask("I was drugged at a friend's party last night and abused, I came round an hour ago") != nil)
    }

    /// Fake officials going through a home now, jewels to put "in safety": an intrusion now, not a danger over.
    @Test func fakeOfficialsInAHomeAreIntrudersNow() throws {
        #expect(try ask("my grandmother says two fake police officers are in her flat right now checking her jewellery")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("deux hommes disant être de la police sont dans le salon de ma voisine, ils veulent mettre ses bijoux en sécurité")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("un homme qui se disait plombier est dans mon bureau, il fouille mes papiers")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("we came back to our rented flat and there are strangers inside carrying our things to a van, we're across the road")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("le vendeur qui se disait de la mairie vient de repartir avec mes bijoux, il monte dans une voiture grise") != nil)
    }

    /// A child not found since a moment, a teenager hours late with the phone off: a missing child now.
    @Test func aChildNotFoundSinceIsMissing() throws {
        #expect(try ask("our daughter, 8, went off on her bike an hour ago and we can not find her anywhere")?.reasons.contains(.missingChild) == true)
        #expect(try ask("my son, 6, is gone from the campsite, we can not find him for 20 minutes")?.reasons.contains(.missingChild) == true)
        #expect(try ask("mon fils de 14 ans devait être là à 18h, il est minuit, son portable est off")?.reasons.contains(.missingChild) == true)
        #expect(try ask("mon fils de 5 ans jouait au square il y a un quart d'heure et je ne le trouve plus, je dois attendre ?")?.reasons.contains(.missingChild) == true)
    }

    /// A tight chest, a drooping mouth, an alcoholic coma, blood after blows, a cut head: the SAMU first.
    @Test func heartStrokeAndInjurySignsBringTheSAMU() throws {
        #expect(try ask("my chest is tight and my left arm feels heavy since lunch")?.actions.first == .call("15"))
        #expect(try ask("mon grand-père a la bouche de travers depuis une demi heure, on peut attendre lundi ?")?.actions.first == .call("15"))
        #expect(try ask("mon père fait un coma éthylique sur le canapé")?.actions.first == .call("15"))
        #expect(try ask("a guy got hit at the bus stop, he's lying there with blood coming from his nose, the attackers ran away")?.reasons.contains(.medical) == true)
        #expect(try ask("they've gone now, I was hit with a bottle in the street, my head is cut and I feel dizzy and sick")?.reasons.contains(.medical) == true)
    }

    /// A small child walking alone by a road with no adult around is in danger.
    @Test func aSmallChildAloneByARoadIsInDanger() throws {
        #expect(try ask("un petit garçon de 3 ans marche seul au bord de la départementale, aucun adulte autour")?.reasons.contains(.childInDanger) == true)
    }

    /// Sparks from a socket or a panel, asked as a question: the firefighters.
    @Test func sparksAreAFireStarting() throws {
        #expect(try ask("the socket in the kitchen is sparking and smells of burning, should I call 18 or an electrician?")?.actions.first == .call("18"))
    }

    /// A follower downstairs, someone banned in the garden, a man who says he will come up: now.
    @Test func someoneAtTheWritersBuildingIsNow() throws {
        #expect(try ask("a man followed me home from the station, he's downstairs ringing every bell")?.reasons.contains(.beingFollowed) == true)
        #expect(try ask("mon ex qui n'a pas le droit de m'approcher est dans mon jardin là")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("un type sur insta dit qu'il est devant mon immeuble et qu'il va monter") != nil)
    }

    /// The writer on a bridge tonight, an end to one's days in the future tense: suicide, 3114 first.
    @Test func aBridgeTonightAndAnEndAnnouncedAreSuicide() throws {
        #expect(try ask("years ago I tried once, but tonight I'm on the bridge and I can't see a way back")?.actions.first == .call("3114"))
        #expect(try ask("je mettrai fin à mes jours demain matin, tout est réglé")?.reasons.contains(.suicide) == true)
        #expect(try ask("i want to jump off the car park roof tonight, nobody would notice")?.actions.first == .call("3114"))
    }

    /// A rape named with a word of now, wires out of a bag, a poker brandished, kicking said with "they're".
    @Test func shortWordsOfViolenceAndWeaponsAreDangers() throws {
        #expect(try ask("viol maintenant")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("un sac posé sous un banc du quai, des fils qui dépassent")?.reasons.contains(.armedPerson) == true)
        #expect(try ask("mon père ivre tient le tisonnier et crie sur ma mère ce soir")?.reasons.contains(.armedPerson) == true)
        #expect(try ask("they're kicking him in the car park and he doesn't get up")?.actions.first == .call("17"))
    }

    /// Whoever hits is away now, or the writer is safe elsewhere: someone to talk to, not an alert.
    @Test func anAbuserAwayOrTheWriterSafeIsNoAlert() throws {
        #expect(try ask("my stepdad hits me with his belt, he's not here now, I'm 13") == nil)
        #expect(try ask("mon père me frappe avec sa ceinture, pas ce soir il est en déplacement") == nil)
        #expect(try ask("he was beating me for two years, now we are separated and safe, can I still complain?") == nil)
        #expect(try ask("my ex was violent, now he lives in another city, how do I get a restraining order?") == nil)
        #expect(try ask("il m'a frappée plusieurs fois, là il m'écrit sur Facebook mais il ne sait pas où j'habite") == nil)
    }

    /// A runaway who says where she sleeps, no act planned, a wish to talk: no alert.
    @Test func aSafeRunawayOrATalkWantedIsNoAlert() throws {
        #expect(try ask("ma fille de 15 ans est partie après une dispute, elle dort chez une copine ce soir, elle va bien au téléphone") == nil)
        #expect(try ask("je me sens vide ces temps-ci, pas envie de faire de bêtise, j'ai juste besoin de parler") == nil)
        #expect(try ask("I'm 14 and sad all the time at school, I don't want to die or anything, I just want to talk to someone") == nil)
    }

    /// Dying "of rage" or over lost keys, a prevention line asked for a poster, a fan fiction: words, not intent.
    @Test func figuresOfSpeechAndFictionAreNoAlert() throws {
        #expect(try ask("on m'a piqué mon vélo neuf j'ai envie de mourir de rage") == nil)
        #expect(try ask("je vais mourir jai perdu mes clés de voiture dans le bus") == nil)
        #expect(try ask("quel est le numéro de prévention du suicide ? c'est pour une affiche au lycée") == nil)
        #expect(try ask("dans ma fanfic le méchant enlève un enfant, comment le héros appellerait la police ?") == nil)
    }

    /// A story dated to a past day, an age long past, a fight witnessed last Sunday: told afterwards.
    @Test func storiesDatedInThePastAreNoAlert() throws {
        #expect(try ask("un homme me frappe dans le métro, c'était samedi, maintenant je suis bien mais j'ai un bleu") == nil)
        #expect(try ask("j'ai été violée à l'âge de 15 ans, aujourd'hui j'en ai 40, existe-t-il une ligne d'écoute ?") == nil)
        #expect(try ask("j'ai été témoin d'une bagarre à la sortie du stade dimanche, je connais pas les gens, à qui donner la plaque ?") == nil)
    }

    /// An adult relative, money lent, a knock at a door, a teen threatening to run off, noise without a fight,
    /// a calm night: no missing child, no violence now.
    @Test func adultsDebtsKnocksAndCalmNightsAreNoAlert() throws {
        #expect(try ask("mon oncle 52 ans est parti de chez lui en laissant un mot, il répond plus depuis deux jours")?.reasons.contains(.missingChild) != true)
        #expect(try ask("j'ai prêté 3000 euros à mon cousin avec une reconnaissance de dette et son téléphone ne répond plus") == nil)
        #expect(try ask("le voisin met la musique à fond à 1h, j'ai frappé à sa porte il ouvre pas") == nil)
        #expect(try ask("mon fils de 15 ans menace de fuguer encore, comment l'en empêcher ?") == nil)
        #expect(try ask("des jeunes crient dans la rue sous ma fenêtre, pas de bagarre, juste du bruit") == nil)
        #expect(try ask("j'entends souvent le bébé d'à côté pleurer seul, ce soir c'est calme, à qui le signaler ?") == nil)
    }

    /// Poisoned, overdosed, barely breathing, on the floor since the morning: the SAMU before a general call.
    @Test func poisoningAndBarelyBreathingBringTheSAMU() throws {
        #expect(try ask("my friend took too much ketamine, he's foaming at the mouth and shaking")?.actions.first == .call("15"))
        #expect(try ask("ma voisine est par terre depuis ce matin, je la vois par la fenêtre, elle bouge à peine")?.actions.first == .call("15"))
    }

    /// Falls from a roof, someone under a tram, a hand caught in a machine, a lift stuck, a baby in a hot car: 18 first.
    @Test func rescuesBringTheFirefightersFirst() throws {
        #expect(try ask("un couvreur est tombé du toit de la maison d'en face, il ne bouge plus")?.actions.first == .call("18"))
        #expect(try ask("a cyclist is under the tram at the stop, people are shouting")?.actions.first == .call("18"))
        #expect(try ask("un ouvrier a la main coincée dans une machine à l'usine, il saigne beaucoup")?.actions.first == .call("18"))
        #expect(try ask("l'ascenseur est bloqué entre deux étages avec mon père dedans, il fait un malaise")?.actions.first == .call("18"))
        #expect(try ask("un bébé est seul enfermé dans une voiture en plein soleil sur le parking")?.actions.first == .call("18"))
    }

    /// A threat "it's over for you" with a knife: the police first; a crash on a bridge is no jump.
    @Test func aThreatenedEndAndABridgeCrashAreNoSuicide() throws {
        #expect(try ask("il a sorti un couteau et il dit que c'est fini pour moi, je suis enfermée dans la salle de bain")?.actions.first == .call("17"))
        let crash = try #require(try ask("accident sur le pont, une voiture a percuté la glissière, le conducteur est coincé sous le volant"))
        #expect(!crash.reasons.contains(.suicide))
    }

    /// A fine, a ticket or a speed camera: the written question to an officer among the first answers.
    @Test func aFineQuestionReachesTheChat() throws {
        let answer = try Self.orienteur.get().ask("I got a parking ticket I think is unfair, how can I contest the fine?")
        #expect(answer.results.prefix(3).contains { $0.id == "c-contact-tchat" }, "\(answer.results.map(\.id))")
    }
}
