/// What reaching a leaf of the orienteur already tells about the situation, in
/// the fact vocabulary of the Teleservices catalog (`offence`, `author_known`,
/// `happened_online`…).
///
/// The orienteur's questions answer some of the facts the eligibility rules
/// read: whoever reached `a-vol-inconnu` said the author is unknown. Carrying
/// them over avoids asking twice. Values are written as on the command line
/// (`vol`, `false`, `33`) and checked against the vocabulary when the
/// ``Guichet`` is built, so a typo is an error at start-up, never a wrong answer.
///
/// A deployment whose own content adds leaves passes its own table through
/// ``GuichetOptions/leafFacts`` (usually ``bundled`` plus its additions).
public enum LeafFacts {
    /// The hints for the bundled content, by leaf id.
    public static let bundled: [String: [String: String]] = [
        // Je suis victime — violences
        "a-vc-parler": ["offence": "violence-conjugale", "author_known": "true"],
        "a-vc-plainte": ["offence": "violence-conjugale", "author_known": "true", "need": "porter-plainte"],
        "a-vc-visio": ["offence": "violence-conjugale", "author_known": "true", "need": "porter-plainte"],
        "a-vc-protection": ["offence": "violence-conjugale", "author_known": "true"],
        "a-vs-plainte": ["offence": "violence-sexuelle", "need": "porter-plainte"],
        "a-vs-parler": ["offence": "violence-sexuelle"],
        "a-ag-plainte": ["offence": "violence", "need": "porter-plainte"],
        "a-ag-visio": ["offence": "violence", "need": "porter-plainte"],
        "a-har-rue": ["offence": "harcelement", "author_known": "false"],
        "a-har-proche": ["offence": "harcelement", "author_known": "true"],
        "a-har-cyber": ["offence": "harcelement", "happened_online": "true"],
        "a-men-prive": ["offence": "menace"],
        "a-men-public": ["offence": "menace", "happened_online": "true", "content_public_online": "true"],
        "a-disc-plainte": ["offence": "discrimination", "need": "porter-plainte"],
        "a-disc-parler": ["offence": "discrimination"],
        // Je suis victime — vols et dégradations
        "a-camb-plainte": ["offence": "cambriolage", "author_known": "false", "need": "porter-plainte"],
        "a-camb-decouverte": ["offence": "cambriolage"],
        "a-vol-inconnu": ["offence": "vol", "author_known": "false", "need": "porter-plainte"],
        "a-vol-connu": ["offence": "vol", "author_known": "true", "need": "porter-plainte"],
        "a-vol-telephone": ["offence": "vol", "author_known": "false", "need": "porter-plainte"],
        "a-volv-arrache": ["offence": "vol", "author_known": "false", "need": "porter-plainte"],
        "a-veh-plainte": ["offence": "vol", "need": "porter-plainte"],
        "a-veh-velo": ["offence": "vol", "need": "porter-plainte"],
        "a-degr": ["offence": "degradation", "need": "porter-plainte"],
        "a-papiers": ["offence": "vol", "need": "porter-plainte"],
        "a-cb-volee": ["offence": "vol-carte", "card_in_possession": "false", "need": "porter-plainte"],
        "a-ordures": ["offence": "depot-sauvage", "need": "porter-plainte"],
        // Je suis victime — arnaques
        "a-esc-perceval": ["offence": "fraude-carte", "card_in_possession": "true", "payments_remote": "true"],
        "a-esc-site": ["offence": "escroquerie", "happened_online": "true"],
        "a-esc-annonce": ["offence": "escroquerie", "happened_online": "true"],
        "a-esc-romance": ["offence": "escroquerie", "happened_online": "true"],
        "a-esc-chantage": ["offence": "chantage", "happened_online": "true"],
        "a-esc-piratage": ["offence": "piratage", "happened_online": "true"],
        "a-esc-rancon": ["offence": "piratage", "happened_online": "true"],
        "a-esc-phishing": ["happened_online": "true"],
        "a-esc-pro": ["offence": "escroquerie", "is_professional": "true"],
        "a-esc-faux-conseiller": ["offence": "escroquerie", "happened_online": "false"],
        "a-esc-fausse-qualite": ["offence": "escroquerie", "happened_online": "false", "author_known": "false"],
        "a-esc-inconnu": ["offence": "escroquerie", "happened_online": "false", "author_known": "false"],
        "a-esc-connu": ["offence": "escroquerie", "author_known": "true"],
        "a-esc-conseil": ["offence": "escroquerie", "need": "conseil"],
        "a-usurp-identite": ["offence": "escroquerie"],
        "a-usurp-profil": ["happened_online": "true"],
        // Je suis victime — mineurs, forces de l'ordre, route
        "a-min-famille": ["victim_is_minor": "true"],
        "a-min-cyber": ["victim_is_minor": "true", "offence": "harcelement"],
        "a-min-mal-etre": ["victim_is_minor": "true"],
        "a-min-plainte": ["victim_is_minor": "true", "need": "porter-plainte"],
        "a-fdo-signal": ["report_subject": "comportement-policier"],
        "a-fdo-plainte": ["report_subject": "comportement-policier", "need": "porter-plainte"],
        "a-route-fuite": ["offence": "delit-de-fuite", "author_known": "false", "need": "porter-plainte"],
        // Je signale
        "b-vif-inquiet": ["offence": "violence-conjugale"],
        "b-enfant": ["victim_is_minor": "true"],
        "b-radic-inquiet": ["report_subject": "radicalisation"],
        "b-web-public": ["report_subject": "contenu-illicite-en-ligne", "content_public_online": "true", "happened_online": "true"],
        "b-web-prive": ["happened_online": "true", "content_public_online": "false", "author_known": "true"],
        "b-arnaque": ["report_subject": "contenu-illicite-en-ligne", "content_public_online": "true", "happened_online": "true"],
        "b-stup": ["report_subject": "trafic-stupefiants"],
        "b-rodeo-recurrent": ["report_subject": "rodeo"],
        "b-animal-web": ["report_subject": "contenu-illicite-en-ligne", "content_public_online": "true", "happened_online": "true"],
        "b-fdo": ["report_subject": "comportement-policier"],
        "b-objet": ["need": "objet-perdu"],
        // Je m'informe
        "c-proc-fi": ["need": "procuration"],
        "c-proc-std": ["need": "procuration"],
        "c-proc-domicile": ["need": "procuration"],
        "c-otv": ["need": "surveillance-logement"],
        "c-prev-camb": ["need": "surveillance-logement"],
        "c-rdv": ["need": "rendez-vous"],
        "c-contact-annuaire": ["need": "rendez-vous"],
        "c-perte-cni": ["need": "titre"],
        "c-perte-permis": ["need": "titre"],
        "c-objet-perdu": ["need": "objet-perdu"],
        "c-histovec": ["need": "vehicule-occasion"],
        "c-armes": ["need": "armes"],
        "c-comment-plainte": ["need": "porter-plainte"],
        "c-pre-plainte": ["need": "porter-plainte"],
        "c-prev-cyber": ["happened_online": "true"],
    ]
}
