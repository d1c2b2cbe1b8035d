import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-30 missed in parts 31-36, each as a class written in other words:
/// a long message that asks about paperwork first and tells a danger happening now last, a light or a noise in a
/// home where nobody should be, a child who "is gone", states that last as one writes (cannot get up, unconscious,
/// bleeding that will not stop, minutes of a seizure), a limb bent the wrong way, a farewell before walking into
/// the sea, a slap seen now, the writer's own place, a silence after blows that frightens; on the calm side the
/// writer saying outright that nothing happens now, an adult neighbour's age, a phone its owner often switches off;
/// and the first number for a body in distress (blue, a strange snore, a fit) and for "jvais me tuer".
extension EmergencyDetectorTests {
    /// A long message: a question about a complaint or a form first, then "but right now…": the danger told last
    /// is read on its own, and the past of the first part does not hide it.
    @Test func aDangerToldAfterAnotherQuestionIsRead() throws {
        let kicking = try #require(try ask("""
            Hello, I wanted to know how long it takes to get a copy of my complaint for the insurance, they keep asking for \
            the number, and whether the station is open on Saturday, but right now two men are kicking my neighbour on the \
            pavement in front of my window, Rue Pasteur, Lyon
            """))
        #expect(kicking.reasons.contains(.violenceNow))
        #expect(kicking.actions.first == .call("17"))
        let canal = try #require(try ask("""
            Bonjour, je voulais savoir comment faire une procuration pour les élections, ma mère est à l'étranger depuis \
            l'an dernier, et aussi si on peut prendre rendez-vous en ligne, mais ce qui se passe maintenant c'est qu'un homme \
            a glissé dans le canal derrière chez moi et il ne remonte pas
            """))
        #expect(canal.actions.first == .call("18"))
    }

    /// The same long questions ending with "what do I do now?" or with something that is not there now: no alert.
    @Test func aLongQuestionEndingWithNowIsNoDanger() throws {
        #expect(try ask("""
            Hello, I wanted to know how long it takes to get a copy of my complaint for the insurance, they keep asking for \
            the number, and whether the station is open on Saturday, and what do I do now?
            """) == nil)
        #expect(try ask("""
            Bonjour, ma voiture a été rayée l'an dernier sur le parking et je voudrais savoir si je peux encore porter plainte \
            en ligne, et aussi comment obtenir le récépissé pour l'assurance, elle n'est pas là en ce moment, la voiture est au garage.
            """) == nil)
    }

    /// A light or a noise in a home where nobody should be is an intruder now, even when the partner "is at work".
    @Test func someoneWhereNobodyShouldBeIsAnIntruder() throws {
        #expect(try ask("je vois de la lumière dans mon garage alors que personne n'est censé être là, mon mari est au travail")?
            .reasons.contains(.intruderNow) == true)
        #expect(try ask("I can hear someone walking around downstairs and nobody should be in the house, my husband is at work")?
            .reasons.contains(.intruderNow) == true)
    }

    /// A small child who "is gone" since minutes is missing; a son "gone to his dad's for the weekend" is not.
    @Test func aChildWhoIsGoneIsMissing() throws {
        #expect(try ask("our little girl of 5 is gone since ten minutes in the supermarket, we looked everywhere")?
            .reasons.contains(.missingChild) == true)
        #expect(try ask("my son is gone to his dad's for the weekend, when can I call the school about his grades?") == nil)
    }

    /// A state that lasts as one writes is now, even an hour after the fall or when the attackers left.
    @Test func statesThatLastAreNow() throws {
        #expect(try ask("my grandfather fell in the garden an hour ago and he can't get up, he is cold")?.actions.first == .call("15"))
        #expect(try ask("mamie est tombée dans la cuisine il y a une heure, elle n'arrive pas à se relever")?.actions.first == .call("15"))
        #expect(try ask("mon frère est inconscient dans sa chambre, c'est quoi le numéro ?")?.actions.first == .call("15"))
        #expect(try ask("he got hit with a bottle earlier, the guys left but his arm won't stop bleeding")?.reasons.contains(.medical) == true)
        #expect(try ask("mon mari fait une crise, ça dure depuis plus de dix minutes, il convulse")?.reasons.contains(.medical) == true)
        #expect(try ask("my neighbour just got pushed off his bike, his arm is bent the wrong way and he's crying")?.actions.first == .call("15"))
        #expect(try ask("ma copine a pris des pilules à la fête, elle reconnait plus personne et elle tremble")?.reasons.contains(.medical) == true)
    }

    /// A farewell before walking into the sea, "I don't think I'll be here tomorrow": suicide (3114) first;
    /// "I'll be here tomorrow morning" to sign a complaint is no farewell.
    @Test func farewellsBeforeAnActAreSuicidalIntent() throws {
        #expect(try ask("I've taken out the pills, I don't think I'll be here tomorrow, I just wanted to say it")?.actions.first == .call("3114"))
        #expect(try ask("my friend texted that she is going to walk into the sea tonight and her phone is off")?.actions.first == .call("3114"))
        #expect(try ask("I'll be here tomorrow morning at the station to sign my complaint") == nil)
    }

    /// A slap seen now; "je suis chez ma sœur" says where the writer is, not that the danger is behind her, when
    /// something has just happened; told of two weeks ago from the writer's mother's home, it is a complaint.
    @Test func theWritersPlaceIsNotTheDangersEnd() throws {
        #expect(try ask("I can see through the window the nurse slap her again and again, my mum is in the bed")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("je suis chez ma sœur, son mari vient de la pousser contre le mur, il crie encore")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("je suis chez ma mère maintenant, il m'a frappée il y a deux semaines, je veux porter plainte") == nil)
    }

    /// A silence after the blows that frightens more does not end the danger.
    @Test func aSilenceThatFrightensIsNoEnd() throws {
        #expect(try ask("the neighbours were fighting, I heard her crying \"let go of me\" and now it's too quiet, that scares me")?
            .reasons.contains(.violenceNow) == true)
    }

    /// "Nothing is happening right now", "not violent tonight", "fine, just scared", "nobody has been hurt yet":
    /// the writer says nothing happens now — a worry to talk about.
    @Test func theWriterSayingNothingHappensNowIsBelieved() throws {
        #expect(try ask("my ex waits outside my office some mornings, he's not doing anything right now but I feel watched") == nil)
        #expect(try ask("I think my cousin's boyfriend hurts her, nothing is happening right now, who can I talk to?") == nil)
        #expect(try ask("ça me stresse, il me suit parfois, mais ce soir ce n'est pas violent, je voulais juste en parler") == nil)
        #expect(try ask("the neighbours' goat keeps coming into our yard and butting the fence, nobody has been hurt yet") == nil)
    }

    /// The same words beside a weapon in the home, a gun in a lobby or someone not breathing: the alert stays.
    @Test func nothingNowBesideARealDangerStillAlerts() throws {
        #expect(try ask("he's not doing anything right now, he's just standing there, but he has a knife in his hand in my kitchen")?
            .actions.first == .call("17"))
        #expect(try ask("nobody has been hurt yet but the man in the lobby is waving a gun at the staff")?.reasons.contains(.armedPerson) == true)
        #expect(try ask("nothing is happening right now in the street but my husband is unconscious on the kitchen floor and not breathing")?
            .actions.first == .call("15"))
    }

    /// A neighbour "de 80 ans" is an adult, not a missing child; a phone its owner often switches off is a habit.
    @Test func anAdultsAgeAndAPhoneHabitAreNoMissingChild() throws {
        #expect(try ask("mon voisin de 80 ans n'est plus là depuis deux jours, sa voiture non plus, il part souvent chez son fils") == nil)
        #expect(try ask("mon oncle fait le tour de la Bretagne à vélo, il ne répond plus depuis trois jours mais il a l'habitude de couper son téléphone") == nil)
    }

    /// A body in distress said in plain words (blue, a strange snore, a fit, barely answering): the SAMU first;
    /// an arm "tout bleu" after last Saturday's fight is a bruise to file a complaint about.
    @Test func plainSignsOfDistressBringTheSAMU() throws {
        #expect(try ask("mon oncle a pris un truc à la soirée, il est tout bleu et il ronfle bizarrement")?.actions.first == .call("15"))
        #expect(try ask("my dad had a fit in the kitchen, he is all blue and barely answering")?.actions.first == .call("15"))
        #expect(try ask("j'ai le bras tout bleu depuis la bagarre de samedi, je veux porter plainte") == nil)
    }

    /// "jvais me tuer", "I don't see another way" on a bridge: suicidal intent (3114) first.
    @Test func shortenedAndDespairingWordsOfSuicideGive3114() throws {
        #expect(try ask("jvais me tuer cette nuit personne m'aime")?.actions.first == .call("3114"))
        #expect(try ask("I've lost everything, I'm on the bridge and I don't see another way")?.actions.first == .call("3114"))
    }

    /// A witness's danger: the witness's leaf and the leaf for the person in danger both come first, not one of them.
    @Test func aWitnessGetsBothLeavesWithTheNumbers() throws {
        let response = try Self.orienteur.get().ask("two men are fighting with a broken bottle outside the bar right now")
        #expect(response.emergency != nil)
        #expect(Set(response.results.prefix(2).map(\.id)) == ["b-urgence", "a-danger-maintenant"])
    }

    /// A phone taken from a locker, thief unknown: the complaint against an unknown thief is among the first answers.
    @Test func aTheftFromALockerIsATheftBySomeoneUnknown() throws {
        let response = try Self.orienteur.get().ask("on m'a volé mon téléphone dans mon casier à la piscine")
        #expect(response.emergency == nil)
        #expect(response.results.prefix(3).contains { $0.id == "a-vol-inconnu" })
    }

    /// A driver slowing beside someone on foot and asking them to get in: being followed now.
    @Test func aDriverAskingSomeoneToGetInIsFollowing() throws {
        #expect(try ask("a van keeps driving slowly next to me on my way back from the gym and the guy asked me to get in")?
            .reasons.contains(.beingFollowed) == true)
        #expect(try ask("un monsieur en voiture roule au pas à côté de moi depuis l'arrêt de bus et me demande de monter")?
            .reasons.contains(.beingFollowed) == true)
    }

    /// Abuse a friend confided in secret, harassment that "does not stop": to report, not blows seen now;
    /// beside blows seen right now or someone at the door now, the alert stays.
    @Test func confidedAbuseAndOngoingHarassmentAreToReport() throws {
        #expect(try ask("mon copain m'a confié que sa mère le frappe avec une ceinture, il ne veut pas que je le dise") == nil)
        #expect(try ask("il arrête pas de me harceler depuis notre rupture, il passe devant chez moi") == nil)
        #expect(try ask("my friend doesn't want me to tell but right now her stepdad is hitting her in the car park in front of me")?
            .reasons.contains(.violenceNow) == true)
        #expect(try ask("il arrête pas de me harceler et là il est devant ma porte, il tape dessus")?.reasons.contains(.violenceNow) == true)
    }

    /// "Que faire si je surprends un cambrioleur ?": no alert, and the leaf for a burglary in progress, which says
    /// what to do then, stays among the first answers.
    @Test func askingWhatToDoIfItHappensKeepsTheLeafForIt() throws {
        let response = try Self.orienteur.get().ask("que faire si je surprends un cambrioleur chez moi en rentrant ?")
        #expect(response.emergency == nil)
        #expect(response.results.prefix(3).contains { $0.id == "a-camb-present" })
    }

    /// "Je peux plus vivre avec ça" after pills swallowed: suicidal intent (3114) first; "he pushed her" now at a
    /// relative's home is violence now, told of last month it is a complaint.
    @Test func notLivingWithItAndAPushNowAreDangers() throws {
        #expect(try ask("ils vont montrer les photos à toute ma classe, je peux plus vivre avec ça, j'ai avalé la boîte de somnifères")?
            .actions.first == .call("3114"))
        #expect(try ask("my uncle is at my gran's flat right now, he pushed her and he won't go, she called me whispering")?
            .reasons.contains(.violenceNow) == true)
        #expect(try ask("he pushed her last month at the party, she wants to know how to file a complaint") == nil)
    }
}
