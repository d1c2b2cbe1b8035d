import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-42 missed or over-read in parts 43-48, each as a class written in other
/// words: a wish to die told before someone ran off, someone ready to jump or with suicidal thoughts walking to a
/// bridge, a past attempt beside a farewell that has just come, English death threats in the future, groping going on,
/// a stranger in the home while a parent is at work, a theft said to be in progress, a courier coming for a card, a car
/// crawling alongside, a face covered in blood, a weapon held now, a frail person or a gun gone, someone waiting outside
/// a refuge, "help" alone; and, on the other side, suicide as a topic or denied, a laugh beside a bare wish to die, a
/// swindler "disparu".
extension EmergencyDetectorTests {
    /// "he wanted to die" told of someone who has just run off: suicidal intent, not a story.
    @Test func aWishToDieToldBeforeRunningOffIsSuicidal() throws {
        #expect(try ask("my brother stormed out ten minutes ago after telling us he wanted to die, his phone is off")?
            .reasons.contains(.suicide) == true)
    }

    /// "prête à sauter", suicidal thoughts with a walk towards a bridge: suicidal intent now.
    @Test func readyToJumpAndSuicidalThoughtsAreSuicidal() throws {
        #expect(try ask("ma mère est sur le balcon du sixième, prête à sauter")?.actions.first == .call("3114"))
        #expect(try ask("mon oncle a des pensées suicidaires depuis ce matin et il marche vers le pont")?.reasons.contains(.suicide) == true)
    }

    /// The means in hand or the note written for tonight: suicidal intent, the prevention line first.
    @Test func theMeansInHandCallThePreventionLine() throws {
        #expect(try ask("I've written my note, I'm doing it once everyone is asleep")?.actions.first == .call("3114"))
        #expect(try ask("j'ai la corde dans mon sac, c'est pour cette nuit")?.actions.first == .call("3114"))
    }

    /// An engine left running in a closed garage with someone inside: suicidal intent, read by the rules (the retrained
    /// model had dropped it).
    @Test func anEngineRunningInAClosedGarage() throws {
        #expect(try ask("my husband shut himself in the garage with the engine running and won't open")?.reasons.contains(.suicide) == true)
    }

    /// A past attempt named beside a farewell that has just come makes the danger more real, not a story of the past;
    /// a past attempt alone, told to talk about it, stays calm.
    @Test func aPastAttemptBesideAFreshFarewellIsSuicidal() throws {
        #expect(try ask("mon frère avait fait une tentative en 2022, il vient de m'envoyer un message d'adieu")?.reasons.contains(.suicide) == true)
        #expect(try ask("j'ai fait une tentative l'an dernier, aujourd'hui je vais mieux et je voudrais en parler") == nil)
    }

    /// "he's going to kill me", "he'll kill me when he finds me": a death threat now, in English as in French.
    @Test func anEnglishDeathThreatInTheFutureIsViolence() throws {
        #expect(try ask("my stepdad says he's going to kill me, he's locked the front door")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("my ex is searching the building, he says he'll kill me when he finds me") != nil)
    }

    /// Groping going on ("keep grabbing my ass") and an assault on someone passed out, even while others film it.
    @Test func gropingAndAnAssaultOnSomeonePassedOutAreNow() throws {
        #expect(try ask("two men on the bus keep grabbing my ass and laughing")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("some boys are filming a girl who passed out and doing things to her") != nil)
    }

    /// A stranger in the home while a parent "is at work": the one away is the protector, the danger goes on.
    @Test func aStrangerInTheHomeWhileAParentIsAtWork() throws {
        #expect(try ask("there is a stranger in the house and my dad is at work, I'm hiding under the bed")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("il y a un inconnu dans la maison, maman est au travail, je suis caché dans le placard") != nil)
    }

    /// A theft "in progress" / "en cours", a lock being cut: an offence the police can still stop; a file "en cours" is not.
    @Test func aTheftSaidToBeInProgress() throws {
        #expect(try ask("a van is parked at the depot and three men are loading our pallets, theft in progress")?.actions.first == .call("17"))
        #expect(try ask("vol de remorque en cours dans la cour de la ferme")?.reasons.contains(.crimeInProgress) == true)
        #expect(try ask("un mec coupe l'antivol de la moto du voisin en bas") != nil)
        #expect(try ask("mon dossier pour le vol est en cours") == nil)
    }

    /// A courier sent by a fake adviser on his way to collect a card: the police can catch him at the door.
    @Test func aCourierComingForACardIsAnOffenceNow() throws {
        #expect(try ask("a fake bank employee told my grandfather a courier is coming to collect his card in twenty minutes")?
            .reasons.contains(.crimeInProgress) == true)
    }

    /// A car crawling alongside, its passengers telling the writer to get in: being followed.
    @Test func aCarCrawlingAlongsideIsBeingFollowed() throws {
        #expect(try ask("une voiture ralentit à ma hauteur pour la troisième fois, deux types me disent de monter")?
            .reasons.contains(.beingFollowed) == true)
    }

    /// A face covered in blood, a broken arm said plainly just after a theft by force: someone hurt.
    @Test func aFaceCoveredInBloodAndABrokenArmAreInjuries() throws {
        #expect(try ask("I fell off my bike after a guy pushed me, my face is covered in blood")?.reasons.contains(.medical) == true)
        #expect(try ask("on vien de me frapper pour mon sac, j'ai le bras cassé, ils sont partis") != nil)
    }

    /// "il a un couteau" says now even after a past word ("renvoyé hier").
    @Test func aWeaponHeldNowAfterAPastWord() throws {
        #expect(try ask("mon collègue renvoyé hier est revenu, il a un couteau à la main dans le hall")?.actions.first == .call("17"))
    }

    /// Someone with a heart condition not back, a depressed father gone with the gun: a person to find.
    @Test func aFrailPersonOrAGunGoneIsAMissingAdult() throws {
        #expect(try ask("ma grand-mère est cardiaque et elle n'est pas revenue de sa promenade")?.reasons.contains(.missingAdult) == true)
        #expect(try ask("mon père dépressif est parti et le fusil a disparu de l'armoire")?.reasons.contains(.missingAdult) == true)
    }

    /// The writer took refuge in a shop and the follower waits outside: nothing has ended.
    @Test func someoneWaitingOutsideARefugeIsNow() throws {
        #expect(try ask("un type m'a suivie jusqu'au tabac, je suis entrée et il attend dehors")?.reasons.contains(.beingFollowed) == true)
    }

    /// A child expected home at an hour who does not answer, an adult met online waiting at the school gate.
    @Test func aChildLateOrAwaitedByAnAdultMetOnline() throws {
        #expect(try ask("mon fils de 11 ans devait rentrer à 18h, il est 19h30 et il ne répond pas")?.reasons.contains(.missingChild) == true)
        #expect(try ask("a man she met online is waiting for my daughter at the school gate")?.reasons.contains(.childInDanger) == true)
    }

    /// A polite question asking the police to come, beside someone heard in the home, is a call, not a calm question.
    @Test func askingThePoliceToComeIsNoCalmQuestion() throws {
        #expect(try ask("est-ce que les policiers peuvent venir ? j'entends quelqu'un ouvrir les tiroirs en bas")?
            .reasons.contains(.intruderNow) == true)
    }

    /// "help" typed alone, unshouted, is a call for help.
    @Test func helpAloneIsACallForHelp() throws {
        #expect(try ask("help") != nil)
    }

    /// A laugh beside a bare wish to die is a figure of speech; beside pills it is not.
    @Test func aLaughBesideABareWishToDie() throws {
        #expect(try ask("je veux mourir lol le prof nous a donné trois contrôles") == nil)
        #expect(try ask("je veux mourir lol j'ai les cachets devant moi")?.reasons.contains(.suicide) == true)
        #expect(try ask("i took all my pills lol") != nil)
    }

    /// Hands on someone in the street now (a wrist grabbed, a group surrounding and touching): violence now, read by the
    /// rules rather than left to the learnt model, which stopped raising it after retraining.
    @Test func handsOnSomeoneInTheStreetAreViolenceNow() throws {
        #expect(try ask("a drunk man outside the cinema is grabbing my wrist and won't let go")?.actions.first == .call("17"))
        #expect(try ask("deux hommes m'entourent à l'arrêt de tram et me touchent les épaules")?.reasons.contains(.violenceNow) == true)
    }

    /// A small child climbing a balcony's railing, a car on its roof with someone inside: the firefighters first.
    @Test func aChildOnARailingAndACarOnItsRoofCallTheFirefighters() throws {
        #expect(try ask("a little boy is climbing the railing of a balcony on the fourth floor opposite")?.actions.first == .call("18"))
        #expect(try ask("une voiture sur le toit dans le fossé, le conducteur est encore dedans")?.actions.first == .call("18"))
    }

    /// "sorry for everything" from someone now unreachable, a frail person not home when the carer came.
    @Test func sorryForEverythingAndAFrailPersonNotHome() throws {
        #expect(try ask("my dad texted sorry for everything an hour ago and his phone is now off")?.actions.first == .call("3114"))
        #expect(try ask("the nurse came and my aunt with alzheimer's wasn't home, the door was wide open")?.reasons.contains(.missingAdult) == true)
    }

    /// "est dedans" said of a group chat or a phone's contents is nobody inside; burglars in the room beside the same words are.
    @Test func isInsideSaidOfAChatOrAPhone() throws {
        #expect(try ask("ya un groupe snap où toute la classe est dedans et ils se moquent de moi") == nil)
        #expect(try ask("deux cambrioleurs sont dans le salon, ma vie est dedans")?.reasons.contains(.intruderNow) == true)
    }

    /// A man who has just exposed himself and grabbed the writer, still there: violence now.
    @Test func aManWhoExposedHimselfAndIsStillThere() throws {
        #expect(try ask("un homme vient de s'exhiber devant moi dans le parc, il est toujours là")?.actions.first == .call("17"))
    }

    /// A song asked about is its lyrics; a song beside pills in front of the writer is not.
    @Test func aSongAskedAboutIsItsLyrics() throws {
        #expect(try ask("what's that song where she sings she wants to die, i heard it at the shop") == nil)
        #expect(try ask("c'est quoi cette chanson, je l'écoute en boucle, je veux mourir, j'ai les médicaments devant moi")?
            .reasons.contains(.suicide) == true)
    }

    /// Words of death long ago from someone fine now are a story; a goodbye text "just sent" brings the danger back.
    @Test func fineNowLongAfterTheWordsUnlessAFreshGoodbye() throws {
        #expect(try ask("my cousin said a year ago he wanted to kill himself, he seems fine now and works again") == nil)
        #expect(try ask("my cousin said a year ago he wanted to kill himself, he seems fine but he just sent me a goodbye text and isn't answering")?
            .reasons.contains(.suicide) == true)
    }

    /// Suicide denied outright or named as a topic is no alert.
    @Test func suicideDeniedOrAsATopic() throws {
        #expect(try ask("ma sœur n'a aucune idée de suicide mais elle est triste, à qui en parler ?") == nil)
        #expect(try ask("I read an article about suicide among students, is there a helpline?") == nil)
        // The same words beside a danger of now: the alert stays.
        #expect(try ask("il dit qu'il n'a aucune idée de suicide mais il est sur le parapet du pont depuis une heure") != nil)
    }

    /// A tradesman who "a disparu" with the money, known by "son nom", is a fraud, not a missing child; a child gone stays one.
    @Test func aSwindlerGoneIsNoMissingChild() throws {
        #expect(try ask("un artisan m'a facturé 600 euros et a disparu, je connais son nom") == nil)
        #expect(try ask("mon fils de 9 ans a disparu du parc il y a vingt minutes")?.reasons.contains(.missingChild) == true)
    }
}
