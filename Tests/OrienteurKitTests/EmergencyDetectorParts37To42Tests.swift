import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-36 missed in parts 37-42, each as a class written in other words:
/// someone who has just come in or is still in the home, a shove told in the past while the one who shoved is
/// still there, a refusal to let the writer go said in the present, a rape minutes ago when the writer is home now,
/// a death threat said as "you won't leave alive", someone taken away in a vehicle writing in secret, a child gone
/// to meet someone met online, a shrug before a fire ("c pas grave mais…"), a strong smell of gas, a massacre
/// announced, fake officials with fake badges, a vulnerable adult who drove off.
extension EmergencyDetectorTests {
    /// "vient d'entrer", "vient d'arriver": as "vient de", something that has just happened, even after a story of weeks.
    @Test func someoneWhoHasJustComeInIsNow() throws {
        #expect(try ask("mon ancien voisin qui me harcèle par sms depuis des mois vient d'arriver sur mon palier et essaie d'entrer")?
            .reasons.contains(.intruderNow) == true)
    }

    /// "il est toujours dans la maison", "ils sont encore dans le magasin": someone still there as the writer writes.
    @Test func someoneStillInThePlaceIsNow() throws {
        let shove = try #require(try ask("mon neveu m'a poussée dans l'escalier pour prendre ma carte bleue, il est toujours dans la maison"))
        #expect(shove.reasons.contains(.violenceNow))
        #expect(shove.actions.first == .call("17"))
        #expect(try ask("mon neveu m'a poussée une fois il y a deux ans, depuis on ne se parle plus, comment porter plainte ?") == nil)
    }

    /// "now he won't let me go", "il veut pas me laisser sortir": a refusal said in the present is now, even after a past story.
    @Test func aRefusalToLetGoIsNow() throws {
        #expect(try ask("two years ago I left him and came back, and since this morning he won't let me go out, he hid my shoes and my phone")?
            .reasons.contains(.lockedIn) == true)
    }

    /// A rape or a sexual assault of minutes ago is an emergency even when the writer is home and the man unaware of where she lives.
    @Test func aRapeMinutesAgoIsAnEmergencyAtHomeToo() throws {
        let alert = try #require(try ask("je viens de me faire violer dans une cage d'escalier, je suis rentrée chez moi, il sait pas où j'habite"))
        #expect(alert.reasons.contains(.violenceNow))
        #expect(try ask("I was raped three years ago at university and I would like to talk to someone about it") == nil)
    }

    /// "you won't leave this house alive": a death threat, now.
    @Test func youWontLeaveAliveIsADeathThreat() throws {
        #expect(try ask("he has been drinking all evening and now he says I'm not leaving here alive")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("il a bu et il vient de me dire que je sortirai pas vivante d'ici")?.reasons.contains(.violenceNow) == true)
    }

    /// Taken away in a vehicle, writing on a phone the captors do not know about: 114 first, the police too.
    @Test func takenAwayInAVehicleWritingInSecret() throws {
        let alert = try #require(try ask("two men took me in a car, I'm on the back seat, they don't know I have a phone"))
        #expect(alert.actions.first == .sms("114"))
        #expect(alert.actions.contains(.call("17")))
    }

    /// A child gone to meet someone met on a game or a social network: a missing child; the friend's adult age does not
    /// make the child an adult.
    @Test func aChildGoneToMeetSomeoneMetOnlineIsMissing() throws {
        #expect(try ask("mon fils de 13 ans est parti cet après-midi rejoindre un homme de 30 ans connu sur discord, il ne répond plus")?
            .reasons.contains(.missingChild) == true)
        #expect(try ask("my daughter is 12 and she went to meet a boy from roblox an hour ago, we can't reach her")?
            .reasons.contains(.missingChild) == true)
    }

    /// "c pas grave mais…": a shrug before the thing itself; smoke from a cellar is still a fire.
    @Test func aShrugBeforeAFireIsNoAllClear() throws {
        #expect(try ask("c pas grave mais y a de la fumée noire qui sort de la cave de l'immeuble")?.actions.first == .call("18"))
    }

    /// A strong smell of gas in the street, whoever dug the pipe gone: the firefighters.
    @Test func aStrongSmellOfGasCallsTheFirefighters() throws {
        #expect(try ask("ça sent très fort le gaz dans la rue depuis que la pelleteuse a touché un tuyau, elle est partie")?
            .actions.first == .call("18"))
    }

    /// A massacre announced by someone who is there: a weapon's danger, the police first.
    @Test func aMassacreAnnouncedIsAnArmedThreat() throws {
        #expect(try ask("un client viré vient d'écrire qu'il va faire un carnage, il est devant l'accueil")?.actions.first == .call("17"))
    }

    /// Men with fake badges in the writer's shop, still there: an intrusion now.
    @Test func fakeBadgesInTheShopAreAnIntrusion() throws {
        #expect(try ask("deux types avec des faux badges de la mairie sont dans mon restaurant et veulent la caisse, ils sont encore là")
            != nil)
    }

    /// An old man with dementia who drove off: a vulnerable adult missing.
    @Test func aVulnerableAdultWhoDroveOffIsMissing() throws {
        #expect(try ask("mon père a une démence et il est parti en voiture ce matin, on ne sait pas où il est")?
            .reasons.contains(.missingAdult) == true)
    }

    /// A child alone at the door with a stranger knocking: "mum is at work" is not the danger's end.
    @Test func aStrangerKnockingWhileMumIsAtWork() throws {
        #expect(try ask("im 8 and a man i dont know is knocking on the door and says he knows me, my mum is at work") != nil)
    }

    // MARK: - Calm sentences, each blocker beside a danger of now too

    /// "il ne m'a jamais frappée", "the kids are scared", "avec mes deux enfants": blows denied and the writer's children
    /// in a story name no danger now; the same words beside blows happening now still alert.
    @Test func blowsDeniedAndChildrenInAStoryAreNoDangerNow() throws {
        #expect(try ask("il me surveille tout le temps et garde ma carte bleue, il ne m'a jamais frappée, là il est au bureau, je voudrais des conseils") == nil)
        #expect(try ask("I left this morning with my children after years of abuse, we are at a friend's tonight, where can we go next?") == nil)
        #expect(try ask("il ne m'a jamais frappée mais là il me frappe devant les enfants")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("he never hit me before but right now he is hitting me in front of the kids")?.reasons.contains(.violenceNow) == true)
    }

    /// The violent husband who has died: a memory to talk about; a death named beside a fire or blows now still alerts.
    @Test func aViolentPartnerWhoHasDiedIsAMemory() throws {
        #expect(try ask("my late husband hit me for years, now I would like to talk to someone about it") == nil)
        #expect(try ask("mon mari qui me battait est décédé l'an dernier, maintenant je voudrais en parler à quelqu'un") == nil)
        #expect(try ask("mon père est décédé, et là il y a de la fumée qui sort de sa maison, le feu a pris au garage")?.actions.first == .call("18"))
        #expect(try ask("my late husband's brother is hitting me right now in the kitchen")?.reasons.contains(.violenceNow) == true)
    }

    /// "Hypothetically", "should a man ever knock", "I keep imagining", "si y a le feu… on appelle qui ?": a case imagined.
    @Test func casesImaginedAreNoDanger() throws {
        #expect(try ask("hypothetically, if one were locked in a cellar by a stranger, would a text to the police work?") == nil)
        #expect(try ask("should a man ever try the handle of my father's door at night, what should he do?") == nil)
        #expect(try ask("I keep imagining someone breaking in when we're on holiday, how do I protect the flat?") == nil)
        #expect(try ask("si y a le feu dans le garage à vélos, on fait le 18 ou le 112 ?") == nil)
        #expect(try ask("someone is breaking in right now, I'm hiding upstairs")?.reasons.contains(.intruderNow) == true)
    }

    /// The child spoken of is at school now, nothing was done tonight, all is calm: a worry, not a danger now; a weapon
    /// named beside those words still alerts.
    @Test func atSchoolNowOrCalmTonightIsNoDangerNow() throws {
        #expect(try ask("une élève a souvent des marques et dit que son beau-père la tape, elle est à l'école là, qui prévenir ?") == nil)
        #expect(try ask("he's asleep, he didn't do anything tonight, but last month he slapped me, who can I talk to?") == nil)
        #expect(try ask("tout est calme dans la classe mais un homme armé d'un couteau est dans la cour de l'école en ce moment")?
            .actions.first == .call("17"))
    }

    /// "je ne pense pas au suicide", messages inciting to suicide received months ago: neither is intent now; intent said
    /// beside them still is.
    @Test func suicideDeniedOrIncitedIsNoIntent() throws {
        #expect(try ask("je me sens mal depuis un mois, je pense pas au suicide mais j'aimerais parler à quelqu'un") == nil)
        #expect(try ask("last year my son got messages inciting suicide on a gaming forum, he is better now, can we still file a complaint?") == nil)
        #expect(try ask("je ne pense pas au suicide d'habitude mais ce soir je veux me tuer, j'ai les cachets devant moi") != nil)
    }

    /// Guests kept awake by a party next door: a nuisance. A car "still there": a thing, not someone. A visitor to "check
    /// the smoke detectors": a scam. Smoke seen now still calls the firefighters.
    @Test func nuisancesThingsLeftAndFakeChecksAreNoDanger() throws {
        #expect(try ask("gardien de camping, les voisins du terrain d'à côté font la fête, les clients ne dorment pas, qui appeler ?") == nil)
        #expect(try ask("un homme est passé chez ma grand-mère pour vérifier les détecteurs de fumée, elle ne l'a pas laissé entrer, c'est une arnaque ?") == nil)
        #expect(try ask("mon collègue de 50 ans n'est pas venu depuis dix jours, sa voiture est toujours là sur le parking, comment signaler ?") == nil)
        #expect(try ask("le détecteur de fumée sonne et il y a de la fumée dans le couloir en ce moment")?.actions.first == .call("18"))
    }

    // MARK: - The first number for the main danger

    /// A fall from a ladder, a roof or a scaffold, someone electrocuted, an explosion with people trapped, someone fallen
    /// behind a locked door: the firefighters (18) first.
    @Test func fallsFromAHeightAndRescuesCallTheFirefightersFirst() throws {
        #expect(try ask("mon oncle vient de tomber du toit de la grange, il ne bouge pas")?.actions.first == .call("18"))
        #expect(try ask("a painter just fell off his ladder in the stairwell and he can't get up")?.actions.first == .call("18"))
        #expect(try ask("un ouvrier s'est électrocuté sur le chantier, il est par terre")?.actions.first == .call("18"))
        #expect(try ask("mamie est tombée dans sa chambre, la porte est verrouillée de l'intérieur et elle gémit")?.actions.first == .call("18"))
        #expect(try ask("my dad fell down the rocks by the creek, maybe eight metres, he can't get up")?.actions.first == .call("18"))
        #expect(try ask("y a le feu dans la cuisine du restaurant d'en face")?.actions.first == .call("18"))
        #expect(try ask("a man is struggling in the water under the bridge")?.actions.first == .call("18"))
    }

    /// A small child hanging from or standing on a balcony railing: the firefighters first, not someone thinking of jumping.
    @Test func aChildOnABalconyRailingCallsTheFirefighters() throws {
        #expect(try ask("there's a little boy hanging from the balcony railing on the second floor, nobody is home")?.actions.first == .call("18"))
    }

    /// A fit, a loss of consciousness, a whole box of pills, a heart in trouble, blood spurting: the SAMU (15) first.
    @Test func bodiesInDistressCallTheSamuFirst() throws {
        #expect(try ask("my brother is convulsing on the kitchen floor right now")?.actions.first == .call("15"))
        #expect(try ask("ma tante perd connaissance dans le salon, elle est très pâle")?.actions.first == .call("15"))
        #expect(try ask("mon grand-père a mal dans le bras gauche et il transpire, il a 75 ans")?.actions.first == .call("15"))
        #expect(try ask("mon collègue s'est entaillé la main avec une scie, ça gicle partout")?.actions.first == .call("15"))
    }

    /// A wound explained by blows ("beat up", "slashed", "a headbutt"): the police first, then the SAMU.
    @Test func woundsFromBlowsCallThePoliceFirst() throws {
        let alert = try #require(try ask("two men just beat up my cousin in the car park, he's bleeding from the mouth and they're still around"))
        #expect(alert.actions.first == .call("17"))
        #expect(alert.actions.contains(.call("15")))
    }

    /// A gas smell told with "I don't want to bother the firefighters for nothing": still the firefighters.
    @Test func notWantingToBotherIsNoFalseAlarmSign() throws {
        #expect(try ask("je veux pas déranger pour rien mais ça sent fort le gaz dans la cage d'escalier depuis une heure")?
            .actions.first == .call("18"))
    }

    /// Waiting for the next train on the tracks, a farewell sent, everything swallowed tonight: suicide (3114) first.
    @Test func farewellsAndTracksCallTheSuicideLine() throws {
        #expect(try ask("my cousin says she is sitting on the rails waiting for the next train")?.actions.first == .call("3114"))
        #expect(try ask("mon ami m'a envoyé un adieu et dit qu'il va tout avaler cette nuit")?.actions.first == .call("3114"))
    }

    // MARK: - Readings that no longer lean on the learnt model

    /// Dangers the rules now read themselves, so that a retrained model's veto cannot silence them: a touch said of someone
    /// else, a child "est enlevé" with a ransom, marks of strangling and a stepfather waiting tonight, "just assaulted"
    /// after the man left, children locked in, an acute episode ("is having chest pains"), typing slips ("enfermer",
    /// "fuguer"), someone ill who left a ward or a care home, a child hours late from school.
    @Test func dangersReadByTheRulesThemselves() throws {
        #expect(try ask("dans le tram un homme lui touche les fesses, elle a 15 ans et elle n'ose pas bouger")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("un inconnu vient d'appeler, il dit que ma fille est enlevée et qu'il faut payer")?.reasons.contains(.childInDanger) == true)
        #expect(try ask("I was just attacked in the park, the guy ran off, I'm shaking")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("my stepfather has locked the kids in the cellar and won't let me in") != nil)
        #expect(try ask("my father is having a heart attack I think, he is grey and sweating")?.actions.first == .call("15"))
        #expect(try ask("my father is having a heart attack I think, he is grey and sweating")?.reasons.contains(.violenceNow) == false)
        #expect(try ask("ma mère me garde enfermer dans le garage depuis hier j'ai 13 ans")?.reasons.contains(.lockedIn) == true)
        #expect(try ask("mon fils de 14 ans a fuguer cette nuit, on n'a aucune nouvelle")?.reasons.contains(.missingChild) == true)
        #expect(try ask("my uncle is bipolar and left the hospital this morning without telling anyone, nobody knows where he is")?
            .reasons.contains(.missingAdult) == true)
        #expect(try ask("my son (7) is three hours late from school and not with his friends")?.reasons.contains(.missingChild) == true)
    }

    /// A child who writes that they cannot find their mum is a lost child (missing child), not a general call for help.
    @Test func aChildWhoCannotFindTheirMumIsLost() throws {
        #expect(try ask("i lost my mum at the fair and i dont know where i am")?.reasons.contains(.missingChild) == true)
        #expect(try ask("j'ai perdu ma maman dans le magasin et il fait noir dehors")?.reasons.contains(.missingChild) == true)
    }

    /// "c'est pour rire", "just kidding": the writer says it is a joke; doubting whether it is one is no such statement.
    @Test func aJokeSaidPlainlyIsNoDanger() throws {
        #expect(try ask("un gars de ma classe a écrit sur le groupe qu'il allait faire sauter le collège, c'est pour rire, tout le monde le sait, je le signale ?") == nil)
        #expect(try ask("my sister says she is going to kill me for taking her charger, just kidding she laughed, is that bullying?") == nil)
        #expect(try ask("je sais pas si c'est pour rire mais un type en live menace tout le monde avec un pistolet en ce moment") != nil)
    }

    /// Someone knocked down and lying there, a leg that looks broken, a face swelling after a sting, a stroke's signs
    /// (a droopy face, jumbled words): the SAMU first.
    @Test func injuriesAndSignsSaidPlainlyCallTheSamu() throws {
        #expect(try ask("un scooter vient de renverser une dame devant la boulangerie, elle est au sol et les jeunes repartent")?
            .actions.first == .call("15"))
        #expect(try ask("a car just knocked a cyclist down and sped off, he is lying there and his arm looks broken")?.actions.first == .call("15"))
        #expect(try ask("ma fille a été piquée par une abeille, son visage gonfle et elle respire de plus en plus mal")?.actions.first == .call("15"))
        #expect(try ask("my aunt's face is droopy and her words are jumbled since a few minutes")?.actions.first == .call("15"))
    }

    /// A dramatic word taken back ("mdr non sérieux", "just kidding"), a punishment feared "when she sees my report":
    /// no danger; the same words beside a danger of now still alert.
    @Test func dramaTakenBackIsNoDanger() throws {
        #expect(try ask("j'ai ouvert une pièce jointe bizarre, je vais mourir ?? mdr non sérieux, je risque un virus ?") == nil)
        #expect(try ask("my dad is going to kill me when he sees my phone bill, can he take my phone away?") == nil)
        #expect(try ask("mdr non sérieux il est là avec un couteau en ce moment devant la porte")?.actions.first == .call("17"))
    }
}
