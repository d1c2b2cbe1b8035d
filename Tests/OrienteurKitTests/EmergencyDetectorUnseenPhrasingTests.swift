import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-15 missed in parts 16-18, each as a class written in other words:
/// a fire nobody can put out, a slap seen now, a weapon made of a broken bottle, someone refusing to leave the
/// door until paid, a stranger ordering a child to open, a distraction theft, a sea swimmer in trouble, a car
/// driven off now, and on the calm side stories days or decades old and videos of violence going round.
extension EmergencyDetectorTests {
    /// A fire that "can't be put out" or is spreading is burning now; the firefighters having put it out is over.
    @Test func aFireNobodyCanPutOutIsBurningNow() throws {
        #expect(try ask("the curtains in the lounge caught fire and we can't put it out, my dad is still asleep")?.actions.first == .call("18"))
        #expect(try ask("le feu du barbecue se propage à la haie du voisin")?.reasons.contains(.fire) == true)
        #expect(try ask("départ de feu au sous-sol de l'école, des élèves sont encore en classe")?.reasons.contains(.fire) == true)
        #expect(try ask("the firefighters put it out last night, how do I get a report for the insurance") == nil)
    }

    /// A slap seen or suffered now, and a cry to stop the blows, are violence now.
    @Test func aSlapSeenNowIsViolence() throws {
        #expect(try ask("je viens de voir l'aide-soignant gifler mon grand-père, il est toujours avec lui")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("dans la rue là une fille crie qu'il faut arrêter de la frapper")?.reasons.contains(.violenceNow) == true)
    }

    /// A broken bottle held as a weapon is an armed person.
    @Test func aBrokenBottleIsAWeapon() throws {
        #expect(try ask("a guy outside the kebab shop is waving a broken bottle at people right now")?.reasons.contains(.armedPerson) == true)
        #expect(try ask("un client menace la caissière avec une bouteille cassée")?.reasons.contains(.armedPerson) == true)
    }

    /// Someone at the door who will not go until paid, a stranger ordering a child to open, one visitor talking
    /// while the other is in another room, men in uniform the writer doubts are real: someone inside or at the door now.
    @Test func someoneAtTheDoorWhoWillNotGoIsADangerNow() throws {
        #expect(try ask("un type attend devant chez moi et dit qu'il ne partira pas tant que je n'ai pas payé le ramonage") != nil)
        #expect(try ask("im 10 and a man keeps saying open up at our door, dad is at work") != nil)
        #expect(try ask("deux hommes sont entrés pour un prétendu contrôle, un me fait signer pendant que l'autre est dans le bureau")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("three men in uniforms are in my hall asking for my savings, I'm not sure they are real police officers") != nil)
    }

    /// A person followed by someone clinging to them since a station, told by a friend, is being followed.
    @Test func someoneClingingToAFriendIsFollowing() throws {
        #expect(try ask("un mec la suit depuis le métro et elle est seule à l'arrêt de bus")?.reasons.contains(.beingFollowed) == true)
    }

    /// A swimmer in trouble past the buoys is a sea rescue (196 first); a car just driven off is a theft in progress.
    @Test func aSwimmerPastTheBuoysAndACarDrivenOffNow() throws {
        #expect(try ask("a swimmer in trouble way out past the buoys, nobody on duty")?.actions.first == .call("196"))
        #expect(try ask("two lads just drove off in my car from the supermarket car park")?.reasons.contains(.crimeInProgress) == true)
    }

    /// Raped during the night just ended is still an emergency (care, evidence).
    @Test func rapedLastNightIsStillAnEmergency() throws {
        #expect(try ask("on m'a violée cette nuit chez un ami, je suis chez moi et j'ai peur") != nil)
    }

    /// Calm: violence days or decades old, a video of violence going round online, a quiet moment now.
    @Test(arguments: [
        "I got punched in a bar three days ago, do I need a medical certificate for the complaint?",
        "mon père tape ma mère depuis trente ans, je voudrais en parler à quelqu'un",
        "il y a une vidéo qui circule sur Snapchat où un garçon frappe un autre élève",
    ])
    func oldOrFilmedViolenceIsNoAlert(sentence: String) throws {
        #expect(try ask(sentence) == nil)
    }
}

extension EmergencyDetectorTests {
    /// Someone climbing over a bridge's railing or on a building's roof is about to jump: the suicide line first.
    @Test func climbingOverABridgeRailingIsSuicidalIntent() throws {
        #expect(try ask("an old man is climbing over the railing of a bridge on the canal and staring at the water")?.actions.first == .call("3114"))
        #expect(try ask("une ado a enjambé la rambarde de la passerelle, elle pleure")?.reasons.contains(.suicide) == true)
    }

    /// A small child on a balcony's ledge calls the firefighters first, as on a window ledge.
    @Test func aSmallChildOnABalconyLedgeCallsTheFirefighters() throws {
        #expect(try ask("un bambin de 2 ans est debout sur le rebord du balcon au 4e, personne avec lui")?.actions.first == .call("18"))
    }

    /// Not waking up after pills at a party, a leg bent the wrong way after a crash: the SAMU first, and the
    /// limb's "wrong way" is no wrong-way driver.
    @Test func notWakingUpAndALimbBentTheWrongWayCallTheSamu() throws {
        #expect(try ask("my cousin swallowed something at the festival and he's not waking up")?.actions.first == .call("15"))
        let crash = try #require(try ask("motorcyclist knocked over by a van, his arm is bent the wrong way"))
        #expect(crash.actions.first == .call("15"))
        #expect(!crash.reasons.contains(.roadDanger))
    }

    /// Calm: a car towed to the pound is no child taken; quiet right now after nightly shouting; a shelter asked for.
    @Test(arguments: [
        "URGENT ma camionnette a été enlevée par la fourrière ce matin, comment la récupérer",
        "Most evenings the couple upstairs scream at each other, it's quiet right now, should I say something?",
        "I walked out on my partner because he gets violent and tonight I have nowhere to sleep",
    ])
    func towedCarsQuietMomentsAndShelterRaiseNothing(sentence: String) throws {
        #expect(try ask(sentence) == nil)
    }
}

extension EmergencyDetectorTests {
    /// The word for help shouted alone is a call for help; written plainly it stays a word to search.
    @Test func theWordForHelpShoutedIsACall() throws {
        #expect(try ask("SECOURS") != nil)
        #expect(try ask("aide !!") != nil)
        #expect(try ask("aide") == nil)
    }

    /// After a crash, the other driver drunk and leaving is a danger on the road now.
    @Test func aDrunkDriverLeavingACrashIsARoadDanger() throws {
        #expect(try ask("on s'est accrochés au rond-point, l'autre conducteur est bourré et veut partir")?.reasons.contains(.roadDanger) == true)
    }
}

extension EmergencyDetectorTests {
    /// Calm: blows during a relationship that has ended, a suspicion about someone close, a smell asked about
    /// with "si on sent", gunfire shouted in a game being played.
    @Test(arguments: [
        "my ex-husband hit me a lot during our relationship, I moved out, I want to press charges now",
        "je soupçonne le mari de ma collègue de la frapper, elle arrive avec des bleus",
        "qui faut-il prévenir si on sent une odeur de gaz dans la cage d'escalier ?",
        "my nephew screams 'he's got a gun' while playing Call of Duty, is there a special number in France?",
    ])
    func endedRelationshipsSuspicionsAndGamesRaiseNothing(sentence: String) throws {
        #expect(try ask(sentence) == nil)
    }
}

extension EmergencyDetectorTests {
    /// Numbers follow the main danger: someone fallen into a river who does not come back up calls the
    /// firefighters; a snorkeller carried off calls the sea rescue; a whole box of pills swallowed by someone
    /// the writer knows says suicidal intent; someone cutting themselves now or a child vomiting a lot calls the SAMU.
    @Test func numbersFollowTheMainDanger() throws {
        #expect(try ask("a kid fell into the lake by the boathouse and isn't coming back up")?.actions.first == .call("18"))
        #expect(try ask("my brother was snorkelling off the rocks and the current is dragging him away, he keeps going under")?.actions.first == .call("196"))
        #expect(try ask("mon copain vient de m'écrire qu'il a pris toute sa boîte de somnifères")?.actions.first == .call("3114"))
        #expect(try ask("my flatmate is cutting himself in the bathroom right now and won't open")?.actions.first == .call("15"))
        #expect(try ask("ma petite soeur vomit beaucoup depuis une heure et elle est toute molle")?.actions.first == .call("15"))
    }
}

extension EmergencyDetectorTests {
    /// Kept awake by loud music is a nuisance to report, not a danger, even when the search finds a leaf marked danger.
    @Test func keptAwakeByNoiseIsNoDanger() throws {
        #expect(try ask("des scooters tournent avec la sono à fond devant l'immeuble depuis minuit, on n'arrive pas à dormir") == nil)
    }
}

extension EmergencyDetectorTests {
    /// Told as now without relying on the learnt model: an alarm going off, kept from getting off a train,
    /// a thief who ran toward an exit, a burglar named in a room.
    @Test(arguments: [
        "the carbon monoxide alarm in the basement is going off and my head hurts",
        "two guys on the tram won't let me get off at my stop, they keep grabbing my bag",
        "a teenager just snatched a man's wallet at the market and ran towards the car park",
        "cambrioleurs dans le garage de mon voisin",
    ])
    func toldAsNowWithoutTheModel(sentence: String) throws {
        #expect(try ask(sentence) != nil)
    }
}
