import Foundation
import PropertyBased
import Testing

@testable import ImtopCore

/// Properties over generated inputs: what is written the way exports write it reads back exactly.
@Suite struct ReaderPropertyTests {
  /// Characters that stress quoting: separators, quotes, every line break, spaces and non-ASCII.
  static let fieldCharacters: [Character] = ["a", "Z", "7", " ", ",", ";", "\t", "\"", "\n", "\r", "é", "€", "日"]

  /// Records of three fields, every field quoted (so that none is blank), `""` for a quote.
  static func encode(_ records: [[String]], separator: String, lineEnd: String) -> (text: String, starts: [Int]) {
    var text = ["a", "b", "c"].joined(separator: separator) + lineEnd
    var starts: [Int] = []
    for record in records {
      starts.append(text.unicodeScalars.count)
      let fields = record.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
      text += fields.joined(separator: separator) + lineEnd
    }
    return (text, starts)
  }

  /// The physical line at a scalar offset: one plus the line breaks before it (CRLF, LF or CR each one).
  static func line(at offset: Int, in text: String) -> Int {
    let prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(offset)))
    let unified = prefix.replacingOccurrences(of: "\r\n", with: "\n")
    return 1 + unified.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count
  }

  @Test func csvRoundTripsWithStartLines() async {
    let field = Gen.element(of: Self.fieldCharacters).map { $0 ?? "a" }.string(of: 0...6)
    await propertyCheck(
      input: field.array(of: 3).array(of: 1...6), Gen.element(of: [",", ";", "\t"]), Gen.element(of: ["\n", "\r\n"])
    ) { records, separator, lineEnd in
      let sep = separator ?? ","
      let end = lineEnd ?? "\n"
      let (text, starts) = Self.encode(records, separator: sep, lineEnd: end)
      guard let document = try? CSVParser.parse(Array(text.utf8)) else {
        Issue.record("rejected as not UTF-8")
        return
      }
      #expect(document.separator == UInt8(ascii: sep.unicodeScalars.first ?? ","))
      let expected = zip(records, starts).map { CSVRecord(fields: $0, line: Self.line(at: $1, in: text)) }
      #expect(document.entries == expected.map { .record($0) })
    }
  }

  /// Groups of three digits joined by `separator`.
  static func grouped(_ value: Int, separator: String) -> String {
    var digits = String(value)
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    groups.insert(digits, at: 0)
    return groups.joined(separator: separator)
  }

  /// `1,234.56` (any scale), `1.234,56` and `1 234,56` (with decimals, since `1.234` alone is a
  /// decimal number) all read back as the same exact amount.
  @Test func groupedNumbersReadBackExactly() async {
    await propertyCheck(input: Gen.int(in: 0...999_999_999), Gen.int(in: 0...99), Gen.int(in: 0...2)) { whole, cents, style in
      let fraction = cents < 10 ? "0\(cents)" : "\(cents)"
      let text: String
      switch style {
      case 0: text = Self.grouped(whole, separator: ",") + "." + fraction
      case 1: text = Self.grouped(whole, separator: ".") + "," + fraction
      default: text = "€" + Self.grouped(whole, separator: "\u{00A0}") + "," + fraction
      }
      let money = try? MoneyParser.parse(text, column: "planned", currency: "EUR")
      #expect(money == Money(minorUnits: Int64(whole) * 100 + Int64(cents)), "\(text)")
    }
  }
}
