/// The words the emergency detector reads, folded as ``CueSentence`` folds a
/// sentence (lowercase, no accents, apostrophes as spaces). A phrase written
/// `" word word "` matches whole words; `" word pre"` ends with a prefix.
///
/// The cues find *how* a sentence speaks of a danger (now, over, past, asked
/// about, negated); *which* situation it is comes as much from the content: a
/// leaf marked `danger` in `tree.json` raises the alert with the right time cues.
enum EmergencyCues {
    /// Every word of every cue, numbered.
    static let vocabulary: [String: Int32] = {
        var lists = [present, presentWeak, earlierToday, past, longAgo, calm, hypothetical, over, overCancelled, authorLeft, justHappened, paperwork,
                     noInjury, noDanger, found, foundDenied, suicide, suicidePast, suicideDenied, help, danger, firstPerson, witness, kinship,
                     seaPlaces, inlandWaters, nothingNow, askedOfACase, hedged, windowLedges, lostToys, valuables, disappeared, takenAlong, suicideQuoted, worry, unreachable, listener, sexualAssault, hoursAgo, minor, childAges, weakAside, deceased, laughing, wishesToDie, oneWordDangers, lostOwnThing]
        lists += categories.flatMap { [$0.strong, $0.weak, $0.blockers] }
        lists += pairs.flatMap { [$0.first, $0.second, $0.blockers] }
        return PhraseSet.vocabulary(of: lists)
    }()

    /// It is happening now, or has just happened.
    static let present = [
        // Someone still there or just seen now ("il est toujours présent", "tjr là", "I have just noticed"), coming back
        // with what he went to fetch.
        " toujours present ", " toujours presents ", " est actuellement dans ", " sont actuellement dans ", " tjr la ",
        " just noticed ", " il revient avec ", " ils reviennent avec ", " revient avec le ", " coming back with ",
        // Something that happens as the writer types ("pendant que j'écris j'entends…", "attendez, là ça crie").
        " pendant que j ecris ", " pendant que je vous ecris ", " pendant que je vous parle ", " pendant que je tape ",
        " as i m typing ", " as im typing ", " as i type ", " while i m typing ", " while im typing ", " while i type ",
        " while i m writing ", " while i write ", " attendez la ", " la ca ", " wait there s ", " wait someone ",
        // A fake official still somewhere now ("il est encore au camping").
        " est encore au ", " sont encore au ", " est encore dans ", " sont encore dans ",
        // Bleeding that goes on.
        " pisse le sang ", " pisser le sang ", " pissent le sang ",
        " en ce moment ", " en train ", " est la ",
        " sont la ", " est ici ", " sont ici ", " tout de suite ", " vite ", " au secours ",
        " aidez moi ", " aider moi ", " aide moi ", " a l aide ", " ! ! ", " la maintenant ", " la now ", " la mtn ",
        " a l instant ", " vient de ", " viennent de ", " viens de ", " viens d etre ", " vient d etre ", " viennent d etre ",
        " now there is ", " now there s ", " now there are ", " maintenant il y a ", " maintenant ya ", " ce soir ", " en pleine ", " en direct ",
        " still in the ", " is still in ", " still hanging around ", " encore du bruit ", " depuis 10 min ", " depuis dix minutes ",
        " i m standing ", " im standing ", " je suis sur le ", " ca gueule ", " en live ", " je vois ", " i can see ", " i see ", " arrive pour ", " il arrive ", " en route ", " i can hear ", " on his way ", " on her way ", " depuis 5 minutes ", " depuis 10 minutes ",
        " m attend ", " m attendent ", " mattend ", " je panique ", " j ose pas ",
        " la il ", " la ils ", " la elle ", " la on ", " la je ", " la y a ", " la ya ", " la en bas ", " la dehors ", 
        " venez ", " envoyez ", " depechez ",
        " il est la ", " ils sont la ", " elle est la ", " en bas de chez moi ",
        " derriere la porte ", " de suite ", " tt de suite ", " la tt de suite ",
        " right now ", " is here ", " are here ", " still here ", " still there ",
        " hurry ", " at the moment ", " as we speak ", " is outside ", " are outside ", " s outside ", " re outside ", " just now ", " tonight ", " asap ", " rn ",
        " is waiting ", " waiting outside ", " waiting for me ", " live ", " right outside ", " please hurry ", " now ! ", " please come ", " send someone ", " send help ",
        " happening now ", " just happened ", " still inside ",
        " est encore la ", " sont encore la ", " est toujours la ", " sont toujours la ", " il y est encore ",
        " sont chez moi ", " est chez moi ", " is in my ", " are in my ", " dans le meme bus ", " dans le meme train ",
        " dans le meme wagon ", " dans la meme rame ", " on the same bus ", " on the same train ", " in the same carriage ",
        " il respire ", " elle respire ", " respire encore ", " still breathing ", " is breathing ", " cache sous ", " cachee sous ", " caches sous ", " hiding under ", " refugies dans ", " refugiee dans ", " refugie dans ",
        " barricade ", " barricadee ", " barricaded ", " le tireur est ", " the shooter is ", " en ce moment meme ",
        " depuis tout a l heure ", " depuis tout al heure ", " for the last hour ", " for an hour now ",
        // Crying or screaming that has gone on and still goes on ("pleure depuis longtemps", "has been screaming for an hour").
        " pleure depuis ", " pleurent depuis ", " crie depuis ", " crient depuis ", " hurle depuis ", " hurlent depuis ",
        " has been screaming ", " has been crying ", " have been screaming ", " have been crying ",
        " attendent dehors ", " attend dehors ", " m attendent devant ",
        // Waiting at the writer's door now.
        " is going off ", " are going off ", " sonne en ce moment ",
        // Someone who does not go away.
        " il ne part pas ", " ils ne partent pas ", " won t go away ", " wont go away ",
        " attend devant ", " attendent devant ", " sont devant ma porte ", " est devant ma porte ", " is at my door ", " are at my door ",
        // Outside the writer's building now.
        " est devant mon immeuble ", " sont devant mon immeuble ", " is outside my building ",
        // The writer watching from across the street now.
        " we are across the street ", " we re across the street ", " i am across the street ", " i m across the street ", " je suis en face ", " on est en face ",
        // Across the road, too.
        " we are across the road ", " we re across the road ", " i m across the road ", " i am across the road ",
        // Something that goes on as the writer writes, someone back at the door or downstairs now.
        // The writer turning to what is happening now ("mais ce qui se passe maintenant c'est…", "but more urgently…").
        " ce qui se passe maintenant ", " ce qui se passe en ce moment ", " il se passe quelque chose maintenant ",
        " what s happening now ", " what is happening now ", " but more urgently ", " mais plus urgent ", " plus urgent encore ",
        // A state that lasts as the writer writes: someone fallen who cannot get up, unconscious, bleeding that will not stop.
        " n arrive pas a me relever ", " arrive pas a me relever ", " n arrive pas a se relever ", " arrive pas a se relever ",
        " peux pas me relever ", " peut pas se relever ", " can t get up ", " cant get up ", " cannot get up ", " unable to get up ",
        " peux plus me relever ", " peut plus se relever ", " arrive plus a me relever ", " can t get up anymore ",
        // A weapon in someone's hand as the writer writes ("il a un couteau", "he's got a gun").
        " il a un couteau ", " il a une arme ", " il a un pistolet ", " il a un fusil ", " ils ont des couteaux ", " ils ont des armes ",
        " he has a knife ", " he s got a knife ", " he has a gun ", " he s got a gun ", " they have knives ", " they have guns ",
        // The police asked to come or to catch someone now, even in a polite question.
        " gendarmes peuvent venir ", " policiers peuvent venir ", " police peut venir ", " can the police come ",
        " can police come ", " can police catch him ", " can the police catch him ", " pouvez vous venir ", " can you come now ",
        // A state that lasts as the writer writes: someone who does not wake up, a smell of gas now.
        " se reveille pas ", " se reveil pas ", " se reveille plus ", " se reveil plus ", " won t wake up ", " wont wake up ",
        " not waking up ", " ca sent le gaz ", " ca sent fort le gaz ", " ca sent tres fort ", " it smells of gas ", " i can smell gas ",
        " est inconscient ", " est inconsciente ", " is unconscious ", " est unconscious ", " are unconscious ",
        " saigne toujours ", " saigne encore ", " n arrete pas de saigner ", " arrete pas de saigner ", " won t stop bleeding ",
        " wont stop bleeding ", " keeps bleeding ", " still bleeding ", " can t stop the bleeding ", " cant stop the bleeding ",
        " can t stop it ", " cant stop it ",
        // A smell or a smoke that grows as the writer writes.
        " de plus en plus forte ", " de plus en plus fort ", " getting stronger ", " smell is stronger ",
        // Someone who has just come in or arrived ("vient d'entrer", "vient d'arriver"), as "vient de" says.
        " vient d ", " viennent d ",
        // Someone still in the home or the shop as the writer writes ("il est toujours dans l'appartement").
        " est toujours dans ", " est encore dans ", " sont toujours dans ", " sont encore dans ", " is still inside ",
        // A refusal in the present: whoever will not let the writer go is doing it now.
        // Someone shut in or driven alongside again and again: it goes on as the writer writes.
        " m enferment ", " nous enferment ", " locks me in ", " lock me in ", " keeps driving ", " keeps circling ",
        " won t let me leave ", " wont let me leave ", " won t let me go ", " wont let me go ", " ne me laisse pas partir ",
        " ne me laisse pas sortir ", " veut pas me laisser partir ", " veut pas me laisser sortir ",
        // Someone trying keys or the handle now.
        " now trying to ", " now trying the ", " now trying keys ", " trying keys in ", " won t let me in ", " wont let me in ",
        // An acute episode going on ("she is having chest pains", "he's having a fit").
        " is having chest ", " s having chest ", " is having a fit ", " s having a fit ", " is having a seizure ",
        " s having a seizure ", " is having a heart attack ", " s having a heart attack ", " is having a stroke ", " s having a stroke ",
        " ca continue encore ", " it s still going on ", " its still going on ", " still going on ", " ca dure depuis un moment ", " now he s back ", " now she s back ", " now they re back ", " is now in front of ", " is now outside ", " est maintenant devant ", " s downstairs ", " is downstairs ", " are downstairs ", " est en bas de mon immeuble ", " has been sparking ", " is sparking ", " keeps sparking ", " il y a un quart d heure ", " quarter of an hour ago ", " since 30 min ", " depuis 20 minutes ", " depuis 30 minutes ", " depuis une demi heure ", " depuis un quart d heure ",
    ]

    /// "Now" said of the writer's state as much as of a danger ("j'habite chez ma tante maintenant",
    /// "what do I do now?"), and "urgent" said of paperwork as much as of a danger: a cue of the
    /// present only when nothing says the event is past (or, for "urgent", that it is paperwork).
    static let presentWeak = [
        " maintenant ", " mtn ", " actuellement ", " now ", " currently ", " urgent ", " urgence ", " aujourd hui ", " help ",
        // A place ("devant chez moi") says where as much as when: "on m'a volé ma voiture cette nuit devant chez moi".
        " devant chez moi ",
    ]

    /// One word that names a danger only ever reported while it happens (a fire, a gas leak, a drowning, a stabbing,
    /// an intruder): alone, it is a call, not a topic to read about. Topics ("cambriolage", "agression", "viol", and
    /// "incendie", the word of a topic page as much as of a call) stay topics.
    static let oneWordDangers = [
        " stabbing ",
        " feu ", " fire ", " gaz ", " gas ", " noyade ", " drowning ", " stabbed ", " poignarde ", " poignardee ",
        " intruder ", " intrus ", " fumee ", " smoke ",
    ]

    /// The writer lost something of their own ("I lost my…", "j'ai perdu mes…"): shouted as an emergency, it is a
    /// lost item, unless the words name a danger (a child lost is read by its own cues).
    static let lostOwnThing = [
        " i lost my ", " i ve lost my ", " i have lost my ", " j ai perdu mon ", " j ai perdu ma ", " j ai perdu mes ",
        " jai perdu mon ", " jai perdu ma ", " jai perdu mes ",
    ]

    /// Paperwork: "urgent" for a passport, a declaration or an appointment is no danger.
    static let paperwork = [
        // "Urgent" to file a complaint before leaving: the appointment is urgent, not a danger.
        " porter plainte avant ", " deposer plainte avant ", " plainte avant de partir ", " file a complaint before ",
        " report it before ",
        " passeport ", " passport ", " carte d identite ", " titre de sejour ", " permis de conduire ", " declaration ",
        " notaire ", " attestation ", " procuration ", " visa ", " dossier ", " rendez vous ", " appointment ", " formulaire ",
        " form ", " heritee ", " inherited ", " carte grise ", " recepisse ",
    ]

    /// It has just happened (minutes ago): still an emergency, even when the author has left.
    static let justHappened = [
        " vien de ", " vien d ",
        " vient de ", " viennent de ", " viens de ", " vient d ", " viennent d ", " viens d ", " viens d etre ", " vient d etre ", " a l instant ", " just now ",
        " just happened ", " just got ", " just been ", " just sent ", " just texted ", " just wrote ", " just assaulted ", " just attacked ", " just mugged ", " just robbed ",
        " just punched ", " just beaten ", " just stabbed ", " just tried ", " vient d essayer ", " a essaye de ", " il y a 5 min", " il y a 10 min", " il y a deux minutes ",
        " il y a cinq minutes ", " il y a dix minutes ", " il y a quelques minutes ", " minutes ago ", " mins ago ",
    ]

    /// It happened before: told calmly, it is not an emergency (unless something says "now").
    static let past = [
        // A habit told with "when" ("he hits me when he's drunk"): how it goes, not what is happening now.
        " quand elle est en colere ", " quand il est en colere ", " quand il a bu ", " quand elle a bu ", " when she s angry ",
        // A fight the writer witnessed is told afterwards.
        " j ai ete temoin d ", " j ai ete temoin de ",
        // A story dated to a day or a month gone by.
        " c etait samedi ", " c etait dimanche ", " c etait vendredi ", " c etait lundi ", " c etait en mars ", " c etait en janvier ", " c etait en fevrier ", " c etait en avril ", " c etait en mai ", " c etait en juin ", " c etait en juillet ", " c etait en aout ", " c etait en septembre ", " c etait en octobre ", " c etait en novembre ", " c etait en decembre ", " la derniere c etait en ",
        " when shes angry ", " when he s angry ", " when hes angry ", " when he s drunk ", " when hes drunk ", " when she s drunk ",
        " when she s at work ", " when shes at work ", " when he s at work ", " when hes at work ", " quand elle est au travail ",
        " quand il est au travail ", " quand maman est au travail ", " quand maman travaille ", " when mum is at work ",
        " quand elle est enervee ", " quand il est enerve ", " when she s upset ", " when he s upset ", " tout les jours ",
        // An evening or a morning of a named day, care already given, "lately".
        " lundi soir ", " mardi soir ", " mercredi soir ", " jeudi soir ", " vendredi soir ", " samedi soir ", " dimanche soir ",
        " on saturday night ", " on friday night ", " on sunday night ", " certificat du medecin ", " certificat medical ",
        " medical certificate ", " doctor s certificate ", " ces temps ci ", " ces derniers temps ", " last nite ", " lastnight ",
        " hier ", " avant hier ", " la semaine derniere ", " semaine derniere ", " le mois dernier ", " mois dernier ",
        " l annee derniere ", " l an dernier ", " l an passe ", " l annee passee ", " il y a longtemps ", " il y a des annees ", " depuis des ", " la derniere fois ", " l ete dernier ", " autrefois ", " quand j etais ", " en 20", " en 19",
        // A named day's evening or party ("samedi en soirée"): days ago, a story to tell.
        " lundi en soiree ", " mardi en soiree ", " mercredi en soiree ", " jeudi en soiree ", " vendredi en soiree ", " samedi en soiree ", " dimanche en soiree ",
        " dans la nuit de ", " during the night of ", " ce matin ", " samedi dernier ", " dimanche dernier ", " lundi dernier ", " mardi dernier ", " mercredi dernier ",
        " jeudi dernier ", " vendredi dernier ", " le week end dernier ", " ce week end ", " pendant mon ",
        " pendant les vacances ", " pendant nos vacances ", " en rentrant de vacances ", " au retour de ",
        " retrouve ma ", " retrouve mon ", " retrouve la porte ", " decouvert ", " constate ",
        " yesterday ", " last week ", " last month ", " last year ", " a while ago ", " long ago ", " some time ago ", " ages ago ", " a while back ", " in 20", " in 19",
        " used to ", " this morning ", " last night ", " last weekend ", " the other day ", " when i was ",
        " des annees ", " for years ", " for months ", " while i was away ", " over the weekend ", " the weekend ",
        " souvent ", " tout le temps ", " regulierement ", " parfois ", " tous les jours ", " tous les soirs ",
        " toutes les nuits ", " toutes les semaines ", " tous les matins ", " tous les week ends ", " often ",
        " sometimes ", " regularly ", " every day ", " every night ", " every week ", " every morning ", " depuis des mois ",
        " tt le temps ", " tout le temp ",
        // Harassment that does not stop: a pattern to report, told as such.
        " arrete pas de me harceler ", " arrete pas de me harceller ", " keeps harassing me ", " won t stop harassing me ",
        " wont stop harassing me ", " ya une heure ", " y a une heure ", " des fois ", " l an dernier ", " sort de taule ", " sort de prison ", " nothing has happened ", " came back ", " got back ", " found my ",
        " la semaine passee ", " le mois passe ", " l autre jour ", " l autre soir ", " l autre nuit ", " a noel ", " au nouvel an ",
        " le printemps dernier ", " l hiver dernier ", " l automne dernier ", " cet ete ", " a l epoque ", " quand j avais ",
        // "back in March", "back in the day" (not "can't get back in" the boat).
        " back in january ", " back in february ", " back in march ", " back in april ", " back in may ", " back in june ", " back in july ", " back in august ", " back in september ", " back in october ", " back in november ", " back in december ",
        " back in the day ", " back in the ", " back in my ", " back in school ", " back in summer ", " back in spring ",
        " back in winter ", " back in autumn ", " back in high school ", " back in college ", " last monday ", " last tuesday ", " last wednesday ", " last thursday ", " last friday ", " last saturday ", " on monday ", " on tuesday ", " on wednesday ", " on thursday ", " on friday ", " on saturday ", " on sunday ",
        " last sunday ", " last spring ", " last summer ", " last winter ", " last autumn ", " last christmas ", " the other night ",
        " at the time ", " vieux post ", " ancien post ", " old post ", " as a child ", " as a kid ", " as a teenager ", " in my childhood ", " during my childhood ",
        " pendant mon enfance ", " dans mon enfance ", " durant mon enfance ", " tous les aprem", " tous les apres midi ", " tous les lundis ", " tous les mardis ",
        " tous les mercredis ", " tous les jeudis ", " tous les vendredis ", " tous les samedis ", " tous les dimanches ", " tous les mois ",
        " tous les ans ", " tous les etes ", " toutes les nuits ", " toutes les semaines ", " toutes les fins de semaine ", " chaque ", " a chaque fois ", " every ", " each time ", " whenever ",
        " h24 ", " depuis un an ", " depuis un mois ", " depuis des semaines ", " depuis la rentree ", " depuis septembre ",
        " depuis notre rupture ", " depuis longtemps ", " ca dure depuis ", " for weeks ", " since september ", " for a year ",
        " la derniere fois ", " precedemment ", " previously ", " earlier this year ", " plus tot dans l annee ",
        // A habit told with "when": "il me tape quand il a bu", "he hits me when he's angry".
        " quand il a bu ", " quand il boit ", " quand il est en colere ", " quand il s enerve ", " quand elle s enerve ",
        " quand j ai des mauvaises ", " quand jai des ", " quand j ai des ", " when i get bad ", " when he s angry ", " when he is angry ", " when he gets angry ", " when she s angry ",
        " when he drinks ", " happened again on ",
        // "quand ils jouent", "when he misbehaves", "depuis que je suis petite": how it goes, not what happens now.
        " quand ils jouent ", " quand elles jouent ", " quand il joue ", " quand elle joue ", " when they play ",
        " when they re playing ", " quand il fait des betises ", " quand elle fait des betises ", " when he misbehaves ",
        " when she misbehaves ", " quand elle sort ", " quand il sort ", " when she goes out ", " when he goes out ",
        " depuis que je suis petit", " depuis que jsuis petit", " depuis que j etais petit", " since i was little ",
        " since i was small ", " since i was a kid ", " since i was a child ",
        // A burglary told as done to the writer ("j'ai été cambriolé"): a completed event.
        " j ai ete cambriole", " on a ete cambriole", " nous avons ete cambriole", " je me suis fait cambrioler ", " s est fait cambrioler ",
        " i was burgled ", " we were burgled ", " i ve been burgled ", " we ve been burgled ",
        // "à ce moment-là", "at that moment": the time of a story, not "là" (here, now).
        " a ce moment ", " at that moment ", " at that time ",
        // Days ago, or decades of it: a story to tell, not a call.
        " days ago ", " il y a deux jours ", " il y a 2 jours ", " il y a trois jours ", " il y a quelques jours ", " weeks ago ",
        // Blows during a relationship that has ended.
        " pendant notre relation ", " pendant notre couple ", " during our relationship ", " when we were together ",
        " quand on etait ensemble ",
        " depuis vingt ans ", " depuis trente ans ", " depuis quarante ans ", " depuis cinquante ans ", " for decades ",
    ]

    /// Past cues that still speak of today: "ce matin", "last night". The model may still raise an alert with them.
    static let earlierToday = [
        " ce matin ", " this morning ", " last night ", " cette nuit ", " hier soir ", " ce midi ", " tonight ",
    ]

    /// Long ago: even a disappearance is not an emergency then.
    static let longAgo = [
        " il y a deux ans ", " il y a trois ans ", " il y a des annees ", " il y a plusieurs annees ", " il y a longtemps ",
        // At an age long past.
        " a l age de ", " at the age of ",
        " l annee derniere ", " l an dernier ", " years ago ", " last year ", " des annees ", " for years ",
        " quand j etais petit", " when i was a", " en 19", " en 200", " en 201",
        " quand j avais ", " when i was 1", " when i was little ", " when i was young ", " quand j etais ado", " quand j etais jeune ",
        " quand j etais enfant ", " depuis longtemps ", " back in 19", " back in 20",
        " as a child ", " as a kid ", " as a teenager ", " in my childhood ", " during my childhood ", " pendant mon enfance ",
        " dans mon enfance ", " durant mon enfance ",
    ]

    /// Asking how to do something: a calm request, not a call for help.
    static let calm = [
        " porter plainte ", " deposer plainte ", " plainte ", " main courante ", " comment ", " que faire ",
        " quelles demarches ", " demarche ", " renseignement ", " information ", " conseil ", " savoir si ",
        " est ce que ", " declarer ", " how do i ", " how can i ", " how to ", " file a complaint ", " report it ",
        " what should i do ", " advice ", " procedure ", " prevention ", " se proteger ", " eviter ",
        " detiens ", " detenir ", " heritee ", " herite ", " permis de chasse ", " chasseur ", " collection ", " inherited ",
        " own a ", " licence ", " license ", " sia ", " legalement ", " legally ", " permis ", " assurance ",
        " insurance ", " rendez vous ", " appointment ", " detention ", " tireur ", " categorie ", " obligations ",
        " j ai trouve ", " jai trouve ", " i found a ", " je le garde ", " garder ", " je sais ou ", " je sais qui ",
        " i know where ", " i know who ", " indemnis", " remboursement ", " refund ",
        // Asking whom to tell or whether to worry: a worry about a pattern, not a danger now.
        " a qui en parler ", " a qui m adresser ", " a qui s adresser ", " dois je me mefier ", " faut il se mefier ",
        " dois je m inquieter ", " rien ne s est passe ", " il ne s est rien passe ", " who should i talk to ",
        " who can i talk to ", " should i be worried ", " should i worry ",
        // Wanting to tell someone, to talk first, without it going further: asking for a listener, not for help now.
        " a qui le dire ", " who do i tell ", " who should i tell ", " en parler a quelqu un ", " sans que ca aille plus loin ",
        " talk to someone about it ", " d abord en parler ", " sans qu il le sache ",
        " without him knowing ", " without her knowing ",
        // A suspicion about someone close ("I think her boyfriend is violent with her"): a worry, not a call.
        " je pense que le copain ", " je pense que son ", " je pense que sa ", " je soupconne ", " i suspect ",
        " i think my neighbour s ", " i think her boyfriend ", " i think his ",
    ]

    /// A situation imagined or asked about, not lived.
    /// Asking whether a case that is happening is serious, normal or paranoid ("c'est grave si mon ami a avalé…",
    /// "is it paranoid if a guy has followed me…"): the "si" / "if" names the case, not a hypothesis, so these
    /// frames are blanked before the hypothesis is read.
    static let askedOfACase = [
        " c est grave si ", " est ce grave si ", " est ce que c est grave si ", " c est dangereux si ", " est ce dangereux si ",
        " c est normal qu ", " c est normal que ", " est ce normal qu ", " est ce normal que ", " est ce que c est normal qu ",
        " est ce que c est normal que ", " is it serious if ", " is it bad if ", " is it dangerous if ", " is it paranoid if ",
        " am i paranoid if ", " is it normal if ", " is it normal that ", " is it ok if ", " is it okay if ",
        // On a video call with someone named (a friend, a parent): what is seen on the screen happens now, it is no
        // question about filing a complaint by video.
        " en visio avec ma ", " en visio avec mon ", " en visio avec sa ", " en visio avec son ", " en visio avec un ami ",
        " en visio avec une amie ", " on a video call with my ", " on a video call with a friend ", " on facetime with my ",
        // Someone seen on a work call ("un collègue en visio vient de…", "a colleague on a video call just…").
        " collegue en visio ", " collegue en reunion visio ", " en visio vient de ", " en visio viens de ", " colleague on a video call ",
        " on a video call just ", " on a teams call with ", " on a zoom call with ",
        // A relative calling on video from where it happens.
        " m appelle en visio ", " m a appele en visio ", " m appelle en video ", " is video calling me ", " facetiming me ",
    ]

    static let hypothetical = [
        // Asking whether something is allowed, or what to do if one day one hears violence.
        " on peut faire un ", " peut on faire un ", " can we make a ", " can we have a ", " can we light a ", " can i light a ",
        // A story being written.
        " fanfic ", " fan fiction ", " dans mon roman ", " in my novel ", " j ecris une histoire ", " i m writing a story ",
        " a t on le droit de faire ", " est il autorise de ", " is it allowed to ", " si j entends ", " if i hear ", " if i ever hear ",
        " si un jour ", " que faire si ", " que faire en cas ", " en cas de ", " comment reagir ", " si jamais ",
        " comment faire si ", " au cas ou ", " what if ", " what to do if ", " in case of ", " what should i do if ", " si je sens ", " if i smell ", " si on sent ", " if you smell ", " if we smell ",
        // Asking whether a complaint can be filed online or by video: a question about the procedure, not a call.
        " porter plainte en ligne ", " porter plainte en visio ", " deposer plainte en ligne ", " plainte en visio ",
        " complaint online ", " report it online ", " quand il me croise ", " quand il me croisera ", " when he sees me ",
        " when she sees me ", " when she sees my ", " when he sees my ", " when they see my ", " quand elle verra ", " quand il verra ", " quand ils verront ", " quand ils vont voir ", " quand elle va voir ", " quand il va voir ",
        " how to react ", " how should i react ", " if someday ", " if one day ", " film ", " serie ", " roman ",
        " jeu video ", " movie ", " tv show ", " novel ", " video game ", " exercice ", " drill ",
        // A training one prepares or follows, not "after football training".
        " formation ", " staff training ", " our training ", " training course ", " training session ", " a training on ",
        " for a training ", " training for my ", " training for our ", " first aid training ", " safety training ",
        " prevenir les ", " se preparer ", " hypothese ", " conduite a tenir ", " si jamais je ",
        " j appelle le 15 ou ", " which number do i ",
        " quelle conduite ", " if my ", " if someone ", " if a ", " si mon ", " si ma ", " si mes ", " si quelqu un ",
        " do i have to wait ", " faut il attendre ", " est ce qu il faut attendre ",
        // A question about the rules, not about a case: "is it true you have to wait 24 hours…".
        " is it true ", " est il vrai que ", " est ce vrai que ", " c est vrai qu il faut ",
        " a quoi sert ", " what is the number for ", " devenir policier ", " devenir gendarme ", " rentrer dans la gendarmerie ",
        " rentrer ds la gendarmerie ", " entrer dans la police ", " become a police officer ", " join the police ", " postuler ",
        // A case imagined or asked of the future ("hypothetically", "should a man ever knock", "I keep imagining").
        " hypothetically ", " hypothetiquement ", " if one were ", " should a man ", " should someone ", " should anyone ",
        " keep imagining ", " j imagine que ", " si y a le feu ", " s il y a le feu ", " si il y a le feu ",
        " imaginons ", " imaginez ", " imagine ", " supposons ", " admettons ", " suppose ", " que dois je faire si ", " que faut il faire si ",
        " faire si on ", " on fait quoi si ", " je fais quoi si ", " je fais koi si ", " what do i do if ", " what do you do if ",
        " if i witness ", " if you witness ", " if i see ", " if you see ", " si je vois ", " si on voit ", " si je suis ", " si jsui ",
        " si on voit ", " si on se ", " en cas d ", " in case there s ", " si on est ", " si on me ", " hotline ", " seulement pour ", " only for ", " c est pour qui ", " leaflet ", " depliant ",
        " for my students ", " pour mes eleves ", " expose ", " presentation ",
        " aux infos ", " aux informations ", " au journal televise ", " on the news ", " in the news ",
        // How a report or a call is made (by video, without speaking): a question about the procedure.
        " video call with an officer ", " video call with the police ", " visio avec un policier ", " by video ", " par video ", " par visio ", " en visio ", " visioplainte ", " si on ne peut ",
        " si je ne peux ", " si on peut pas ", " si je peux pas ", " if i can t ", " if i cannot ", " if you can t ",
        " if you cannot ", " if someone can t ", " comment on fait pour appeler ", " how do you call ", " how do i call ",
        " how long before ", " combien de temps avant ",
        // Whether something is allowed, how to recognise a scam: a question about the rules, not a case happening.
        " ai je le droit ", " est ce que j ai le droit ", " jai le droit de le ", " j ai le droit de le ", " j ai le droit de les ",
        " am i allowed to ", " is it legal to ", " est ce que c est interdit ", " est ce que cest interdit ", " is it allowed ",
        " comment reconnaitre ", " how to recognise ", " how to recognize ", " how to spot ", " how can i tell if ",
        // A film shoot, a game: shots and threats that are not real.
        " tournage ", " film shoot ", " filming a movie ", " filming a scene ", " faux coups de feu ", " c est juste le jeu ", " juste un jeu ",
        " just a game ", " in the game ", " dans le jeu ",
    ]

    /// The danger is over: the author has gone.
    static let over = [
        " est parti ", " sont partis ", " s est enfui ", " se sont enfuis ", " s est sauve ", " ont fui ",
        " n est plus la ", " ne sont plus la ", " plus personne ", " has left ", " have left ", " he left ", " they left ",
        " she left ", " is gone ", " are gone ", " ran away ", " ran off ", " took off ", " no longer there ",
        " nobody there ", " no one there ", " le calme est revenu ", " c est fini ", " it s over ", " its over ",
        " tout va bien ", " everything is fine ", " he s gone ", " hes gone ", " she s gone ", " all good now ", " maintenant ca va ", " ca va maintenant ",
        " i m fine ", " im fine ", " i am fine ", " je vais bien ", " ca va mais ", " safe now ", " home safe ", " is over ",
        " everyone left ", " tous partis ", " long gone ", " maitrise ", " a ete eteint ", " est eteint ", " put out ",
        " is out now ", " en securite ", " je suis rentree ", " je suis rentre ", " jsui rentree ", " jsuis rentree ",
        " est reparti ", " est repartie ", " sont repartis ", " est partit ", " c est calme ", " all quiet ", " est au travail ",
        " est au boulot ", " is at work ", " s at work ", " at work now ", " j habite chez ", " je vis chez ", " je suis chez ma ",
        " je suis chez mon ", " jsui chez ma ", " jsuis chez ma ", " i m staying with ", " i live with my ", " since then nothing ",
        " est loin ", " sont loin ", " deja loin ", " is far away ", " are far away ", " il est pas la ", " il n est pas la ",
        " he s not here ", " he isn t here ",
        // The parent who hits is away or asleep as the child writes ("elle est pas là maintenant", "là il dort").
        " elle est pas la ", " elle n est pas la ", " la il dort ", " la elle dort ", " partie au travail ", " parti au travail ",
        " she s not here ", " she isn t here ", " it s quiet ", " its quiet ", " quiet right now ", " c est calme la ", " etaient plus la ", " n etaient plus la ", " were gone ",
        // Something found missing "after the visit" of someone: the visitor has gone.
        " apres le passage d ", " apres le passage de ", " apres son passage ", " apres leur passage ", " apres la visite d ",
        " apres la visite de ", " apres sa visite ", " apres leur visite ", " apres son depart ", " apres leur depart ",
        " after the visit of ", " after a visit from ", " after his visit ", " after her visit ", " after their visit ",
        " after he left ", " after she left ", " after they left ",
        // The firefighters came and put the fire out: what is left is the paperwork.
        " put it out ", " put the fire out ", " pompiers sont venus ", " pompiers sont passes ", " pompiers sont repartis ",
        " pompiers l ont eteint ", " pompiers ont eteint ", " firefighters came ", " firefighters put ", " fire brigade came ",
        " fire brigade left ", " fire brigade put ", " firemen put ", " il reste que la carcasse ", " il ne reste que la carcasse ",
        // The writer has left the violent home, or the two have made up.
        " partir de chez moi ", " partire de chez moi ", " parti de chez moi ", " partie de chez moi ", " i left home ",
        " we left home ",
        // Having left and asking where to sleep: shelter, not a danger now.
        " ou dormir ", " nowhere to go ", " nowhere to sleep ", " where to sleep ", " ou aller dormir ", " on s est reconcilie ", " on sest reconcilie ", " on s est reconcilies ", " we made up ",
    ]

    /// Words that say the author left only for a moment: the danger is not over.
    static let overCancelled = [
        " other room ", " autre piece ", " next room ", " piece d a cote ",
        // The writer took refuge somewhere and the one who followed waits outside: nothing has ended.
        " attend dehors ", " attendent dehors ", " m attend dehors ", " waiting outside ", " is waiting outside ",
        " attend devant la ", " waiting for me outside ",
        // A stranger inside the home: whoever "is at work" or "est parti" is the one away, not the danger.
        " stranger in ", " stranger is in ", " strangers in ", " inconnu dans ", " inconnu est dans ", " inconnus dans ",
        " quelqu un dans la maison ", " quelqu un chez nous ", " someone in our house ", " someone in the house ",
        " someone is in the house ", " someone is in our house ",
        // 'It is over for me' said by the one who threatens: nothing has ended.
        " c est fini pour moi ", " it s over for me ",
        // Gone off carrying a weapon or a bag after announcing an attack; valuables to be put 'in safety' by strangers.
        " parti avec un sac ", " partie avec un sac ", " left with a bag ", " parti avec une arme ", " parti avec un couteau ", " left with a gun ", " left with a knife ", " mettre en securite ", " les mettre en securite ", " put them somewhere safe ", " keep them safe ",
        // Jewels or cash that visitors want to put 'in safety'.
        " bijoux en securite ", " argent en securite ", " jewellery somewhere safe ", " jewelry somewhere safe ",
        // Whoever left a suspicious package has gone; the package is still there.
        " l a depose ", " a depose un ", " left a bag ", " left the bag ", " left a package ", " colis suspect ", " suspicious package ",
        " parti chercher ", " partie chercher ", " partis chercher ", " went to get ", " gone to get ", " parti prendre ", " partit chercher ", " parti avec son sac ", " partie avec son sac ", " left with his bag ", " left with her bag ",
        " left the house with a bag ", " went to fetch ", " gone to fetch ",
        " va revenir ", " vont revenir ", " revient ", " reviennent ", " coming back ", " will be back ", " ll be back ",
        // Whoever did it still there: whoever else is away or asleep ends nothing.
        " est toujours la ", " est encore la ", " sont toujours la ", " sont encore la ", " still here ", " is still there ",
        " pour revenir ", " to come back ", " reparti chercher ", " repartie chercher ", " repartis chercher ", " still in sight ",
        " toujours en vue ", " je le vois encore ", " i can still see ",
        // The thief who just left still in sight, getting into a car.
        " il monte dans une ", " ils montent dans une ", " elle monte dans une ", " is getting into a ", " are getting into a ", " je le vois encore ", " i can still see him ",
        // Someone still inside: whoever "left" is not the danger.
        " encore dedans ", " toujours dedans ", " still inside ", " still in the house ",
        // A silence after the blows that frightens more, someone who recognises "plus personne": nothing has ended.
        " scares me more ", " scares me even more ", " fait encore plus peur ", " too quiet ", " trop calme ",
        " reconnait plus personne ", " reconnais plus personne ",
        // Nobody should be in the home: whoever "is at work" is the one away, the danger is the one inside.
        " personne n est cense etre la ", " personne n est censee etre la ", " personne n est sense etre la ", " personne est cense etre la ",
        " personne ne devrait etre ", " nobody should be in ", " no one should be in ", " nobody is supposed to be ",
        " no one is supposed to be ", " nobody s supposed to be ", " no one s supposed to be ",
        // The occupants away on holiday, the writer coming in from somewhere: nobody's danger has ended.
        " partis au ski ", " partis en vacances ", " parti en vacances ", " partie en vacances ", " sont en vacances ",
        " away on holiday ", " je suis ressortie ", " je suis ressorti ", " went back outside ", " i went back out ", " je suis rentree de ", " je suis rentre de ", " je suis rentree dans ", " je suis rentre dans ",
        // A fire nobody can put out, or spreading: "put it out" is a failed attempt, not the end.
        " can t put it out ", " cant put it out ", " cannot put it out ", " can not put it out ", " arrive pas a l eteindre ",
        " arrive pas a eteindre ", " it s spreading ", " its spreading ", " se propage ", " se repand ",
        // Someone acting on the writer right now, or trying the door now: whoever is "at work" or "home" is not the danger's end.
        " en train de me ", " essaye d ouvrir la porte ", " essaie d ouvrir la porte ", " trying to open the door ",
        " saying open up ", " says open up ", " shouting open up ",
        // Someone knocking at the door now: whoever "is at work" is not the danger.
        " keeps knocking ", " is knocking ", " is at our door ", " frappe a la porte ", " frappe a notre porte ",
        " tape a la porte ", " sonne sans arret ",
        // "il dit que c'est fini": the one in danger's words, not an end.
        " dit que c est fini ", " says it s over ", " says its over ",
        // The same words reported as said ("en disant que c'est fini", "saying it's over"): a threat, not an end.
        " disant que c est fini ", " disant c est fini ", " en disant que tout est fini ", " saying it s over ", " saying its over ",
        " saying that it s over ", " crie que c est fini ", " shouting it s over ",
        // Someone who will not leave the writer's home, or wants in now: "partir de chez moi" is theirs, not the writer's.
        " ne veut pas partir de chez moi ", " veut pas partir de chez moi ", " ne veulent pas partir de chez moi ",
        " refuse de partir de chez moi ", " refusent de partir de chez moi ", " veut rentrer chez moi ", " veulent rentrer chez moi ",
        " veut entrer chez moi ", " veulent entrer chez moi ",
    ]

    /// The author has left: the danger is over unless it has just happened (someone is still hurt, in shock).
    static let authorLeft = [
        " est parti ", " sont partis ", " s est enfui ", " se sont enfuis ", " s est sauve ", " ont fui ", " has left ",
        " have left ", " he left ", " they left ", " she left ", " is gone ", " are gone ", " ran away ", " ran off ",
        " took off ", " he s gone ", " hes gone ", " she s gone ", " est partit ",
    ]

    /// Nobody is hurt.
    static let noInjury = [
        " personne n est blesse", " personne de blesse", " pas de blesse", " aucun blesse", " sans blesse", " pas blesse",
        " personne n a ete blesse", " pas de victime", " aucune victime", " que des degats ", " que de la tole ", " degats materiels ",
        " no one hurt ", " nobody hurt ", " noone hurt ", " noone injured ", " noone was hurt ", " no one was hurt ", " nobody was hurt ", " no one is hurt ", " nobody is hurt ",
        " no one injured ", " nobody injured ", " no injuries ", " not hurt ", " no one was injured ", " nobody was injured ",
        " not injured ", " only damage ", " just damage ", " minor damage ",
        " va bien ", " il a rien ", " elle a rien ", " a rien eu ", " rien de casse ", " is fine ", " are fine ", " is ok ",
        " are ok ", " accident leger ", " accidant leger ", " leger accrochage ", " petit accrochage ", " accrochage ", " minor accident ",
        " fender bender ", " personne blesse ", " personne de blesse ",
    ]

    /// The writer says outright that nothing is happening now, that it is not violent this time, that all are fine:
    /// believed like ``noDanger``, except beside a weapon, an intruder or someone shut in, named in the same words
    /// ("he's not doing anything right now, but he has a knife in my kitchen").
    static let nothingNow = [
        " nothing happening right now ", " nothing is happening right now ", " nothing happening now ", " nothing is happening now ",
        " nothing dramatic ", " not doing anything right now ", " not doing anything now ", " rien ne se passe en ce moment ",
        " il se passe rien en ce moment ", " il ne se passe rien en ce moment ", " il fait rien la ", " il ne fait rien en ce moment ",
        " not violent tonight ", " pas violent ce soir ", " ce n est pas violent ", " c est pas violent ", " it s not violent ",
        " fine just scared ", " ok just scared ", " va bien mais il a peur ", " va bien mais elle a peur ",
        " nobody s been hurt yet ", " nobody has been hurt yet ", " no one s been hurt yet ", " no one has been hurt yet ",
        " personne n a encore ete blesse ",
        // The child spoken of is at school now; nothing was done tonight; all is calm today.
        " est a l ecole la ", " il est a l ecole maintenant ", " elle est a l ecole maintenant ", " is at school now ",
        " s at school now ", " is at school right now ", " n a rien fait ce soir ", " rien fait ce soir ", " didn t do anything tonight ",
        " hasn t done anything tonight ", " tout est calme ", " everything is calm ",
        // The writer says it is a joke (a weapon, an intruder or someone shut in named beside it still counts).
        " c est pour rire ", " c etait pour rire ", " just a joke ", " only a joke ", " it was a joke ", " just kidding ",
        " mdr non serieux ", " lol jk ",
    ]

    /// The writer says there is no danger and nothing urgent: believed, except for a
    /// risk of suicide or someone hurt, which the words themselves must then say.
    static let noDanger = [
        // Said to be okay for now: a worry, not a danger now.
        " okay right now ", " ok right now ", " fine right now ", " fine for now ", " okay for now ", " ok for now ",
        // The one who hits is away now, or the writer is safe and elsewhere: a worry to talk about, not a danger now.
        " not here now ", " at work rn ", " at work right now ", " is at work now ", " i m ok tonight ", " i m okay tonight ", " separated and safe ", " now i am safe ", " i am safe now ", " i m safe now ", " il est en deplacement ", " elle est en deplacement ", " lives in other city ", " lives in another city ", " habite dans une autre ville ", " vit dans une autre ville ", " ne sait pas ou j habite ", " sait pas ou j habite ", " sait pas ou on est ", " doesn t know where i live ", " doesnt know where i live ", " maintenant je suis bien ", " maintenant je vais bien ", " i m fine now ", " ce soir c est calme ", " ce soir ils sont avec ", " ce soir il est avec ", " ce soir elle est avec ", " juste pour ce soir ", " pas de bagarre ", " juste du bruit ", " juste bruit ", " just noise ", " mais ca rigole ", " no fight ",
        " va bien pour l instant ", " va bien pour le moment ", " i m safe ", " im safe ", " i am safe ", " now and safe ",
        // Money sent and the writer now thinks it was a scam: a complaint to file, not a danger now.
        " it was a scam ", " scared it s a scam ", " afraid it s a scam ", " c etait une arnaque ", " peur que ce soit une arnaque ",
        " nothing alarming ", " anything alarming ", " rien d alarmant ", " rien d inquietant ",
        " romance scam ", " arnaque sentimentale ", " arnaque aux sentiments ", " sent money to ", " sending money to ",
        " been sending money ", " sent him money ", " sent her money ", " i ve been had ", " tapage nocturne ", " keeps sending money ", " envoye de l argent a ", " continue d envoyer ",
        // Having left with the children and asking where to sleep: shelter, not a child in danger now.
        " ou dormir ", " where to sleep ", " where can i sleep ", " where can we sleep ", " ou loger ",
        " personne n est en danger ", " personne en danger ", " pas en danger ", " aucun danger ", " pas de danger ",
        " sans danger ", " pas d urgence ", " pas urgent ", " rien d urgent ", " pas une urgence ", " rien de grave ",
        " pas grave ", " nobody is in danger ",
        " no one is in danger ", " not in danger ", " no danger ", " not an emergency ",
        " he s safe ", " she s safe ", " he is safe ", " she is safe ", " safe right now ", " safe at home ", " il est en securite ",
        " elle est en securite ", " no emergency ", " not urgent ", " nothing urgent ", " nothing serious ", " not serious ", " isn t an emergency ", " isnt an emergency ",
        " plus en danger ", " no longer in danger ", " not in danger anymore ", " aucune fumee ", " pas de fumee ", " no smoke ",
        // "Rien ne s'est passé": the writer says nothing has happened, so no leaf's danger is happening either.
        " rien ne s est passe ", " il ne s est rien passe ", " nothing has happened ",
        // Locked out of one's own home: a locksmith, not a danger.
        " locked myself out ", " i m locked out ", " locked out of my ", " enferme dehors ", " enfermee dehors ",
        // Kept awake by noise: a nuisance to report, not a danger.
        " arrive pas a dorm", " arrivons pas a dorm", " ne dorment pas ", " dorment pas ", " peux pas dormir ", " can t sleep ", " cant sleep ", " keeping us awake ",
        " keeping me awake ",
        // All calm now, the people asleep: nothing happening now.
        " tout a l air calme ", " tout est calme maintenant ", " all seems calm ", " everything seems calm ", " all calm now ",
        " everything is calm now ", " rien de concret ", " nothing concrete ",
        // An old photo or video going round again: content to have removed, not a danger now.
        " recircule ", " recirculent ", " circule a nouveau ", " circule de nouveau ", " going round again ",
        " circulating again ", " la ils dorment ", " ils dorment maintenant ", " they re asleep now ", " they are asleep now ",
        // Someone who often switches their phone off: silence that is their habit.
        " a l habitude de couper son ", " habitude d eteindre son ", " often switches his phone off ", " often switches her phone off ",
        " usually turns his phone off ", " usually turns her phone off ", " je suis au boulot tranquille ", " je suis au boulot tranquile ", " la je suis tranquille ",
    ]

    /// A hedge before telling what happens ("c'est peut-être pas grave mais il me tient…"): the writer doubts,
    /// they do not say nothing is happening, so these words are blanked before `noDanger` is read.
    static let hedged = [
        " c est peut etre pas grave ", " peut etre pas grave ", " c est surement pas grave ", " je sais pas si c est grave ",
        " je ne sais pas si c est grave ", " maybe it s not serious ", " maybe it s nothing serious ", " probably not serious ",
        " probably nothing serious ", " i don t know if it s serious ", " i dont know if its serious ",
        // Doubting whether it is a joke is no statement that it is one.
        " si c est pour rire ", " if it s just a joke ", " if it s only a joke ", " if it was a joke ", " if it was just a joke ",
        // "c pas grave hein mais…", "pas grave mais": a shrug before the thing itself.
        " c pas grave ", " pas grave hein ", " pas grave mais ", " c est rien mais ",
    ]

    /// The person writing is the one in danger.
    static let firstPerson = [
        " je ", " j ", " me ", " m ", " moi ", " jsui ", " jsuis ", " chui ", " jpeu ", " jpeux ", " i ", " im ", " me ",
        " my home ", " my house ", " my flat ", " chez moi ",
    ]

    /// Someone else is in danger: the person writing is a witness.
    static let witness = [
        " je vois ", " j entends ", " jentends ", " on entend ", " i see ", " i can see ", " i can hear ", " i hear ",
        " voisin ", " voisine ", " voisins ", " neighbour ", " neighbor ", " neighbours ", " dans la rue ", " in the street ",
        " un homme ", " une femme ", " un mec ", " des mecs ", " un type ", " a man ", " a woman ", " a guy ", " someone is ",
        " temoin ", " witness ", " passant ", " au bord de ",
    ]

    /// The missing person is back.
    static let found = [
        // Active online: alive and reachable, not missing.
        " like mes photos ", " like mes posts ", " likes my photos ", " likes my posts ", " poste des stories ", " posting stories ",
        // A runaway who says where she sleeps or that he is fine.
        " texted me he s fine ", " texted me hes fine ", " texted me she s fine ", " texted me shes fine ", " elle va bien au telephone ", " il va bien au telephone ", " dort chez une copine ", " dort chez un copain ",
        " a ete retrouve", " l avons retrouve", " on l a retrouve", " ont retrouve ", " est retrouve", " retrouve sain",
        " retrouvee saine ", " est rentre ", " est rentree ", " est revenu ", " est revenue ", " de retour ",
        " came home ", " is back ", " came back ", " was found ",
        // A runaway hiding at the writer's and safe: not missing.
        " chez moi en secret ", " at mine in secret ", " at my place in secret ", " has been found ", " found him ", " found her ",
        // The writer knows where the person is: nobody is missing.
        " m a dit ou elle est ", " m a dit ou il est ", " je sais ou elle est ", " je sais ou il est ", " sait ou elle est ",
        " sait ou il est ", " told me where she is ", " told me where he is ", " i know where she is ", " i know where he is ", " on sait qu elle est ", " on sait qu il est ", " we know where she is ", " we know where he is ", " we know she s at ", " we know he s at ",
    ]

    /// "never came home": the words of a return, denied.
    static let foundDenied = [
        " never came home ", " never came back ", " not come home ", " not came home ", " not came back ", " didn t come home ",
        // The writers coming back to their own place: nobody found again.
        " we came back to ", " i came back to ", " came back to our ", " came back to my ",
        " didnt come home ", " hasn t come home ", " hasnt come home ", " haven t come home ", " not back ", " never back ",
        " est jamais revenu", " est jamais rentre", " n est pas revenu", " n est pas rentre", " pas de retour ",
    ]

    static let suicide = [
        " me suicider ", " me suicide ", " suicidaire ", " suicide ", " suicider ", " en finir ",
        // Standing by the railway or on the tracks, said of oneself.
        " je suis au bord de la voie ferree ", " je suis sur les rails ", " je suis sur la voie ferree ", " jsuis sur les rails ",
        " i m on the railway tracks ", " i m on the train tracks ", " i am on the train tracks ", " i m standing on the tracks ",
        " mettre fin a mes jours ", " mettre fin a ma vie ", " envie de mourir ", " va se tuer ", " veut se tuer ", " allait se tuer ", " allait se suicider ", " voulait se tuer ", " veux mourir ", " vais mourir ",
        " plus envie de vivre ", " me foutre en l air ", " me jeter ", " sauter du ", " me pendre ", " kill myself ",
        " killing myself ", " suicidal ", " dont want to be alive ", " don t want to be alive ", " c est fini pour moi ",
        " adieu tout le monde ", " texted me goodbye ", " avec des boites de medicaments ", " va sauter ", " va saute ", " veut sauter ", " going to jump ",
        " gonna jump ", " rebord de la fenetre ",
        // Every pill taken, a wish to die now, said in franglais or of oneself.
        " pris toutes les boites ", " pris tous ses medicaments ", " pris tous mes medicaments ", " pris tous mes medocs ",
        " pris toute la boite ", " took all my pills ", " took all her pills ", " took all his pills ", " se kill ",
        " kill themselves ", " kill themself ", " i d rather die ", " id rather die ", " dormir pour toujours ",
        // Farewell letters written, pills ready or in hand: the act is prepared.
        " qu elle m aimera toujours ", " qu il m aimera toujours ", " will always love me ", " lettres pour tout le monde ", " lettres d adieu ", " lettre d adieu ", " farewell letter", " goodbye letter",
        " cachets sont prets ", " medicaments sont prets ", " pills are ready ", " pills in my hand ", " cachets dans la main ",
        " medocs dans la main ", " ce soir c est fini ", " tonight it ends ",
        // Someone climbing over a bridge's railing or sitting on its parapet, or on a building's roof: about to jump.
        // (Legs over the void alone is no cue: a small child on a ledge is the firefighters'.)
        " parapet du pont ", " parapet d un pont ", " enjambe la rambarde ", " enjambe le parapet ",
        " railing of a bridge ", " over the railing ", " roof of my building ", " standing on the bridge ", " sur le pont ", " sur le toit de mon immeuble ",
        // The writer on a bridge now, in English too.
        " i m on the bridge ", " im on the bridge ", " i am on the bridge ",
            " je veux plus vivre ", " veux plus vivre ", " goodbye note ", " lettre d adieu ", " pardon pour tout ", " une corde accrochee ",
            " drive into the sea ", " dire adieu ", " don t think i want to go back ", " sorti la corde ", " avec une corde ", " je vais me tuer ", " jvais me tuer ", " jvai me tuer ", " peux pas vivre avec ca ", " peux plus vivre avec ca ", " can t live with this ",
            " cant live with this ", " j vais me tuer ", " vais tout prendre ce soir ",
            " going to take all my ", " gonna take all my ", " don t see another way ", " dont see another way ", " see no other way ",
            " rebord de ma fenetre ",
        " je veux me tuer ", " envie de me tuer ", " vais me tuer ", " veux me tuer ", " end her life ", " end his life ", " end their life ", " kill herself ",
        " kill himself ", " mettre fin a ses jours ", " veut mourir ", " wants to die ", " end my life ",
        " want to die ", " end it all ", " take my own life ", " dont want to live ", " don t want to live ",
        " no reason to live ", " en finir avec la vie ", " se foutre en l air ", " adieu a tous ", " dit adieu ",
        " lettre d adieu ", " goodbye letter ", " said goodbye ", " se jeter ", " sauter d un pont ", " jump off ",
        // An end to one's days announced in the future tense.
        " mettrai fin a mes jours ", " mettrai fin a ma vie ", " will end my life ",
        // Wanting to jump, the act set for tonight, opened wrists, a gun to the head, pills taken out.
        " want to jump ", " wanna jump ", " gonna jump ", " veux sauter ", " jveux sauter ", " vais sauter ", " jvais sauter ", " je saute dans ", " tonight s the night ", " poignets ouverts ", " ouvert les poignets ", " se tirer une balle ", " me tirer une balle ", " ecrit ma lettre ", " jvais le faire ", " pris les medocs ", " took everything in the cabinet ",
        " ne plus etre la ", " disparaitre pour toujours ", " overdose volontaire ", " avale des medicaments ",
        " avale tous ", " took all my pills ", " swallowed pills ",
        " toute la boite de ", " toute sa boite de ", " toute sa plaquette ", " toute la plaquette ", " tous mes cachets ", " tous les cachets ", " boite de cachets ",
        " prepare la corde ", " la corde dans ", " me pendre ", " se pendre ", " cut myself ", " me suis coupe ", " me suis coupee ",
        " me scarifie ", " me tailler les veines ", " les veines ", " took the whole ", " whole bottle of ", " whole box of ",
        " ecrit les lettres ", " lettres d adieu ", " goodbye letters ", " look after mum for me ", " prends soin de maman ",
        " sous un train ", " under a train ", " in front of a train ", " sur les rails ", " on the tracks ", " on the railway ",
        // Waiting for a train on the tracks, a farewell sent, everything to be swallowed tonight.
        " waiting for the next train ", " attend le prochain train ", " envoye un adieu ", " envoye un message d adieu ",
        " sent me a goodbye ", " va tout avaler ", " vais tout avaler ", " envie de tout prendre ", " envie de tout avaler ",
        " bord du quai ", " rope is ready ", " corde est prete ", " letters to everyone ", " lettres a tout le monde ",
        " plu vivre ", " jveux plus vivre ", " jveu plus vivre ", " sur le toi ", " veux plus etre la ", " veu plus etre la ",
        " plus etre la demain ", " not be here tomorrow ", " don t think i ll be here tomorrow ", " dont think ill be here tomorrow ", " don t think ill be here tomorrow ", " ne serai plus la demain ", " serai plus la demain ",
        " serai pas la demain ", " won t be here tomorrow ", " wont be here tomorrow ", " hang himself ", " hang herself ", " hang myself ",
        " marcher dans la mer ", " entrer dans la mer ", " walk into the sea ", " walk into the water ", " walk into the river ", " menace de sauter ", " threatening to jump ", " threatens to jump ",
        " saying he ll jump ", " saying she ll jump ", " says he ll jump ", " says she ll jump ", " saying he will jump ",
        " saying she will jump ", " dit qu il va sauter ", " dit qu elle va sauter ", " toutes ses boites ", " toute une boite de cachets ",
        " toute une boite de medicaments ", " whole box of pills ", " whole bottle of pills ", " all her pills ", " all his pills ",
        " going to end it ", " gonna end it ", " end it tonight ", " va en finir ", " veut en finir ",
        // Goodbye messages and bequests: "il me lègue son chat", "on serait mieux sans lui".
        " me legue ", " lui legue ", " va faire une betise ", " fasse une betise ", " faire une connerie ", " mieux sans lui ",
        " mieux sans elle ", " mieux sans moi ", " better off without me ", " better off without him ", " better off without her ",
        " message d adieu ", " mot d adieu ", " genre adieu ", " saying goodbye ", " pris la corde ",
        " take all her ", " take all his ", " took all her ", " took all his ", " tout ce qui restait dans la boite ",
        " les lames devant moi ", " etales devant moi ", " vais tout avaler ", " me suis enferme avec un cut", " me suis enfermee avec un cut", " locked myself in with a ",
        // The pills laid out in front of the writer, no point any more, a goodbye text, a rope bought.
        " pills in front of me ", " cachets devant moi ", " medocs devant moi ", " medicaments devant moi ", " don t see the point ",
        " dont see the point ", " see no point ", " vois plus l interet ", " vois plus le sens ", " do it tonight ", " le faire ce soir ",
        " want to be here anymore ", " m a ecrit adieu ", " wrote me goodbye ", " texted goodbye ", " goodbye text ", " goodbye message ", " sent a goodbye ", " msg d adieu ",
        " msg dadieu ", " sms d adieu ", " bought rope ", " bought a rope ", " achete une corde ", " achete de la corde ",
        " saying farewell ", " said farewell ", " farewell email ", " farewell message ",
        // A letter left, the rope or the pills laid out ready: the means prepared.
        " laisse une lettre ", " left a letter ", " rope ready ", " corde prete ", " photo de cordes ",
        " prepare les medicaments ", " prepare mes medicaments ", " thinking about ending it ", " thinking of ending it ",
        // The means laid out, the night named as the last, letters written, belongings given away, a farewell posted.
        " prepare les cachets ", " prepare mes cachets ", " prepare les medocs ", " c est la derniere nuit ", " cest la derniere nuit ", " ma derniere nuit ", " tonight is the night ",
        " last night of my life ", " ecrit mes lettres ", " ecrit ses lettres ", " wrote my letters ", " il en finit ", " elle en finit ",
        " j en finis ", " donne toutes ses affaires ", " donne toutes ses choses ", " giving away all his ", " giving away all her ",
        " giving away his things ", " giving away her things ", " poste un adieu ", " posted a goodbye ",
        // A wish to die told just before someone ran off, someone standing ready to jump or at the edge of a bridge,
        // suicidal thoughts named in the plural, a wish "to go to heaven" said by a parent to a child.
        " wanted to die ", " voulait mourir ", " pret a sauter ", " prete a sauter ", " ready to jump ", " about to jump ",
        " idees suicidaires ", " pensees suicidaires ", " suicidal thoughts ", " edge of the bridge ", " edge du pont ",
        " bord du pont ", " rebord du pont ", " edge of the roof ", " bord du toit ", " go to heaven ", " aller au ciel ",
        " partir au ciel ", " rejoindre les anges ",
        // The means in hand or the act begun: a note written for tonight, the rope, pills lined up, a leg already over.
        " wrote my note ", " written my note ", " sorry for everything ", " jumping now ", " i m jumping ", " im jumping ", " j ai la corde ", " jai la corde ",
        " pills lined up ", " medoc dans la main ", " deja enjambe ", " already over the railing ", " already climbed over ",
        // A car's engine left running in a closed garage with someone inside.
        " garage moteur allume ", " garage avec le moteur allume ", " moteur allume dans le garage ", " voiture qui tourne dans le garage ",
        " garage avec la voiture qui tourne ", " engine running in the garage ", " car running in the garage ", " garage with the engine running ",
    ]
    static let suicidePast = [
        // Dark words some time ago by someone who is better since.
        " seems better now ", " seems to be better now ", " depuis il va mieux ", " depuis elle va mieux ", " va mieux depuis ",
        " s est suicide ", " est suicidee ", " s est suicidee ", " committed suicide ", " took his own life ",
        " took her own life ", " tentative de suicide il y a ", " tentative de suicide ", " fait une tentative ", " attempted suicide ",
        " suicide attempt ", " parlait de se suicider ", " parlait de suicide ", " talked about suicide ", " talking about suicide in ",
        // Fine now, long after the words: "she's totally fine now", "he seems fine".
        " totally fine now ", " she s fine now ", " he s fine now ", " is fine now ", " seems fine ", " va tres bien maintenant ",
        " va bien maintenant ",
        " vieux post ", " ancien post ", " old post ", " tente de se suicider ", " tried to kill herself ", " tried to kill himself ",
    ]
    static let suicideDenied = [
        " pas envie de mourir ", " ne veux pas mourir ", " veux pas mourir ", " pas suicidaire ", " don t want to die ",
        // No act planned, a talk wanted.
        " pas envie de faire de betise ", " pas envie de faire une betise ", " not gonna do anything ", " not going to do anything ", " dont want to die or anything ", " don t want to die or anything ",
        " dont want to die ", " not suicidal ", " pas parle de suicide ", " jamais parle de suicide ", " never talked about suicide ", " parle pas de suicide ", " hasn t talked about suicide ",
        " hasnt talked about suicide ", " didn t mention suicide ", " never mentioned suicide ",
        // The dramatic words taken back as a joke.
        " mdr non serieux ", " lol no seriously ", " lol jk ", " just kidding ",
        " pense pas au suicide ", " pense pas a me suicider ", " not thinking about suicide ", " not thinking of suicide ",
        " not thinking of killing myself ",
        // A threat repeated as a pattern to control, no danger at this moment.
        " to control me ", " pour me controler ", " le dit tout le temps ",
        " says it all the time ", " said it dozens of times ", " pas en danger a cet instant ", " pas en danger en ce moment ",
        " not in danger right now ", " not in danger at the moment ",
    ]
    static let danger = [
        " est en danger ", " suis en danger ", " sont en danger ", " l air en danger ", " en danger de mort ",
        " is in danger ", " am in danger ", " are in danger ", " life is in danger ", " en danger ",
    ]
    static let help = [" au secours ", " aidez moi ", " a l aide ", " help me ", " sos ", " help ! ", " venez vite ", " please help "]

    /// One situation read from words: `strong` phrases mean "now" on their own
    /// (unless the sentence is past or calm), `weak` words need a cue of the present.
    struct Category {
        let reason: EmergencyReason
        let strong: [String]
        let weak: [String]
        /// Phrases that cancel this category ("feu rouge" is no fire).
        var blockers: [String] = []
    }

    static let categories: [Category] = [
        Category(reason: .missingChild, strong: [
            " enfant perdu ", " enfant disparu ", " enfant introuvable ", " lost child ", " child is lost ", " missing child ",
            // A child who was at the writer's side a moment ago and can no longer be found.
            " was right next to me ", " was just next to me ", " etait juste a cote de moi ", " etait a cote de moi ",
            " can t find my son ", " cant find my son ", " can t find my daughter ", " cant find my daughter ",
            " ne retrouve plus mon fils ", " ne retrouve plus ma fille ", " retrouve plus mon fils ", " retrouve plus ma fille ",
            // The child writing: a lost child who cannot find a parent.
            " can t find my mum", " cant find my mum", " can t find my mom", " cant find my mom", " lost my mum ", " lost my mom ",
            " lost my mummy ", " lost my mommy ", " can t find my parents ", " cant find my parents ", " lost my parents ",
            " perdu ma maman ", " trouve plus ma maman ", " trouve plus maman ", " retrouve plus ma maman ", " perdu mes parents ",
            " trouve plus mes parents ",
        ], weak: []),
        Category(reason: .cannotSpeak, strong: [
            // Writing on a phone the captors do not know about.
            " don t know i have a phone ", " dont know i have a phone ", " doesn t know i have a phone ", " doesnt know i have a phone ",
            " don t know i have my phone ", " sait pas que j ai mon tel", " savent pas que j ai mon tel",
            " peux pas parler ", " peut pas parler ", " pas parler il ", " pas parler elle ", " pas parler ils ",
            " peux pas telephoner ", " peux pas appeler ", " pas appeler il ", " il va m entendre ", " elle va m entendre ",
            " va m entendre ", " chuchote ", " cant talk ", " can t talk ", " cannot talk ", " can t speak ", " cant speak ",
            " cannot speak ", " unable to speak ", " je suis sourde ", " je suis sourd ", " i m deaf ", " i am deaf ",
            " jpeu pa ", " jpeux pas parler ", " jpeu pas parler ", " can t call ", " cant call ", " cannot call ", " he ll hear me ",
            // Unable to say a word aloud next to the person.
            " can t say anything out loud ", " cant say anything out loud ", " can t say anything ", " cant say anything ", " peux rien dire a voix haute ", " peux pas parler a voix haute ", " peux rien dire ", " can t speak out loud ",
            " j ecris depuis la ", " j ecris depuis le ", " i m texting from the ", " texting from the ", " peux juste ecrire ", " peux que ecrire ", " peux seulement ecrire ", " jpeux juste ecrire ", " jecri avec ",
            " j ecris avec ", " can only text ", " can only write ", " can only type ",
            " he will hear me ", " she ll hear me ", " will hear me ", " pas faire de bruit ", " can t make a sound ",
        ], weak: [], blockers: [
            // Speech that fails is a symptom for the SAMU, not someone who must stay silent.
            " speak properly ", " talk properly ", " speak clearly ", " parler correctement ", " parler normalement ",
            " parle plus correctement ", " articule ", " arrive pas a articuler ",
            // A deaf person asking how to put a question in writing: a way to contact, not someone kept silent.
            " poser une question ", " ask a question ", " une question par ecrit ", " a question in writing ",
        ]),
        Category(reason: .violenceNow, strong: [
            // Pinned against a wall, a belt fetched to beat; the victim's own words quoted ("arrête, tu me fais mal").
            " pinned against the wall ", " pinned me against ", " got me pinned ", " pinned me to the ", " plaquee contre le mur ",
            " plaque contre le mur ", " me plaque contre ", " m a plaquee contre ", " m a plaque contre ", " went to get his belt ",
            " gone to get his belt ", " va chercher sa ceinture ", " est alle chercher sa ceinture ", " arrete tu me fais mal ",
            " stop you re hurting me ", " stop you are hurting me ",
            " me frappe ", " me frappent ", " me bat ", " me battent ", " me tape ", " me tapent ", " me cogne ",
            " m etrangle ", " m etranglent ", " etrangle ", " etranglent ", " m etouffe ", " va me tuer ", " veut me tuer ",
            " me tient par les cheveux ", " me tire par les cheveux ", " la tient par les cheveux ", " pulling my hair ",
            " holding me by the hair ", " got me by the hair ", " attaking ", " attacking my ", " attacking his ", " attacking her ",
            " attaque ma ", " attaque mon ", " attaque sa ", " attaque son ", " drunk and hit", " bourre et frappe ",
            " bourre et tape ", " ivre et frappe ", " he ll beat her ", " he ll beat him ", " he ll beat me ", " going to beat ",
            " va la frapper ", " va le frapper ", " va la taper ", " va le taper ",
            " hearing slaps ", " hear slaps ", " broke my nose ", " broke my jaw ", " m a casse le nez ", " m a casse la machoire ",
            " hit her and he ", " hit him and he ", " hit me and he ", " shouting and her crying ", " yelling and her crying ",
            " shouting and him crying ", " crier et elle pleure ", " hurler et elle pleure ", " crie et elle pleure ", " entends des claques ", " entends des gifles ", " bruits de claques ",
            " vont me tuer ", " menace de me tuer ", " va me frapper ", " veut me frapper ", " me tabasse ", " me tabassent ",
            " frappe ma ", " frappe mon ", " frappe sa ", " frappe son ", " bat sa ", " bat son ", " bat ma ", " bat mon ",
            " tape sa ", " tape son ", " tape ma ", " tape mon ", " se battent ", " se bat ", " bagarre ", " agression en cours ",
            // Someone pinned against a wall and groped, an old person pushed to the ground (the retrained model alone dropped them).
            " la coince contre ", " le coince contre ", " la tripote ", " la tripotent ", " pinning her against ", " pinned her against ",
            " pushed her over ", " pushed him over ", " knocked her over ", " knocked him over ", " pushed grandma over ", " pushed grandpa over ",
            " touche les filles ", " touche des filles ", " touching the girls ", " touching girls ", " touche les enfants ", " touching the kids ",
            " me viole ", " being struck ", " being hit ", " being punched ", " being kicked ", " being slapped ", " being strangled ",
            " crie je vais te ", " hurle je vais te ", " gueule je vais te ", " qui crie je vais ", " shouting i ll kill ", " screaming i ll kill ",
            " shouting i m going to kill ", " screaming i m going to kill ",
            " se fait agresser ", " se fait frapper ", " se fait tabasser ", " se fait taper ", " se font frapper ", " se frotte a moi ", " se frotte contre moi ", " rubbing against me ", " rubbing himself against me ",
            " baston ", " rixe ", " lynch", " me violer ", " me touche ", " touching me ", " keeps touching ", " se colle a moi ",
            " me lache pas ", " frappe une ", " frape une ", " frappe un ", " frappent un ", " frappent une ", " tape une ",
            " slamming her ", " slamming him ", " hitting her ", " hitting him ", " me planter ", " va me planter ", " me defoncer ", " vont me defoncer ", " lui caresse ",
            " monter me tuer ", " venir me tuer ", " vient me tuer ", " en train de taper ", " en train de frapper ",
            " tabassent ", " tabasse un ", " coups de pied ", " tu me fais mal ", " you re hurting me ", " arrete tu me fais ",
            " m a mis une droite ", " mis une droite ", " pete un cable ", " says i m next ", " i m next ", " slapping ", " slap him ", " slap her ", " he pushed her ", " he pushed him ", " she pushed him ", " she pushed her ", " slapped him ", " slapped her ", " slaps him ", " slaps her ",
            // Kicking said with "they're" ("they're kicking him").
            " re kicking ",
            // A body pressed against the writer's, spitting on someone now.
            " pressing himself against me ", " presses himself against me ", " pressing against me ", " se presse contre moi ", " se plaque contre moi ", " se serre contre moi ", " lui crache dessus ", " leur crache dessus ", " lui crachent dessus ", " is spitting on ", " are spitting on ", " qui le frappe ", " qui la frappe ", " kicking the door ", " kicking my door ", " kicking at the door ", " kicking in the door ", " coups de pied dans la porte ",
            " bruits de coups ", " bruit de coups ", " papa arrete ", " daddy stop ", " claques ", " tape dans la porte ",
            " banging on the door ", " punching holes ", " got jumped ", " me toucher de force ", " touche de force ", " ils le frappent ", " ils la frappent ", " le frappe ", " la frappe ", " la cogne ",
            " le cogne ", " la tabasse ", " le tabasse ", " defonce la porte ", " hurle et frappe ", " cris et des coups ",
            " is hitting ", " are hitting ", " hitting me ", " beating me ", " beats me ", " hits me ", " choking me ",
            " strangling ", " going to kill ", " gonna kill ", " wants to kill ", " threatening to kill ", " is beating ",
            " are beating ", " beating up ", " attacking me ", " is attacking ", " are attacking ", " being attacked ",
            " being beaten ", " fight outside ", " fighting outside ", " brawl ", " mfrappe ", " me frap ", " il me frape ",
            " verre casse ", " bruits de verre ", " bruit de verre ", " smashing ", " la c est violent ", " threw me against ",
            " m a jete contre ", " me menace avec ", " threatening me with ", " is hurting her ", " is hurting him ",
            " is hurting me ", " me fait mal ", " a la main sur mon ", " his hand on my ", " hand on my knee ",
            " frappent les ", " frappent des ", " frappe les ", " saccagent ", " saccage le ", " pete les plombs ", " par le col ",
            " getting jumped ", " jumped me ", " me colle ", " me tripote ", " me tripotent ", " m encerclent ", " encerclent ",
            " groping me ", " surrounding me ", " me fixe sans arret ", " is choking ", " etrangle ",
            " punching ", " are kicking ", " is kicking ", " kicking him ", " kicking her ",
            " se touche en me regardant ", " se masturbe ",
            // Shoving someone, attacking a person, trying to strangle, cornering someone for their phone.
            " is shoving ", " are shoving ", " shoving her ", " shoving him ", " me bousculent ", " me bouscule ", " menace ma ", " menace mon ", " menacent ma ",
            " menacent mon ", " is threatening my ", " threatening my ",
            " attacking a ", " attacking an ", " attaquent une ", " attaquent un ", " attaque une ", " attaque un ",
            " tried to strangle ", " strangle me ", " essaye de m etrangler ", " essaie de m etrangler ", " a essaye de m etrangler ",
            " me coincent ", " m ont coince ", " me coince contre ", " cornering me ", " cornered me ", " me rackett", " me racket",
            " veulent mon tel", " veulent mon portable ", " want my phone ",
            // A slap seen or suffered; a cry to stop the blows.
            // Touched on the leg or thigh by someone now (on a seat, in a bus or a train).
            " touching my leg ", " touching my thigh ", " touching my knee ", " hand on my leg ", " hand on my thigh ",
            // The same touch said of someone else ("lui touche les cheveux", "touching her leg").
            " lui touche les ", " lui touche la ", " lui touche le ", " touching her hair ", " touching her leg ", " touching her thigh ",
            " me touche la cuisse ", " me touche la jambe ", " me touche le genou ", " main sur ma cuisse ", " main sur ma jambe ",
            " gifle une ", " gifle un ", " gifle ma ", " gifle mon ", " arrete de la frapper ", " arreter de la frapper ",
            " arrete de le frapper ", " arreter de le frapper ", " stop hitting her ", " stop hitting him ",
            // A death threat said as "you won't leave alive".
            " leaving this house alive ", " leave this house alive ", " leave here alive ", " out of here alive ",
            " leaving here alive ", " sortiras pas vivant", " sortira pas vivant", " sortir vivant d ici ", " sortir vivante d ici ",
            " sortiras pas d ici vivant",
            // A death threat in the English future ("says he'll kill me", "he's going to kill me").
            " going to kill me ", " gonna kill me ", " he ll kill me ", " she ll kill me ", " they ll kill me ", " he will kill me ",
            " she will kill me ", " wants to kill me ", " is going to kill us ", " going to kill us ", " gonna kill us ",
            // A sexual assault or groping going on now.
            " sexually assaulting ", " keeps grabbing ", " grabbing my ass ", " grabbing my bum ", " grabbing my breast",
            " me pelote ", " n arrete pas de me toucher ", " touching her while ", " doing stuff to her ", " doing things to her ",
            // Hands on someone in the street now: grabbing a wrist or clothes, an arm put round a girl, surrounding her.
            " grabbing my wrist ", " grabbing my arm ", " grabbing at my ", " grabbing at her ", " grabbing her arm ", " grabbing her wrist ",
            " arm round her ", " arm around her ", " arm round me ", " arm around me ", " me touchent ", " m entourent ", " m entoure ",
            " blocking me ", " blocking my way ", " me bloquent le passage ", " me bloque le passage ", " surrounding me ",
        ], weak: [
            " frappe ", " frappee ", " frapper ", " tape ", " tapee ", " battu ", " battue ", " cogne ", " agressee ",
            " violence ", " violences ", " agresse ", " agression ", " attaque ", " battre ", " coups ", " crie ", " hurle ", " agress", " taper ", " cogner ", " frape ", " secoue ", " secouer ", " hurler ", " kill me ", " slamming ", " tabasser ", " violee ", " viole ", " me tuer ", " drugged ",
            // A man exposing himself or grabbing the writer, with a word that says he is still there.
            " exposed himself ", " exposing himself ", " s exhibe ", " s est exhibe ", " grabbed me ", " m a attrapee ",
            // A rape named in one word, with a word of now ('viol maintenant').
            " viol ",
            " hurt ", " violent ", " attack ", " hitting ", " beating ", " fight ", " menace ", " threat ", " screaming ",
            " shoving ", " attacking ", " bouscule ", " assaulted ", " raped ",
            " punched ", " pousse par terre ", " poussee par terre ", " me pousser ", " arrache ", " arracher ", " grabbed my ",
            " ont plante ", " a plante ", " se faire planter ", " se fait planter ", " stabbed someone ", " just stabbed ", " a poignarde ", " poignarde quelqu un ",
            " gifle ", " gifler ", " giflee ", " giffle ", " bousculee ", " me menacent ",
            // A shove told in the past tense: violence now when the words say the one who shoved is still there.
            " attacked ", " strangulation ", " ils le tuent ", " ils la tuent ", " they ll kill him ", " they ll kill her ",
            " m a poussee ", " m a pousse ", " m ont poussee ", " m ont pousse ", " pushed me ", " shoved me ",
            // Blows that explain a wound ("beat up", "slashed", "a headbutt"): the police ahead of the SAMU.
            " beat up ", " slashed ", " coup de tete ", " coups de casque ", " pushed my ", " knocked her down ",
            " knocked him down ",
            // Acts on a body told in the past or the infinitive, as classes (strangling, hitting, slapping, shaking,
            // dragging, snatching), SMS spellings too: violence now only beside a cue of now ("vient de", "just",
            // "still here"), as every weak word.
            " etrangler ", " etranglee ", " m a etrangle ", " m a etranglee ", " ma etrangle ", " ma etranglee ", " strangled ",
            " choked ", " choke me ", " strangle her ", " strangle him ",
            " slapped ", " slap me ", " m a gifle ", " m a giflee ", " ma gifle ", " ma giflee ", " mis une gifle ", " mis une claque ",
            " m a frappe ", " m a frappee ", " ma frappe ", " ma frappee ", " m a tape ", " m a tapee ", " ma tape ", " ma tapee ",
            " just hit me ", " just hit her ", " just hit him ", " kicked me ", " kicked her ", " kicked him ", " headbutted ",
            " la secoue ", " le secoue ", " secoue le bebe ", " secoue la petite ", " secoue le petit ", " shook her ", " shook him ",
            " shaking her ", " shaking him ", " shook the baby ",
            " m a traine ", " m a trainee ", " ma traine ", " ma trainee ", " la traine ", " le traine ", " trainee par ", " traine par ",
            " dragged me ", " dragged her ", " dragged him ", " dragging me ", " dragging her ", " dragging him ",
            " ripped my ", " ripped her ", " snatched my ", " snatched her ", " snatched his ", " yanked my ", " tuk my ",
            " m a arrache ", " ma arrache ", " a arrache mon ", " a arrache mon sac ", " ont arrache mon ", " arrache mon sac ",
            " m a pousse dans ", " m a poussee dans ", " pushed me down ",
            // Blows heard through a wall, a death threat shouted at someone now.
            " threatening me ", " threatens me ", " broken the door ", " broke the door ", " broke down the door ", " a casse la porte ",
            " cassé la porte ", " casse la porte ",
            " j entends des coups ", " jentends des coups ", " entend des coups ", " i can hear blows ", " i hear blows ",
            " hear him hitting ", " hear him beating ",
        ], blockers: [
            " son chien ", " sa chienne ", " son chat ", " le chien ", " his dog ", " her dog ", " the dog ",
            " tape ma voiture ", " tape la voiture ", " a tape ma ", " hit my car ", " hit my parked ",
            // Knocking at a door, a teen threatening to run off, a mirror hit by a car.
            " j ai frappe il ", " j ai frappe a sa porte ", " j ai frappe a la porte ", " menace de recommencer ", " menace de fuguer ", " threatens to run away ", " tape mon retro ", " tape mon retroviseur ",
            " poste des videos ", " posts videos ", " menace de publier ", " menace de partager ", " menace de diffuser ",
            " threatening to post ", " threatens to post ", " threatening to share ", " threatens to share ", " sur insta ",
            " on instagram ", " par message ", " by text ",
            // Blackmail: a threat to send a video unless paid is extortion, not violence now.
            " menace d envoyer ", " menace de l envoyer ", " si je ne paie pas ", " si je paie pas ", " si je ne paye pas ",
            " if i don t pay ", " unless i pay ", " n a menace personne ", " has not threatened anyone ",
            // A video of violence going round online: content to report, not a fight now.
            " video circule ", " video qui circule ", " une video ou ", " a video of ", " a video where ", " dans une video ",
            " video sur ", " video on ", " videos of ", " videos de ", " sur tiktok ", " on tiktok ", " sur youtube ", " on youtube ",
            // A violent game watched or played; nobody hurt in a small crash.
            " jeu tres violent ", " jeu violent ", " jeux violents ", " violent game ", " violent games ", " violent video game ",
            " no one hurt ", " nobody hurt ", " noone hurt ", " no one was hurt ", " nobody was hurt ", " no one is hurt ",
        ]),
        Category(reason: .armedPerson, strong: [
            " stabbing ",
            " arme ", " armes ", " armee ", " couteau ", " couteaux ", " pistolet ", " fusil ", " flingue ", " revolver ",
            " machette ", " hache ", " sabre ", " marteau ", " batte ", " une lame ", " a blade ", " pistole ", " shoot up ", " detonations ", " ca rafale ", " rafale ",
            " torch your ", " i ll torch ", " cramer ta ", " je vais cramer ", " barre de fer ", " cutter ", " explosif ", " bombe ", " braque ", " braquage ", " coups de feu ", " coup de feu ", " des tirs ",
            " tirs ", " tire sur ", " ca tire ", " ca canarde ", " kalach", " gun ", " guns ", " handgun ", " handguns ", " knife ", " knives ",
            " armed ", " pistol ", " rifle ",  " machete ", " machetes ", " coutelas ", " weapon ", " shots ", " gunshot", " shooting ", " shot at ",
            " le tireur ", " the shooter ", " shooter ", " detonation ", " detonations ",
            " colis suspect ", " suspicious package ", " fils apparents ", " wires sticking out ", " wires coming out ",
            // Wires sticking out of a bag; a poker brandished.
            " fils depassent ", " fils qui depassent ", " tisonnier ",
            " broken bottle ", " bouteille cassee ", " tesson ", " tessons ", " knifepoint ", " gunpoint ", " held up my ",
            // Bats, a bomb or an attack announced, petrol brought to set a place alight.
            " battes ", " baseball bat ", " baseball bats ",
            // An attack announced with a place and a time, an explosive vest shown.
            " annonce un attentat ", " annoncer un attentat ", " announces an attack ", " announcing an attack ", " prepare un attentat ",
            " planning an attack ", " plans an attack ", " vest with wires ", " explosive vest ", " suicide vest ", " gilet avec des fils ",
            " gilet explosif ", " ceinture d explosifs ", " everyone will pay ", " tout le monde va payer ",
            " a sorti le fusil ", " a sorti un fusil ", " a sorti un couteau ", " a sorti le couteau ", " pulled out a knife ", " pulled a knife ",
            " pulled out a gun ", " pulled a gun ", " loading the gun ", " loading his gun ", " loading the rifle ", " faire un attentat ", " commettre un attentat ", " faire un carnage ", " un carnage ", " tuer tout le monde ", " kill everyone ", " shoot everyone ", " massacre everyone ", " un attentat a ", " blow up the ", " blow up a ", " faire sauter la ", " faire sauter le ", " faire exploser la ", " faire exploser le ", " will burn it ", " will burn the ", " va tout bruler ", " va bruler mon ", " va bruler ma ", " mettre le feu a mon ", " mettre le feu a ma ", " bottle of essence ", " bottle of petrol ", " can of petrol ", " bidon d essence ", " bouteille d essence ", " jerrican ",
        ], weak: [], blockers: [
            // A weapon bought, inherited, for a club, camping or a game; fireworks taken for shots: a question, not a threat.
            " le droit de ", " droit de le ", " droit de la ", " droit de les ", " have the right to ", " allowed to ", " can i carry ",
            " legal to ", " transporter ", " club de tir ", " shooting club ", " gun club ", " stand de tir ", " airsoft ", " replique ",
            " paintball ", " j ai achete un ", " jai acheter un ", " j ai achete une ", " j ai commande ", " i bought a ",
            " i bought one ", " want to buy ", " veux acheter ", " grenier ", " attic ", " est decede ", " passed away ",
            " jeu video ", " video game ", " un jeu ou ", " mortiers d artifice ", " feux d artifice ", " fireworks ",
            " petards ", " firecrackers ",
            // A weapon found lying about, rusty; one bought for sport shooting.
            " rouille ", " rouillee ", " rusty ", " trouve un couteau ", " found a knife ", " tir sportif ", " sport shooting ",
            " jveux acheter ", " je veux acheter ", " acheter un pistolet ", " acheter une carabine ", " buy a pistol ", " buy a rifle ",
            // Words shouted in a game being played.
            " fortnite ", " while playing ", " en jouant a ", " call of duty ", " shooting game ", " jeu de tir ", " jeux de tir ",
            // A weapon that cannot fire (deactivated, a prop for a film) or a bomb told as a joke: a question, not a threat.
            " deactivated ", " desactive ", " desactivee ", " neutralise ", " neutralisee ", " collector s item ", " collectionneur ",
            " fausses armes ", " fausse arme ", " fake gun ", " fake guns ", " prop gun ", " prop guns ", " court metrage ",
            " short film ", " tournage ", " blague sur une bombe ", " blague a la bombe ", " bomb joke ", " joke about a bomb ",
            // A threat written as a joke.
            " en blague ", " pour rire ", " as a joke ", " for a joke ",
        ]),
        Category(reason: .beingFollowed, strong: [
            // A car behind the writer for miles, flashing or boxing them in to make them stop.
            " flashing me to stop ", " trying to make me stop ", " trying to force me to stop ", " veulent me faire arreter ",
            " veut me faire arreter ", " behind me since ", " has been behind me ",
            " me suit ", " me suivent ", " me poursuit ", " me poursuivent ", " suivie par ", " suivi par ",
            " je suis suivie ", " je suis suivi ", " on me suit ", " following me ", " followed by ", " being followed ",
            " chasing me ", " stalking me ", " me colle depuis ", " me file ", " me court apres ", " me traque ", " marche derriere moi ", " derriere moi depuis ", " walking behind me ",
            // A car crawling alongside the writer, its passengers calling her in.
            " slowing down next to me ", " slows down next to me ", " ralentit a cote de moi ", " ralentit a ma hauteur ",
            " roule au pas a cote de moi ", " saying get in ", " telling me to get in ", " me dit de monter ", " me disent de monter ",
            " me suive ", " me suivent en ", " crawling next to me ", " telling me to get in ", " keeps following ",
            // A driver slowing beside someone on foot and asking them to get in.
            " asked me to get in ", " asking me to get in ", " wants me to get in ", " m a demande de monter ", " me demande de monter ",
            " veut que je monte ", " voulait que je monte ", " driving slowly next to me ", " driving slowly beside me ",
            " roule doucement a cote de moi ", " roule au pas a cote de moi ",
            " circling me ", " keeps circling ", " tourne autour de moi ", " me fixe ",
            " me bloque le passage ", " blocking my way ",
            " la colle depuis ", " le colle depuis ", " la suit depuis ", " le suit depuis ",
        ], weak: [" suivie ", " followed "], blockers: [
            " reseaux ", " insta ", " instagram ", " twitter ", " tiktok ", " facebook ", " snap ", " online ", " social media ",
            " faux comptes ", " fake accounts ", " abonne ",
        ]),
        Category(reason: .lockedIn, strong: [
            " enferme ", " enfermee ", " enfermes ", " sequestre ", " sequestree ", " m empeche de sortir ",
            " bloque dans ", " bloquee dans ", " locked in ", " locked me in ", " locked me up ", " locked up ", " won t let me leave ",
            " wont let me leave ", " won t let me go ", " wont let me go ", " won t let me out ", " wont let me out ", " held against ", " fermee a cle ", " won t let her leave ",
            " wont let her leave ", " won t let him leave ", " ferme l appart a cle ", " ferme la porte a cle ", " locked myself in ",
            " pour pas que je sorte ", " m enferment ", " enferment ", " m empeche de partir ", " me laisse pas partir ",
            " ne veulent pas ouvrir ", " coince dans ", " coincee dans ", " retenue contre ",
            " retenu contre ", " me laisse pas sortir ", " m empeche de partir ",
            " verrouille les portes ", " verrouille la porte ", " refuse de s arreter ", " refuse de me laisser ", " locked the doors ",
            " me retiennent ", " me retient ", " nous retiennent ", " are holding me ", " is holding me ", " holding me in ",
            " keeping me in ", " held me in ", " won t let me get off ", " wont let me get off ", " won t let me off ",
            " m empechent de descendre ", " m empeche de descendre ",
            // Kept from moving (hemmed in on a seat, on a train or a bus).
            " won t let me move ", " wont let me move ", " m empeche de bouger ", " m empechent de bouger ",
            " me laisse pas bouger ", " me laissent pas bouger ", " won t let me pass ", " wont let me pass ",
            " won t stop the car ", " wont stop the car ", " refuses to stop ", " won t let me get out ",
            // Taken away in a vehicle, writing in secret.
            " locked the kids in ", " locked the children in ", " enferme les enfants ", " me garde enferme", " garde enfermer ",
            " took me in a ", " taken me in a ", " in the back of a van ", " in the back of the van ", " m ont embarque ",
            " m ont embarquee ", " m a embarque ", " m a embarquee ", " m ont fait monter ", " m a fait monter ",
        ], weak: [], blockers: [" locked out ", " locked myself out ", " enferme dehors ", " enfermee dehors ",
            // A child or teen who shuts himself in his room: a worry, not someone held.
            " s enferme dans sa chambre ", " s enferme dans sa ", " s enferme toute ", " s enferment dans leur ",
            " shuts himself in ", " shuts herself in ", " locks himself in his room ", " locks herself in her room ",
        ]),
        Category(reason: .childInDanger, strong: [
            " enfant en danger ", " bebe seul ", " enfant seul ", " enfants seuls ", " bebe en danger ", " enfant se noie ",
            " enleve mon enfant ", " enlevement ", " kidnapping ", " kidnapped ", " child in danger ", " child alone ",
            " baby alone ", " taking my child ", " took my child ", " frappe un enfant ", " frappe son enfant ",
            // A stranger luring a child into a car or away; a child put outside in the cold.
            " trying to lure ", " tried to lure ", " lure my ", " luring my ", " luring a ", " to follow him to ", " get my daughter to follow ",
            " get my son to follow ", " into his car ", " essaie d attirer ", " tente d attirer ", " essaye d attirer ",
            " monter dans sa voiture ", " faire monter dans sa voiture ", " le suivre jusqu ", " la suivre jusqu ",
            " locked me outside ", " locked me out in the ", " left me outside in the ", " outside in the snow ", " dehors dans la neige ",
            " frappe son fils ", " frappe sa fille ", " enfant est seul ", " enfant tout seul ", " hitting a child ",
            " hitting his child ", " hitting her child ", " secoue le bebe ", " shaking the baby ", " enfant enferme ", " monter de force ", " forced into a car ", " forced into a van ",
            " pushed into a car ", " parti avec un homme que personne ", " parti avec un inconnu ", " partie avec un inconnu ",
            " left with a stranger ", " went off with a stranger ",
            " bebe enferme ", " enfant dans la voiture ", " child locked in ", " sur la rambarde ", " seul sur le balcon ", " par dessus la rambarde ", " thrown into a ", " grabbed and ",
            " dans le coffre ", " into the boot ", " into the trunk ", " pousser une ", " tied her ", " tied him ", " attachee a ",
            " attache a la chaise ", " secoue un bebe ", " shaking a baby ", " seuls depuis ", " dragging a ", " dragging her ", " dragging him ", " kidnapp",
            " embarque de force ", " dans sa camionnette ", " essaye d enlever ", " essayer d enlever ", " tente d enlever ",
            " tried to abduct ", " tried to snatch ", " est enleve ", " est enlevee ", " has been abducted ", " was abducted ",
            // A stranger photographing children at a school or a playground.
            " prend des photos des enfants ", " prend les enfants en photo ", " photographie les enfants ", " photographie des enfants ",
            " taking photos of the children ", " taking pictures of the children ", " taking photos of kids ", " taking pictures of kids ",
            " photographing the children ", " photographing children ", " photographing kids ",
            " seule sur le balcon ", " sans aucun adulte ", " sans adulte ", " erre seul ", " tout seul au bord de la ",
            // A small child walking alone by a road with no adult around.
            " aucun adulte autour ", " no adult around ", " marche seule au bord ", " marche seul au bord ", " walking alone by the ",
            " toute seule au bord de la ", " seul au bord de la route ", " walking alone along the ", " alone by the road ",
            " alone on the side of the road ",
            " rancon ", " ransom ", " ligote ", " ligotee ", " tied up ", " got separated ", " separated from us ",
            " perdu de vue ", " lost sight of ", " monter dans une voiture ", " got into a car with ", " pris notre fils ",
            " pris notre fille ", " a pris mon fils ", " a pris ma fille ", " took our son ", " took our daughter ",
            " a ete enleve ", " a ete enlevee ", " ont ete enleves ", " been kidnapped ", " been abducted ", " abducted ",
            " they have my son ", " they have my daughter ", " they have my child ", " they have my kid ", " they have my brother ",
            " they have my sister ", " they ve got my son ", " they ve got my daughter ", " ils ont mon fils ", " ils ont ma fille ",
            " ils ont mon frere ", " ils ont ma soeur ", " or they ll hurt ", " ou ils vont lui ",
            " demande de rancon ", " demandent de l argent ", " video de lui attache ", " videos de lui attache ",
            " nouveau ne ", " newborn ", " bebe abandonne ", " abandoned baby ", " baby left alone ", " left alone in ",
            " parti avec notre fils ", " parti avec notre fille ", " parti avec mon fils ", " parti avec ma fille ",
            " partie avec notre fils ", " partie avec notre fille ", " took my son ", " took my daughter ",
            " never see him again ", " never see her again ", " ne le reverrai ", " ne la reverrai ",
        ], weak: [" enfant ", " enfants ", " bebe ", " child ", " kid ", " baby ", " petit "], blockers: [
            " virus ", " ordi ", " ordinateur ", " computer ", " laptop ", " ransomware ", " fichiers ", " files ", " pc ",
            // The writer's children speaking, not a child in danger.
            " mes enfants disent ", " mes enfants pensent ", " my kids say ", " my children say ",
            " rancongiciel ", " rancongiciels ", " mot de passe ", " password ", " chiffres ", " encrypted ",
            // A hacked account asking the writer's friends for money is a scam, not a ransom.
            " pirate ", " pirater ", " hacked ", " hacke ", " ordinateurs ", " ordis ", " computers ", " bitcoin", " serveur",
            " server", " insta ",
            // A car "enlevée" by the pound is towed, not a child taken.
            " fourriere ", " impound", " towed ",
            // Files or photos made unreadable with a ransom note: ransomware, no child held.
            " illisibles ", " unreadable ", " extension bizarre ", " weird extension ", " strange extension ",
        ]),
        Category(reason: .intruderNow, strong: [
            // Someone in the writer's kitchen or bedroom now, in SMS spelling or plain words.
            " y a qqn dans ma ", " y a qqn dans mon ", " ya qqn dans ma ", " ya qqn dans mon ", " y a qq1 dans ma ", " y a qq1 dans mon ",
            " y a quelqu un dans ma ", " y a quelqu un dans mon ", " someone in my kitchen ", " someone in my bedroom ",
            " someone in my living room ", " someone in my room ", " with torches inside ", " avec des lampes torches dans ",
            " quelqu un chez moi ", " quelqu un dans ma maison ", " des gens dans ma maison ", " des gens dans mon appart",
            " du bruit a l etage ", " bruit a l etage ", " people in my house ", " noises upstairs ",
            // A burglar said to be inside (the retrained model alone no longer raised "burglar inside").
            " burglar inside ", " burglars inside ", " intruder inside ", " thief inside ", " cambrioleur dedans ", " cambrioleurs dedans ",
            " voleur dedans ", " voleurs dedans ", " cambrioleur a l interieur ", " cambrioleurs a l interieur ", " someone upstairs ", " quelqu un dans mon appart ", " qqn chez moi ",
            " quelqu un dans la maison ", " quelqu un essaie d entrer ", " essaie d entrer ", " essaient d entrer ",
            " essaye d entrer ", " essayent d entrer ", " tente d entrer ", " tentent d entrer ", " essaie d ouvrir ",
            " essaye d ouvrir ", " tente d ouvrir ", " essaient d ouvrir ", " force ma porte ", " force la porte ",
            " forcer la porte ", " forcer ma porte ", " forcent la porte ", " crochete ", " crocheter ",
            " quelqu un est dans mon ", " quelqu un est dans ma ", " quelqu un est chez moi ", " je suis cachee ",
            " je suis cache ", " je me cache ", " break into ", " breaking into ", " broke into my ", " hiding in ",
            " fracturer ", " cambrioleurs sont ", " cambrioleur est ", " des gens chez moi ", " entend quelqu un ",
            " entends quelqu un ", " intrus ", " someone in my house ", " someone in my home ", " someone is in my ",
            " trying to get in ", " breaking in ", " break in ", " trying to open my ", " trying to open the ",
            " burglars are ", " burglar is ", " intruder ", " someone downstairs ", " cambriolage en cours ",
            " secoue la poignee ", " rattling ", " lampe torche qui bouge ", " flashlight moving ", " torch moving ", " la poignee de ma porte ", " tourne la poignee ", " inside my house ",
            " inside my home ", " is inside ", " pied de biche ", " peter la porte ", " pete la porte ", " defoncer la porte ",
            " defoncent la porte ", " entends des voix ", " hear voices ", " qq1 ds ", " qqn ds ", " qq1 chez moi ",
            " rode dans ", " rodent dans ", " prowling ", " sont dans le salon ", " est dans le salon ",
            " encore dedans ", " toujours dedans ", " sont dedans ",
            // Someone inside ("il est dedans"), not "toute la classe est dedans" (a group chat) or "ma vie est dedans" (a phone).
            " il est dedans ", " elle est dedans ", " quelqu un est dedans ", " qqn est dedans ", " qq1 est dedans ", " homme est dedans ",
            " type est dedans ", " mec est dedans ", " voleur est dedans ", " cambrioleur est dedans ", " dans mon garage la ", " dans le garage la ",
            " fouille mon ", " fouillent mon ", " fouille ma ", " fouillent ma ", " fouille le salon ", " still in the house ",
            // Someone going through the writer's or a relative's things in the home.
            " fouille mes ", " fouillent mes ", " fouille ses ", " fouillent ses ", " going through her ", " going through his ", " disant etre de la police ", " se disant policier ", " se disant policiers ", " faux policiers sont ", " fake police officers are ", " pretending to be police ",
            // Someone banned from approaching who is in the garden now; a man who says he will come up.
            " est dans mon jardin ", " sont dans mon jardin ", " is in my garden ", " qu il va monter ", " il va monter chez moi ", " he ll come up ",
            // Strangers inside carrying the writer's things out.
            " inside carrying ", " carrying our things ", " carrying our stuff ", " sortent nos affaires ", " sortent nos valises ",
            " in my garden right now ", " in my kitchen ", " dans ma cuisine ", " dans sa cuisine ", " chez ma mere ", " chez mon pere ",
            " is going through my ", " going through my ", " veut rentrer chez moi ", " veulent rentrer chez moi ",
            " fouillait ", " fouillaient ", " fouillent les ", " fouille les ", " decoupent le grillage ", " coupent le grillage ",
            " cutting the fence ", " escaladent ", " climbing over ", " n ose pas entrer ", " j ose pas entrer ", " dare not go in ",
            " pied dans la porte ", " foot in the door ", " veut entrer chez moi ", " veulent entrer chez moi ", " poignee a bouge ", " la poignee bouge ", " handle moved ", " handle is moving ", " coups sourds ", " coups contre la porte ",
            " eteint les lumieres ", " eteint la lumiere ", " turned off the lights ", " turned the lights off ", " against the door ",
            " contre la porte ", " keeps knocking ", " spare key ", " double des cles ",
            " claiming to be ", " qui disent etre ", " qui dit etre ", " pretendent etre ", " pretend etre ", " se disent ",
            " refuse de partir ", " refuse de sortir de chez ", " won t leave my ", " wont leave my ", " refuses to leave my ",
            " theyre inside ", " they re inside ", " they are inside ", " sont a l interieur ", " est a l interieur ",
            " looking through my bedroom ", " looking through my window ", " looking in my window ", " pretending to sleep ",
            // Someone watching through the writer's window.
            " regarde par ma fenetre ", " regarde par la fenetre ", " regarde a travers ma fenetre ", " me regarde par la fenetre ",
            " regarde par mes fenetres ", " regarde par les fenetres ", " looking through my windows ", " peering through my windows ",
            " peering through my window ", " peering in my window ", " staring through my window ", " staring in my window ",
            " fais semblant de dormir ", " say they are police ", " want come in ", " want to come in ", " are in my home ",
            " are in my house ", " check my jewellery ", " check my jewelry ", " verifier mes bijoux ",
            // Signs of someone in a home where nobody should be ("alors que personne n'est censé être là").
            " personne n est cense etre la ", " personne n est censee etre la ", " personne n est sense etre la ", " personne est cense etre la ",
            " personne ne devrait etre ", " nobody should be in ", " no one should be in ", " nobody is supposed to be ",
            " no one is supposed to be ", " nobody s supposed to be ", " no one s supposed to be ", " nobody else is home ",
            " saying they are police ", " insisting to come in ", " insistent pour entrer ", " insiste pour entrer ",
            // Refusing to go until paid; one talking while the other is in another room; a stranger ordering to open.
            " ne partira pas ", " ne partiront pas ", " won t leave until ", " wont leave until ", " l autre est dans ",
            " pendant que l autre ", " while the other one ", " cambrioleur dans ", " cambrioleurs dans ", " burglar in the ",
            " burglars in the ", " saying open up ", " says open up ", " shouting open up ",
            // A stranger inside the home whoever is away; someone heard moving about inside.
            " stranger in our house ", " stranger in the house ", " stranger in my house ", " stranger in our flat ",
            " stranger in the flat ", " inconnu dans la maison ", " inconnu dans notre maison ", " inconnu chez nous ",
            " inconnu dans l appartement ", " inconnu dans notre appart", " someone in our house ", " quelqu un chez nous ",
            " quelqu un dans notre maison ", " entend qq1 ", " entend qqn ", " on entend quelqu un ", " hear someone walking ",
            " hear someone moving ", " can hear someone in ",
        ], weak: [
            " serrure ", " entrouverte ", " cagoule", " hooded ", " balaclava",
            " cambrioleur ", " cambrioleurs ", " cambriolage ", " cambriole ", " voleur ", " voleurs ", " burglar ",
            " faux agents ", " faux agent ", " faux policier", " faux plombier", " faux badges ", " faux badge ", " fausses cartes ",
            " fake badges ", " fake badge ", " fake id cards ", " fake police", " water company ", " service des eaux ",
            " compagnie des eaux ",
            " not sure they are real ", " not sure they re real ", " real policemen ", " real police officers ", " vrais policiers ",
            " pas sur que ce soit des vrais ", " pas sure que ce soit des vrais ",
            " burglars ", " burglary ", " thief ", " thieves ",
            // Someone who says he is from the gas or the water board, in the home now, that nobody called.
            " monsieur du gaz ", " agent du gaz ", " homme du gaz ", " technicien du gaz ", " gas man ", " man from the gas ",
            " j ai pas demande personne ", " je n ai demande personne ", " personne ne l a appele ", " nobody called him ", " i didn t call anyone ",
        ], blockers: [
            // Someone "claiming to be" on the phone or met online: a scam told afterwards, not someone at the door.
            " sur internet ", " online ", " par telephone ", " rang ", " phoned ", " called me ",
            " m a appele ", " rencontre sur ", " met on ", " my bank ", " ma banque ",
        ]),
        Category(reason: .crimeInProgress, strong: [
            // Thieves seen at work now, loading or emptying (on a camera or from a window).
            " en train de charger des ", " en train de charger les ", " en train de vider ", " en train de voler ", " loading boxes ",
            " loading our ", " loading the stuff ", " emptying the warehouse ", " emptying the shop ",
            " volent ma voiture ", " volent ma moto ", " volent une voiture ",
            " stealing my car ", " stealing a car ", " fracture une voiture ", " fracturent une voiture ",
            " casse une vitrine ", " cassent une vitrine ", " pillent ", " pille ", " met le feu ", " mettent le feu ",
            " en train de voler ", " essaie de partir avec ", " trying to steal ", " stealing my ",
            " trying every car ", " trying car doors ", " essaient les portieres ", " testent les portieres ", " smashed a window ",
            " smashed the window ", " smashed the back window ", " cassent une vitre ", " casse une vitre ",
            // The thief running off right now: a pursuit the police can still join.
            " court vers ", " courent vers ", " running towards ", " running toward ", " running down towards ",
            " i m chasing him ", " im chasing him ", " i am chasing him ", " chasing after him ", " je lui cours apres ",
            " je cours apres lui ", " je le poursuis ", " je les poursuis ", " is running away with my ", " s enfuit avec mon ",
            " s enfuit avec ma ", " part en courant avec ",

            // The car just taken and driving off: the police can still stop it.
            " ran toward ", " ran towards ", " a couru vers ", " ont couru vers ",
            " drove off in my car ", " drove off with my car ", " driving off in my car ", " driving off with my car ",
            // A driver pulled out of the car (carjacking).
            " out of her car ", " out of his car ", " out of their car ", " out of my car ", " sortie de sa voiture de force ",
            " sorti de sa voiture de force ", " arrache de sa voiture ", " arrachee de sa voiture ", " carjack",
            // A bag pulled from someone surrounded; an animal thrown away or beaten right now.
            " pulling her bag ", " pulling at her bag ", " pulling his bag ", " tirent sur son sac ", " tire sur son sac ",
            " jeter un chiot ", " jete un chiot ", " jeter un chaton ", " jete un chaton ", " threw a puppy ", " thrown a puppy ",
            " threw a kitten ", " thrown a kitten ",
            " tabasse son chien ", " tabasse un chien ", " frappe son chien ", " bat son chien ", " roue de coups son ",
            " tabasse son cheval ", " frappe son cheval ", " beating a dog ", " beating his dog ", " beating her dog ",
            " beating a horse ", " beating his horse ", " kicking a dog ", " kicking his dog ", " beating the dog ", " beating the horse ",
            // A theft or an intrusion said to be going on ("vol en cours", "intrusion currently in progress").
            " vol en cours ", " intrusion en cours ", " effraction en cours ", " intrusion in progress ", " currently in progress ",
            " theft in progress ", " robbery in progress ", " burglary in progress ", " break in in progress ", " sawing the lock ",
            " cutting the lock ", " cutting my lock ", " coupe l antivol ", " scie l antivol ", " coupent l antivol ", " scient l antivol ",
        ], weak: [
            // A "fine" to pay in cash on the spot: what impostors demand.
            " fine in cash ", " amende en liquide ", " amende en especes ", " en liquide tout de suite ", " in cash today ",
            " cash a chaque ", " cash from each ",
            // Someone going along the parked cars pulling each door handle, or peering into every garden:
            // an offence now only when the words say now ("he's at mine now").
            " car door handle", " door handles ", " poignees des voitures ", " poignees de portieres ", " poignee de chaque voiture ",
            " looking into every garden ", " looking into the gardens ", " looking into gardens ", " regardent dans les jardins ",
            " regarde dans les jardins ", " regardent dans chaque jardin ",
            " volent ", " stealing ", " rodeo ", " rodeos ", " cassent ", " demonter ", " demontent ", " vole ma voiture ", " vole ma moto ", " vol de mon ", " vol de ma ", " roues arriere ", " quads ",
        ], blockers: [
            // Videos of it going round online: content to report, not an offence now.
            " video of ", " videos of ", " video sur ", " video on ", " videos de ", " video de ", " tiktok ", " youtube ",
        ]),
        Category(reason: .medical, strong: [
            // Burns by boiling oil or water; bleeding said in slang.
            " huile bouillante ", " huile de la friteuse sur ", " huile de friture sur ", " boiling oil ", " hot oil on ", " scalded ",
            " ebouillante ", " ebouillantee ", " gravement brule ", " gravement brulee ", " badly burned ", " badly burnt ",
            " pisse le sang ", " pisser le sang ", " pissent le sang ",
            // A limb bent the wrong way; someone who no longer recognises anyone (a drug taken, a blow to the head).
            " bent in a strange way ", " bent in a weird way ", " at a strange angle ", " at a weird angle ", " bent the wrong way ",
            " tordu bizarrement ", " fait un angle bizarre ", " un angle bizarre ", " reconnait plus personne ", " reconnait personne ",
            " ne reconnait plus ", " doesn t recognise anyone ", " doesn t recognize anyone ", " doesnt recognize anyone ",
            // Chest and breath, pale and not moving, a household product swallowed.
            " mal a la poitrine ", " douleur a la poitrine ", " douleur thoracique ", " arrive plus a respirer ",
            " serre la poitrine ", " me serre la poitrine ", " pain in my chest ", " pain in his chest ", " pain in her chest ",
            " arm is numb ", " bras gauche engourdi ", " douleur qui serre ", " tightness in my chest ", " chest feels tight ",
            // Poisoned, overdosed or barely breathing: the SAMU first, even when the sentence calls for help in general.
            " foaming at the mouth ", " bave de la mousse ", " mousse a la bouche ", " overdosed ", " took too much ", " a trop pris ", " respire presque pas ", " respire presque plus ", " respire tres lentement ", " respire super lentement ", " breathing very slowly ", " barely breathing ", " levres sont bleues ", " levres toutes bleues ", " floppy ", " pulse is very slow ", " pouls tres lent ", " tient plus debout ", " tien plus debout ", " can t stand up properly ", " cant stand up properly ", " ne sent plus ses jambes ", " can t feel his legs ", " can t feel her legs ", " face suddenly droops ", " droops on one side ", " can t lift her arm ", " can t lift his arm ", " my chest burns ", " dishwasher liquid ", " produit vaisselle ", " eau de javel ", " dans le coma ", " on the floor since ", " par terre depuis ", " won t answer me ", " s effondre ", " not wake up when ", " se reveille pas ", " pas reveille ", " took something at ", " a pris un truc ", " mis un truc dedans ",
            // A heart or brain in trouble, a drinker who cannot be woken, someone hurt who bleeds from the ear.
            " chest is very tight ", " chest is tight ", " tight chest ", " arm feels heavy ", " bras lourd ", " poitrine serree ", " oppression dans la poitrine ", " bouche de travers ", " bouche tordue ", " visage de travers ", " mots sortent melanges ", " coma ethylique ", " ethylic coma ", " alcohol poisoning ", " blood coming from ", " bleeding from his ear ", " bleeding from her ear ", " saigne de l oreille ", " head is cut ", " feel dizzy and sick ", " hit with a bottle ",
            " n arrive plus a respirer ", " clutching his chest ", " clutching her chest ", " clutching my chest ", " went grey ",
            " respire tres fort ", " respire tres mal ", " arrive plus a se lever ", " n arrive plus a se lever ", " bouge plus ",
            " bouge plu ", " tout blanc ", " toute blanche ", " bu du produit ", " avale du produit ", " bu de la javel ",
            " avale de la javel ", " bu de l eau de javel ", " drank bleach ", " swallowed bleach ", " drank some bleach ",
            " avale une pile ", " swallowed a battery ", " capsule de lessive ", " dishwasher tablet ", " washing powder ",
            " saigne ", " jsaigne ", " saigner ", " inconscient ", " inconsciente ", " respire plus ", " respire pas ", " ne respire ",
            " bleeding ", " unconscious ", " not breathing ", " overdose ", " crise cardiaque ", " heart attack ",
            " beaucoup de sang ", " perd du sang ", " gravement blesse ", " badly hurt ", " seriously injured ",
            " ne bouge plus ", " bouge plus ", " not moving ", " isn t moving ", " isnt moving ", " a terre ",
            " par terre et ", " evanoui ", " fainted ", " passed out ", " convulse ", " tete ouverte ", " suis par terre ",
            " jsui par terre ", " swallowed ", " avale des ", " avale tous ", " avale toute ", " knocked out ",
            " ne repond pas quand ", " ne reagit pas ", " ne reagit plus ", " doesn t react ", " doesnt react ", " not reacting ",
            " n arrive plus a le reveiller ", " n arrive plus a la reveiller ", " can t wake ", " cant wake ", " won t wake ",
            " levres bleues ", " levres deviennent bleues ", " lips are blue ", " turning blue ", " devient tout gris ",
            " respire bizarrement ", " breathing strangely ", " ronfle bizarre ", " bouche est de travers ", " bouche de travers ",
            " bras retombe ", " face is drooping ", " collapsed ", " s est effondre ", " s est effondree ", " chest compressions ",
            " massage cardiaque ", " slumped ", " allonge sur le trottoir ", " allongee sur le trottoir ", " est allongee ",
            " est allonge ", " lying in the ", " lying on the ", " stabbed ", " poignarde ", " coup de couteau dans ",
            " yeux qui se revulsent ", " eyes keep rolling ", " eyes rolling ", " il vomit et ", " tout mou ", " toute molle ",
            " somniferes ", " sleeping pills ", " s est pique ", " pris un truc ", " took some pills ", " chest hurts ",
            " visage en sang ", " la tete en sang ", " hand is cut open ", " en sang ", " se noie ", " remonte plus ",
            // A face covered in blood, an eye that no longer sees after a blow.
            " covered in blood ", " couvert de sang ", " bras casse", " jambe casse", " arm is broken ", " leg is broken ",
            " broke my arm ", " broke my leg ", " broken arm ", " broken leg ", " couverte de sang ", " plein de sang ", " pleine de sang ",
            " can t see from one eye ", " cant see from one eye ", " can t see out of one eye ", " cant see out of one eye ",
            " vois plus d un oeil ", " voit plus d un oeil ", " vois plus rien d un oeil ",
            " went under ", " can t see him anymore ", " swept ", " emporte par ", " emportee par ", " man in the canal ",
            " dans le canal ", " tombe dans l eau ", " tombee dans l eau ", " tombe dans le bassin ", " tomber dans le bassin ",
            " ne bouge pas ", " bouge pas ", " ne se releve pas ", " se releve pas ", " ne se releve plus ", " isn t getting up ",
            " isnt getting up ", " not getting up ", " plaie ", " blessure au ", " won t stop bleeding ", " wont stop bleeding ",
            " bras tordu ", " jambe tordue ", " sur le toit dans le fosse ", " en hypo ", " hypoglycemie ", " fait un avc ",
            " stroke ",
            " pas a le reveiller ", " pas a la reveiller ", " vomit en dormant ", " isnt breathing ", " colapsed ", " voit flou ",
            " levre ouverte ", " arcade ouverte ", " lip is split ", " seeing double ", " blurry ", " tout froid ", " toute froide ",
            " hypotherm", " coince sous ", " coincee sous ", " trapped under ", " ensevel", " pleine hypo ", " gemir ", " gemit ",
            " moaning ", " groaning ", " parle bizarrement ", " parlait bizarrement ", " melange les mots ", " melangeait ",
            " slurring ", " slurred ", " poignarder ", " se faire poignarder ", " est par terre ", " is on the ground ",
            " not making sense ", " can barely stand ",
            " se reveille pas ", " se reveille plus ", " le reveille pas ", " la reveille pas ", " accoucher ", " accouche ",
            " giving birth ", " in labour ", " dans la poitrine ", " chest pain ", " plus se relever ", " peut pas se relever ",
            " can t get up ", " cant get up ",
            // Breathing strangely or barely, eyes rolled back, collapsing, fainting, a pile of pills swallowed, a bite, a stab.
            " respire bizarre", " respire a peine ", " respire mal ", " yeux revulses ", " eyes are rolling ", " eyes rolling ",
            " s effondrer ", " s est effondre", " collapsed ", " evanoui", " barely conscious ", " a mordu ", " been bitten ",
            " plein de medocs ", " plein de medicaments ", " medicament vide", " medicaments vide", " bleedin ", " stabbed ",
            " stabed ", " shaking on the floor ", " can t stand up ", " a du mal a parler ", " can t move his legs ", " peux plus bouger ", " peu plus bouger ", " can t move my ", " collapsing ", " can t move her legs ",
            // A hunting accident, a twisted leg far from help, a malaise after pills.
            " accident de chasse ", " hunting accident ", " des plombs dans ", " is twisted ", " twisted badly ",
            " fait un malaise ", " feeling faint ",
            // Breathing hard, vomiting lying down (alcohol, drugs), an old neighbour who no longer opens the door.
            " du mal a respirer ", " can t breathe ", " cant breathe ", " struggling to breathe ", " vomit couche", " vomit allonge",
            " vomiting on her back ", " vomiting on his back ", " doesn t answer the door ", " doesnt answer the door ",
            " not answering the door ",
            // Not waking up, barely awake, a limb bent the wrong way.
            " is cutting herself ", " is cutting himself ", " se coupe en ce moment ", " vomit beaucoup ", " throwing up a lot ",
            " not waking up ", " not really awake ", " barely awake ", " bent the wrong way ", " pliee dans le mauvais sens ",
            " plie dans le mauvais sens ",
            // Choking, turning blue, not waking up, barely breathing, an allergic reaction, a seizure, something
            // swallowed, too many pills, a deep cut, a hand on the chest, someone fallen who cannot get up.
            " vient de mordre ", " le mord ", " la mord ", " bit my ", " bit a ", " bitten ", " dog bite", " boiling water ",
            " eau bouillante ", " scalded ", " skin is coming off ", " peau qui part ", " somnolent ", " somnolente ", " boites vides ",
            " empty pill ", " empty packets ", " se couper profond ", " coupe profond ", " cutting herself deep", " cutting himself deep",
            " s ecrouler ", " s est ecroule ", " s est ecroulee ", " took all her pills ", " took all his pills ", " pris tous ses ",
            " avale tous ses ", " face down ", " floating face ", " face contre l eau ", " flotte sur le ventre ", " s etouffe ", " s etouffer ", " choking on ", " is choking on ", " devient bleu ", " devient bleue ", " deviennent bleues ",
            " going blue ", " gone blue ", " wont wake ", " doesn t wake ", " doesnt wake ", " ne se reveille ", " will not wake ",
            " respir a peine ", " respire a peine ", " barely breathing ", " not breathe ", " can barely breathe ", " cant breath ",
            " reaction allergique ", " allergic reaction ", " choc anaphylactique ", " anaphyla", " throat is swelling ",
            " gorge gonfle ", " gorge qui gonfle ", " crise d epilepsie ", " crise epilepsie ", " seizure ", " convulsions ",
            " en train de convulser ", " a avale une ", " a avale un ", " avale une pile ", " swallowed a ", " took too many ",
            " pris trop de ", " trop de cachets ", " trop de medicaments ", " trop de medocs ", " cut herself ", " cut himself ",
            " cut her wrist", " cut his wrist", " s est coupe les veines ", " s est coupee les veines ", " s est ouvert les veines ",
            " holding his chest ", " holding her chest ", " se tient la poitrine ", " tout gris ", " toute grise ",
            " plus se lever ", " plu se lever ", " peut pas se lever ", " spiked my drink ", " spiked her drink ", " put something in my drink ", " mis un truc dans mon verre ",
            " drogue mon verre ", " drogue dans mon verre ", " quelque chose dans mon verre ",
            // Signs of a body in distress said in plain words: blue lips or skin, a strange snore, a fit, a heart racing,
            // barely answering, burning hot and no longer sweating, a night on the floor, a twisted leg.
            " arret cardiaque ", " cardiac arrest ", " est tout bleu ", " est toute bleue ", " il est bleu ", " elle est bleue ", " is all blue ", " turning blue ",
            " gone blue ", " ronfle bizarrement ", " snoring strangely ", " having a fit ", " fait une crise convulsive ",
            " respire plu ", " respire presque plus ", " heart is going crazy ", " heart is racing ", " coeur bat trop vite ",
            " repond a peine ", " barely answering ", " barely responds ", " arrete de transpirer ", " stopped sweating ",
            " a passe la nuit par terre ", " spent the night on the floor ", " jambe tordu ", " jambe tordue ", " jambe raccourcie ",
            // A fit, a loss of consciousness, a box of pills, a heart in trouble, blood spurting, said in everyday words.
            " convulsing ", " fitting on the ", " is fitting ", " s fitting ", " convulsion ", " perd connaissance ", " perdu connaissance ",
            // Someone knocked down lying on the ground, a limb that looks broken, a face swelling, breathing worse, a stroke's signs.
            " est au sol ", " is lying there ", " s lying there ", " looks broken ", " jambe cassee ", " bras casse ", " broken leg ",
            " broken arm ", " visage gonfle ", " visage qui gonfle ", " face is swelling ", " face swelling ", " respire de plus en plus mal ",
            " breathing is getting worse ", " droopy ", " jumbled ",
            " sest effondre ", " sest effondree ", " toute une boite de ", " une boite entiere ", " a whole box of ", " a whole packet of ",
            " lips blue ", " barely breathes ", " chest pains ", " mal dans le bras gauche ", " mal au bras gauche ",
            " pain in his left arm ", " pain in her left arm ", " gicle partout ", " ca gicle ", " spurting ",
            " gemissements ", " une balle dans ", " shot in the ", " load of pills ", " bunch of pills ", " hasn t picked up ", " hasnt picked up ", " n ouvre pas ", " n ouvre plus ",
            // Not breathing, no longer answering beside a body on the ground, bleeding that does not stop (SMS spellings too).
            " stopped breathing ", " isn t breathing ", " isnt breathing ", " not breathing ", " respire plu ", " respire pu ", " respir plus ",
            " unresponsive ", " saigne beaucoup ",
            // Fallen and unable to get up, collapsed a moment ago (an older person, a colleague on a video call).
            " n arrive pas a me relever ", " arrive pas a me relever ", " n arrive pas a se relever ", " arrive pas a se relever ",
            " peux pas me relever ", " peut pas se relever ", " can t get up ", " cant get up ", " cannot get up ", " unable to get up ",
            " s effondrer ", " s est effondre ", " s est effondree ", " just collapsed ",
            // A crowd crush: people crushed or trampled now.
            " mouvement de foule ", " crowd crush ", " bousculade ", " ecrases contre les barrieres ", " crushed against the barriers ",
            " people trampled ", " gens pietines ", " saigne enormement ",
            " saigne de partout ", " pisse le sang ", " bleeding a lot ", " bleeding heavily ", " bleeding badly ", " lots of blood ",
            " beaucoup de sang ", " plein de sang ",
        ], weak: [
            " blesse ", " blessee ", " blesses ", " blessees ", " injured ", " malaise ", " sang ", " blood ", " hurt ",
            " injuries ", " injury ", " fell ", " tombe ", " tombee ", " fallen ",
        ], blockers: [
            // A card "swallowed by" a cash machine.
            " swallowed by ", " avalee par ", " avale ma carte ", " avale la carte ", " swallowed my card ",
            // A car that does not move, a man's flu: no one hurt.
            " voiture ne bouge pas ", " car doesn t move ", " man flu ",
            " tombe sur une ", " tombe sur un ", " tombee sur une ", " tombee sur un ", " tombe sur des ", " tombe sur cette ",
            " tombe sur ce ", " came across ", " stumbled on ", " stumbled upon ",
            // A thing falling apart (a wreck, a shed): no person fallen.
            " tombe en ruine ", " tombe en morceaux ", " falling apart ", " falling to pieces ",
            // Asking whether to see a doctor for an old injury, a birth told as past: care to plan, not an emergency.
            " should i see a doctor ", " should i go see a doctor ", " dois je voir un medecin ", " je dois voir un medecin ",
            " j ai accouche et ", " after i gave birth ",
        ]),
        Category(reason: .fire, strong: [
            // Someone stuck in a lift: the firefighters free them.
            " stuck in the lift ", " stuck in our lift ", " stuck in a lift ", " stuck in the elevator ", " stuck in an elevator ",
            " trapped in the lift ", " trapped in the elevator ", " coince dans l ascenseur ", " coincee dans l ascenseur ",
            " bloque dans l ascenseur ", " bloquee dans l ascenseur ", " bloques dans l ascenseur ",
            // A car on its roof, people perhaps trapped inside: the firefighters cut them out.
            " voiture retournee ", " voiture sur le toit ", " car upside down ", " car on its roof ", " overturned car ", " car overturned ",
            // A fire in texting spelling; rising water and floods (the firefighters).
            " le feux ", " du feux ", " ya du feu ", " y a du feu ", " du feu dans ", " feu a pris ",
            " l eau monte ", " eau qui monte ", " qui monte avec la pluie ", " water is coming into ", " water coming into ",
            " water is rising ", " floodwater ", " flood water ", " prise dans l eau ", " pris dans l eau ", " stuck in the water ",
            " riviere est sortie ", " en crue ", " maison inondee ",
            " feu de broussailles ", " feu de foret ", " feu de champ ", " feu de garrigue ", " brush fire ", " wildfire ",
            " bushfire ", " forest fire ", " grass fire ",
            " au feu ", " incendie ", " en feu ", " fumee ", " odeur de gaz ", " fuite de gaz ", " on fire ", " smoke ",
            " gas leak ", " smell gas ", " brule ", " flammes ", " flames ", " se noie ", " drowning ", " le feu ",
            " fire in ", " a fire ", " the fire ", " prend feu ", " pris feu ", " caught fire ", " burning ", " pue le gaz ",
            " sent le gaz ", " sent enormement le gaz ", " sent fort le gaz ", " sent tres fort le gaz ", " sent beaucoup le gaz ", " sent vraiment le gaz ", " smells strongly of gas ", " strong smell of gas ", " strong gas smell ", " conduite de gaz ", " gas pipe ", " gas main ", " smells of gas ", " smell of gas ", " smells really strongly of gas ", " odeur d oeuf pourri ",
            " oeuf pourri ", " mal a la tete et envie de vomir ", " monoxyde ", " carbon monoxide ", " sous l eau ", " l eau monte ",
            " water is rising ", " coince sur le toit ", " coincee sur le toit ",
            " coinces sur le toit ", " on the roof waving ", " fumee noire ", " black smoke ", " sent le brule ", " smells of burning ",
            " fuite gaz ", " gaz sortir ", " gaz qui sort ", " ouvert le gaz ", " conduite de gaz ", " gas pipe ", " hissing ",
            " l eau qui monte ", " eau qui monte ", " dans un puits ", " ice is cracking ", " la glace craque ", " through the ice ", " a travers la glace ",
            " sous la glace ", " voiture crame ", " voiture qui crame ", " crame sur ", " coince dans la cabine ", " coincee dans la cabine ",
            " trapped in the cab ", " trapped in his car ", " trapped in her car ", " coince dans sa voiture ", " coincee dans sa voiture ",
            " incarcere ", " incarceree ", " desincarcer", " trapped under ", " coince sous ", " coincee sous ", " sous les decombres ",
            " under the rubble ", " drifting ",
            " a la derive ", " coince dessous ", " coincee dessous ", " remonte pas ", " l emporte ",
            // Stuck in a lift: a rescue for the firefighters.
            " coince dans l ascenseur ", " coincee dans l ascenseur ", " bloque dans l ascenseur ", " bloquee dans l ascenseur ",
            // A lift stuck between floors with someone inside.
            " ascenseur est bloque ", " ascenseur bloque ", " bloquee dans lascenseur ", " bloque dans lascenseur ", " lift is stuck ", " elevator is stuck ",
            " stuck in the lift ", " stuck in the elevator ", " stuck in a lift ", " stuck in an elevator ",
            // Carried off by the current or out to sea, fallen into the river: a rescue.
            " par le courant ", " by the current ", " emporte au large ", " emportee au large ", " l a emporte au large ",
            " tombe dans la seine ", " tombe dans l eau ", " tombe dans le fleuve ", " tombe dans la riviere ", " fell in the river ",
            " fell into the river ", " fell into the water ", " locked in a car ", " locked alone in a car ",
            // Someone under the water who has not come up, a boat sinking, an avalanche: a rescue for the firefighters.
            " pas remonte ", " pas remontee ", " hasn t come up ", " hasnt come up ", " elle coule ", " il coule ", " ils coulent ",
            " prend l eau ", " taking water ", " taking on water ", " is sinking ", " are sinking ", " dans les vagues ",
            " avalanche ", " flambe ", " s enfonce dans l eau ", " s enfonce dans la ", " s enfonce dans le ",
            // A child shut in a car in the heat.
            " dans une voiture fermee ", " in a locked car ", " in a hot car ", " flambent ",
            // A rotten-egg smell is gas; someone in the water, pulled out of it, or on a window ledge: the firefighters.
            " noyade ", " rotten egg ", " rotten eggs ", " tomber dans le canal ", " went into the canal ", " went into the river ",
            " drove into the canal ", " drove into the river ", " emportee au passage ", " emportee par l eau ", " swept away ",
            " le courant est fort ", " schlingue le gaz ", " yellow cloud ", " toxic cloud ", " nuage jaune ", " nuage toxique ", " chemical leak ",
            " fuite chimique ", " fuite de produit ", " tombe dans le canal ", " tombee dans le canal ", " tombe dans la piscine ",
            " tombee dans la piscine ", " fell in the pool ", " fell into the pool ", " fell into the canal ", " fell in the canal ",
            " jumped into the canal ", " jumped into the river ", " saute dans le canal ", " saute dans la seine ",
            // Someone gone into a river from a bridge, a head in the water: a rescue for the firefighters.
            " jumped in the river ", " jumped off the bridge into ", " jumped in the canal ", " his head in the water ",
            " her head in the water ", " du quai dans le port ", " off the quay into ", " tombe dans le port ", " tombee dans le port ",
            " fell into the harbour ", " into the harbour with ", " saute dans la riviere ", " saute dans le fleuve ", " saute du pont ", " sautee du pont ",
            // Smoke misspelt, sparks, a ceiling or a wall hot to the touch: a fire starting.
            " smoek ", " smok ", " fumme ", " fume qui sort ", " fumme qui ", " sparks are coming ", " sparks coming ",
            " sparks flying ", " des etincelles ", " etincelles sortent ", " plafond est tout chaud ", " plafond est chaud ",
            " plafond tout chaud ", " chaud quand je le touche ", " hot to the touch ", " mur est tout chaud ", " ceiling is hot ", " wall is hot ", " ceiling is warm ",
            " struggling in the water ", " se debat dans l eau ", " il se debat ", " elle se debat ", " keeps going under ", " went under ",
            " going under ", " sorti de l eau ", " sortie de l eau ", " sorti une personne de l eau ", " pulled out of the water ",
            " pulled him out of the water ", " pulled her out of the water ", " tombe dans le bassin ", " tomber dans le bassin ",
            " tombee dans le bassin ", " remonte plus ", " not coming back up ", " isn t coming back up ", " hasn t come back up ",
            " fell into the seine ", " fell in the seine ", " fell into the loire ", " fell into the lake ", " fell in the lake ",
            " enflamme ", " enflammee ", " fume noir ", " fumee partout ", " fume partout ", " smoke everywhere ", " cocktail molotov ", " molotov ",
            " depart de feu ", " depart d incendie ",
            // Falls from a height, someone under a tram or a train, a hand caught in a machine, ice that gave way: a rescue for the firefighters (18).
            " fell from a balcony ", " fell from the balcony ", " fell off the balcony ", " fell from the roof ", " fell off the roof ", " fell from the first floor ", " fell from the window ", " fell out of the window ", " tombe du balcon ", " tombee du balcon ", " tombe du toit ", " tombee du toit ", " tombe de l echafaudage ", " tombe d un echafaudage ", " tombe par la fenetre ", " tombee par la fenetre ", " sous la rame ", " sous le tram ", " sous le train ", " under the train ", " under the tram ", " main coincee ", " main coince ", " hand caught in ", " hand stuck in ", " bras coince dans ", " la glace a cede ", " ice gave way ", " tombes dans le lac ", " tombe dans le lac ", " tombee dans le lac ",
            // Someone electrocuted, an explosion, people trapped upstairs or on a ledge: the firefighters.
            " electrocute ", " electrocutee ", " electrocuted ", " explosion ", " people trapped ", " trapped on the ",
            " stuck on a ledge ", " coinces dans les etages ", " bloques dans les etages ",
            // A fire named in a room or a shop, someone struggling in the water.
            " feu dans la ", " feu dans le ", " feu dans l ", " feu dans ma ", " feu dans mon ", " struggling in the water ",
            " strugling in the water ", " se debat dans l eau ",
            // Sparks from an electrical panel.
            " sparking ", " tableau electrique fait des etincelles ",
        ], weak: [" feu ", " fire ", " gaz ", " gas ", " flooded ", " inondation ", " inonde ", " inondee "], blockers: [
            // A visitor come to "check the smoke detectors": a door-to-door scam, not smoke.
            " check the smoke detectors ", " check the smoke detector ", " check the smoke alarms ", " verifier les detecteurs ",
            " verifier le detecteur ", " controler les detecteurs ", " controler le detecteur ",
            " feu rouge ", " feux rouges ", " feu vert ", " feux ", " coup de feu ", " coups de feu ", " arme a feu ",
            " armes a feu ", " cease fire ", " fire access ", " fire lane ", " fire exit ", " fire door ", " voie pompiers ",
            " acces pompiers ", " voie engins ", " fire brigade ", " fired me ", " got fired ", " faux agents du gaz ",
            " agent du gaz ", " compteur de gaz ", " messieurs du gaz ", " monsieur du gaz ", " homme du gaz ", " hommes du gaz ",
            " technicien du gaz ", " se dit du gaz ", " etaient du gaz ", " etait du gaz ", " se disant du gaz ", " gas company ", " gas board ", " gas man ", " gasman ", " fire alarm went off for nothing ", " alarme pour rien ", " sonne pour rien ", " declenchee pour rien ",
        ]),
        Category(reason: .roadDanger, strong: [
            " contresens ", " contre sens ", " a contre sens ", " wrong way ", " wrong side of the motorway ",
            " wrong side of the highway ", " sens inverse sur l autoroute ", " sens interdit sur l autoroute ",
            " pieton sur l autoroute ", " obstacle sur l autoroute ", " zigzag", " grille les feux ", " grille tous les feux ",
            " arbre en travers ", " en travers de la ", " drunk driver ", " bourre au volant ",
            " au milieu de la route ", " in the middle of the road ", " swerving ", " sur la chaussee ", " lying in the road ",
            " laying in the road ", " au milieu de la chaussee ", " sur la voie ",
            // Livestock loose on a road.
            " vaches sur la ", " vaches sur le ", " troupeau de vaches ", " troupeau sur la ", " chevaux sur la route ",
            " cows on the road ", " horses on the road ", " sheep on the road ",
            " repartir au volant ", " repartir en voiture ", " reprendre sa voiture ", " veut conduire ", " about to drive ",
            " reprendre le volant ", " reprendre la voiture ", " get behind the wheel ", " drive off drunk ",
            " wants to drive off ",
            // The other driver driving off at someone standing in front of the car.
            " trying to drive off ", " tries to drive off ", " essaie de partir avec sa voiture ",
            // The other driver drunk after a crash and leaving: a danger on the road now.
            " drunk and trying to leave ", " drunk and trying to drive ", " ivre et essaie de partir ", " ivre et veut partir ",
            " bourre et veut partir ", " bourre et essaie de partir ",
        ], weak: [" autoroute ", " motorway ", " highway ", " freeway "], blockers: [
            // A limb bent "the wrong way" is an injury, not a wrong-way driver.
            " bent the wrong way ", " twisted the wrong way ",
        ]),
        // An aircraft down: a light plane, a microlight (ULM), a helicopter, a glider or a paraglider that has
        // crashed or come down; the aeronautical rescue (191) answers first. A film, a game, a simulator, a
        // fear of flying or a crash in the news is none.
        Category(reason: .airRescue, strong: [
            " avion s est ecrase ", " avion vient de s ecraser ", " avion s est crashe ", " avion vient de se crasher ",
            " ulm s est ecrase ", " ulm vient de s ecraser ", " ulm s est crashe ", " ulm vient de se crasher ", " ulm est tombe ",
            " helicoptere s est ecrase ", " helicoptere vient de s ecraser ", " planeur s est ecrase ", " planeur vient de s ecraser ",
            " parapente est tombe ", " parapentiste est tombe ", " parapentiste s est ecrase ", " parapente s est ecrase ",
            " parapente vient de tomber ", " parapentiste vient de tomber ", " parapente dans les arbres ", " parapentiste dans les arbres ",
            " plane crashed ", " plane has crashed ", " plane just crashed ", " plane went down ", " plane has gone down ",
            " plane came down ", " microlight crashed ", " microlight has crashed ", " microlight just crashed ", " microlight went down ",
            " helicopter crashed ", " helicopter has crashed ", " helicopter went down ", " glider crashed ", " glider has crashed ",
            " paraglider crashed ", " paraglider has crashed ", " paraglider fell ", " paraglider has fallen ", " paraglider just fell ",
            " paraglider is stuck in ", " paraglider in the trees ",
        ], weak: [], blockers: [
            " film ", " movie ", " jeu video ", " video game ", " simulateur ", " simulator ", " flight sim", " peur de l avion ",
            " fear of flying ", " aux infos ", " on the news ", " documentaire ", " documentary ",
        ]),
        // A boat or a swimmer in distress at sea: the sea rescue (CROSS, 196) answers first.
        Category(reason: .seaRescue, strong: [
            // A boat's radio that no longer answers: overdue at sea.
            " radio ne repond pas ", " radio ne repond plus ", " radio ne repond toujours pas ", " radio is not answering ",
            " radio isn t answering ", " not answering the radio ", " no answer on the radio ", " no answer on the vhf ",
            " chavire ", " a chavire ", " ont chavire ", " capsized ", " capsize ", " kayak flipped ", " kayak s est retourne ",
            " kayak retourne ", " bateau retourne ", " boat flipped ", " homme a la mer ", " man overboard ", " fell overboard ",
            " tombe a la mer ", " tombee a la mer ", " tombe dans la mer ", " tombee dans la mer ", " fell into the sea ",
            " fell in the sea ", " swept out to sea ", " being swept out ", " being pulled out ", " pulled out to sea ",
            " tombe de la digue ", " tombee de la digue ", " fell off the pier ", " fell off the jetty ", " fell off the harbour wall ",
            " rip current ", " courant de baine ", " prise dans une baine ", " pris dans une baine ", " dans la baine ",
            " on derive ", " nous derivons ", " derive vers les rochers ", " we re drifting ", " we are drifting ",
            " toward the rocks ", " towards the rocks ", " vers les rochers ", " waving his arms ", " waving her arms ",
            " waving arms ", " fait des signes dans l eau ", " n arrive plus a revenir ", " arrive plus a revenir ",
            " can t get back to shore ", " cant get back to shore ",
            " swimmer in trouble ", " beyond the buoys ", " past the buoys ", " nageur en difficulte ", " au dela des bouees ",
            " apres les bouees ",
            // Past the reef, no longer paddling, unable to climb back aboard.
            " tombe du ferry ", " tombee du ferry ", " tombe du bateau ", " tombee du bateau ", " fell off the ferry ",
            " fell off the boat ", " dragged far out ", " pulled far out ", " emporte au large ", " emportee au large ",
            " au dela du recif ", " derriere le recif ", " apres le recif ", " beyond the reef ", " past the reef ",
            " ne rame plus ", " rame plus ", " stopped paddling ", " can t paddle ",
            " arrive pas a remonter ", " arrive plus a remonter ",
        ], weak: [], blockers: inlandWaters),
    ]

    /// The sea and the coast: once a rescue is read (someone in the water, a fire aboard, someone hurt), the
    /// sea rescue's number (196) comes first. These words alone raise nothing ("on part à la mer cet été").
    static let seaPlaces = [
        " dans le port ", " du quai ", " in the harbour ", " into the harbour ", " in the harbor ", " into the harbor ",
        " en mer ", " la mer ", " a la mer ", " dans la mer ", " au large ", " large de ", " plage ", " littoral ",
        " digue ", " voilier ", " kayak ", " jet ski ", " surfeur ", " surf ", " plongee ", " plongeur ", " baine ",
        " at sea ", " the sea ", " in the sea ", " out at sea ", " offshore ", " off the coast ", " off the beach ",
        " beach ", " coast ", " sailing boat ", " sailboat ", " yacht ", " motorboat ", " jet ski ", " surfer ", " surfing ",
        " diver ", " diving ", " miles off ", " rip current ", " nautical ", " snorkelling ", " snorkeling ", " snorkel ",
        " palmes et tuba ",
        " recif ", " reef ", " lagon ", " lagoon ", " kayakiste ", " kayaker ", " kitesurf", " ferry ",
        " miles de la cote ", " milles de la cote ", " miles from the coast ", " miles from shore ", " milles nautiques ",
    ]

    /// Inland waters (a river, its rapids, a lake, a canal): someone in difficulty there is for the firefighters (18),
    /// not the sea rescue, even in a kayak.
    static let inlandWaters = [
        " riviere ", " river ", " fleuve ", " rapides ", " rapids ", " gorges ", " lac ", " lake ", " canal ", " etang ", " pond ",
        " torrent ", " ravine ",
    ]

    /// Two sets of words that, together, describe a situation (both must occur).
    struct Pair {
        let reason: EmergencyReason
        let first: [String]
        let second: [String]
        /// Phrases that cancel this pair (what disappeared is a passport, the "child" is an adult).
        var blockers: [String] = []
    }

    /// A grown-up child: "mon fils de 25 ans" who does not answer is not a missing child (the age must be
    /// the child's: "un homme de 30 ans" says nothing of the daughter).
    static let adultAges: [String] = (18...99).flatMap { age in
        ["fils", "fille", "enfant", "gamin", "gamine", "frere", "soeur", "cousin", "cousine", "voisin", "voisine", "pere", "mere",
          "mari", "femme", "ami", "amie", "pote", "copain", "copine", "collegue"].flatMap { [" \($0) de \(age) ans ", " \($0) a \(age) ans "] }
            // An uncle, an aunt, a brother whose age is said plainly ("mon frère 35 ans", "elle a 50 ans"): an adult.
            + ["oncle", "tante", "frere", "soeur", "elle a", "il a"].flatMap { [" \($0) \(age) ans ", " \($0) de \(age) ans "] }
            + [" \(age) year old son ", " \(age) year old daughter ", " son is \(age) ", " daughter is \(age) "]
    } + [" fils majeur ", " fille majeure ", " enfant majeur ", " adult son ", " adult daughter ", " grown up son ", " grown up daughter "]

    /// Kinship words built on "petit" ("petit-fils", "petit frère", "petit ami"): a relative, not a small child.
    /// The weak words of a situation are read without them.
    static let kinship = [
        " petit fils ", " petits fils ", " petit frere ", " petite soeur ", " petit ami ", " petite amie ", " petit copain ", " petite copine ",
        // A place or a thing called small ("un petit village"): no child either.
        " petit village ", " petite ville ", " petit appartement ", " petite maison ", " petit commerce ", " petit magasin ",
        " petit studio ", " petit bourg ", " petite commune ",
    ]

    /// Words that name blows or children without naming the danger of now: blows denied ("il ne m'a jamais frappée"),
    /// the writer's children beside her in a story ("devant les enfants", "avec mes deux enfants"), a childhood long past
    /// ("quand il était enfant"). Blanked before the weak words are read (the strong ones, "il me frappe", still count).
    static let weakAside = [
        " jamais frappee ", " jamais frappe ", " jamais touchee ", " jamais touche ", " jamais tapee ", " jamais battue ",
        " never hit me ", " never hit her ", " never touched me ", " never laid a hand on ", " never been violent ",
        " devant les enfants ", " devant mes enfants ", " avec mes enfants ", " avec mes deux enfants ", " avec mes trois enfants ",
        " avec les enfants ", " les enfants ont peur ", " in front of the kids ", " in front of the children ", " with my kids ",
        " with my children ", " the kids are scared ", " quand il etait enfant ", " quand elle etait enfant ", " quand j etais enfant ",
        " when i was a child ", " when he was a child ", " when she was a child ", " as a child ",
        // An attack of the body, not of a person.
        " heart attack ", " panic attack ", " asthma attack ", " anxiety attack ",
    ]

    /// The one who was violent has died: blows named in a weak word are a memory (a fire or blows said plainly still count).
    static let deceased = [
        " est decede ", " est decedee ", " my late husband ", " my late wife ", " my late father ", " my late mother ",
        " my late partner ", " feu mon mari ", " feu mon pere ",
    ]

    /// A small child.
    static let smallChild = [
        " enfant ", " petit garcon ", " petite fille ", " fillette ", " garconnet ", " petit ", " petite ", " bebe ", " gamin ", " bambin ",
        " toddler ", " child ", " little boy ", " little girl ", " kid ",
    ]

    /// A window ledge: a small child on it is in danger (not, as for an adult, thinking of jumping).
    static let windowLedges = [
        " rebord d une fenetre ", " rebord de la fenetre ", " rebord de sa fenetre ", " on the window ledge ", " on a window ledge ",
        " on the ledge ", " rebord du balcon ", " rebord d un balcon ", " balcony ledge ", " on the balcony railing ",
        // A balcony's rail too.
        " balcony rail ", " rambarde du balcon ", " balcony railing ", " accroche au balcon ", " accrochee au balcon ",
        " hanging from a balcony ", " hanging from the balcony ", " pendu au balcon ", " suspendu au balcon ",
        // Climbing a balcony's railing.
        " climbing the railing ", " climbing over the railing ", " escalade la rambarde ", " grimpe sur la rambarde ",
        " enjambe la rambarde ", " sur la rambarde ",
    ]

    /// Things that "disappear" without anyone missing.
    static let lostThings = valuables + [" velo ", " bike ", " scooter ", " trottinette ", " doudou ", " cartable "]

    /// Words that say something or someone disappeared, read after ``valuables`` to tell a theft from a missing person.
    static let disappeared = [
        " disparu ", " disparue ", " disparus ", " disparues ", " introuvable ", " introuvables ", " missing ", " disappeared ",
        " vanished ",
    ]

    /// What a child or a vulnerable adult took along ("a disparu avec son vélo", "left on his bike"): not what is lost.
    static let takenAlong = [
        " avec son velo ", " avec sa trottinette ", " avec son scooter ", " avec son cartable ", " avec son doudou ",
        " sur son velo ", " en velo ", " a velo ", " en trottinette ", " en scooter ", " on his bike ", " on her bike ",
        " with his bike ", " with her bike ", " on his scooter ", " on her scooter ", " with his scooter ", " with her scooter ",
    ]

    /// Papers, money and jewels: when they are what disappeared ("les bijoux de ma tante ont disparu"),
    /// it is a theft or a loss, not a missing person, whatever the search found.
    static let valuables = [
        " carte d identite ", " passeport ", " passport ", " titre de sejour ", " permis ", " papiers ", " carte bancaire ",
        " portefeuille ", " wallet ", " mon telephone ", " mon portable ", " my phone ",
        // Someone who "disappeared with the money" is a thief, not a missing person; jewels that disappeared are stolen.
        " avec l argent ", " avec mon argent ", " avec nos economies ", " with the money ", " with my money ", " bijoux ",
        " jewellery ", " jewelry ",
    ]

    /// A thing lost by or for a child ("perdu le doudou de ma fille"): nobody is missing.
    static let lostToys = [
        " perdu le doudou ", " perdu son doudou ", " perdu sa peluche ", " perdu la peluche ", " perdu le jouet ", " perdu son jouet ",
        " perdu le cartable ", " perdu son cartable ", " perdu la tetine ", " lost the teddy ", " lost her teddy ", " lost his teddy ",
        " lost the toy ", " lost her toy ", " lost his toy ", " lost her cuddly ", " lost his cuddly ", " lost the cuddly ",
        " lost her school bag ", " lost his school bag ", " lost her blanket ", " lost his blanket ", " lost the blanket ",
    ]

    /// A worry told without a cue of the present ("je pense que ma sœur se fait frapper", "I'm worried"):
    /// a concern to talk about, not violence happening now.
    static let worry = [
        // Silent since a quarrel: a falling-out to worry about, not a disappearance the model alone may raise.
        " depuis notre dispute ", " depuis notre engueulade ", " depuis qu on s est disputes ", " since our argument ",
        " since we argued ", " since our fight ",
        " je m inquiete ", " je minquiete ", " i m worried ", " im worried ", " i am worried ", " je pense que ma ", " je pense que mon ",
        " je crois que ma ", " je crois que mon ", " i think my friend ", " i think my sister ", " i think my brother ",
        " i think my mum ", " i think my mother ", " i think my daughter ", " i think my son ", " i think my neighbour ", " elle ne dit pas ", " elle dit rien ", " elle ne dit rien ",
        " il ne dit rien ", " she won t say ", " she doesn t say ", " he won t say ", " elle a des bleus ", " she has bruises ",
        " he has bruises ", " has bruises ",
        // An adult who has not been in touch for days, "not like him": a worry to report, not a danger the learnt
        // model alone should raise (a vulnerable adult is read by the rules).
        " pas son genre ", " pas du tout son genre ", " not like him ", " not like her ", " ne donne plus de nouvelles ",
        " plus de nouvelles depuis ",
        // Bruises hidden or explained away: violence to worry about, not seen now.
        " cache ses bleus ", " cache ses marques ", " hides her bruises ", " hides his bruises ", " excuse for her bruises ",
        " excuse for his bruises ", " excuses pour ses bleus ", " une excuse pour ses bleus ",
        // Abuse a friend confided in secret: to report (the 119, a complaint), not blows the writer sees now.
        " veut pas que je le dise ", " ne veut pas que je le dise ", " veut pas que j en parle ", " doesn t want me to tell ",
        " doesnt want me to tell ", " made me promise not to tell ", " m a fait promettre de ne rien dire ", " m a confie que ",
        " told me in secret ",
    ]

    /// Someone else who cannot be reached: with suicidal words, a person the police must find too.
    static let unreachable = [
        " il repond plus ", " elle repond plus ", " il ne repond plus ", " elle ne repond plus ", " he s not answering ",
        " she s not answering ", " he isn t answering ", " she isn t answering ", " his phone is off ", " her phone is off ",
        " il est pas chez lui ", " elle est pas chez elle ", " n est pas chez lui ", " n est pas chez elle ", " his car is gone ",
        " her car is gone ", " injoignable ", " unreachable ", " il ne decroche pas ", " elle ne decroche pas ", " il decroche plus ",
        " elle decroche plus ", " telephone est eteint ", " portable est eteint ",
    ]

    /// Asking whom to talk to: a listener, not help now (unless the words themselves name a danger).
    static let listener = [
        " a qui parler ", " a qui jpeux parler ", " a qui je peux parler ", " a qui on peut en parler ", " a qui en parler ",
        // Wanting to talk to someone.
        " envie de parler a qqun ", " envie de parler a quelqu un ", " want to talk to someone ", " just want to talk to ",
        " who to talk to ", " need to talk to someone ", " just need to talk ", " besoin de parler a quelqu un ", " someone to talk to ",
        " jsais plus a qui parler ", " sais plus a qui parler ", " parler a un policier ", " parler a un gendarme ",
        " talk to a police officer ", " speak to an officer ", " talk to an officer ",
    ]

    /// A sexual assault and, within hours ("il y a une heure", "two hours ago"): still an emergency (care, evidence),
    /// even when the author has left.
    static let sexualAssault = [
        " violee ", " viole ", " violer ", " raped ", " agressee sexuellement ", " agresse sexuellement ", " agresser sexuellement ",
        " sexually assaulted ", " m a forcee ", " m a force ", " forced me ", " forced himself on me ",
        // Drugged and abused: a sexual assault.
        " i was drugged ", " been drugged ", " j ai ete droguee ", " j ai ete drogue ", " on m a droguee ", " on m a drogue ",
    ]
    static let hoursAgo = [
        " il y a une heure ", " y a une heure ", " ya une heure ", " il y a 1h ", " il y a deux heures ", " il y a 2h ",
        " il y a trois heures ", " ya 1h ", " y a 1h ", " ya 2h ", " ya deux heures ", " ya 1 heure ", " il y a 1 heure ",
        " an hour ago ", " two hours ago ", " a couple of hours ago ", " few hours ago ", " hours ago ",
        " just assaulted ", " just been assaulted ", " just raped ", " just been raped ", " violee cette nuit ", " viole cette nuit ",
    ]

    /// The person in danger is a minor: the writer gives an age under 18, is home alone, names a little sister or
    /// brother, a stepfather, older kids ("des grands").
    static let minor: [String] = (6...17).flatMap { age in
        [" j ai \(age) ans ", " jai \(age) ans ", " i m \(age) ", " im \(age) ", " i am \(age) "]
    } + childAges + [
        " home alone ", " seul a la maison ", " seule a la maison ", " my little sister ", " my little brother ",
        " ma petite soeur ", " mon petit frere ", " stepdad ", " step dad ", " mon beau pere ", " des grands ",
    ]

    /// A child's age given with a kinship word ("ma fille de 12 ans", "my sister is 11 and"): the one spoken of is a
    /// minor, whatever the age of someone else in the sentence ("un ami de 25 ans").
    static let childAges: [String] = (2...17).flatMap { age in
        [" fille de \(age) ans ", " fils de \(age) ans ", " soeur de \(age) ans ", " frere de \(age) ans ", " sister is \(age) ",
         " brother is \(age) ", " daughter is \(age) ", " son is \(age) "]
    }

    /// Bullies' words quoted ("they tell me to kill myself"): not the writer's intent.
    static let suicideQuoted = [
        " telling me to kill myself ", " tell me to kill myself ", " told me to kill myself ", " tells me to kill myself ",
        // An end announced by the one who threatens, a bridge where a car crashed: not the writer's intent.
        " il dit que c est fini pour moi ", " dit que c est fini pour moi ", " says it s over for me ", " accident sur le pont ",
        // Dying of rage, laughter or shame, over a lost thing; the prevention line asked for a notice board: words, not intent.
        " mourir de rage ", " mourir de rire ", " mourir de honte ", " dying of embarrassment ", " vais mourir j ai perdu ", " vais mourir jai perdu ", " prevention du suicide ", " suicide prevention ",
        " kill yourself ", " kys ", " va te suicider ", " va te tuer ", " me disent de me suicider ", " me dit de me suicider ",
        " m ont dit de me suicider ", " me disent de me tuer ", " me dit de me tuer ", " m ont dit de me tuer ",
        // Messages urging someone to suicide: the senders' words, an offence to report.
        " incitation au suicide ", " incitations au suicide ", " inciting suicide ", " incitement to suicide ", " encouraging suicide ",
        // Suicidal thoughts denied outright: the word is blanked, any other cue (a bridge's parapet) still counts.
        " aucune idee de suicide ", " aucune idee suicidaire ", " pas d idees suicidaires ", " pas d idee suicidaire ",
        " no suicidal thoughts ", " no thoughts of suicide ",
        // Suicide as a topic: among a trade, the methods posted on a forum, a classmate's joke.
        " suicide among ", " suicide chez les ", " suicide methods ", " methodes de suicide ", " blague sur le suicide ",
        " joke about suicide ", " joked about suicide ", " jokes about suicide ",
    ]

    /// A laugh written beside the words ("je veux mourir lol", "jvais mourir mdr"), or a song asked about or sent
    /// (the words of death are its lyrics): a figure of speech when nothing else names a danger.
    static let laughing = [
        " lol ", " mdr ", " mdrr ", " mdrrr ", " ptdr ", " lmao ", " lmfao ", " haha ", " hahaha ", " xd ",
        " what s that song ", " whats that song ", " c est quoi cette chanson ", " quelle est cette chanson ", " m a envoye une chanson ",
        " ma envoye une chanson ", " sent me a song ",
    ]
    /// The suicide cues that, beside a laugh, are a figure of speech: a wish to die or to hang oneself, no means.
    static let wishesToDie = [
        " veux mourir ", " vais mourir ", " want to die ", " wanna die ", " me pendre ", " me jeter ", " envie de mourir ", " veut mourir ",
        " wants to die ",
    ]

    static let pairs: [Pair] = [
        // Someone in a uniform, or a fake official, in the home or still there now, asking for money: an impostor to catch.
        Pair(reason: .intruderNow, first: [
            " en uniforme ", " in a uniform ", " in uniform ", " faux gendarme", " fake gendarme", " faux policier", " faux flic",
            " fake cop", " fake officer", " fake police", " faux plombier", " faut plombier", " faux technicien", " faux agent",
            " not a policeman ", " not a police officer ", " not a real policeman ", " pas un vrai policier ", " pas un vrai gendarme ",
            " without any badge ", " without a badge ", " sans badge ", " sans carte de police ", " se presentant comme ",
            " se presente comme ", " en tenue de gendarme ", " en tenue de policier ", " dressed as a police", " dressed as police",
            " carte me semble fausse ", " carte semble fausse ", " badge looks fake ", " card looks fake ",
        ], second: [
            " toujours dans ma ", " toujours dans mon ", " encore dans ma ", " encore dans mon ", " still here ", " still in my ",
            " in my living room ", " in my kitchen ", " dans ma salle a manger ", " dans mon salon ", " ou je range ",
            " where i keep my ", " est encore au ", " is still at ", " is still in ",
            // In the home, the office or the shop (a fake official there is there now, unless the words say when).
            " chez moi ", " dans ma maison ", " in my house ", " in my home ", " in my flat ", " inside ", " dans mon entree ",
            " in my office ", " dans mon bureau ", " dans mon etude ", " dans mon appart", " chez ma mere ", " chez mon pere ",
        ], blockers: [" hier ", " yesterday ", " last week ", " la semaine derniere ", " film ", " movie ", " deguise ", " costume "]),
        // An adult met online or sending sexual messages who waits for a child now (at the school gate, outside).
        Pair(reason: .childInDanger, first: [
            " met online ", " met on the internet ", " connu sur internet ", " rencontre sur internet ", " rencontre en ligne ",
            " sexual messages ", " messages sexuels ", " messages a caractere sexuel ",
        ], second: [
            " waiting for her ", " waiting for him ", " l attend devant ", " l attend a la sortie ", " l attend dehors ",
            " is there now ", " est la maintenant ", " at the school gate ", " devant l ecole ", " devant le college ",
        ]),
        // A theft or a burglary said to be going on in two words ("vol tracteur en cours").
        Pair(reason: .crimeInProgress, first: [" vol ", " vols ", " cambriolage ", " theft ", " burglary "], second: [" en cours ", " in progress "],
             blockers: [" enquete ", " plainte ", " dossier ", " procedure ", " demande ", " investigation ", " claim ", " complaint "]),
        // A courier sent by a fake bank adviser on his way to collect a card: the police can catch him at the door.
        Pair(reason: .crimeInProgress, first: [
            " coursier ", " courier ", " livreur ", " quelqu un doit passer ", " someone will come ", " someone is coming ",
            " passerait chercher ", " passera chercher ", " will come to collect ", " is coming to collect ",
        ], second: [
            " recuperer sa carte ", " recuperer ma carte ", " recuperer la carte ", " recuperer leur carte ", " chercher sa carte ",
            " chercher ma carte ", " chercher la carte ", " collect her card ", " collect his card ", " collect my card ",
            " collect the card ", " pick up her card ", " pick up his card ", " pick up my card ", " pick up the card ",
            " collect her bank card ", " collect his bank card ",
            " chercher mon or ", " recuperer mon or ", " chercher mes bijoux ", " recuperer mes bijoux ", " collect my gold ",
            " collect my jewellery ", " collect my jewelry ",
        ]),
        // An aircraft named with a verb of crashing or coming down, wherever in the sentence ("un petit avion de
        // tourisme vient de s'écraser", "a helicopter just went down in the hills"): the aeronautical rescue (191).
        Pair(reason: .airRescue, first: [
            " avion ", " avions ", " ulm ", " helicoptere ", " helico ", " planeur ", " parapente ", " parapentiste ", " deltaplane ", " bimoteur ", " monomoteur ", " cessna ",
            " plane ", " aircraft ", " microlight ", " helicopter ", " glider ", " paraglider ", " hang glider ",
        ], second: [
            " s ecraser ", " s est ecrase ", " s est ecrasee ", " s est crashe ", " se crasher ", " ecrase dans ", " ecrase contre ",
            " crashed ", " crash landed ", " went down ", " go down ", " came down ", " come down ", " gone down ",
        ], blockers: [
            " film ", " movie ", " jeu video ", " video game ", " simulateur ", " simulator ", " flight sim", " peur ", " afraid ",
            " scared ", " fear ", " aux infos ", " on the news ", " documentaire ", " documentary ", " billet", " ticket", " prix ",
            " price", " fares ", " tarif", " maquette ", " model plane ", " drone ", " jouet ", " toy ",
        ]),
        Pair(reason: .missingChild, first: [
            " enfant ", " fils ", " fille ", " petit ", " petite ", " ado ", " gamin ", " gamine ", " bebe ", " mome ",
            " garcon ", " neveu ", " niece ", " petit fils ", " petite fille ", " ans ", " gosse ", " loulou ", " gamins ",
            " child ", " son ", " daughter ", " kid ", " boy ", " girl ", " teenager ", " toddler ", " year old ",
        ] + (2...17).map { " \($0)yo " }, second: [
            " pas rentre ", " pas rentree ", " pas revenu ", " pas revenue ", " disparu ", " disparue ", " introuvable ",
            // Searched for everywhere, in a crowd.
            " je la cherche partout ", " je le cherche partout ", " on la cherche partout ", " on le cherche partout ",
            " perdue dans la foule ", " perdu dans la foule ", " lost in the crowd ",
            " jtrouve plus ", " jtrouve pas ", " je trouve plus ", " pas regagne ", " disparition ", " never came home ",
            " never came back ", " repond plus ", " ne repond plus ",
            // Hours late from school.
            " hours late ", " heures de retard ", " late from school ", " devait rentrer a ", " devait etre rentre", " should have been home by ",
            // Never arrived at school this morning; not there at pick-up, gone with a stranger; a phone cut off; a child
            // left behind at a stop.
            " pas rejoint l ecole ", " pas rejoint le college ", " pas arrivee a l ecole ", " pas arrive a l ecole ",
            " never made it to school ", " didn t make it to school ", " didnt make it to school ", " didn t arrive at school ",
            " not at school pickup ", " not at pickup ", " pas a la sortie de l ecole ", " left with an uncle ", " left w an ",
            " left with a man ", " left with a stranger ", " parti avec un inconnu ", " partie avec un inconnu ",
            " parti avec un homme ", " partie avec un homme ",
            " tel est coupe ", " telephone est coupe ", " portable est coupe ", " tel est eteint ", " phone is switched off ",
            " oublie notre fils ", " oublie notre fille ", " oublie mon fils ", " oublie ma fille ", " oublie notre enfant ",
            " forgot our son ", " forgot our daughter ", " forgot my son ", " forgot my daughter ", " left our son behind ",
            " left our daughter behind ",
            " was supposed to be home ", " should be home by ", " toujours pas rentre de l ecole ", " toujours pas rentree de l ecole ",
            " fugue ", " a fugue ", " a fuguer ", " on le trouve pas ", " on la trouve pas ", " trouve plus ",
            " retrouve plus ", " missing ", " not come home ", " not home ", " hasn t come ", " hasnt come ",
            " didn t come home ", " didnt come home ", " not back ", " ran away ", " can t find ", " cant find ", " lost my ",
            " looking for ", " on le cherche ", " on la cherche ", " n est plus la ", " been looking ", " le retrouve pas ",
            " la retrouve pas ", " parti par la fenetre ", " partie par la fenetre ", " en laissant un mot ", " left a note and ", " snuck out ", " sneaked out ",
            " vanished ", " disappeared ", " toujours pas rentre", " pas rentre de l ecole ", " telephone est eteint ",
            " portable est eteint ", " phone is off ", " sonne dans le vide ",
            // A child not found since, a phone off, friends who have not seen her.
            " dont find him ", " don t find him ", " dont find her ", " don t find her ", " can not find ", " cannot find ", " phone est off ", " portable est off ", " tel est off ", " l ont pas vue ", " l ont pas vu ",
            // Left on a train or a metro when the doors closed.
            " didn t get off ", " didnt get off ", " pas descendu avec ", " pas descendue avec ", " reste dans le metro ",
            " restee dans le metro ", " reste dans la rame ", " restee dans la rame ", " reste dans le train ", " restee dans le train ",
            " still on the train ", " still on the metro ", " stayed on the train ", " stayed on the metro ", " stayed on the tube ",
            // A child who "is gone" (not someone who left the writer alone): a child no longer there.
            " she s gone ", " he s gone ", " shes gone ", " hes gone ", " is gone on ", " is gone since ", " is gone for ",
        ], blockers: adultAges + lostThings + [
            // A tradesman gone with the deposit: a fraud, not a missing child ("son nom" is French "his").
            " acompte ", " disparu sans faire ", " disparu avec mon argent ", " disparu avec l argent ", " vanished with my money ",
            // Money lent to someone who no longer answers: a debt, not a child missing.
            " reconnaissance de dette ", " m a emprunte ", " borrowed money ",
            // A swindler (a fake tradesman, a relative who borrowed) "disparu" after being paid, known by "son nom", "son adresse".
            " m a facture ", " ma facture ", " ma emprunte ", " faux plombier ", " faux artisan ", " faux projet ", " son nom ",
            " son vrai nom ", " connais son adresse ",
            " disappeared with my money ", " disappeared with the deposit ", " colocataire ", " coloc ", " roommate ", " flatmate ", " collegue ", " colleague "]),
        Pair(reason: .missingAdult, first: [
            " troubles de memoire ", " problemes de memoire ", " pertes de memoire ",
            " alzheimer ", " demence ", " dement ", " demente ", " desoriente ", " desorientee ", " handicap", " grand pere ",
            " grand mere ", " papy ", " mamie ", " personne agee ", " vulnerable ", " malade ", " depressi", " depressed ", " deprime ", " deprimee ", " suicidaire ",
            " schizophren", " bipolaire ", " bipolar ", " psychiatri", " psychotic ", " psychotique ",
            " dementia ", " grandfather ", " grandmother ", " grandpa ", " grandma ", " elderly ", " disabled ", " confused ",
            " trisomique ", " down syndrome ", " down s syndrome ", " deficient ", " deficiente ", " learning disability ",
            " devait rentrer ", " should have been back ", " was supposed to be back ", " en pouvait plus ", " en peut plus ",
            " ehpad ", " memory problems ", " sans son traitement ", " sans ses medicaments ", " diabetique ", " troubles de la memoire ", " maison de retraite ", " care home ",
            " vit seul ", " vit seule ", " lives alone ", " perd la tete ", " alzeimer ", " alzheimmer ", " autistic ", " autiste ", " ne parle pas ", " doesn t speak ", " doesnt speak ", " agee ", " age de 8", " age de 9", " insuline ", " insulin ", " fauteuil ", " wheelchair ",
            " cardiaque ", " heart condition ", " heart problems ", " problemes cardiaques ",
        ], second: [
            " disparu ", " disparue ", " introuvable ", " pas rentre ", " pas rentree ", " pas revenu ", " pas revenue ",
            " parti sans ", " partie sans ", " fugue ", " erre ", " missing ", " disappeared ", " not come home ",
            " hasn t come ", " hasnt come ", " didn t come home ", " wandered off ", " can t find ", " cant find ",
            " n est pas descendu ", " n est pas descendue ", " didn t get off ", " didnt get off ", " sans nouvelles ", " no news ", " injoignable ", " unreachable ", " repond plus ", " not answering ", " ne le retrouve pas ", " on le retrouve pas ",
            " ne la retrouve pas ", " on la retrouve pas ", " retrouve pas ", " on le trouve pas ", " on la trouve pas ", " est sorti ", " est sortie ", " walked out ",
            " gone since ", " has been gone ", " left the house ", " a quitte la maison ", " est parti de la maison ", " wandered ", " s est barre ", " s est barree ", " a quitte le domicile ",
            " hasn t picked up ", " hasnt picked up ", " not picked up ", " n ouvre pas ", " volets sont restes fermes ",
            " volets fermes ", " jamais revenu ", " jamais revenue ", " telephone ne repond pas ", " portable ne repond pas ",
            " telephone est eteint ", " portable est eteint ", " phone is off ", " phone goes to voicemail ", " sonne dans le vide ", " personne ne l a vu ", " nobody has seen ",
            " est parti pendant ", " est partie pendant ", " pas descendu du bus ", " pas descendue du bus ", " didn t get off ",
            " did not get off ",
            // Gone off driving who should not, and not answering.
            " parti avec la voiture ", " partie avec la voiture ", " ne sait pas ou il est ", " ne sait plus ou il est ",
            " ne savait pas ou il etait ", " ne sait pas ou elle est ", " doesn t know where he is ", " didn t know where he was ",
            " doesn t know where she is ",
            " parti en voiture ", " partie en voiture ", " drove off ", " est partie de l ", " est parti de l ", " left the hospital ",
            " left the ward ", " left the care home ", " hasn t been seen ", " hasnt been seen ",
            // A weapon gone from the house with the person.
            " wasn t home ", " wasnt home ", " n etait pas chez lui ", " n etait pas chez elle ",
            " gun are gone ", " gun is gone ", " gun has gone ", " took the gun ", " taken the gun ", " took his gun ",
            " pris le fusil ", " pris son fusil ", " pris l arme ", " pris son arme ", " fusil a disparu ", " arme a disparu ",
        ]),
        Pair(reason: .medical, first: [
            " accident ", " accidant ", " accidente ", " collision ", " carambolage ", " renverse ", " renversee ", " crash ",
            " s est mange une ", " percute ", " fauche ", " motard ", " cycliste ",
            " crashed ", " hit by a car ", " knocked down ", " run over ",
        ], second: [
            " blesse ", " blessee ", " blesses ", " blessees ", " blese ", " bleses ", " injured ", " hurt ", " sang ",
            " blood ", " bouge plus ",
            " coince ", " coincee ", " trapped ", " inconscient ", " unconscious ", " a terre ", " par terre ", " jambe ",
            " tordue ", " bras ", " tete ",
        ]),
        // Someone on the ground who no longer answers or moves (SMS spellings too): the SAMU, whoever else is unreachable.
        Pair(reason: .medical, first: [
            " par terre ", " au sol ", " on the floor ", " on the ground ", " allonge ", " allongee ", " effondre ", " effondree ",
            " collapsed ", " tombe ", " tombee ", " fell ", " vomi ", " vomit ", " vomiting ",
        ], second: [
            " repond plus ", " repond plu ", " repond pu ", " repond pas ", " not responding ", " doesn t respond ", " won t respond ",
            " bouge plus ", " bouge plu ", " bouge pu ", " not moving ", " isn t moving ", " respire plus ", " respire plu ",
        ]),
        // Headaches or vomiting next to a boiler, a stove, a heater: carbon monoxide, for the firefighters.
        Pair(reason: .fire, first: [
            " mal de tete ", " maux de tete ", " mal a la tete ", " headache", " vomi", " nausee", " dizzy ", " vertige", " somnolen",
        ], second: [
            " chaudiere ", " boiler ", " poele ", " stove ", " chauffage ", " brasero ", " groupe electrogene ", " generator ",
            " heater ", " chauffe eau ", " cheminee ", " fireplace ",
        ]),
        // A small child on a window ledge: the police for the child, the firefighters to reach the window.
        Pair(reason: .childInDanger, first: smallChild, second: windowLedges, blockers: kinship),
        Pair(reason: .fire, first: smallChild, second: windowLedges, blockers: kinship),
        // A baby or a small child shut alone in a car in the heat: the firefighters (18) open it.
        Pair(reason: .fire, first: smallChild, second: [
            " enferme dans une voiture ", " enfermee dans une voiture ", " seul enferme dans une voiture ", " seule enfermee dans une voiture ",
            " locked in a car ", " locked alone in a car ", " shut in a car ",
        ], blockers: kinship),
        Pair(reason: .childInDanger, first: smallChild, second: [
            " locked in a car ", " locked alone in a car ", " in a hot car ", " in a locked car ", " enferme dans une voiture ",
            " enfermee dans une voiture ", " seul dans une voiture ", " seule dans une voiture ", " dans une voiture fermee ",
        ], blockers: kinship),
        // Someone at the bottom of a pool or of the water: the firefighters.
        Pair(reason: .fire, first: [" bottom of the ", " au fond de la ", " au fond du ", " au fond de l "], second: [
            " pool ", " piscine ", " bassin ", " water ", " eau ",
        ]),
        // Capsized, sinking or stuck in a river, a lake or rapids: the firefighters.
        Pair(reason: .fire, first: [
            " chavire ", " a chavire ", " capsized ", " flipped ", " s est retourne ", " s est retournee ", " coule ",
            " stuck against a rock ", " coince contre un rocher ", " coincee contre un rocher ", " is missing in the water ",
            " disparu dans l eau ", " going under ",
        ], second: inlandWaters),
        // A child gone with someone the parent does not know.
        Pair(reason: .childInDanger, first: [
            " partie avec un ", " parti avec un ", " partie avec une ", " parti avec une ", " left with a ", " went off with a ",
            " gone off with a ", " went with a ",
        ], second: [
            " je connais personne ", " je ne connais pas ", " que je connais pas ", " je connais pas ", " don t know him ",
            " dont know him ", " don t know her ", " no idea who ", " never seen him ", " never seen her ", " jamais vu ",
        ], blockers: adultAges),
        // A fall from a ladder, a scaffold, a roof, a balcony, a tree: a rescue for the firefighters (18) first.
        Pair(reason: .fire, first: [
            " fell from ", " fell off ", " fell down ", " tombe de ", " tombe du ", " tombe d ", " tombee de ", " tombee du ", " tombee d ", " chute de ",
            " chute d ", " chuter de ", " chuter d ", " chute du ", " tomber de ", " tomber du ", " tomber d ",
        ], second: [
            " echelle ", " ladder ", " echafaudage ", " scaffold", " toit ", " roof ", " balcon ", " balcony ", " fenetre ",
            " window ", " falaise ", " cliff ", " arbre ", " tree ", " poteau ", " pylone ", " floor balcony ", " rochers ", " rocks ",
            " metres ", " meters ",
        ]),
        // Someone fallen behind a door nobody can open: the firefighters open it.
        Pair(reason: .fire, first: [" tombe ", " tombee ", " fallen ", " fell ", " chute "], second: [
            " porte fermee ", " porte verrouillee ", " cannot reach the lock ", " can t reach the lock ", " cannot get in ",
            " can t get in ", " peut pas ouvrir ", " arrive pas a ouvrir ", " door is locked ", " porte est verrouillee ",
            " porte est fermee a cle ", " verrouillee de l interieur ", " fermee de l interieur ", " locked from the inside ",
        ]),
        // A child who has gone to meet someone met online (a game, a social network): missing, and in danger.
        Pair(reason: .missingChild, first: [
            " from roblox ", " sur roblox ", " on roblox ", " connu sur ", " connue sur ", " rencontre sur ", " rencontree sur ",
            " met online ", " met on snap", " met on insta", " from snapchat ", " on snapchat ", " sur snap", " from discord ",
            " sur discord ", " on discord ", " from instagram ", " sur insta", " from tiktok ", " from the game ", " du jeu en ligne ",
        ], second: [
            " to meet ", " rejoindre ", " retrouver un ", " retrouver une ", " meet up with ", " went to see ", " partie voir ",
            " parti voir ", " est partie avec ", " est parti avec ", " left with ",
        ]),
        // A neighbour not seen for days, the mailbox full, a smell from the flat: someone who may be lying inside, for
        // the police to check.
        Pair(reason: .callForHelp, first: [
            " plus ouvert depuis ", " pas ouvert depuis ", " boite deborde ", " boite aux lettres deborde ", " mailbox is overflowing ",
            " post piling up ", " courrier s entasse ", " not seen him for ", " not seen her for ", " haven t seen him for ",
            " haven t seen her for ",
        ], second: [" odeur ", " smell ", " chien aboie ", " dog barking ", " dog keeps barking "]),
        // A driver who smells of drink or is drunk after hitting someone's car: a danger on the road.
        Pair(reason: .roadDanger, first: [
            " sent l alcool ", " sent lalcool ", " smells of alcohol ", " smells of booze ", " ivre ", " bourre ", " drunk ",
        ], second: [
            " rentre dedans ", " m a percute ", " percute ", " au volant ", " rear ended ", " crashed into ", " hit my car ",
            " conducteur ",
        ]),
        // Someone pulled out of the water or a pool: the firefighters.
        Pair(reason: .fire, first: [
            " sorti ", " sortie ", " sortir ", " sortis ", " repeche ", " repechee ", " pulled ", " dragged ", " got him ", " got her ",
        ], second: [" de l eau ", " out of the water ", " from the water ", " de la piscine ", " out of the pool ", " from the pool "]),
        // Someone fallen or moaning behind a door nobody opens: the firefighters force the door.
        Pair(reason: .fire, first: [
            " n ouvre pas ", " n ouvre plus ", " not opening ", " won t open ", " wont open ", " doesn t open ", " doesn t answer the door ",
            " volets sont fermes ", " volets fermes ", " volets sont clos ", " shutters are closed ", " shutters closed ",
            " curtains still drawn ",
        ], second: [
            " moaning ", " groaning ", " gemi", " she fell ", " he fell ", " est tombee ", " est tombe ", " par terre ", " on the floor ",
        ]),
        Pair(reason: .intruderNow, first: [
            " porte ", " portes ", " fenetre ", " serrure ", " volet ", " volets ", " baie ", " door ", " doors ", " window ", " lock ",
        ], second: [
            " essaie ", " essaye ", " essaient ", " tente ", " tentent ", " force ", " forcer ", " crochete ", " secoue ",
            " trying ", " tries ", " forcing ", " rattling ", " picking ",
        ]),
        // A false official or an intruder placed in a room of the home or searching it: inside now.
        Pair(reason: .intruderNow, first: [
            " faux agent ", " faux agents ", " faux plombier ", " faux technicien ", " faux policier ", " faux policiers ",
            " soi disant ", " se disant ", " pretendu ", " intrus ", " fake ", " so called ", " intruder ", " intruders ",
            // Someone who says who they are ("qui se dit plombier", "disent être de la police", "says he's from the water board").
            " se dit ", " se disent ", " dit etre ", " disent etre ", " se presente comme ", " se presentent comme ",
            " pretendant etre ", " pretendent etre ", " dit venir de ", " disent venir de ", " monsieur du gaz ", " homme du gaz ",
            " says he s from ", " says he is from ", " say they re from ", " say they are from ", " saying he s from ",
            " saying they re from ", " claims to be ", " claim to be ", " claiming to be ",
        ], second: [
            " est dans la cuisine ", " est dans le salon ", " est dans la chambre ", " est dans l appartement ", " est dans la maison ",
            " sont dans la cuisine ", " sont dans le salon ", " sont dans la chambre ", " sont dans l appartement ", " sont dans la maison ",
            " ouvre les placards ", " ouvre les tiroirs ", " ouvrent les placards ", " ouvrent les tiroirs ", " fouille les ",
            " fouillent les ", " is in the kitchen ", " is in my kitchen ", " is in the living room ", " is in the bedroom ",
            " is in my flat ", " is in the flat ", " are in the kitchen ", " are in my kitchen ", " are in the flat ", " are in my flat ",
            " opening the cupboards ", " opening the drawers ", " opening drawers ", " going through the drawers ",
            " going through my ", " going through her ", " going through his ",
            // ... placed in any room of the writer's home, or refusing to go: there now.
            " est dans ma ", " est dans mon ", " sont dans ma ", " sont dans mon ", " est encore la ", " est toujours la ",
            " sont encore la ", " sont toujours la ", " ne veut pas partir ", " ne veulent pas partir ", " refuse de partir ",
            " refusent de partir ", " ne veut pas s en aller ", " refuse de s en aller ", " fouille dans ", " fouillent dans ",
            " won t go away ", " wont go away ", " won t leave ", " wont leave ", " refuses to leave ", " is in my ", " are in my ",
            " still in my ", " still here ",
        ]),
    ]
}
