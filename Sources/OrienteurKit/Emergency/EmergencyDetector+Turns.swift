extension EmergencyDetector {
    /// The fewest words from which a message is read part by part as well as whole.
    static let turnMinimumWords = 20
    /// The most parts of a message read on their own (the last ones), which bounds the extra work.
    static let turnMaximumParts = 8

    /// The alert for the end of a long message, when the message read whole has none.
    ///
    /// A long message can begin with a question or an old story and end with a danger of now
    /// ("je voulais savoir pour ma plainte de l'an dernier… mais là un homme vient d'entrer avec
    /// une arme"): read whole, its past and its questions tone the danger down. So the part from
    /// each turn on (a new sentence, or "mais", "but", "sauf que"…) is read again on its own,
    /// from its words alone. Only the rules raise such an alert, never the learnt model nor the
    /// search's leaves for a fragment, and only for a part that says the danger is now or has just
    /// happened ("vient d'entrer", "right now", "il est encore là"), with no cue of the past, of calm, of a danger over
    /// or of a hypothesis, and a danger named by more than a word for help.
    /// - Parameters:
    ///   - text: the whole message.
    /// - Returns: the alert of the first part (the longest) that has one, or nil.
    func assessTurns(in text: String) -> EmergencyAlert? {
        let starts = Self.turns(in: text)
        guard starts.count >= 2 else { return nil }
        for start in starts.dropFirst().suffix(Self.turnMaximumParts) {
            let part = String(text[start...])
            let reading = CueReading(CueSentence(part, vocabulary: EmergencyCues.vocabulary))
            guard reading.wordCount >= 4, reading.present != nil || reading.justHappened, !reading.hypothetical, !reading.past, !reading.longAgo,
                  !reading.calm, reading.over == nil, !reading.noDanger else { continue }
            // A word for help alone ("au secours", "please help") in the last part says nothing the
            // rest of the message has not explained (a hacked account, a question).
            if let alert = assess(reading, results: []), alert.reasons.contains(where: { $0 != .callForHelp }) { return alert }
        }
        return nil
    }

    /// Where the parts of `text` start, when it is long enough to be read by parts: its start,
    /// then each sentence after a full stop, "!", "?", ";" or a line break, and each clause opened
    /// by a word that turns the message ("mais", "but", "however", "cependant", "pourtant", "sauf que").
    static func turns(in text: String) -> [String.Index] {
        // Most questions are short: count the spaces first, without reading words.
        var spaces = 0
        for byte in text.utf8 where byte == 32 { spaces += 1 }
        guard spaces + 1 >= turnMinimumWords else { return [text.startIndex] }
        var words = 0
        var starts = [text.startIndex]
        var previousWasBoundary = false
        var index = text.startIndex
        var wordStart: String.Index?
        func endWord(at end: String.Index) {
            guard let begin = wordStart else { return }
            words += 1
            if begin > text.startIndex, starts.last != begin, text.distance(from: begin, to: end) <= 8,
               Self.turnWords.contains(text[begin..<end].lowercased()) {
                starts.append(begin)
            }
            wordStart = nil
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber || character == "'" || character == "’" {
                if wordStart == nil {
                    wordStart = index
                    if previousWasBoundary, starts.last != index { starts.append(index) }
                    previousWasBoundary = false
                }
            } else {
                endWord(at: index)
                if ".!?;\n…".contains(character) { previousWasBoundary = true }
            }
            index = text.index(after: index)
        }
        endWord(at: text.endIndex)
        return words >= turnMinimumWords ? starts : [text.startIndex]
    }

    /// The words that open a clause turning a message to something else.
    static let turnWords: Set<String> = ["mais", "but", "however", "cependant", "pourtant", "sauf"]
}
