import Testing
@testable import OrienteurKit

/// The cue rules and the feature model, as the bundled content has them, without the text model's second
/// opinion: these tests pin how the rules read a sentence. The combination with the text model is tested in
/// ``TextEmergencyModelTests`` and measured on the evaluation parts.
@Suite struct EmergencyDetectorTests {
    static let orienteur: Result<Orienteur, ContentLoadError> = Result { () throws(ContentLoadError) -> Orienteur in
        var content = try BundledContentProvider().loadContent()
        content.emergencyModel?.text = nil
        return Orienteur(content: content)
    }
    var detector: EmergencyDetector { get throws { try Self.orienteur.get().emergencyDetector } }

    /// The alert `ask` gives: words and the situation of the leaves found.
    func ask(_ text: String) throws -> EmergencyAlert? { try Self.orienteur.get().ask(text).emergency }

    @Test func violenceNowGivesPoliceNumbersNeverAForm() throws {
        let alert = try #require(try detector.detect("Mon mari me frappe en ce moment !"))
        #expect(alert.reason == .violenceNow)
        #expect(alert.actions.map(\.description) == ["call:17", "call:112", "sms:114"])
        let content = try Self.orienteur.get().content
        #expect(alert.actions.allSatisfy { $0.isEmergencyNumber(in: content) })
        #expect(alert.cues.contains("me frappe"))
    }

    @Test func suicideIntentGives3114And112() throws {
        let alert = try #require(try detector.detect("j'ai envie d'en finir"))
        #expect(alert.reason == .suicide)
        #expect(Array(alert.actions.prefix(2)) == [.call("3114"), .call("112")])
        #expect(try detector.detect("I want to kill myself")?.reason == .suicide)
    }

    @Test func injuryAndFireAddTheirNumbers() throws {
        let medical = try #require(try detector.detect("il saigne beaucoup, il est inconscient"))
        #expect(medical.actions.first == .call("15"))
        let fire = try #require(try detector.detect("au feu, il y a de la fumée partout"))
        #expect(fire.actions.first == .call("18"))
    }

    @Test(arguments: [
        "on me suit depuis la sortie du métro",
        "il a un couteau",
        "je suis enfermée chez lui",
        "quelqu'un essaie d'entrer chez moi",
        "the burglars are still in the house",
        "a child is alone in a car, child in danger",
    ])
    func dangersHappeningNowAreDetected(_ text: String) throws {
        #expect(try detector.detect(text) != nil)
    }

    @Test(arguments: [
        "mon mari m'a frappée il y a deux ans, je veux porter plainte",
        "on m'a volé mon vélo hier",
        "je me suis fait cambrioler la semaine dernière",
        "comment déclarer une arme héritée",
        "my bike was stolen last week",
        "comment faire une procuration",
    ])
    func pastEventsToldCalmlyAreNot(_ text: String) throws {
        #expect(try ask(text) == nil)
    }

    @Test func aPresentCueOverridesThePast() throws {
        #expect(try detector.detect("il m'a frappée hier et il est encore là, j'ai peur") != nil)
    }

    /// The situations of issue 15 that cue words alone used to miss, with the number that fits first.
    @Test(arguments: [
        ("accident sur la départementale, deux voitures, il y a des blessés", "15"),
        ("mon fils de 9 ans n'est pas rentré de l'école", "17"),
        ("un inconnu essaie d'ouvrir ma porte, il est 2h du matin", "17"),
        ("une voiture roule à contresens sur l'autoroute A7", "17"),
        ("on entend des coups de feu dans la rue", "17"),
        ("je peux pas parler il est à côté de moi", "114"),
        ("there is a fire in my building", "18"),
    ])
    func situationsNamedInTheIssueRaiseTheFittingNumber(_ text: String, _ first: String) throws {
        let alert = try #require(try ask(text), "no alert for: \(text)")
        #expect(alert.actions.first?.value == first, "\(text) → \(alert.actions)")
    }

    @Test func aMissingChildAlsoGets116000() throws {
        let alert = try #require(try ask("ma fille a disparu, on la trouve pas depuis une heure"))
        #expect(alert.reasons.contains(.missingChild))
        #expect(alert.actions.contains(.call("116000")))
    }

    @Test(arguments: [
        "au secours mon compte instagram a été piraté",
        "j'ai besoin d'un passeport en urgence pour partir lundi",
        "il est parti, personne n'est blessé, je voudrais porter plainte",
        "que faire si un jour quelqu'un essaie d'entrer chez moi",
        "ma fille avait fugué il y a deux ans, elle a été retrouvée",
    ])
    func hardNegativesRaiseNothing(_ text: String) throws {
        #expect(try ask(text) == nil, "false alarm on: \(text)")
    }

    @Test func aPastBurglaryLeadsToThePlainteNotTo17() throws {
        let answer = try Self.orienteur.get().ask("cambriolage chez moi le week-end dernier", limit: 3)
        #expect(answer.emergency == nil)
        let top = try #require(answer.results.first)
        #expect(top.id != "a-camb-present")
        #expect(try Self.orienteur.get().content.leaf(top.id)?.emergency != true)
    }

    @Test func theSituationOfALeafWithAPresentCueRaisesItAndSaysWhich() throws {
        let alert = try #require(try ask("des cambrioleurs sont dans la maison du voisin en ce moment"))
        #expect(alert.reason == .intruderNow)
        #expect(!alert.cues.isEmpty)
    }

    /// How a sentence's words are read, without the content.
    func reading(_ text: String) -> CueReading { CueReading(CueSentence(text, vocabulary: EmergencyCues.vocabulary)) }

    @Test func howLongAgoIsReadFromANumberAndAUnit() {
        #expect(reading("on m'a volé mon sac il y a quinze jours").past)
        #expect(reading("ya 2 ans il m'a frappée").longAgo)
        #expect(reading("I was mugged three weeks ago").past)
        #expect(!reading("I was mugged three weeks ago").longAgo)
        // "il y a deux hommes" is "there are two men": no time at all.
        let twoMen = reading("il y a deux hommes qui se battent devant chez moi")
        #expect(!twoMen.past && !twoMen.longAgo)
        // Minutes ago is still now; hours ago say neither.
        let minutes = reading("il m'a agressée il y a dix minutes")
        #expect(minutes.justHappened && minutes.present != nil && !minutes.past)
        #expect(!reading("he hit me an hour ago").past)
    }

    @Test func aDurationUpToNowIsNotAPastEvent() {
        #expect(!reading("ma mère ne répond plus depuis hier").past)
        #expect(reading("ma mère ne m'a pas répondu hier").past)
    }

    @Test func stillThereIsReadOfSomeoneNotOfAScar() {
        #expect(reading("il est encore là et il crie").present != nil)
        #expect(reading("il m'a frappé il y a trois semaines, j'ai encore la cicatrice").present == nil)
    }

    @Test func nowAfterAPastEventSpeaksOfTheWriter() {
        // "maintenant" tells where the writer is today, not that the danger is back.
        #expect(reading("mon père me frappait quand j'avais 12 ans, maintenant j'habite chez ma tante").present == nil)
        #expect(reading("il me frappe maintenant").present != nil)
        // Denied: "pas ce soir".
        #expect(reading("il m'a déjà mis des claques, pas ce soir mais souvent").present == nil)
        // Urgent paperwork.
        #expect(reading("urgent, mon passeport a expiré").present == nil)
    }

    @Test func aComparisonIsNoHypothesis() {
        #expect(!reading("j'entends du bruit, comme si quelqu'un fouillait les placards").hypothetical)
        #expect(reading("imaginons qu'un ami me parle de suicide, que faire ?").hypothetical)
    }

    @Test(arguments: [
        "un homme vient de me frapper, il est parti mais je suis encore dans le parking et je tremble",
        "quelqu'un a jeté un truc enflammé dans la voiture et s'est enfui",
        "mon fils de 10 ans n'est jamais rentré de l'école, son téléphone est éteint",
        "J'entends encore du bruit chez moi comme si quelqu'un fouillait les placards",
        "il est parti chercher son couteau dans la cuisine",
        "my 8 year old never came home from school",
        "ils ont mon fils et demandent une rançon avant ce soir",
    ])
    func dangersJustHappenedOrGoingOnAreDetected(_ text: String) throws {
        #expect(try ask(text) != nil, "missed: \(text)")
    }

    @Test(arguments: [
        "incendie",
        "viol",
        "mon fils de 24 ans ne répond plus à mes messages depuis notre dispute",
        "il y a quinze jours un homme armé a braqué notre magasin, comment renforcer la sécurité ?",
        "quand j'avais 14 ans je me suis fait tabasser, ça sert à quoi de porter plainte maintenant",
        "mon ordinateur est bloqué par un virus qui demande une rançon",
        "someone keeps following me on instagram with fake accounts",
        "En cas d'incendie dans un immeuble, faut-il sortir par l'escalier ?",
    ])
    func topicsPastEventsAndLookalikesRaiseNothing(_ text: String) throws {
        #expect(try ask(text) == nil, "false alarm on: \(text)")
    }

    @Test func numbersComeFromTheContent() throws {
        var content = try Self.orienteur.get().content
        content.emergencyAnswers = [EmergencyAnswer(reason: .violenceNow, actions: [.call("999")])]
        let alert = try #require(EmergencyDetector(content: content).detect("il me frappe en ce moment"))
        #expect(alert.actions == [.call("999")])
    }

    // MARK: Reading rules written while reading development parts 7 and 8's errors

    /// Words that sit near each other without speaking of one danger: a partner who vanished with
    /// savings, stolen jewels, blackmail by message, a card eaten by a machine, "how to help",
    /// a thief long gone, a pattern the writer only worries about, the news.
    @Test(arguments: [
        "mon associé a disparu avec l'argent de la société, je connais son adresse",
        "les bijoux de ma tante de 90 ans ont disparu après la visite d'un faux technicien",
        "un inconnu en ligne menace maintenant d'envoyer mes photos à ma famille si je ne paie pas",
        "my debit card got swallowed by the ATM outside the post office, should I cancel it?",
        "my sister has bruises again and I really want to help her leave him",
        "on a volé ma trottinette devant la pharmacie, le voleur est déjà loin maintenant",
        "un homme passe devant chez moi tous les soirs depuis une semaine, rien ne s'est passé, à qui en parler ?",
        "j'ai vu aux infos qu'un homme armé d'un couteau a été arrêté près du lycée, est-ce qu'on risque quelque chose ce soir ?",
    ])
    func wordsNearEachOtherThatNameNoDangerRaiseNothing(_ text: String) throws {
        #expect(try ask(text) == nil, "false alarm on: \(text)")
    }

    /// "petit-fils", "petit frère": a relative, not a small child.
    @Test func kinshipWordsAreNoSmallChild() {
        #expect(reading("maintenant mon petit frère passe ses soirées sur des forums").weak[.childInDanger] == nil)
        #expect(reading("il y a un petit tout seul au bord de la route maintenant").weak[.childInDanger] != nil)
    }

    /// A cue of now in a calm question speaks of the writer's state ("I am currently off work, can I…?").
    @Test func nowInACalmQuestionIsTheWritersState() {
        #expect(reading("je suis actuellement en arrêt maladie après des coups, comment porter plainte ?").present == nil)
        #expect(reading("il me frappe actuellement").present != nil)
    }

    /// "Someone is still inside" and "the neighbours are away on holiday" do not end a danger; a habit told with
    /// "when he is angry" and "he is not here" say nothing is happening now.
    @Test func whoLeftAndWhenDecideWhetherItIsOver() {
        #expect(reading("je suis rentré du marché, la porte est forcée et ils sont encore dedans").over == nil)
        #expect(reading("les voisins sont partis en vacances et je vois deux silhouettes chez eux").over == nil)
        #expect(reading("mon oncle me frappe quand il est en colère").past)
        #expect(reading("elle me crie dessus mais là il n'est pas là").over != nil)
    }

    /// Dangers told as a scene, without the usual words, with the number that fits first.
    @Test(arguments: [
        ("la lumière revient, ils sont encore dedans, je suis sortie par le jardin", "17"),
        ("deux types insistent pour entrer en disant qu'ils sont policiers, je suis seule", "17"),
        ("ma voisine ne se réveille pas, il y a des plaquettes vides à côté d'elle", "15"),
        ("ma sœur est en train d'accoucher dans la cuisine, on attend depuis une heure", "15"),
        ("mon cousin a glissé dans le torrent, il remonte pas, venez", "18"),
        ("un mur est tombé sur un ouvrier, il est coincé dessous et il crie", "18"),
        ("mon père est coincé dans l'ascenseur depuis une heure et il fait un malaise", "18"),
        ("my brother texted that we'd all be better off without him and he took all his pills", "3114"),
        ("mon ami m'écrit qu'il me lègue sa guitare et qu'il va faire une bêtise ce soir", "3114"),
        ("un homme vient d'essayer d'enlever un enfant devant l'école, il est parti en courant", "17"),
        ("two men are kicking a cyclist on the ground right now", "17"),
    ])
    func dangersToldAsAScene(_ text: String, _ first: String) throws {
        let alert = try #require(try ask(text), "missed: \(text)")
        #expect(alert.actions.prefix(3).contains { $0.value == first }, "\(text) → \(alert.actions)")
    }

    /// "à ce moment-là" is the time of a story; "j'ai été cambriolé" a completed event; "là now" is here and now.
    @Test func storyTimeAndHereAndNow() {
        let story = reading("l'an passé un client a sorti une batte et on n'a rien dit à ce moment-là")
        #expect(story.present == nil && story.past)
        #expect(reading("j'ai été cambriolée pendant que je dormais, qui prévenir").past)
        #expect(reading("il me suit depuis des semaines et il est devant le lycée là now").present != nil)
    }

    /// A ransomware on an office's computers asks a ransom of no child's kidnapper; a thief running off now is a pursuit.
    @Test func ransomwareIsNoKidnappingAndAFleeingThiefIsAPursuit() throws {
        #expect(try ask("un rançongiciel a chiffré les postes de mon association et réclame une rançon, que faire") == nil)
        let alert = try #require(try ask("on vient de m'arracher mon sac, le type court vers la place du marché avec une veste bleue"))
        #expect(alert.actions.first == .call("17"))
    }

    /// The means laid out, a night named as the last, farewell letters, belongings given away, a farewell
    /// posted: suicidal intent, whose numbers come first.
    @Test func preparationsAndFarewellsSaySuicidalIntent() throws {
        let pills = try #require(try detector.detect("j'ai préparé mes cachets dans la salle de bain pour cette nuit"))
        #expect(pills.reason == .suicide && pills.actions.first == .call("3114"))
        #expect(try detector.detect("honestly tonight is the night, nobody will even notice")?.reason == .suicide)
        #expect(reading("mon oncle donne toutes ses affaires aux voisins depuis lundi").suicide != nil)
        #expect(reading("elle a posté un adieu sur son compte et ne répond pas").suicide != nil)
        #expect(reading("j'ai écrit mes lettres, je pense que c'est ma dernière nuit").suicide != nil)
    }

    /// Someone under the water who has not come up, a boat sinking, an avalanche, a barn ablaze, a child shut
    /// in a car in the heat: rescues for the firefighters (18).
    @Test func waterMountainAndHeatRescuesCallTheFirefighters() throws {
        for text in [
            "mon cousin a plongé du ponton et il n'est pas remonté",
            "the fishing boat is taking on water near the harbour wall",
            "une avalanche vient d'emporter deux randonneurs au-dessus du refuge",
            "la grange flambe et le vent pousse vers les maisons",
            "un petit pleure tout seul dans une voiture fermée au soleil",
        ] {
            let alert = try #require(try detector.detect(text), "\(text)")
            #expect(alert.actions.contains(.call("18")), "\(text) → \(alert.actions)")
        }
        #expect(try detector.detect("mon cousin a plongé du ponton et il n'est pas remonté")?.reason == .fire)
    }

    /// Breathing with difficulty, vomiting lying down after drinking, a hunting wound, an old person who no
    /// longer answers the door: the SAMU (15).
    @Test func breathingVomitingAndHuntingWoundsCallTheSamu() throws {
        for text in [
            "elle a du mal à respirer depuis la piqûre de guêpe",
            "mon coloc a bu et il vomit allongé sur le dos",
            "accident de chasse au bord du bois, mon frère a des plombs dans l'épaule",
            "my elderly aunt doesn't answer the door and her curtains are still drawn",
        ] {
            let alert = try #require(try detector.detect(text), "\(text)")
            #expect(alert.actions.first == .call("15"), "\(text) → \(alert.actions)")
        }
    }

    /// Livestock loose on a road is a road danger; "handgun" is a gun; "il perd la tête" says dementia and
    /// "on le trouve pas" that he is missing.
    @Test func livestockOnTheRoadHandgunsAndConfusedRelatives() throws {
        #expect(try detector.detect("des vaches sur la route nationale juste après le virage")?.reason == .roadDanger)
        #expect(try detector.detect("a man just pulled a handgun in the bakery")?.reason == .armedPerson)
        #expect(try detector.detect("mon papa qui perd la tête est sorti à midi et on le trouve pas")?.reason == .missingAdult)
        #expect(try detector.detect("ma grand-mère a alzeimer et on la trouve pas dans le quartier")?.reason == .missingAdult)
    }

    /// Nobody missing when the writer knows where the runaway is; a question about the rules is no case;
    /// "tout le temp" and "ya une heure" tell a habit and a past event; "not serious" is believed; a hacked
    /// account asking friends for money is a scam, not a ransom.
    @Test func knownWhereaboutsRuleQuestionsHabitsAndHackedAccounts() throws {
        #expect(reading("ma fille a fugué mais elle m'a dit où elle est, chez une copine").foundAgain)
        #expect(reading("is it true the police wait two days before looking for a runaway?").hypothetical)
        #expect(reading("mon collègue me met la main sur la taille tout le temp").past)
        #expect(reading("on m'a pris ma trottinette ya une heure devant la gare").past)
        #expect(reading("it's not serious, just a small cut on his finger").noDanger)
        #expect(try detector.detect("on m'a piraté mon compte et ils demandent de l'argent à mes contacts") == nil)
    }

    /// A farewell letter left, the rope or the pills laid out ready: suicidal intent, whose numbers come first.
    @Test func aLetterLeftOrTheMeansLaidOutSaySuicidalIntent() throws {
        let letter = try #require(try detector.detect("ma sœur m'a écrit qu'elle a laissé une lettre sur son bureau et son portable est coupé"))
        #expect(letter.reason == .suicide && letter.actions.first == .call("3114"))
        #expect(reading("the rope ready in the garage, I can't do this anymore").suicide != nil)
        #expect(reading("j'ai préparé mes médicaments à côté du lit").suicide != nil)
    }

    /// Breathing strangely or barely, eyes rolled back, a collapse, a faint, a pile of pills swallowed, a dog
    /// bite, a stab wound: the SAMU (15) first.
    @Test func collapsesFaintsBitesAndStabWoundsCallTheSamu() throws {
        for text in [
            "mon voisin vient de s'effondrer devant l'ascenseur et il respire à peine",
            "my cousin is barely conscious after the party and her eyes are rolling",
            "mon oncle a avalé plein de médocs avec du whisky, il dort par terre",
            "le chien du voisin a mordu ma fille à la jambe, ça saigne beaucoup là",
            "a man got stabbed at the bus stop, he's lying there",
        ] {
            let alert = try #require(try detector.detect(text), "\(text)")
            #expect(alert.actions.first == .call("15"), "\(text) → \(alert.actions)")
        }
    }

    /// Someone carried off by the current or out to sea, fallen into a river, a toddler locked in a car:
    /// a rescue, raised even when no word of fire is said.
    @Test func carriedOffByTheCurrentOrFallenInTheRiverIsARescue() throws {
        for text in [
            "ma nièce est emportée par le courant près de la digue",
            "an old man fell into the river by the bridge and can't get out",
            "le matelas gonflable l'a emporté au large, on le voit à peine",
            "there's a baby locked in a car in the car park and it's really hot",
        ] {
            #expect(try detector.detect(text) != nil, "\(text)")
        }
    }

    /// Someone forced into a car, a child who left with a stranger: a child in danger (17); someone who shuts
    /// the writer in a room is holding them; rubbing against someone in a crowded train is an assault now;
    /// an autistic adult who left the house is a vulnerable person missing.
    @Test func abductionsConfinementRubbingAndVulnerableAdultsWhoLeft() throws {
        #expect(try detector.detect("des types ont fait monter de force un garçon dans une camionnette blanche")?.reason == .childInDanger)
        #expect(try detector.detect("mon petit est parti avec un inconnu à la sortie du centre aéré") != nil)
        #expect(try detector.detect("mes patrons m'enferment dans la réserve la nuit") != nil)
        #expect(try detector.detect("un homme se frotte contre moi dans le tram là, je peux pas bouger") != nil)
        #expect(try detector.detect("my autistic brother, 30, left the house at dawn and nobody knows where he went")?.reason == .missingAdult)
    }

    /// No alarm when the writer wants to talk first or asks whom to tell, when a smell is imagined ("si je sens"),
    /// when a threat is for whenever they meet, when nobody is hurt, when the family knows where a runaway is,
    /// when a weekday says the event is past; a changed password is no child in danger, and someone who
    /// writes that nobody is hurt is not hiding, unable to speak; "il ne s'est rien passé" says no danger.
    @Test func talkingFirstImaginedSmellsLaterThreatsAndKnownWhereaboutsRaiseNothing() throws {
        #expect(reading("il me rabaisse sans arrêt, j'aimerais d'abord en parler à quelqu'un").calm)
        #expect(reading("my uncle slaps me sometimes, who do I tell").calm)
        #expect(reading("si je sens une odeur de brûlé chez le voisin, je fais quoi").hypothetical)
        #expect(reading("il a écrit qu'il me cassera la figure quand il me croise").hypothetical)
        #expect(reading("un camion a reculé dans ma clôture, personne blessé").noInjury)
        #expect(reading("mon fils a fugué, on sait qu'il est chez un ami du lycée").foundAgain)
        #expect(reading("someone punched me on Saturday outside the club").past)
        #expect(reading("une voiture ralentit devant mon portail chaque nuit, il ne s'est rien passé pour l'instant").noDanger)
        #expect(try detector.detect("a van scraped my bumper in the car park, nobody hurt, the driver can't speak French")?.reason != .cannotSpeak)
        #expect(try detector.detect("au secours, quelqu'un a changé le mot de passe de ma tablette et écrit à mes enfants")?.reason != .childInDanger)
    }

    /// A general danger whose words name an injury or a fire adds the SAMU or the firefighters.
    @Test func aGeneralDangerTakesTheServiceItsWordsName() throws {
        let alert = try #require(try ask("au secours, ma mère est tombée dans l'escalier et elle ne peut plus se relever"))
        #expect(alert.reasons.contains(.medical))
        #expect(alert.actions.prefix(3).contains(.call("15")))
    }
}
