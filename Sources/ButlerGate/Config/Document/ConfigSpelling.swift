/// "Did you mean" hints for misspelt keys and names.
enum ConfigSpelling {
    /// The candidate closest to `word` when it is close enough to be a likely typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty, target.count <= 64 else { return nil }
        // Abbreviations (`warn`, `cert`) are too far by edit distance but obvious to a reader.
        let lowered = word.lowercased()
        if target.count >= 3,
            let abbreviated = candidates.filter({ $0.lowercased().hasPrefix(lowered) })
                .min(by: { $0.count < $1.count })
        {
            return abbreviated
        }
        let scored = candidates.map { ($0, distance(target, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = target.count <= 3 ? 1 : min(3, max(2, target.count / 3))
        return best.1 <= allowed ? best.0 : nil
    }

    /// `message` followed by "; did you mean 'x'?" when a candidate is close.
    static func withHint(_ message: String, for word: String, among candidates: [String]) -> String {
        guard let hint = closest(to: word, among: candidates) else { return message }
        return "\(message); did you mean '\(hint)'?"
    }

    /// Optimal string alignment distance: a swap of two neighbours counts as one edit.
    private static func distance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        guard !lhs.isEmpty else { return rhs.count }
        guard !rhs.isEmpty else { return lhs.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: rhs.count + 1), count: lhs.count + 1)
        for row in 0...lhs.count { table[row][0] = row }
        for column in 0...rhs.count { table[0][column] = column }
        for row in 1...lhs.count {
            for column in 1...rhs.count {
                let cost = lhs[row - 1] == rhs[column - 1] ? 0 : 1
                let substitution = table[row - 1][column - 1] + cost
                var best = min(table[row - 1][column] + 1, table[row][column - 1] + 1, substitution)
                if row > 1, column > 1, lhs[row - 1] == rhs[column - 2], lhs[row - 2] == rhs[column - 1] {
                    best = min(best, table[row - 2][column - 2] + 1)
                }
                table[row][column] = best
            }
        }
        return table[lhs.count][rhs.count]
    }
}
