import Foundation

extension EmergencyDetector {
    /// How many words a message needs before it is read in parts: a short sentence is read whole.
    static let longMessageWords = 35

    /// Where a long message may turn from what the writer first meant to ask to what is happening
    /// now: the end of a sentence, or a word that turns or adds ("mais", "but", "et aussi", "and also").
    static let turns = [
        ". ", "! ", "? ", "; ", " mais ", " but ", " however", " cependant", " par contre", " sinon", " and also", " et aussi",
        " never mind", " peu importe", " sorry", " désolé", " desole", " en plus",
        // A turn to what happens now after a calm opening or an old story ("…, sauf que là…", "…, except tonight…").
        " sauf que", " except ", " et là", " and now", " but now", " but tonight", " mais ce soir",
        // The writer interrupted by what happens as they type ("… non attendez, y a qqn dans ma cuisine", "wait, he's back").
        // "wait" only as an interjection: "how long do I have to wait before…" turns nothing.
        " attendez", " wait,", " wait.", " wait!", " wait there", " wait someone", " wait he", " wait she", " wait they",
        " non laissez", " oh non", " oh no", " actually", " en fait",
    ]

    /// The turns that set what follows against what came before ("mais", "but", "sauf que"): in a shorter
    /// message, a cue of the present after one of them is enough; after the end of a sentence the part must
    /// say that it has just happened or that someone is still there.
    static let contrasts: Set<String> = [" mais ", " but ", " however", " cependant", " par contre", " sauf que", " except ", " et là", " and now", " but now", " but tonight", " mais ce soir",
                                         " attendez", " wait,", " wait.", " wait!", " wait there", " wait someone", " wait he", " wait she",
                                         " wait they", " non laissez", " oh non", " oh no", " actually", " en fait"]

    /// Words that deny: a part that says "not right now", "personne n'est là" tells no danger of now by its cue of the present.
    static let denials: Set<String> = ["pas", "not", "nothing", "rien", "personne", "jamais", "never", "isn", "aren", "no", "nobody", "ne", "n"]

    /// How many words a part of a shorter message needs to be read on its own.
    static let shortPartWords = 4

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
        // A shorter message is read in parts too, but a part then counts only when it says the danger is
        // happening or has just happened in plain words ("vient de", "just", "en ce moment", "still here"):
        // a calm opening ("je voulais savoir…", "quick q…"), a hedge ("c'est rien de grave mais…") or an old
        // story ("ça fait des années…") must not silence a danger of now told after it.
        let long = whole.words.count >= Self.longMessageWords
        guard long || whole.words.count >= Self.shortPartWords + 2 else { return nil }
        let starts = Self.turnStarts(in: text)
        for start in starts.keys.sorted() {
            let part = String(text[start...])
            let sentence = CueSentence(part, vocabulary: EmergencyCues.vocabulary)
            guard sentence.words.count >= (long ? 6 : Self.shortPartWords) else { continue }
            let reading = CueReading(sentence)
            // After a contrast ("mais là…", "but…"), a danger the words name outright ("il a sorti le fusil") is
            // enough too, when nothing in the part tones it down.
            let namedAfterContrast = !long && (starts[start] ?? false) && !reading.strong.isEmpty && !reading.toneDown && !reading.question
            if !long, !namedAfterContrast, !Self.saysNowPlainly(sentence, afterContrast: starts[start] ?? false) { continue }
            guard namedAfterContrast || reading.present != nil || reading.justHappened,
                  namedAfterContrast || Self.saysNow(sentence, french: TextAnalyzer.guessLanguage(part) == .french) else { continue }
            let results = search(part)
            // A word for help alone ("au secours", "please help") closing a message about a hacked account
            // is that account's help: the part must name a danger of its own.
            if let alert = assess(part, reading: reading, results: results, terms: nil), !alert.isPossible,
               alert.reasons.contains(where: { $0 != .callForHelp }) { return (alert, results) }
        }
        return nil
    }

    /// Where each part that follows a turn starts in `text` (just after the turn), and whether a contrast opens it.
    /// The turns are found in one pass over the text lowercased and without accents, as bytes (a search per turn with
    /// Foundation's case- and diacritic-insensitive options cost about a fifth of `ask`).
    static func turnStarts(in text: String) -> [String.Index: Bool] {
        // The text folded, and for each of its bytes the index in `text` of the scalar it comes from.
        var bytes: [UInt8] = []
        var origins: [String.Index] = []
        bytes.reserveCapacity(text.utf8.count)
        origins.reserveCapacity(text.utf8.count)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append((65...90).contains(byte) ? byte + 32 : byte)
                origins.append(index)
            } else if scalar.properties.generalCategory != .nonspacingMark {  // a combining accent is dropped
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    for byte in (TextAnalyzer.folding(lower) ?? String(lower)).utf8 {
                        bytes.append(byte)
                        origins.append(index)
                    }
                }
            }
            index = scalars.index(after: index)
        }
        var starts: [String.Index: Bool] = [:]
        for position in bytes.indices {
            guard let candidates = Self.foldedTurns[bytes[position]] else { continue }
            for (turn, contrast) in candidates where position + turn.count <= bytes.count {
                var matches = true
                for offset in 1..<turn.count where bytes[position + offset] != turn[offset] {
                    matches = false
                    break
                }
                guard matches else { continue }
                let end = position + turn.count
                let start = end < bytes.count ? origins[end] : text.endIndex
                starts[start] = (starts[start] ?? false) || contrast
            }
        }
        return starts
    }

    /// The turns as folded bytes (lowercase, no accents), by their first byte, each with whether it is a contrast.
    static let foldedTurns: [UInt8: [(turn: [UInt8], contrast: Bool)]] = {
        var byFirst: [UInt8: [(turn: [UInt8], contrast: Bool)]] = [:]
        for turn in turns {
            let folded = Array(TextAnalyzer.fold(turn.lowercased()).utf8)
            guard let first = folded.first, !(byFirst[first] ?? []).contains(where: { $0.turn == folded }) else { continue }
            byFirst[first, default: []].append((folded, contrasts.contains(turn)))
        }
        return byFirst
    }()

    /// Whether a part of a message says plainly that something happens now: it has just happened ("vient de",
    /// "just fell"), a cue of the present ("right now", "en ce moment", "I can hear"), someone still there, or a
    /// verb in the present said of someone ("are screaming", in French "il se passe"). "Now" or "maintenant"
    /// alone ("what do I do now?") is not enough: it speaks of the writer's question as often as of a danger.
    /// Whether a part says "now" in words that leave no doubt: it has just happened ("vient de", "just
    /// slapped"), a cue of the present from the strong list ("en ce moment", "right now", "toujours là"), or
    /// someone still there (after a contrast, any cue of the present), and nothing denied. A verb in the present
    /// alone is not enough in a short message.
    static func saysNowPlainly(_ sentence: CueSentence, afterContrast: Bool) -> Bool {
        if CompiledCues.justHappened.occurs(in: sentence) || CueReading.justDid(sentence.words) != nil { return true }
        let timed = CueReading.maskingDeniedPresentAndDurations(sentence)
        if CueReading.stillThere(timed.words) != nil, !sentence.words.contains(where: { Self.denials.contains($0) }) { return true }
        // A cue of the present after a contrast, with no denial just before it ("not dangerous right now").
        guard afterContrast, let cue = CompiledCues.present.firstIndex(in: timed) else { return false }
        return !sentence.words[max(0, cue - 4)..<cue].contains(where: { Self.denials.contains($0) })
    }

    static func saysNow(_ sentence: CueSentence, french: Bool) -> Bool {
        let timed = CueReading.maskingDeniedPresentAndDurations(sentence)
        return CompiledCues.justHappened.occurs(in: sentence) || CueReading.justDid(sentence.words) != nil
            || CompiledCues.present.occurs(in: timed)
            || CueReading.stillThere(timed.words) != nil
            || CueReading.presentTense(timed.words, progressiveOnly: !french) != nil
    }
}
