import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-21 missed in parts 22-24, each as a class written in other words:
/// a child gone from the writer's side, a stranger photographing pupils, cars tried one by one, a thief chased,
/// a call seen on a video screen, farewell letters and pills ready, blows heard or announced, crying that goes on,
/// a boat whose radio is silent; and on the calm side weapons that cannot fire, ransomware, a deaf person's
/// question, a street calm again, wrecks, old births and injuries, runaways safe at a friend's.
extension EmergencyDetectorTests {
    /// A child who was at the writer's side a moment ago and cannot be found is a missing child now.
    @Test func aChildGoneFromTheWritersSideIsMissing() throws {
        #expect(try ask("my daughter of 5 was just next to me at the supermarket checkout and I can't see her anywhere")?.reasons.contains(.missingChild) == true)
        #expect(try ask("au marché je ne retrouve plus mon fils de 4 ans, il était juste à côté de moi")?.reasons.contains(.missingChild) == true)
    }

    /// A stranger photographing pupils at a school or a playground is a child in danger.
    @Test func aStrangerPhotographingChildrenIsADanger() throws {
        #expect(try ask("un inconnu photographie les enfants à la sortie de la maternelle depuis vingt minutes") != nil)
        #expect(try ask("there's a man by the playground fence taking pictures of the children, nobody knows him") != nil)
    }

    /// Door handles tried or gardens peered into are an offence now only with a word of now.
    @Test func doorHandlesTriedNowAreAnOffence() throws {
        #expect(try ask("un type tire sur les poignées des voitures garées une par une, il est devant la mienne maintenant")?.reasons.contains(.crimeInProgress) == true)
        #expect(try ask("two men on foot are looking into the gardens of our close right now") != nil)
        #expect(try ask("a van keeps stopping and a man is looking into every garden on our lane, he's at number 8 now") != nil)
        #expect(try ask("last month someone was trying door handles on our road, is there a number to report it") == nil)
    }

    /// A thief the writer is running after is a pursuit now.
    @Test func aThiefBeingChasedIsAPursuit() throws {
        #expect(try ask("ce gars a pris le sac de ma copine, je lui cours après dans la rue")?.reasons.contains(.crimeInProgress) == true)
        #expect(try ask("some kid grabbed my phone off the table, I'm chasing him towards the station") != nil)
    }

    /// What is seen on a video call with a named person happens now; filing a complaint by video is a procedure.
    @Test func aVideoCallWithSomeoneIsLive() throws {
        #expect(try ask("je suis en visio avec mon grand-père et il vient de s'effondrer sur la table, il ne bouge plus") != nil)
        #expect(try ask("on a video call with my sister, her husband just punched her and he is still yelling") != nil)
        #expect(try ask("peut-on porter plainte en visio pour un vol de vélo ?") == nil)
    }

    /// Farewell letters written, pills ready or in hand: suicide prepared, 3114 or the SAMU.
    @Test func lettersAndPillsPreparedAreASuicideRisk() throws {
        #expect(try ask("j'ai préparé une lettre d'adieu pour mes parents, je veux que ça s'arrête") != nil)
        #expect(try ask("nobody listens to me, the pills are ready on my desk") != nil)
    }

    /// Blows heard, held by the hair, an attack with furniture, a drunk parent hitting, a beating announced.
    @Test func blowsHeardHeldOrAnnouncedAreViolenceNow() throws {
        #expect(try ask("through the wall I can hear slaps and a baby crying without stop")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("il me tient par les cheveux dans le couloir, je peux pas bouger")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("my brother-in-law is attacking my sister with a stool in the kitchen")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("my ex is drunk and hit our daughter, she just texted me from the bathroom") != nil)
        #expect(try ask("le grand frère d'un élève l'attend au portail, il dit qu'il va le frapper en sortant") != nil)
        #expect(try ask("je sais pas si c'est grave mais là il me tire par les cheveux depuis tout à l'heure dans la chambre") != nil)
        #expect(try ask("the kids are at their mother's for the weekend and my daughter just rang, her stepdad is drunk and hit her brother") != nil)
    }

    /// Crying or screaming that has gone on and still goes on is now, even "depuis longtemps".
    @Test func cryingThatGoesOnIsNow() throws {
        #expect(try ask("mon petit frère est enfermé dans le garage et il crie depuis longtemps") != nil)
    }

    /// A boat whose radio no longer answers is overdue at sea: 196 first.
    @Test func aBoatWhoseRadioIsSilentCallsTheSeaRescue() throws {
        #expect(try ask("mon oncle est sorti en mer avec son bateau à l'aube et sa radio ne répond plus depuis des heures")?.actions.first == .call("196"))
    }

    /// Weapons that cannot fire, props for a film, a bomb joke, files held to ransom: no danger.
    @Test func weaponsThatCannotFireAndRansomwareAreCalm() throws {
        #expect(try ask("mon grand-père collectionneur a un fusil désactivé, faut-il le déclarer ?") == nil)
        #expect(try ask("we're shooting a short film in the park with fake guns, do we tell the police first?") == nil)
        #expect(try ask("tous mes fichiers sont illisibles et un message demande une rançon en bitcoin") == nil)
    }

    /// A deaf person asking how to put a question in writing wants a contact, not a silent call.
    @Test func aDeafPersonAskingAQuestionIsNoSilentCall() throws {
        #expect(try ask("I am deaf and I'd like to ask a question to the gendarmerie, how?") == nil)
        #expect(try ask("je suis sourde, j'ai une question par écrit sur ma plainte") == nil)
    }

    /// A street calm again or the people asleep: nothing happening now.
    @Test func aStreetCalmAgainIsNoEmergency() throws {
        #expect(try ask("des pompiers et la police sont passés dans la résidence tout à l'heure, tout est calme maintenant, que s'est-il passé ?") == nil)
        #expect(try ask("papa a crié sur ma grande soeur hier, là ils dorment, à qui je peux en parler") == nil)
    }

    /// A wreck falling apart, an old injury and a birth told as past are no medical emergency.
    @Test func wrecksAndOldInjuriesAreNoMedicalEmergency() throws {
        #expect(try ask("une vieille voiture sans roues tombe en ruine dans la cour depuis des mois") == nil)
        #expect(try ask("my boyfriend twisted my arm two days ago and it still aches, should I see a doctor before I report him?") == nil)
    }

    /// A phone gone at a party is a theft; a runaway hiding safe at a friend's is not missing; dark posts by someone
    /// better since are a worry; a car burnt during a named night is over.
    @Test func thingsGoneAndRunawaysSafeAreCalm() throws {
        #expect(try ask("my phone disappeared at the concert, I think someone took it") == nil)
        #expect(try ask("mon pote a fugué, il dort chez moi en secret, ses parents le cherchent, il va bien") == nil)
        #expect(try ask("une copine a écrit des trucs sombres il y a trois semaines, depuis elle va mieux, qui appeler pour en parler ?") == nil)
        #expect(try ask("ma moto a été brûlée dans la nuit de vendredi à samedi devant le garage") == nil)
    }

    /// Someone gone into a river from a bridge, smoke misspelt, sparks from a meter or a ceiling hot to the
    /// touch call the firefighters first.
    @Test func waterAndFireStartingCallTheFirefightersFirst() throws {
        #expect(try ask("quelqu'un a sauté dans la rivière il y a une minute, on voit sa tête dans l'eau qui s'éloigne")?.actions.first == .call("18"))
        #expect(try ask("thick smoek is coming out of the kitchen window of the flat upstairs")?.actions.first == .call("18"))
        #expect(try ask("des étincelles sortent de la prise du salon et ça grésille, là maintenant")?.actions.first == .call("18"))
        #expect(try ask("the ceiling is hot above the boiler and I can hear crackling right now")?.actions.first == .call("18"))
    }

    /// A chest that tightens calls the SAMU first.
    @Test func aTighteningChestCallsTheSamuFirst() throws {
        #expect(try ask("mon père dit que ça lui serre la poitrine depuis vingt minutes, il transpire")?.actions.first == .call("15"))
    }

    /// Every pill taken, a wish to sleep forever or to die rather than face it: 3114 first.
    @Test func everyPillTakenCallsTheSuicideLineFirst() throws {
        #expect(try ask("ma copine m'écrit qu'elle a pris tous ses médicaments, elle veut que ça s'arrête")?.actions.first == .call("3114"))
        #expect(try ask("a girl in my class says she'd rather die than go back tomorrow, I'd rather die too she wrote") != nil)
    }

    /// A car gone off a quay into a harbour: at sea, 196 first.
    @Test func aCarIntoTheHarbourCallsTheSeaRescue() throws {
        #expect(try ask("une camionnette vient de plonger du quai dans le port avec le chauffeur dedans")?.actions.first == .call("196"))
    }

    /// A habit told with "when" or "since I was little" is how it goes, not what happens now.
    @Test func aHabitToldWithWhenOrSinceChildhoodIsCalm() throws {
        #expect(try ask("la voisine crie sur les petits et menace de leur confisquer le vélo quand ils jouent dans le jardin") == nil)
        #expect(try ask("my stepdad has been hitting me since I was little, I'm 15 now and I want it to stop, who can I talk to?") == nil)
    }

    /// "Rien de concret": the writer says nothing is happening now.
    @Test func nothingConcreteIsNoEmergency() throws {
        #expect(try ask("ma soeur dit qu'elle ne voit plus le sens de rien depuis son licenciement, rien de concret, à qui en parler ?") == nil)
    }

    /// A violent game watched online is no violence now.
    @Test func aViolentGameIsNoViolence() throws {
        #expect(try ask("un streamer joue en live à un jeu violent plein d'explosions, c'est légal de diffuser ça ?") == nil)
    }

    /// A teenager gone through the window or leaving a note is a missing child.
    @Test func aTeenGoneThroughTheWindowIsMissing() throws {
        #expect(try ask("ma fille de 14 ans est partie par la fenêtre de sa chambre pendant la nuit, son lit est vide") != nil)
    }

    /// A named day's evening ("vendredi en soirée") is days ago: a story to tell, not a call.
    @Test func aNamedDaysEveningIsAStory() throws {
        #expect(try ask("vendredi en soirée un collègue m'a coincée contre le mur et m'a embrassée de force, je fais quoi ?") == nil)
    }

    /// Readings the retrained models no longer make alone. A blow that broke a bone: the police first, even with
    /// someone hurt; a bag pulled from someone on the ground, an animal thrown away now: the police among the
    /// first three numbers.
    @Test func bonesBrokenByABlowCallThePoliceFirst() throws {
        #expect(try ask("il vient de me casser le nez, il m'a cassé le nez et il est encore dans l'appartement")?.actions.first == .call("17"))
        #expect(try ask("two lads are pulling her bag on the tram platform, the old lady is on the ground")?.actions.prefix(3).contains(.call("17")) == true)
        #expect(try ask("un homme vient de jeter un chaton dans une benne, il miaule encore")?.actions.prefix(3).contains(.call("17")) == true)
    }

    /// A crushing chest pain, a numb arm, a wall hot to the touch: the SAMU or the firefighters first.
    @Test func chestPainAndAHotWallCallTheirService() throws {
        #expect(try ask("I've had a pain in my chest for ten minutes and my arm is numb")?.actions.first == .call("15"))
        #expect(try ask("the wall of the bedroom is hot to the touch and I can smell something burning right now")?.actions.first == .call("18"))
    }

    /// Shouting and crying heard through a wall is violence now; a man with Down syndrome who did not get off his
    /// bus is a vulnerable adult missing; a farewell "she will always love me" is a suicide risk.
    @Test func crySoundsAVulnerableAdultAndAFarewellAreRead() throws {
        #expect(try ask("I can hear the man upstairs shouting and her crying, then a loud bang")?.reasons.contains(.violenceNow) == true)
        #expect(try ask("mon cousin trisomique de 30 ans n'est pas descendu du bus à son arrêt habituel, il est 19h et il n'a pas de téléphone")?.reasons.contains(.missingAdult) == true)
        #expect(try ask("mon frère m'a écrit qu'il m'aimera toujours et merci pour tout, il ne répond plus") != nil)
    }

    /// A shooting game, money sent to an online friend, night-time noise: no danger.
    @Test func aShootingGameMoneySentAndNoiseAreCalm() throws {
        #expect(try ask("my nephew spends his evenings on a shooting game, is that a police matter?") == nil)
        #expect(try ask("I sent him money three times for his visa, now he wants more, I think I've been had") == nil)
        #expect(try ask("tapage nocturne tous les samedis chez le voisin du dessus, à qui se plaindre ?") == nil)
    }

    /// An old photo going round again is content to have removed, not a danger now.
    @Test func anOldPhotoGoingRoundAgainIsCalm() throws {
        #expect(try ask("une vidéo de moi à 14 ans recircule maintenant sur un groupe du lycée, comment la faire retirer ?") == nil)
        #expect(try ask("a picture of me from middle school is circulating again in a group chat now, I'm 16") == nil)
    }
}
