/// An instant in UTC, in whole milliseconds since 1970-01-01T00:00:00Z.
///
/// Every timestamp read from a data file is converted to this on input, so the store and the metric
/// engine never deal with zones or formats. Integer milliseconds keep ordering and subtraction exact.
/// Arithmetic saturates at the ends of `Int64` instead of trapping or wrapping: a configured span
/// of 100,000 days added to now must stay later than now, and never end the program.
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var milliseconds: Int64

  public init(milliseconds: Int64) {
    self.milliseconds = milliseconds
  }

  public init(seconds: Int64) {
    self.milliseconds = seconds.saturatingMultiplied(by: 1000)
  }

  /// 0000-01-01T00:00:00Z, the first instant a four-digit year can write.
  public static let earliestWritable = Timestamp(milliseconds: -62_167_219_200_000)
  /// 9999-12-31T23:59:59.999Z, the last instant a four-digit year can write.
  public static let latestWritable = Timestamp(milliseconds: 253_402_300_799_999)
  /// The instants ISO 8601's four-digit years (and RFC 3339) can write: what the readers accept, and
  /// what every formatter can print without a fifth digit.
  public static let writableRange = earliestWritable...latestWritable

  /// Whole seconds since the epoch, rounded towards negative infinity.
  public var seconds: Int64 {
    let quotient = milliseconds / 1000
    return milliseconds % 1000 < 0 ? quotient - 1 : quotient
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }

  public static func + (lhs: Timestamp, rhs: Span) -> Timestamp {
    Timestamp(milliseconds: lhs.milliseconds.saturatingAdding(rhs.milliseconds))
  }

  public static func - (lhs: Timestamp, rhs: Span) -> Timestamp {
    Timestamp(milliseconds: lhs.milliseconds.saturatingSubtracting(rhs.milliseconds))
  }

  public static func - (lhs: Timestamp, rhs: Timestamp) -> Span {
    Span(milliseconds: lhs.milliseconds.saturatingSubtracting(rhs.milliseconds))
  }

  /// ISO 8601 in UTC with a `Z`, with milliseconds only when they are not zero. An instant outside
  /// `writableRange` (only arithmetic reaches one: the readers refuse them) is held at its nearest
  /// end, so no reader of the text meets a five-digit or negative year.
  public var iso8601: String {
    let civil = CivilTime(utc: min(max(self, Self.earliestWritable), Self.latestWritable))
    return civil.iso8601UTC
  }

  public var description: String { iso8601 }
}

/// A length of time in whole milliseconds (windows, `stale_after`, durations in KPI expressions).
public struct Span: Comparable, Hashable, Sendable {
  public var milliseconds: Int64

  public init(milliseconds: Int64) {
    self.milliseconds = milliseconds
  }

  public static func seconds(_ value: Int64) -> Span { Span(milliseconds: value.saturatingMultiplied(by: 1000)) }
  public static func minutes(_ value: Int64) -> Span { Span(milliseconds: value.saturatingMultiplied(by: 60_000)) }
  public static func hours(_ value: Int64) -> Span { Span(milliseconds: value.saturatingMultiplied(by: 3_600_000)) }
  public static func days(_ value: Int64) -> Span { Span(milliseconds: value.saturatingMultiplied(by: 86_400_000)) }

  public var seconds: Double { Double(milliseconds) / 1000 }
  public var minutes: Double { Double(milliseconds) / 60_000 }
  public var hours: Double { Double(milliseconds) / 3_600_000 }

  public static func < (lhs: Span, rhs: Span) -> Bool { lhs.milliseconds < rhs.milliseconds }
  public static func + (lhs: Span, rhs: Span) -> Span { Span(milliseconds: lhs.milliseconds.saturatingAdding(rhs.milliseconds)) }
  public static func - (lhs: Span, rhs: Span) -> Span { Span(milliseconds: lhs.milliseconds.saturatingSubtracting(rhs.milliseconds)) }
  public static let zero = Span(milliseconds: 0)
}
