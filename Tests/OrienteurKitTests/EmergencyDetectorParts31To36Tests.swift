import Testing
@testable import OrienteurKit

/// Readings of phrasing the rules of parts 1-30 missed in parts 31-36, each as a class written in other words:
/// a long message that asks about paperwork first and tells a danger happening now last, a light or a noise in a
/// home where nobody should be, a child who "is gone".
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
}
