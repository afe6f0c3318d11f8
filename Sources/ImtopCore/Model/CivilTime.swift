/// Proleptic Gregorian calendar arithmetic on UTC instants, without Foundation.
///
/// Written by hand because the hot path (a million status lines a second) cannot afford
/// `Calendar`/`DateFormatter`; the algorithms are Howard Hinnant's `days_from_civil` and
/// `civil_from_days`, exact for every year in ±5 million.
public struct CivilTime: Hashable, Sendable {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int
  public var millisecond: Int

  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.millisecond = millisecond
  }

  /// The civil time in UTC of an instant.
  public init(utc timestamp: Timestamp) {
    let ms = timestamp.milliseconds
    var days = ms / 86_400_000
    var rem = ms % 86_400_000
    if rem < 0 {
      rem += 86_400_000
      days -= 1
    }
    let (y, m, d) = CivilTime.civil(fromDays: days)
    self.init(
      year: y, month: m, day: d,
      hour: Int(rem / 3_600_000), minute: Int(rem / 60_000 % 60), second: Int(rem / 1000 % 60),
      millisecond: Int(rem % 1000))
  }

  /// The instant this civil time denotes when read as UTC.
  public var utcTimestamp: Timestamp {
    let days = CivilTime.days(fromCivil: year, month, day)
    let ms = days * 86_400_000 + Int64(hour) * 3_600_000 + Int64(minute) * 60_000 + Int64(second) * 1000
      + Int64(millisecond)
    return Timestamp(milliseconds: ms)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date.
  public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = Int64(month > 2 ? month - 3 : month + 9)
    let doy = (153 * mp + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The proleptic Gregorian date of a count of days since 1970-01-01.
  public static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return (Int(y), Int(m), Int(d))
  }

  /// The day of the week of a count of days since 1970-01-01 (a Thursday): 0 Sunday ... 6 Saturday.
  public static func weekday(fromDays days: Int64) -> Int {
    Int(((days + 4) % 7 + 7) % 7)
  }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` only when the milliseconds are not zero.
  public var iso8601UTC: String {
    var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    if millisecond != 0 { text += ".\(pad(millisecond, 3))" }
    return text + "Z"
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
    return value < 0 ? "-" + padded : padded
  }
}
