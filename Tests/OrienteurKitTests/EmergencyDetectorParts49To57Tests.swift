import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-48 missed or over-read in parts 49-57, each as a class written in other
/// words. First the structure: a danger of now ("vient de", "just", "still here", "mais là…") outranks a calm opening,
/// a hedge or an old story told before it, in short messages too; then danger verbs of now as classes (strangling,
/// slapping, shaking, dragging, snatching, collapsing, not answering on the ground, bleeding that does not stop), one
/// word naming a fire, a drowning or an intruder, a weapon pulled out, a child lured, an attack announced; and, on the
/// other side, "just" as "only", a writer's own errand, a cue of now denied.
extension EmergencyDetectorTests {
    /// A calm opening ("je voulais juste demander", "quick question") before a danger that has just happened and
    /// whoever did it still there: the danger wins, in French and in English.
    @Test func aDangerOfNowOutranksACalmOpening() throws {
        let french = try #require(try ask("je voulais juste demander un truc, mon copain vient de m'étrangler et il est toujours dans la cuisine"))
        #expect(french.actions.first == .call("17"))
        let english = try #require(try ask("quick question sorry, my boyfriend just slapped me and he's still in the flat"))
        #expect(english.reasons.contains(.violenceNow))
    }

    /// A hedge ("c'est sûrement rien de grave mais…") before a blow that has just happened is no statement that
    /// nothing is happening.
    @Test func aHedgeBeforeABlowOfNowIsNoBlocker() throws {
        #expect(try ask("c'est sûrement rien de grave mais mon voisin vient de me cogner la tête contre le mur") != nil)
    }

    /// An old story ("ça fait dix ans…", "for years") turned to now by "mais là" or "but tonight": the danger named
    /// after the turn raises the alert.
    @Test func anOldStoryTurnedToNowRaisesTheAlert() throws {
        let knife = try #require(try ask("ça fait dix ans qu'il me rabaisse, mais là il a sorti un couteau de cuisine et il est devant ma porte"))
        #expect(knife.reasons.contains(.armedPerson))
        let gun = try #require(try ask("it's been like this for years, but tonight he's loading his gun in the garage"))
        #expect(gun.actions.first == .call("17"))
        #expect(try ask("au départ c'était une simple dispute, mais là il casse tout et il dit qu'il va la tuer") != nil)
    }

    /// A short question about something else, then "sinon" and a fall with no answer: the SAMU.
    @Test func aFallToldAfterAnUnrelatedQuestionIsFound() throws {
        let alert = try #require(try ask("la pharmacie ferme à quelle heure ? sinon mon frère vient de tomber par terre et il répond plus"))
        #expect(alert.actions.first == .call("15"))
    }

    /// Danger verbs of now as classes: snatching, shaking, dragging, said beside "just" or "still there".
    @Test func dangerVerbsOfNowAreRead() throws {
        #expect(try ask("a man on a bike just snatched my phone out of my hand and he's still in the street")?.actions.first == .call("17"))
        #expect(try ask("my stepdad just shook my little brother really hard and he is still here") != nil)
        #expect(try ask("un type m'a traînée par les cheveux sur le parking, il est encore là")?.reasons.contains(.violenceNow) == true)
    }

    /// Collapsing, not breathing, lying on the floor without moving, bleeding that will not stop: the SAMU first.
    @Test func statesOfTheBodyNowCallTheSAMU() throws {
        #expect(try ask("she just collapsed in the kitchen and she isn't breathing")?.actions.first == .call("15"))
        #expect(try ask("mon grand-père est tombé dans la salle de bain, il est par terre et il bouge plus")?.actions.first == .call("15"))
        #expect(try ask("my friend's arm is bleeding heavily right now and we can't stop it")?.actions.first == .call("15"))
        #expect(try ask("a colleague on a video call just collapsed at his desk and he lives alone")?.reasons.contains(.medical) == true)
    }

    /// A cue of now denied after a turn ("not happening right now", "isn't violent at the moment") is no danger;
    /// "just" as "only", or before the writer's own errand, is no act of minutes ago.
    @Test func deniedNowAndJustAsOnlyStayCalm() throws {
        #expect(try ask("it's not happening right now but the parties next door are every weekend, where do I complain?") == nil)
        #expect(try ask("he isn't violent at the moment. Can I file a complaint by video?") == nil)
        #expect(try ask("I just wanted to know how to renew my passport") == nil)
        #expect(try ask("I fell off my bike last week, just scraped knees, can I claim anything?") == nil)
        #expect(CueReading.justDid(CueSentence("he just slapped me", vocabulary: EmergencyCues.vocabulary).words) != nil)
        #expect(CueReading.justDid(CueSentence("I just noticed my bike was gone", vocabulary: EmergencyCues.vocabulary).words) == nil)
    }

    /// One word naming a danger only ever reported while it happens is a call; a topic ("cambriolage", and "incendie",
    /// read as the topic page's word) stays a topic.
    @Test func oneWordNamingADangerIsACall() throws {
        #expect(try ask("feu")?.actions.first == .call("18"))
        #expect(try ask("noyade") != nil)
        #expect(try ask("intruder")?.actions.first == .call("17"))
        #expect(try ask("cambrioleurs dedans")?.reasons.contains(.intruderNow) == true)
        #expect(try ask("cambriolage") == nil)
        #expect(try ask("procuration") == nil)
    }

    /// "en disant que c'est fini" is a threat reported, not an end; a weapon pulled out is a weapon now.
    @Test func anEndSaidByTheOneWhoThreatensEndsNothing() throws {
        let alert = try #require(try ask("il a sorti le fusil et il tourne dans le salon en disant que c'est fini pour nous deux"))
        #expect(alert.reasons.contains(.armedPerson))
    }

    /// A child lured by a stranger, an attack announced, a writer standing on the tracks.
    @Test func luringAnAnnouncedAttackAndTheTracks() throws {
        #expect(try ask("a stranger is trying to lure my nephew into his van outside the park")?.reasons.contains(.childInDanger) == true)
        #expect(try ask("un homme annonce un attentat sur un groupe telegram pour demain matin à la gare")?.reasons.contains(.armedPerson) == true)
        #expect(try ask("je suis sur les rails, je veux plus rien")?.actions.first == .call("3114"))
    }

    /// A child telling of a parent who hits, who is away or asleep as the child writes: someone to talk to, not a
    /// danger now; the same words beside a blow that has just happened and someone still there keep the alert.
    @Test func theParentWhoHitsAwayOrAsleepIsNoDangerNow() throws {
        #expect(try ask("ma mère me frappe quand elle a bu, elle est pas là maintenant, je peux en parler à qui") == nil)
        #expect(try ask("mon père me tape quand je rentre tard, là il dort, j'ai 12 ans, c'est à qui qu'il faut le dire") == nil)
        #expect(try ask("ma mère elle est pas là, mais mon beau-père vient de me frapper et il est toujours là")?.actions.first == .call("17"))
        #expect(try ask("my mum is at work, she's not here, but her boyfriend just hit me and he's still here")?.reasons.contains(.violenceNow) == true)
    }

    /// Something of the writer's own lost, shouted as an emergency, is a lost item; a child lost stays an emergency.
    @Test func aLostThingShoutedIsNoEmergency() throws {
        #expect(try ask("OMG EMERGENCY!!! I lost my earbuds somewhere in the station") == nil)
        #expect(try ask("I lost my daughter at the fair!!! she is 6")?.reasons.contains(.missingChild) == true)
    }

    /// "just witnessed" tells what the writer saw, not an act of someone now: the crash itself names the danger.
    @Test func justWitnessedIsTheWritersSight() throws {
        #expect(CueReading.justDid(CueSentence("I have just witnessed a crash", vocabulary: EmergencyCues.vocabulary).words) == nil)
    }

    /// A child lost in a crowd or at the beach ("lost my 5yo", "je la cherche partout"); someone pinned and groped, an
    /// old woman pushed to the ground: read by the rules, so that a retrained model cannot drop them.
    @Test func aChildLostInACrowdAndSomeonePinnedOrPushedOver() throws {
        #expect(try ask("lost my 5yo near the carousel, can't find her anywhere")?.reasons.contains(.missingChild) == true)
        #expect(try ask("mon fils de 4 ans s'est perdu au marché, je le cherche partout")?.reasons.contains(.missingChild) == true)
        #expect(try ask("ma sœur m'écrit qu'un type la coince contre la porte du bus et la tripote") != nil)
        #expect(try ask("two men pushed her over outside the bakery and she is on the ground, she's 85") != nil)
    }
}
