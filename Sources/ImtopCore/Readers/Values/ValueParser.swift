/// Reads the typed values of data-file fields, with the exact error message for each bad one.
///
/// Every function takes the column name and the trimmed text, so that its message can name both:
/// the person fixing the file needs to find the cell, see what is in it, and learn what would do.
public enum ValueParser {
  /// Text that must not be empty.
  public static func required(_ text: String, column: String, expected: String) throws(ValueError) -> String {
    guard !text.isEmpty else { throw ValueError("missing \(column): expected \(expected)") }
    return text
  }

  /// A number (`1234.5`, `1,234.50`, `12,5`...) without a currency or percent sign.
  public static func number(_ text: String, column: String, expected: String) throws(ValueError) -> ParsedNumber {
    guard let number = NumberParser.parse(text), number.currency == nil, !number.isPercent else {
      throw ValueError("\(column) \"\(text)\" is not a number: expected \(expected)")
    }
    return number
  }

  /// A whole number in `range`.
  public static func integer(_ text: String, column: String, in range: ClosedRange<Int>, expected: String) throws(ValueError) -> Int {
    let number = try self.number(text, column: column, expected: expected)
    guard let value = number.integerValue else {
      throw ValueError("\(column) \"\(text)\" is not a whole number: expected \(expected)")
    }
    guard range.contains(value) else {
      throw ValueError("\(column) \"\(text)\" is out of range: expected \(expected)")
    }
    return value
  }

  /// A percentage from 0 to 100, with or without a trailing `%` (`99.9`, `99,9 %`).
  public static func percentage(_ text: String, column: String) throws(ValueError) -> Double {
    let expected = "a percentage from 0 to 100 such as 99.9 or 99.9%"
    guard let number = NumberParser.parse(text), number.currency == nil else {
      throw ValueError("\(column) \"\(text)\" is not a number: expected \(expected)")
    }
    let value = number.doubleValue
    guard value >= 0 && value <= 100 else {
      throw ValueError("\(column) \"\(text)\" is out of range: expected \(expected)")
    }
    return value
  }

  /// A calendar date written `YYYY-MM-DD`.
  public static func date(_ text: String, column: String) throws(ValueError) -> LocalDate {
    guard let date = parseDate(text) else {
      throw ValueError("\(column) \"\(text)\" is not a date: expected YYYY-MM-DD")
    }
    return date
  }

  /// A timestamp in any form of `TimestampParser`, local forms read in `zone`.
  public static func time(_ text: String, column: String, zone: Zone) throws(ValueError) -> ParsedTime {
    guard let time = TimestampParser.parse(text, zone: zone) else {
      throw ValueError("\(column) \"\(text)\" is not a time: expected \(TimestampParser.expected)")
    }
    return time
  }

  /// A value of a closed vocabulary, case-insensitive with synonyms.
  public static func enumeration<Value: DataEnumeration>(_ text: String, column: String, as type: Value.Type = Value.self) throws(ValueError) -> Value {
    guard let value = Value(parsing: text) else {
      throw ValueError("unknown \(column) \"\(text)\": expected \(Value.expectedDescription)")
    }
    return value
  }

  /// Exactly `YYYY-MM-DD` with a real day of that month; nil otherwise.
  public static func parseDate(_ text: String) -> LocalDate? {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month)
    else { return nil }
    return LocalDate(year: year, month: month, day: day)
  }
}
