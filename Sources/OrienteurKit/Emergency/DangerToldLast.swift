import Foundation

extension EmergencyDetector {
    /// How many words a message needs before it is read in parts: a short sentence is read whole.
    static let longMessageWords = 35

    /// Where a long message may turn from what the writer first meant to ask to what is happening
    /// now: the end of a sentence, or a word that turns or adds ("mais", "but", "et aussi", "and also").
    static let turns = [
        ". ", "! ", "? ", "; ", " mais ", " but ", " however", " cependant", " par contre", " sinon", " and also", " et aussi",
        " never mind", " peu importe", " sorry", " désolé", " desole", " en plus",
    ]

    /// A long message that first asks about something else (a complaint, a form, last year's theft) and
    /// only then tells a danger happening now ("…, mais là un homme armé vient d'entrer", "…, but right now I
    /// can hear someone downstairs"): the past and the questions of its first part must not hide its end.
    ///
    /// When the whole message raises no alert, each part from a turn to the end is read on its own, the
    /// longest first; a part counts only when it says "now" itself (a cue of the present, or something that
    /// has just happened: "vient d'entrer") and its words, read by the rules, raise an alert that names more
    /// than a call for help (the learnt model's "possible" alerts are not enough). `search` is the search of that part, whose leaves the rules read too.
    /// - Returns: the alert and the part's search results, or nil.
    public func dangerToldLast(in text: String, search: (String) -> [SearchResult]) -> (alert: EmergencyAlert, results: [SearchResult])? {
        dangerToldLast(in: text, words: CueSentence(text, vocabulary: EmergencyCues.vocabulary), search: search)
    }

    /// ``dangerToldLast(in:search:)`` with `text` already split into words (`words` is `CueSentence` of `text`).
    func dangerToldLast(in text: String, words whole: CueSentence, search: (String) -> [SearchResult]) -> (alert: EmergencyAlert, results: [SearchResult])? {
        guard whole.words.count >= Self.longMessageWords else { return nil }
        var starts: [String.Index] = []
        for turn in Self.turns {
            var from = text.startIndex
            while from < text.endIndex, let found = text.range(of: turn, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
                starts.append(found.upperBound)
                from = found.upperBound
            }
        }
        for start in Set(starts).sorted() {
            let part = String(text[start...])
            let sentence = CueSentence(part, vocabulary: EmergencyCues.vocabulary)
            guard sentence.words.count >= 6 else { continue }
            let reading = CueReading(sentence)
            guard reading.present != nil || reading.justHappened,
                  Self.saysNow(sentence, french: TextAnalyzer.guessLanguage(part) == .french) else { continue }
            let results = search(part)
            // A word for help alone ("au secours", "please help") closing a message about a hacked account
            // is that account's help: the part must name a danger of its own.
            if let alert = assess(part, reading: reading, results: results, terms: nil), !alert.isPossible,
               alert.reasons.contains(where: { $0 != .callForHelp }) { return (alert, results) }
        }
        return nil
    }

    /// Whether a part of a message says plainly that something happens now: it has just happened ("vient de",
    /// "just fell"), a cue of the present ("right now", "en ce moment", "I can hear"), someone still there, or a
    /// verb in the present said of someone ("are screaming", in French "il se passe"). "Now" or "maintenant"
    /// alone ("what do I do now?") is not enough: it speaks of the writer's question as often as of a danger.
    static func saysNow(_ sentence: CueSentence, french: Bool) -> Bool {
        let timed = CueReading.maskingDeniedPresentAndDurations(sentence)
        return CompiledCues.justHappened.occurs(in: sentence) || CompiledCues.present.occurs(in: timed)
            || CueReading.stillThere(timed.words) != nil
            || CueReading.presentTense(timed.words, progressiveOnly: !french) != nil
    }
}
