import FoundationEssentials
import Glibc

/// How each quantity is written: the format table of the README's "Formats" section, one function per
/// row. The screen (ImtopUI's `DisplayFormat`, which adds the dash, redaction and ASCII symbols) and
/// the markdown report both call these, so a figure reads the same wherever it appears. Total over
/// every `Double`: NaN is `nan`, an infinity `inf`, and a magnitude of `compactThreshold` or more is
/// written `1.8e19`; nothing here converts a `Double` to an integer type that could trap.
public enum QuantityFormat {
  /// Decimals of availability and SLA targets: `99.95%`, `100.00%`, `99.50%`.
  public static let availabilityPlaces = 2
  /// Decimals of every other percentage: `90.3%`, `100.0%`, `fcst 102.4%`.
  public static let percentPlaces = 1

  /// From here on a value is written in scientific form: a `Double` has no exact digits past about
  /// fifteen, and no column has room for twenty of them.
  public static let compactThreshold = 1e15

  // MARK: Percentages

  /// Availability or an SLA target: `99.95%`, `100.00%`.
  ///
  /// Rounded down, as coverage is: `100.00%` only when nothing was lost (a system down for a minute
  /// this month is `99.99%`, not `100.00%`), and a figure below its SLA never reads as equal to it.
  /// The tolerance, far below a millisecond a month, keeps a value such as 99.95 that binary
  /// floating point holds as 99.9499… from reading one step low.
  public static func availability(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return percent(value, places: availabilityPlaces) }
    let scale = 100.0  // 10 to the power `availabilityPlaces`
    return percent(((value * scale) + 1e-7).rounded(.down) / scale, places: availabilityPlaces)
  }

  /// Coverage (the share of a window with samples): whole per cent rounded down, so `100%` is only
  /// ever full coverage, and `<1%` below one per cent, so `0%` is only ever none (a month with a few
  /// hours of samples showed `100.00%` available beside `0%` covered): `98%`, `100%`, `<1%`, `0%`.
  public static func coverage(_ value: Double) -> String {
    if value > 0 && value < 1 { return "<1%" }
    return (outOfFixedRange(value) ?? decimal(value.rounded(.down), places: 0)) + "%"
  }

  /// Any other percentage: `90.3%`, `100.0%`, `0.0%`.
  public static func percent(_ value: Double) -> String { percent(value, places: percentPlaces) }

  /// A percentage with the given decimals; `-0.0%` is `0.0%`.
  public static func percent(_ value: Double, places: Int) -> String { decimal(value, places: places) + "%" }

  /// A signed percentage, `+` over plan: `+4.2%`, `-1.0%`; a value that rounds to zero is `0.0%`,
  /// never `+0.0%`.
  public static func signedPercent(_ value: Double, places: Int = percentPlaces) -> String {
    let text = decimal(value, places: places)
    return (value > 0 && !isZero(text) ? "+" : "") + text + "%"
  }

  // MARK: Variances

  /// A variance in words instead of a sign: `3.9% over`, `2.0% under`, `on plan` (the percentage
  /// rounds to zero).
  public static func variance(percent value: Double) -> String {
    let text = decimal(value.magnitude, places: percentPlaces)
    if isZero(text) || value.isNaN { return value.isNaN ? text : "on plan" }
    return text + "%" + (value > 0 ? " over" : " under")
  }

  /// A variance at completion (annual plan minus forecast, negative when the forecast is above the
  /// plan) in words, no sign: `€404,514 over`, `€12,000 under`, `on plan`; `money` writes the amount.
  public static func variance(atCompletion amount: Money, money: (Money) -> String) -> String {
    guard amount.minorUnits != 0 else { return "on plan" }
    // `Int64.min` minor units has no positive counterpart; one unit less is the same written amount.
    let magnitude = Money(minorUnits: amount.minorUnits == .min ? .max : abs(amount.minorUnits))
    return money(magnitude) + (amount.minorUnits < 0 ? " over" : " under")
  }

  // MARK: Money

  /// Money to the minor unit, for reports and details: `€1,234.50`, `-€0.05`, `¥1,500`; `symbol`
  /// is the currency's (`€`, or `CHF ` with its space).
  public static func exactMoney(_ amount: Money, digits: Int, symbol: String) -> String {
    let text = amount.decimalText(digits: digits)
    let negative = text.hasPrefix("-")
    let parts = (negative ? String(text.dropFirst()) : text).split(separator: ".", maxSplits: 1)
    let whole = grouped(UInt64(parts.first ?? "0") ?? 0)
    return (negative ? "-" : "") + symbol + whole + (parts.count > 1 ? "." + parts[1] : "")
  }

  /// A figure in major units (a money KPI's value or threshold) as exact money; nil when it is not a
  /// finite amount that minor units can hold.
  public static func money(major value: Double, digits: Int) -> Money? {
    var scale = 1.0
    for _ in 0..<max(0, digits) { scale *= 10 }
    let minor = (value * scale).rounded()
    guard minor.isFinite, minor.magnitude < 9.2e18 else { return nil }
    return Money(minorUnits: Int64(minor))
  }

  // MARK: Durations and ages

  /// A duration in one unit family, rounded down: `45 s`, `45 min`, `3h 02m`, `3h`, `1d 6h`, `12d`.
  public static func duration(_ span: Span) -> String { duration(seconds: max(0, span.milliseconds / 1000)) }

  /// A duration given in minutes (MTTR, MTTA, downtime, a KPI in minutes), as `duration`.
  public static func duration(minutes: Double) -> String { duration(scaled: minutes, secondsPerUnit: 60, unit: "min") }

  /// A duration given in `unit`s of `secondsPerUnit` seconds; out of range, the value in its unit.
  static func duration(scaled value: Double, secondsPerUnit: Double, unit: String) -> String {
    if let text = outOfFixedRange(value) { return text + " " + unit }
    // Seconds past `compactThreshold` would not fit an Int64 for long: the value in its own unit.
    let seconds = (max(0, value) * secondsPerUnit).rounded()
    guard seconds < compactThreshold else { return scientific(value) + " " + unit }
    return duration(seconds: Int64(seconds))
  }

  /// `45 s`, `45 min`, `3h 02m`, `1d 6h`, whole units, rounded down.
  public static func duration(seconds: Int64) -> String {
    let seconds = max(0, seconds)
    switch seconds {
    case ..<60: return "\(seconds) s"
    case ..<3_600: return "\(seconds / 60) min"
    case ..<86_400:
      let minutes = seconds % 3_600 / 60
      return "\(seconds / 3_600)h" + (minutes > 0 ? " " + twoDigits(Int(minutes)) + "m" : "")
    default:
      let hours = seconds % 86_400 / 3_600
      return "\(seconds / 86_400)d" + (hours > 0 ? " \(hours)h" : "")
    }
  }

  /// How long ago, for tight places (a panel's data age, an incident's age in a list): the
  /// duration's leading unit alone, `now`, `42 s`, `5 min`, `3h`, `2d`.
  public static func age(_ span: Span) -> String {
    let seconds = max(0, span.milliseconds / 1000)
    switch seconds {
    case ..<1: return "now"
    case ..<3_600: return duration(seconds: seconds)
    case ..<86_400: return "\(seconds / 3_600)h"
    default: return "\(seconds / 86_400)d"
    }
  }

  /// How long after `span` `duration(span)` first reads differently: the rest of its smallest shown
  /// unit (a second below a minute, a minute below a day, an hour after). A frame that shows it can
  /// be kept that long (`ClockDependence`).
  public static func durationChange(after span: Span) -> Span {
    change(after: span) { seconds in seconds < 60 ? 1 : seconds < 86_400 ? 60 : 3_600 }
  }

  /// How long after `span` `age(span)` first reads differently, as `durationChange(after:)`.
  public static func ageChange(after span: Span) -> Span {
    change(after: span) { seconds in seconds < 60 ? 1 : seconds < 3_600 ? 60 : seconds < 86_400 ? 3_600 : 86_400 }
  }

  /// The time to the next multiple of the unit shown at `span` (`unitSeconds` of its whole seconds).
  /// Each band's lower edge (a minute, an hour, a day) is a multiple of the unit below it, so the
  /// next multiple is also where a band ends. A negative span reads as zero until a second has passed.
  private static func change(after span: Span, unitSeconds: (Int64) -> Int64) -> Span {
    let milliseconds = span.milliseconds
    guard milliseconds >= 0 else { return Span(milliseconds: 1_000) - span }
    let unit = unitSeconds(milliseconds / 1000) * 1000
    let (next, overflow) = (milliseconds / unit + 1).multipliedReportingOverflow(by: unit)
    // Past Int64 milliseconds it never reads differently.
    return overflow ? Span(milliseconds: .max) : Span(milliseconds: next) - span
  }

  // MARK: Counts and measures

  /// A count with thousands separators: `0`, `7`, `1,234`.
  public static func count(_ value: Int) -> String {
    guard value.magnitude < UInt(compactThreshold) else { return scientific(Double(value)) }
    return grouped(UInt64(value.magnitude), negative: value < 0)
  }

  /// A measure in its own unit: at most one decimal, none when whole, thousands separators
  /// (`4.3`, `25`, `1,250`).
  public static func number(_ value: Double, places: Int = 1) -> String {
    if let text = outOfFixedRange(value) { return text }
    if value.magnitude >= 1000 { return grouped(UInt64(value.magnitude.rounded()), negative: value < 0) }
    return decimal(value, places: value == value.rounded() ? 0 : places)
  }

  /// A latency in whole milliseconds: `34 ms`, `1,250 ms`.
  public static func milliseconds(_ value: Double) -> String {
    (outOfFixedRange(value) ?? (value.magnitude >= 1000 ? number(value) : decimal(value, places: 0))) + " ms"
  }

  /// A number of months, one decimal: `4.2 months`, `12.0 months` (the runway).
  public static func months(_ value: Double) -> String { decimal(value, places: 1) + " months" }

  /// A KPI's figure (value, target, threshold, scale) in its unit: a percentage with one decimal
  /// (`90.3%`), a time as a duration (`2h 19m`, `16d 9h`), anything else a measure and its unit
  /// (`59 tickets`, `25 °C`).
  public static func measure(_ value: Double, unit: String) -> String {
    if let seconds = secondsPer(unit: unit) {
      return duration(scaled: value, secondsPerUnit: seconds, unit: unit.trimmingSpaces())
    }
    if PercentUnit.matches(unit) { return percent(value) }
    let number = number(value)
    return unit.isEmpty ? number : number + " " + unit
  }

  /// Two figures of one KPI joined by `separator`, a unit written after a number said once at the
  /// end: `80 / 120 tickets`, `22..25 °C`; percentages and durations keep theirs (`90.0% / 75.0%`,
  /// `8h / 1d`).
  public static func measures(_ first: Double, _ second: Double, unit: String, separator: String) -> String {
    let (a, b) = (measure(first, unit: unit), measure(second, unit: unit))
    let suffix = " " + unit
    guard !unit.isEmpty, a.hasSuffix(suffix), b.hasSuffix(suffix) else { return a + separator + b }
    return String(a.dropLast(suffix.count)) + separator + b
  }

  /// Seconds in one of a time unit (`s`, `min`, `h`, `days` and their synonyms); nil for another unit.
  public static func secondsPer(unit: String) -> Double? {
    switch unit.trimmingSpaces().lowercased() {
    case "s", "sec", "secs", "second", "seconds": return 1
    case "min", "mins", "minute", "minutes": return 60
    case "h", "hr", "hrs", "hour", "hours": return 3_600
    case "d", "day", "days": return 86_400
    default: return nil
    }
  }

  /// The spellings of a percentage unit.
  enum PercentUnit {
    static func matches(_ unit: String) -> Bool {
      ["%", "percent", "pct"].contains(unit.trimmingSpaces().lowercased())
    }
  }

  // MARK: Clock and dates

  /// `14:05:22`: a wall-clock time in the zone (lists and the feed, under a header that names the zone).
  public static func clock(_ time: Timestamp, in zone: Zone) -> String {
    let civil = civil(time, in: zone)
    return twoDigits(civil.hour) + ":" + twoDigits(civil.minute) + ":" + twoDigits(civil.second)
  }

  /// `14:05:22 CET`, `14:05:22 +03`: the clock and the zone's abbreviation at that instant.
  public static func zonedClock(_ time: Timestamp, in zone: Zone) -> String {
    clock(time, in: zone) + " " + zone.abbreviation(at: time)
  }

  /// `2026-11-28` in the zone.
  public static func date(_ time: Timestamp, in zone: Zone) -> String {
    let civil = civil(time, in: zone)
    return LocalDate(year: civil.year, month: civil.month, day: civil.day).description
  }

  /// `2026-11-28 14:02` in the zone.
  public static func dateTime(_ time: Timestamp, in zone: Zone) -> String {
    let civil = civil(time, in: zone)
    return date(time, in: zone) + " " + twoDigits(civil.hour) + ":" + twoDigits(civil.minute)
  }

  /// `2026-11-28 14:02 CET`: a report's time, naming its zone once for the times below it.
  public static func zonedDateTime(_ time: Timestamp, in zone: Zone) -> String {
    dateTime(time, in: zone) + " " + zone.abbreviation(at: time)
  }

  /// The wall-clock time of `time` in the zone, held within four-digit years: the readers stop at
  /// 9999-12-31 in UTC, and a zone ahead of UTC would otherwise show year 10000.
  static func civil(_ time: Timestamp, in zone: Zone) -> CivilTime {
    let local = time + Span.seconds(Int64(zone.offsetSeconds(at: time)))
    return CivilTime(utc: min(max(local, Timestamp.earliestWritable), Timestamp.latestWritable))
  }

  // MARK: Digits

  /// Digits with a comma every three (`1,234,567`).
  public static func grouped(_ value: UInt64, negative: Bool = false) -> String {
    let digits = Array(String(value))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (negative ? "-" : "") + out
  }

  /// A fixed-point decimal without Foundation's locale-dependent formatting, `-0.0` written `0.0`;
  /// past `compactThreshold` the scientific form.
  public static func decimal(_ value: Double, places: Int) -> String {
    if let text = outOfFixedRange(value) { return text }
    let places = min(max(0, places), 6)
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    // Below 1e15 times at most 1e6: well inside UInt64.
    let units = UInt64((value.magnitude * scale).rounded())
    let whole = units / UInt64(scale)
    let sign = value < 0 && units > 0 ? "-" : ""
    guard places > 0 else { return sign + String(whole) }
    let fraction = String(units % UInt64(scale))
    return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
  }

  /// `nan`, `inf`, `-inf` or `1.8e19` when `value` is not a finite number below `compactThreshold`;
  /// nil when fixed-point digits can show it.
  public static func outOfFixedRange(_ value: Double) -> String? {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return value.magnitude >= compactThreshold ? scientific(value) : nil
  }

  /// `1.8e19`, `-2.0e300`: one decimal of mantissa, enough to tell magnitudes apart in a cell.
  public static func scientific(_ value: Double) -> String {
    let magnitude = value.magnitude
    guard magnitude.isFinite, magnitude > 0 else { return value.isNaN ? "nan" : "0" }
    var exponent = Int(log10(magnitude).rounded(.down))
    var tenths = (magnitude / pow(10, Double(exponent)) * 10).rounded()
    // log10 can land one off next to a power of ten; the mantissa says which way.
    if tenths >= 100 {
      exponent += 1
      tenths = (magnitude / pow(10, Double(exponent)) * 10).rounded()
    } else if tenths < 10 {
      exponent -= 1
      tenths = (magnitude / pow(10, Double(exponent)) * 10).rounded()
    }
    let digits = Int(saturating: min(max(tenths, 10), 99))
    return (value < 0 ? "-" : "") + "\(digits / 10).\(digits % 10)e\(exponent)"
  }

  public static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// Whether a fixed-point text is a zero (`0`, `0.0`, `-0.00` cannot occur: `decimal` drops the sign).
  private static func isZero(_ text: String) -> Bool { text.allSatisfy { $0 == "0" || $0 == "." } }
}
