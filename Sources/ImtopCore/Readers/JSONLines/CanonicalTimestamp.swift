/// The one timestamp form monitors write most, `2026-03-01T08:00:00Z`, read without the general
/// parser: fixed positions, no zone lookup. Anything else (offsets, fractions, local times, a leap
/// second, 24:00) returns nil and goes to `TimestampParser`, which gives the same instant for this
/// form; this is only the first thing tried, once per status line. Four digits of year, no offset
/// and no 24:00 keep every instant it returns inside `Timestamp.writableRange`, the range the
/// general parser enforces.
///
/// A log's lines share their date for hours at a time, so a reader keeps one `CanonicalTimestamp`
/// and `parse(_:)` on it reuses the day count of the previous date (compared as two words) instead
/// of validating and converting the date again.
struct CanonicalTimestamp {
  /// The first eight bytes of the last date parsed, then its last two; zero before the first.
  private var datePrefix: UInt64 = 0
  private var dateSuffix: UInt16 = 0
  private var dayMilliseconds: Int64 = 0

  init() {}

  /// Parses `text` without remembering its date.
  static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Timestamp? {
    var parser = CanonicalTimestamp()
    return parser.parse(text)
  }

  /// The instant `text` denotes, nil when it is not exactly `YYYY-MM-DDTHH:MM:SSZ` with a valid date
  /// and time.
  mutating func parse(_ text: UnsafeBufferPointer<UInt8>) -> Timestamp? {
    guard text.count == 20, let base = text.baseAddress, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
      text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"),
      text[19] == UInt8(ascii: "Z")
    else { return nil }
    let raw = UnsafeRawPointer(base)
    let prefix = raw.loadUnaligned(as: UInt64.self)
    let suffix = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
    if prefix != datePrefix || suffix != dateSuffix {
      guard let days = CanonicalTimestamp.days(text) else { return nil }
      datePrefix = prefix
      dateSuffix = suffix
      dayMilliseconds = days * 86_400_000
    }
    guard let hour = CanonicalTimestamp.digits(text, 11, 2), let minute = CanonicalTimestamp.digits(text, 14, 2),
      let second = CanonicalTimestamp.digits(text, 17, 2), hour < 24, minute < 60, second < 60
    else { return nil }
    return Timestamp(milliseconds: dayMilliseconds + Int64(hour * 3600 + minute * 60 + second) * 1000)
  }

  /// Days since the epoch of the date in the first ten bytes, nil for an invalid date.
  private static func days(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard let year = digits(text, 0, 4), let month = digits(text, 5, 2), let day = digits(text, 8, 2),
      (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month)
    else { return nil }
    return CivilTime.days(fromCivil: year, month, day)
  }

  @inline(__always)
  private static func digits(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
    var value = 0
    for index in at..<(at + count) {
      let digit = text[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }
}
