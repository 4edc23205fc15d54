/// A grid of character cells, each with an optional ANSI colour, that turns
/// into lines of text; runs of one colour share one escape.
struct TextCanvas {
    private(set) var width: Int
    private var cells: [[(text: String, color: String?)]]

    init(width: Int, height: Int) {
        self.width = width
        cells = Array(repeating: Array(repeating: (" ", nil), count: width), count: height)
    }

    var height: Int { cells.count }

    func isEmpty(_ x: Int, _ y: Int) -> Bool { cells[y][x].text == " " }

    func isRule(_ x: Int, _ y: Int, _ rule: String) -> Bool { cells[y][x].text == rule }

    mutating func put(_ text: String, _ x: Int, _ y: Int, color: String? = nil) {
        guard y >= 0, y < cells.count, x >= 0, x < width else { return }
        cells[y][x] = (text, color)
    }

    /// Writes a string from `x`, one character a cell, cut at the right edge.
    mutating func write(_ text: String, _ x: Int, _ y: Int, color: String? = nil) {
        for (offset, character) in text.enumerated() { put(String(character), x + offset, y, color: color) }
    }

    func lines(color: Bool) -> [String] {
        cells.map { row in
            var line = "", current: String? = nil
            for cell in row {
                let wanted = color ? cell.color : nil
                if wanted != current {
                    if current != nil { line += "\u{1B}[0m" }
                    if let wanted { line += "\u{1B}[\(wanted)m" }
                    current = wanted
                }
                line += cell.text
            }
            if current != nil { line += "\u{1B}[0m" }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
