import Testing
@testable import OrienteurKit

/// Which service answers first: the sea rescue at sea, the firefighters for someone in the water or a gas leak,
/// the police when violence is read with an injury, the SAMU for a medical danger.
extension EmergencyDetectorTests {
    /// A boat or a swimmer in distress at sea raises the alert and puts the sea rescue (196) first;
    /// the sea named without a danger raises nothing.
    @Test func aRescueAtSeaCallsTheSeaRescueFirst() throws {
        let adrift = try #require(try detector.detect("notre catamaran n'avance plus, on dérive vers les rochers de la pointe"))
        #expect(adrift.reasons.first == .seaRescue)
        #expect(adrift.actions.first == .call("196"))
        let capsized = try #require(try detector.detect("my dad's canoe capsized offshore and he is in the water right now"))
        #expect(capsized.actions.first == .call("196"))
        let swimmer = try #require(try detector.detect("au secours une nageuse se noie au large de la plage des Sablettes"))
        #expect(swimmer.actions.first == .call("196"))
        #expect(try detector.detect("on part en voilier au large de Belle-Île ce week-end, il faut déclarer quelque chose ?") == nil)
        #expect(reading("we spent the afternoon at the beach").atSea != nil)
    }

    /// An aircraft down (a light plane, a microlight, a paraglider in the trees) raises the alert with the
    /// aeronautical rescue (191) first; a film, an old crash or one in the news raises nothing.
    @Test func anAircraftDownCallsTheAirRescueFirst() throws {
        let microlight = try #require(try detector.detect("un ULM vient de s'écraser dans le champ derrière chez nous, le pilote ne bouge pas"))
        #expect(microlight.reasons.first == .airRescue)
        #expect(microlight.actions.first == .call("191"))
        let plane = try #require(try ask("a small plane just crashed near the airfield, there's smoke"))
        #expect(plane.actions.first == .call("191"))
        let paraglider = try #require(try ask("a paraglider fell into the trees above the village, he is shouting for help"))
        #expect(paraglider.actions.first == .call("191"))
        #expect(try ask("j'ai regardé un film où un avion s'est écrasé, ça m'a fait peur") == nil)
        #expect(try ask("my grandfather's plane crashed in 1944, how do I find the records?") == nil)
        #expect(try detector.detect("un avion s'est écrasé en Asie, c'était aux infos ce soir") == nil)
        // The aircraft and the crash apart in the sentence are read together; fear, fares and toys are not a crash.
        let touring = try #require(try ask("un petit bimoteur de l'aéroclub vient juste de s'écraser au bout de la piste, ça brûle"))
        #expect(touring.actions.first == .call("191"))
        let hills = try #require(try ask("we just watched a helicopter go down behind the ridge, there's black smoke"))
        #expect(hills.actions.first == .call("191"))
        #expect(try ask("j'ai tellement peur que l'avion s'écrase pendant mon vol de demain") == nil)
        #expect(try ask("the price of plane tickets to Nice went down, is it a scam website?")?.reasons.contains(.airRescue) != true)
    }

    /// Choking, lips turning blue, someone who will not wake, a seizure, a swallowed battery, too many pills: the SAMU
    /// comes first (also ahead of the police's general call for help); speech that fails is a symptom, not silence.
    @Test(arguments: [
        "mon fils s'étouffe avec un bonbon, il devient bleu",
        "my grandma wont wake up, she is on the kitchen floor",
        "ma copine fait une crise d'épilepsie dans le bus",
        "our toddler just swallowed a magnet, what do we do now",
        "he took too many of his sleeping tablets and is barely breathing",
    ])
    func medicalDistressCallsTheSamuFirst(_ text: String) throws {
        let alert = try #require(try ask(text))
        #expect(alert.reasons.contains(.medical))
        #expect(alert.actions.prefix(3).contains(.call("15")))
        #expect(!alert.reasons.contains(.cannotSpeak))
    }

    @Test func speechThatFailsIsASymptomNotSilence() throws {
        let alert = try #require(try detector.detect("mon oncle se tient la poitrine et n'arrive pas à parler correctement"))
        #expect(alert.reasons.first == .medical)
        #expect(alert.actions.first == .call("15"))
    }

    /// Someone struggling in a canal or pulled out of a pool, a rotten-egg smell, headaches beside a boiler:
    /// the firefighters (18) first, ahead of the SAMU.
    @Test func waterGasAndCarbonMonoxideCallTheFirefightersFirst() throws {
        let canal = try #require(try ask("une femme a sauté dans le canal, elle se débat et coule"))
        #expect(canal.actions.first == .call("18"))
        let pool = try #require(try ask("on vient de sortir une petite de l'eau de la piscine, elle ne respire plus"))
        #expect(pool.actions.first == .call("18"))
        let gas = try #require(try detector.detect("the whole stairwell smells of rotten eggs right now"))
        #expect(gas.actions.first == .call("18"))
        let monoxide = try #require(try detector.detect("toute la famille a mal à la tête et vomit depuis qu'on a rallumé le poêle"))
        #expect(monoxide.reasons.contains(.fire))
        #expect(try detector.detect("les messieurs du gaz sont passés relever le compteur, je dois les laisser entrer ?")?.reasons.contains(.fire) != true)
    }

    /// A small child on a window ledge (not an adult thinking of jumping): the firefighters and the police among the first numbers.
    @Test func aChildOnAWindowLedgeCallsFirefightersAndPolice() throws {
        let alert = try #require(try detector.detect("une fillette de trois ans est assise sur le rebord de la fenêtre du 6e, seule"))
        #expect(alert.actions.prefix(3).contains(.call("18")))
        #expect(alert.actions.prefix(3).contains(.call("17")))
    }

    /// Hurt by a blow, a shove, a knife: the police first, the SAMU right after.
    @Test func someoneHurtByABlowCallsThePoliceThenTheSamu() throws {
        let alert = try #require(try ask("ils viennent de me pousser par terre pour prendre mon vélo, je saigne du coude"))
        #expect(Array(alert.actions.prefix(2)) == [.call("17"), .call("15")])
        let stabbed = try #require(try ask("some lads just punched my cousin to the ground outside the chippy, he's bleeding"))
        #expect(stabbed.actions.prefix(3).contains(.call("17")))
        #expect(stabbed.actions.prefix(3).contains(.call("15")))
    }

    /// A goodbye text, pills laid out, a rope bought: suicidal intent (3114 first).
    @Test(arguments: [
        "my sister just sent me a goodbye message and switched off her phone",
        "j'ai tous mes cachets devant moi et je vois plus l'intérêt",
        "he told his mates he bought a rope yesterday and nobody can reach him",
    ])
    func farewellsAndMeansLaidOutSaySuicidalIntent(_ text: String) throws {
        let alert = try #require(try detector.detect(text))
        #expect(alert.reasons.first == .suicide)
        #expect(alert.actions.first == .call("3114"))
    }

    /// Someone floating face down or fallen off a pier at sea; a car burning; a driver trapped in a cab; a child through
    /// the ice or alone by a road, or shut in a car in the sun; a stabbing whose author is named: the fitting numbers.
    @Test func rescuesAndAttacksTakeTheirService() throws {
        #expect(try ask("a surfer is floating face down off the beach at Biarritz")?.actions.first == .call("196"))
        #expect(try ask("un pêcheur est tombé de la digue, il se débat dans les vagues")?.actions.first == .call("196"))
        #expect(try ask("une voiture crame sur le parking de l'école")?.actions.first == .call("18"))
        #expect(try ask("after the crash the van driver is trapped in the cab and can't get out")?.actions.prefix(3).contains(.call("18")) == true)
        #expect(try ask("a boy fell through the ice on the pond in the park")?.actions.first == .call("18"))
        let child = try #require(try ask("un gamin de 4 ans marche tout seul au bord de la route départementale"))
        #expect(child.reasons.contains(.childInDanger))
        let car = try #require(try ask("a little girl is locked in a car in full sun at the garden centre"))
        #expect(car.actions.prefix(3).contains(.call("17")))
        #expect(car.actions.prefix(3).contains(.call("18")))
        let stabbing = try #require(try ask("a guy just stabbed someone outside the bar, the man is on the ground"))
        #expect(stabbing.actions.first == .call("17"))
        #expect(stabbing.actions.prefix(3).contains(.call("15")))
    }

    /// A dog bite, a scald, drowsiness beside empty pill boxes, a collapse: the SAMU; a car into a river, a strong
    /// smell of gas: the firefighters; fake gas men shoving the writer: the police, no gas leak.
    @Test func bitesScaldsCarsInRiversAndFakeGasMenTakeTheirService() throws {
        for text in [
            "le chien du voisin vient de mordre ma nièce à la joue",
            "my grandad knocked a pan of boiling water over his arm, the skin is coming off",
            "mon frère est tout somnolent, il y a des boîtes vides de somnifères par terre",
            "ma collègue vient de s'écrouler derrière le bureau",
        ] {
            let alert = try #require(try ask(text), "\(text)")
            #expect(alert.actions.prefix(3).contains(.call("15")), "\(text) → \(alert.actions)")
        }
        #expect(try ask("a car just drove into the river by the bridge, people are on its roof")?.actions.first == .call("18"))
        #expect(try ask("ça schlingue le gaz dans la cage d'escalier")?.actions.first == .call("18"))
        let fakeGasMen = try #require(try ask("deux faux techniciens qui disaient qu'ils étaient du gaz me bousculent dans mon salon"))
        #expect(!fakeGasMen.reasons.contains(.fire))
        #expect(fakeGasMen.actions.first == .call("17"))
    }
}
