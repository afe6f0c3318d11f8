/// The one timestamp form monitors write most, `2026-03-01T08:00:00Z`, read without the general
/// parser: fixed positions, no zone lookup. Anything else (offsets, fractions, local times, a leap
/// second, 24:00) returns nil and goes to `TimestampParser`, which gives the same instant for this
/// form; this is only the first thing tried, once per status line.
enum CanonicalTimestamp {
  static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Timestamp? {
    guard text.count == 20, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
      text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"),
      text[19] == UInt8(ascii: "Z")
    else { return nil }
    @inline(__always) func digits(_ at: Int, _ count: Int) -> Int? {
      var value = 0
      for index in at..<(at + count) {
        let digit = text[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      return value
    }
    guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2), let hour = digits(11, 2),
      let minute = digits(14, 2), let second = digits(17, 2),
      (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month),
      hour < 24, minute < 60, second < 60
    else { return nil }
    let days = CivilTime.days(fromCivil: year, month, day)
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    return Timestamp(milliseconds: seconds * 1000)
  }
}
