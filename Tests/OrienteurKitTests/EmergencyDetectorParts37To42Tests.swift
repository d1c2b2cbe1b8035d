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
}
