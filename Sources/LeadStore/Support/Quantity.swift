/// How counts are written in every message of every layer: digits grouped
/// in threes with commas whatever the locale (`1,234,567`), and a noun that
/// agrees with its count (`1 touch`, `2,048 touches`).
public enum Quantity {
    /// `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `1 touch`, `2,048 touches`: a count with its noun.
    public static func counted(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(grouped(value)) \(value == 1 ? singular : plural)"
    }
}
