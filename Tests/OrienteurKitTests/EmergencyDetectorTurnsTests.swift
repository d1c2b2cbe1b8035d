import Testing
@testable import OrienteurKit

/// A danger of now buried at the end of a long message that begins with a question or an old story:
/// the message read whole is toned down by its past and its questions, so its last parts are read too.
extension EmergencyDetectorTests {
    /// The turns are found whatever the case and the accents, each part starting just after its turn, and a contrast
    /// ("et là", "wait,") is told apart from a plain turn ("désolé", the end of a sentence).
    @Test func turnsAreFoundWhateverTheCaseAndTheAccents() {
        let text = "oui DÉSOLÉ Et Là il est revenu. Mais non ; WAIT, he's back"
        let parts = EmergencyDetector.turnStarts(in: text).map { (String(text[$0.key...]), $0.value) }.sorted { $0.0.count > $1.0.count }
        #expect(parts.map(\.0) == [" Et Là il est revenu. Mais non ; WAIT, he's back", " il est revenu. Mais non ; WAIT, he's back",
                                    "Mais non ; WAIT, he's back", "non ; WAIT, he's back", "WAIT, he's back", " he's back"])
        #expect(parts.map(\.1) == [false, true, false, true, false, true])
        #expect(EmergencyDetector.turnStarts(in: "aucun tournant ici").isEmpty)
    }

    /// A long question about paperwork that turns to a danger happening now raises the alert for that danger.
    @Test func aDangerOfNowAfterALongQuestionIsFound() throws {
        let french = "Bonjour, je voulais savoir comment récupérer le récépissé de ma plainte de l'an dernier pour le vol "
            + "de mon vélo, l'assurance me le redemande et je ne le retrouve pas. Mais là, un homme vient d'entrer "
            + "dans la boulangerie en face avec un couteau et il menace la vendeuse, je le vois depuis ma fenêtre."
        let alert = try #require(try ask(french))
        #expect(alert.actions.first?.description == "call:17")
        let english = "Hi, two questions: can I renew my passport while a complaint about my stolen wallet is still open, "
            + "and do I need an appointment at the station for that? Sorry, something else first: right now my neighbour "
            + "is lying on the landing, he collapsed and he is not breathing, his wife is trying to wake him."
        let medical = try #require(try ask(english))
        #expect(medical.reasons.contains(.medical))
        #expect(medical.actions.first?.description == "call:15")
    }

    /// The same kind of long message whose last part is still past, or only asks, stays calm.
    @Test func aLongStoryThatStaysInThePastIsNoAlert() throws {
        let story = "Je voulais vous raconter ce qui m'est arrivé l'an dernier, parce que j'y pense encore. Un homme m'a "
            + "suivie jusqu'à chez moi un soir d'hiver. Il m'a poussée dans l'escalier et il est parti en courant. "
            + "Je n'ai jamais porté plainte. Est-ce qu'il est trop tard pour le faire aujourd'hui ?"
        #expect(try ask(story) == nil)
        let procedure = "I would like to know how the procedure works when someone wants to report domestic violence "
            + "on behalf of a friend who lives abroad. She is safe at her parents' place now. What documents do we need?"
        #expect(try ask(procedure) == nil)
    }

    /// A word for help closing a long message about a hacked account is that account's help, not a danger.
    @Test func aCryForHelpClosingALongMessageAboutAnAccountIsNoAlert() throws {
        let hacked = "Someone got into my email account yesterday and now they are writing to all my contacts to ask for "
            + "money, my cousin nearly paid. I changed nothing yet because I cannot log in anymore. URGENT please help me!!"
        #expect(try ask(hacked) == nil)
    }
}
