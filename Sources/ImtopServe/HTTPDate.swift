import ImtopCore

/// The `Date` header of an answer (RFC 9110's IMF-fixdate, `Thu, 03 Dec 2026 18:48:04 GMT`): an
/// origin server with a clock sends one. English names whatever the locale, as the format requires.
enum HTTPDate {
  static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  static func now() -> String { format(SystemTimeSource().now) }

  static func format(_ time: Timestamp) -> String {
    let civil = CivilTime(utc: time)
    let weekday = weekdays[CivilTime.weekday(fromDays: CivilTime.days(fromCivil: civil.year, civil.month, civil.day))]
    let year = String(civil.year)
    let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
    return "\(weekday), \(QuantityFormat.twoDigits(civil.day)) \(months[civil.month - 1]) \(paddedYear) "
      + "\(QuantityFormat.twoDigits(civil.hour)):\(QuantityFormat.twoDigits(civil.minute)):\(QuantityFormat.twoDigits(civil.second)) GMT"
  }
}
