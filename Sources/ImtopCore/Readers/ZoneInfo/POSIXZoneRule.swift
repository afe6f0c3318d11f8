/// A POSIX `TZ` rule such as `CET-1CEST,M3.5.0,M10.5.0/3`: the footer of a TZif file, which gives
/// the local time of every instant after the file's last transition.
///
/// The grammar is POSIX's with RFC 8536's extensions (rule times from -167 to 167 hours). Offsets in
/// the text are west of Greenwich (`CET-1` is one hour ahead of UTC); `LocalTimeType` holds them
/// east, as TZif does.
struct POSIXZoneRule: Hashable, Sendable {
  /// The day a rule switches on, in one of the three forms POSIX allows.
  enum Day: Hashable, Sendable {
    /// `Jn`: day 1...365 of the year, February 29 never counted.
    case julian(Int)
    /// `n`: day 0...365 of the year, February 29 counted.
    case zeroBased(Int)
    /// `Mm.w.d`: weekday `d` (0 Sunday) of week `w` (5: the last) of month `m`.
    case monthWeekDay(month: Int, week: Int, weekday: Int)

    /// Days since 1970-01-01 of this day in `year`.
    func days(in year: Int) -> Int64 {
      let january1 = CivilTime.days(fromCivil: year, 1, 1)
      switch self {
      case .julian(let n):
        let leap = CivilTime.daysInMonth(year: year, month: 2) == 29
        return january1 + Int64(n - 1) + (leap && n >= 60 ? 1 : 0)
      case .zeroBased(let n):
        return january1 + Int64(n)
      case .monthWeekDay(let month, let week, let weekday):
        let first = CivilTime.days(fromCivil: year, month, 1)
        let firstWeekday = CivilTime.weekday(fromDays: first)
        var day = first + Int64((weekday - firstWeekday + 7) % 7) + Int64(7 * (week - 1))
        let monthLength = Int64(CivilTime.daysInMonth(year: year, month: month))
        while day >= first + monthLength { day -= 7 }
        return day
      }
    }
  }

  /// A switch: the day, and the local time of day (seconds, may be negative or past 24 h) at which
  /// it happens, read in the time in force before it.
  struct Switch: Hashable, Sendable {
    var day: Day
    var time: Int64
  }

  struct DaylightSaving: Hashable, Sendable {
    var type: LocalTimeType
    var start: Switch
    var end: Switch
  }

  var standard: LocalTimeType
  /// nil: standard time all year.
  var daylightSaving: DaylightSaving?

  /// The local time type in force at `seconds` since the epoch.
  func type(at seconds: Int64) -> LocalTimeType {
    guard let daylightSaving else { return standard }
    let year = CivilTime.civil(fromDays: Self.floorDiv(seconds + Int64(standard.offset), 86_400)).year
    let (start, end) = switches(in: year)
    let inDaylightSaving = start < end ? (seconds >= start && seconds < end) : !(seconds >= end && seconds < start)
    return inDaylightSaving ? daylightSaving.type : standard
  }

  /// The instants (seconds since the epoch) daylight saving starts and ends in `year` (both
  /// `Int64.max` when the rule has none).
  func switches(in year: Int) -> (start: Int64, end: Int64) {
    guard let daylightSaving else { return (.max, .max) }
    let start = daylightSaving.start.day.days(in: year) * 86_400 + daylightSaving.start.time - Int64(standard.offset)
    let end = daylightSaving.end.day.days(in: year) * 86_400 + daylightSaving.end.time - Int64(daylightSaving.type.offset)
    return (start, end)
  }

  /// The first instant of `year` in standard time, from which `type(at:)` reads that year's rule.
  func startOfYear(_ year: Int) -> Int64 {
    CivilTime.days(fromCivil: year, 1, 1) * 86_400 - Int64(standard.offset)
  }

  static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return value % divisor < 0 ? quotient - 1 : quotient
  }
}

extension POSIXZoneRule {
  /// Parses a TZ rule; the error says what was expected where.
  init(parsing text: String) throws(ZoneError.Reason) {
    var scanner = RuleScanner(Array(text.utf8))
    let standardName = try scanner.name()
    let standardOffset = try scanner.offset(maxHours: 24, what: "the standard time's offset")
    standard = LocalTimeType(offset: Int32(-standardOffset), isDaylightSaving: false, abbreviation: standardName)
    guard !scanner.atEnd else {
      daylightSaving = nil
      return
    }
    let daylightName = try scanner.name()
    var daylightOffset = -standardOffset + 3600
    if !scanner.atEnd && scanner.peek != UInt8(ascii: ",") {
      daylightOffset = -(try scanner.offset(maxHours: 24, what: "the daylight-saving offset"))
    }
    guard scanner.take(",") else {
      throw .malformed("footer rule \"\(text)\" names daylight-saving time \(daylightName) without a rule for it")
    }
    let start = try scanner.switchRule()
    guard scanner.take(",") else { throw .malformed("footer rule \"\(text)\": expected \",\" and the end of daylight saving") }
    let end = try scanner.switchRule()
    guard scanner.atEnd else { throw .malformed("footer rule \"\(text)\": unexpected text after the rule") }
    daylightSaving = DaylightSaving(
      type: LocalTimeType(offset: Int32(daylightOffset), isDaylightSaving: true, abbreviation: daylightName),
      start: start, end: end)
  }
}

/// Reads the parts of a TZ rule left to right.
private struct RuleScanner {
  let bytes: [UInt8]
  var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { position == bytes.count }
  var peek: UInt8? { atEnd ? nil : bytes[position] }
  private var text: String { String(decoding: bytes, as: UTF8.self) }

  mutating func take(_ character: Unicode.Scalar) -> Bool {
    guard peek == UInt8(ascii: character) else { return false }
    position += 1
    return true
  }

  /// `CET`, or a quoted `<+03>` (read as `+03`): at least three characters.
  mutating func name() throws(ZoneError.Reason) -> String {
    let start = position
    var name: ArraySlice<UInt8>
    if take("<") {
      while let byte = peek, byte != UInt8(ascii: ">") { position += 1 }
      name = bytes[(start + 1)..<position]
      guard take(">") else { throw .malformed("footer rule \"\(text)\": a name opened with < is not closed") }
    } else {
      while let byte = peek, (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { position += 1 }
      name = bytes[start..<position]
    }
    guard name.count >= 3 else {
      throw .malformed("footer rule \"\(text)\": expected a zone abbreviation of three or more characters at column \(start + 1)")
    }
    return String(decoding: name, as: UTF8.self)
  }

  /// `[+-]hh[:mm[:ss]]` in seconds.
  mutating func offset(maxHours: Int64, what: String) throws(ZoneError.Reason) -> Int64 {
    let column = position + 1
    var sign: Int64 = 1
    if take("-") { sign = -1 } else { _ = take("+") }
    guard let hours = number(), hours <= maxHours else {
      throw .malformed("footer rule \"\(text)\": expected \(what) as [+-]hh[:mm[:ss]] at column \(column)")
    }
    var seconds = hours * 3600
    for unit: Int64 in [60, 1] {
      guard take(":") else { break }
      guard let part = number(), part < 60 else {
        throw .malformed("footer rule \"\(text)\": expected minutes or seconds 00 to 59 at column \(position + 1)")
      }
      seconds += part * unit
    }
    return sign * seconds
  }

  /// `date[/time]`, the time 02:00 when not given.
  mutating func switchRule() throws(ZoneError.Reason) -> POSIXZoneRule.Switch {
    let column = position + 1
    let day: POSIXZoneRule.Day
    if take("J") {
      guard let n = number(), (1...365).contains(n) else { throw dayError(column) }
      day = .julian(Int(n))
    } else if take("M") {
      guard let month = number(), (1...12).contains(month), take("."), let week = number(), (1...5).contains(week),
        take("."), let weekday = number(), (0...6).contains(weekday)
      else { throw dayError(column) }
      day = .monthWeekDay(month: Int(month), week: Int(week), weekday: Int(weekday))
    } else {
      guard let n = number(), (0...365).contains(n) else { throw dayError(column) }
      day = .zeroBased(Int(n))
    }
    let time = take("/") ? try offset(maxHours: 167, what: "a time of day") : 7200
    return POSIXZoneRule.Switch(day: day, time: time)
  }

  private func dayError(_ column: Int) -> ZoneError.Reason {
    .malformed("footer rule \"\(text)\": expected a day as Jn, n or Mm.w.d at column \(column)")
  }

  /// Up to three decimal digits.
  private mutating func number() -> Int64? {
    var value: Int64 = 0
    var digits = 0
    while let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), digits < 3 {
      value = value * 10 + Int64(byte - UInt8(ascii: "0"))
      digits += 1
      position += 1
    }
    return digits == 0 ? nil : value
  }
}
