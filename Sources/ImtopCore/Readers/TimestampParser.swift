/// A timestamp read from a data file: the instant, and the calendar date when only a date was given.
public struct ParsedTime: Hashable, Sendable {
  public var instant: Timestamp
  /// Set when the text was a date alone (the instant is then the start of that day in the zone).
  public var dateOnly: LocalDate?

  public init(instant: Timestamp, dateOnly: LocalDate? = nil) {
    self.instant = instant
    self.dateOnly = dateOnly
  }
}

/// Reads every timestamp form the README lists from UTF-8 bytes, without Foundation.
///
/// Forms: ISO 8601 with `Z` or an offset (`2026-03-01T08:00:00Z`, `...+01:00`, `...+0100`, `...+01`,
/// fractional seconds); the same without a zone, or with a space for `T`, taken in the configured zone;
/// a date alone (the start of that day in the zone); epoch seconds (digits, optionally fractional).
/// Hand-written because it runs once per status line and must cost nanoseconds, not microseconds.
public enum TimestampParser {
  /// What the error messages say is expected.
  public static let expected =
    "an ISO 8601 time (2026-03-01T08:00:00Z), YYYY-MM-DD HH:MM[:SS], a date (YYYY-MM-DD) or epoch seconds, up to 9999-12-31"

  public static func parse(_ text: String, zone: Zone) -> ParsedTime? {
    var copy = text
    return copy.withUTF8 { parse($0, zone: zone) }
  }

  /// The time `raw` writes, nil when it is none of the forms or falls outside
  /// `Timestamp.writableRange` (`9999-12-31T23:00:00-05:00` is in year 10000 in UTC, and no report
  /// could print it back).
  public static func parse(_ raw: UnsafeBufferPointer<UInt8>, zone: Zone) -> ParsedTime? {
    guard let parsed = parseAnyInstant(raw, zone: zone), Timestamp.writableRange.contains(parsed.instant) else {
      return nil
    }
    return parsed
  }

  private static func parseAnyInstant(_ raw: UnsafeBufferPointer<UInt8>, zone: Zone) -> ParsedTime? {
    var start = 0
    var end = raw.count
    while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
    while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
    guard end > start else { return nil }
    let count = end - start
    @inline(__always) func byte(_ i: Int) -> UInt8 { raw[start + i] }
    @inline(__always) func digit(_ i: Int) -> Int? {
      let b = byte(i)
      return b >= 48 && b <= 57 ? Int(b - 48) : nil
    }
    @inline(__always) func number(_ from: Int, _ length: Int) -> Int? {
      guard from + length <= count else { return nil }
      var value = 0
      for i in from..<(from + length) {
        guard let d = digit(i) else { return nil }
        value = value * 10 + d
      }
      return value
    }

    // Epoch seconds: digits with an optional fraction, and nothing else.
    if count < 10 || byte(4) != UInt8(ascii: "-") {
      return parseEpoch(raw, start: start, end: end)
    }
    guard let year = number(0, 4), byte(4) == UInt8(ascii: "-"), let month = number(5, 2),
      byte(7) == UInt8(ascii: "-"), let day = number(8, 2),
      (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month)
    else { return nil }
    if count == 10 {
      let date = LocalDate(year: year, month: month, day: day)
      return ParsedTime(instant: zone.startOfDay(date), dateOnly: date)
    }
    let separator = byte(10)
    guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20,
      let hour = number(11, 2), count >= 16, byte(13) == UInt8(ascii: ":"), let minute = number(14, 2),
      hour <= 24, minute <= 59
    else { return nil }
    var i = 16
    var second = 0
    var millisecond = 0
    if i < count, byte(i) == UInt8(ascii: ":") {
      guard let s = number(i + 1, 2), s <= 60 else { return nil }
      second = min(s, 59)
      i += 3
      if i < count, byte(i) == UInt8(ascii: ".") || byte(i) == UInt8(ascii: ",") {
        i += 1
        var digits = 0
        while i < count, let d = digit(i) {
          if digits < 3 { millisecond = millisecond * 10 + d }
          digits += 1
          i += 1
        }
        guard digits > 0 else { return nil }
        for _ in 0..<max(0, 3 - digits) { millisecond *= 10 }
      }
    }
    if hour == 24 && (minute != 0 || second != 0 || millisecond != 0) { return nil }
    var civil = CivilTime(year: year, month: month, day: day, hour: hour % 24, minute: minute, second: second, millisecond: millisecond)
    if hour == 24 {
      let next = LocalDate(dayNumber: LocalDate(year: year, month: month, day: day).dayNumber + 1)
      civil.year = next.year
      civil.month = next.month
      civil.day = next.day
    }
    // Optional spaces before the zone designator ("2026-03-01 08:00 +01:00").
    while i < count, byte(i) == 0x20 { i += 1 }
    if i == count {
      return ParsedTime(instant: zone.instant(of: civil))
    }
    let designator = byte(i)
    if designator == UInt8(ascii: "Z") || designator == UInt8(ascii: "z") {
      guard i + 1 == count else { return nil }
      return ParsedTime(instant: civil.utcTimestamp)
    }
    guard designator == UInt8(ascii: "+") || designator == UInt8(ascii: "-") else { return nil }
    let sign: Int64 = designator == UInt8(ascii: "+") ? 1 : -1
    guard let offsetHours = number(i + 1, 2), offsetHours <= 23 else { return nil }
    var offsetMinutes = 0
    var j = i + 3
    let colon = j < count && byte(j) == UInt8(ascii: ":")
    if colon { j += 1 }
    if j < count || colon {
      guard let m = number(j, 2), m <= 59, j + 2 == count else { return nil }
      offsetMinutes = m
    }
    let offset = sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
    return ParsedTime(instant: civil.utcTimestamp - Span.seconds(offset))
  }

  /// Epoch seconds as digits with an optional fraction (`1732780800`, `1732780800.25`).
  private static func parseEpoch(_ raw: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> ParsedTime? {
    var i = start
    var seconds: Int64 = 0
    var digits = 0
    while i < end, raw[i] >= 48, raw[i] <= 57 {
      seconds = seconds * 10 + Int64(raw[i] - 48)
      digits += 1
      i += 1
      if digits > 12 { return nil }
    }
    guard digits > 0 else { return nil }
    var millis: Int64 = 0
    if i < end, raw[i] == UInt8(ascii: ".") {
      i += 1
      var fraction = 0
      while i < end, raw[i] >= 48, raw[i] <= 57 {
        if fraction < 3 { millis = millis * 10 + Int64(raw[i] - 48) }
        fraction += 1
        i += 1
      }
      guard fraction > 0 else { return nil }
      for _ in 0..<max(0, 3 - fraction) { millis *= 10 }
    }
    guard i == end else { return nil }
    return ParsedTime(instant: Timestamp(milliseconds: seconds * 1000 + millis))
  }

  /// Epoch seconds given as a JSON number (possibly fractional).
  public static func instant(epochSeconds value: Double) -> Timestamp? {
    guard value.isFinite, abs(value) < 1e12 else { return nil }
    let instant = Timestamp(milliseconds: Int64((value * 1000).rounded()))
    return Timestamp.writableRange.contains(instant) ? instant : nil
  }
}
