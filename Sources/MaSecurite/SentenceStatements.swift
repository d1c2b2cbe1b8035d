import Foundation
import OrienteurKit

/// What a sentence says plainly about the facts the eligibility rules read —
/// who the author is, where and how it happened, whose card — so that the
/// guichet can pre-answer those questions and show them as « j'ai compris
/// que … » for the citizen to confirm or correct. Only plain statements are
/// read (no guessing from a topic); the citizen's own answers always win.
enum SentenceStatements {
    /// One fact read from the sentence: its name, its value as on the command line, and the words read.
    struct Statement: Hashable {
        let name: String
        let value: String
        let evidence: String
    }

    /// (fact, value, phrases in folded form: lowercase, no accents, apostrophes as spaces).
    private static let rules: [(String, String, [String])] = [
        ("author_known", "true", [
            " je connais l auteur", " je sais qui ", " je sais que c est ", " i know who ", " i know the person ",
            " mon mari m ", " mon mari me ", " par mon mari ", " c est mon mari", " mon ex m ", " mon ex me ",
            " par mon ex ", " c est mon ex", " mon ex mari m ", " mon ex mari me ", " par mon ex mari ",
            " c est mon ex mari", " mon compagnon m ", " mon compagnon me ", " par mon compagnon ",
            " c est mon compagnon", " mon ancien compagnon m ", " mon ancien compagnon me ",
            " par mon ancien compagnon ", " c est mon ancien compagnon", " mon copain m ", " mon copain me ",
            " par mon copain ", " c est mon copain", " mon voisin m ", " mon voisin me ", " par mon voisin ",
            " c est mon voisin", " mon collegue m ", " mon collegue me ", " par mon collegue ", " c est mon collegue",
            " mon patron m ", " mon patron me ", " par mon patron ", " c est mon patron", " mon beau pere m ",
            " mon beau pere me ", " par mon beau pere ", " c est mon beau pere", " mon frere m ", " mon frere me ",
            " par mon frere ", " c est mon frere", " mon colocataire m ", " mon colocataire me ",
            " par mon colocataire ", " c est mon colocataire", " mon pere m ", " mon pere me ", " par mon pere ",
            " c est mon pere", " mon fils m ", " mon fils me ", " par mon fils ", " c est mon fils", " mon cousin m ",
            " mon cousin me ", " par mon cousin ", " c est mon cousin", " mon oncle m ", " mon oncle me ",
            " par mon oncle ", " c est mon oncle", " mon beau frere m ", " mon beau frere me ", " par mon beau frere ",
            " c est mon beau frere", " ma femme m ", " ma femme me ", " par ma femme ", " c est ma femme",
            " ma ex femme m ", " ma ex femme me ", " par ma ex femme ", " c est ma ex femme", " ma compagne m ",
            " ma compagne me ", " par ma compagne ", " c est ma compagne", " ma copine m ", " ma copine me ",
            " par ma copine ", " c est ma copine", " ma voisine m ", " ma voisine me ", " par ma voisine ",
            " c est ma voisine", " ma collegue m ", " ma collegue me ", " par ma collegue ", " c est ma collegue",
            " ma patronne m ", " ma patronne me ", " par ma patronne ", " c est ma patronne", " ma belle mere m ",
            " ma belle mere me ", " par ma belle mere ", " c est ma belle mere", " ma soeur m ", " ma soeur me ",
            " par ma soeur ", " c est ma soeur", " ma mere m ", " ma mere me ", " par ma mere ", " c est ma mere",
            " ma fille m ", " ma fille me ", " par ma fille ", " c est ma fille", " ma cousine m ", " ma cousine me ",
            " par ma cousine ", " c est ma cousine", " ma tante m ", " ma tante me ", " par ma tante ",
            " c est ma tante", " ma belle soeur m ", " ma belle soeur me ", " par ma belle soeur ",
            " c est ma belle soeur", " my ex hit", " my ex is ", " my ex has ", " by my ex ", " it was my ex",
            " my husband hit", " my husband is ", " my husband has ", " by my husband ", " it was my husband",
            " my wife hit", " my wife is ", " my wife has ", " by my wife ", " it was my wife", " my boyfriend hit",
            " my boyfriend is ", " my boyfriend has ", " by my boyfriend ", " it was my boyfriend",
            " my girlfriend hit", " my girlfriend is ", " my girlfriend has ", " by my girlfriend ",
            " it was my girlfriend", " my partner hit", " my partner is ", " my partner has ", " by my partner ",
            " it was my partner", " my neighbour hit", " my neighbour is ", " my neighbour has ", " by my neighbour ",
            " it was my neighbour", " my neighbor hit", " my neighbor is ", " my neighbor has ", " by my neighbor ",
            " it was my neighbor", " my colleague hit", " my colleague is ", " my colleague has ", " by my colleague ",
            " it was my colleague", " my boss hit", " my boss is ", " my boss has ", " by my boss ", " it was my boss",
            " my flatmate hit", " my flatmate is ", " my flatmate has ", " by my flatmate ", " it was my flatmate",
            " my roommate hit", " my roommate is ", " my roommate has ", " by my roommate ", " it was my roommate",
            " my brother hit", " my brother is ", " my brother has ", " by my brother ", " it was my brother",
            " my sister hit", " my sister is ", " my sister has ", " by my sister ", " it was my sister",
            " my father hit", " my father is ", " my father has ", " by my father ", " it was my father",
            " my mother hit", " my mother is ", " my mother has ", " by my mother ", " it was my mother",
            " my son hit", " my son is ", " my son has ", " by my son ", " it was my son", " my daughter hit",
            " my daughter is ", " my daughter has ", " by my daughter ", " it was my daughter", " my cousin hit",
            " my cousin is ", " my cousin has ", " by my cousin ", " it was my cousin", " my uncle hit",
            " my uncle is ", " my uncle has ", " by my uncle ", " it was my uncle", " my stepfather hit",
            " my stepfather is ", " my stepfather has ", " by my stepfather ", " it was my stepfather",
        ]),
        ("author_known", "false", [
            " un inconnu", " une inconnue", " des inconnus", " auteur inconnu", " je ne le connais pas", " je le connais pas",
            " je ne la connais pas", " je la connais pas", " je ne sais pas qui", " je sais pas qui", " jsais pas qui",
            " sans savoir qui", " a stranger", " strangers ", " unknown person", " don t know who", " dont know who",
            " no idea who", " someone i don t know", " someone i dont know",
        ]),
        ("happened_online", "true", [
            " sur internet", " en ligne", " sur instagram", " sur insta ", " sur facebook", " sur snap", " sur tiktok",
            " sur whatsapp", " sur twitter", " sur leboncoin", " sur le bon coin", " sur un site", " sur les reseaux",
            " par mail", " par e mail", " par sms", " par message", " online", " on instagram", " on facebook", " on snapchat",
            " on tiktok", " on whatsapp", " on a website", " by email", " by text", " on social media",
        ]),
        ("happened_in_france", "false", [
            " a l etranger", " en vacances en espagne", " en espagne", " en italie", " en allemagne", " en belgique",
            " au portugal", " au maroc", " en tunisie", " en algerie", " aux etats unis", " au royaume uni", " en angleterre",
            " abroad", " in spain", " in italy", " in germany", " in belgium", " in portugal", " in morocco", " in the us ",
            " in the uk ", " in england", " overseas",
        ]),
        ("is_professional", "true", [
            " mon entreprise", " ma societe", " mon commerce", " ma boutique", " mon magasin", " mon restaurant",
            " notre association", " mon association", " notre entreprise", " notre societe", " notre mairie", " my company",
            " my business", " my shop", " my store", " our company", " our association", " our business",
        ]),
        ("card_in_possession", "true", [
            " j ai toujours ma carte", " jai toujours ma carte", " ma carte est toujours", " j ai encore ma carte",
            " ma carte dans mon portefeuille", " still have my card", " card is still in my", " i still have the card",
        ]),
        ("card_in_possession", "false", [
            " carte volee", " carte perdue", " carte bancaire volee", " carte bleue volee", " on m a vole ma carte",
            " j ai perdu ma carte", " card was stolen", " card stolen", " lost my card", " stole my card",
        ]),
        ("card_blocked", "true", [
            " fait opposition", " faire opposition", " carte bloquee", " bloque ma carte", " carte est bloquee",
            " blocked my card", " card is blocked", " cancelled my card", " canceled my card",
        ]),
        ("payments_remote", "true", [
            " achats sur internet", " paiements en ligne", " achat en ligne", " achats en ligne", " paiement a distance",
            " online purchases", " online payments", " bought online", " paid online",
        ]),
    ]

    /// The rules' phrases compiled once, with the vocabulary of their words (OrienteurKit's phrase
    /// matcher, the one its emergency detector reads cues with).
    private static let vocabulary = PhraseSet.vocabulary(of: rules.map(\.2))
    private static let compiled: [(name: String, value: String, phrases: PhraseSet)] = rules.map {
        ($0.0, $0.1, PhraseSet($0.2, vocabulary: vocabulary))
    }

    /// The facts `sentence` states plainly, at most one value per fact (the first rule that matches wins,
    /// and a fact stated both ways is left out).
    static func read(_ sentence: String) -> [Statement] {
        let words = CueSentence(sentence, vocabulary: vocabulary)
        var found: [String: Statement] = [:]
        var contradicted: Set<String> = []
        for rule in compiled {
            guard let phrase = rule.phrases.firstMatch(in: words) else { continue }
            if let previous = found[rule.name], previous.value != rule.value { contradicted.insert(rule.name) }
            if found[rule.name] == nil {
                found[rule.name] = Statement(name: rule.name, value: rule.value, evidence: phrase)
            }
        }
        return found.values.filter { !contradicted.contains($0.name) }.sorted { $0.name < $1.name }
    }
}
