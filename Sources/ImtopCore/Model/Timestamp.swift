/// An instant in UTC, in whole milliseconds since 1970-01-01T00:00:00Z.
///
/// Every timestamp read from a data file is converted to this on input, so the store and the metric
/// engine never deal with zones or formats. Integer milliseconds keep ordering and subtraction exact.
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var milliseconds: Int64

  public init(milliseconds: Int64) {
    self.milliseconds = milliseconds
  }

  public init(seconds: Int64) {
    self.milliseconds = seconds &* 1000
  }

  /// Whole seconds since the epoch, rounded towards negative infinity.
  public var seconds: Int64 {
    milliseconds >= 0 ? milliseconds / 1000 : -((-milliseconds + 999) / 1000)
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }

  public static func + (lhs: Timestamp, rhs: Span) -> Timestamp {
    Timestamp(milliseconds: lhs.milliseconds &+ rhs.milliseconds)
  }

  public static func - (lhs: Timestamp, rhs: Span) -> Timestamp {
    Timestamp(milliseconds: lhs.milliseconds &- rhs.milliseconds)
  }

  public static func - (lhs: Timestamp, rhs: Timestamp) -> Span {
    Span(milliseconds: lhs.milliseconds &- rhs.milliseconds)
  }

  /// ISO 8601 in UTC with a `Z`, with milliseconds only when they are not zero.
  public var iso8601: String {
    let civil = CivilTime(utc: self)
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

  public static func seconds(_ value: Int64) -> Span { Span(milliseconds: value &* 1000) }
  public static func minutes(_ value: Int64) -> Span { Span(milliseconds: value &* 60_000) }
  public static func hours(_ value: Int64) -> Span { Span(milliseconds: value &* 3_600_000) }
  public static func days(_ value: Int64) -> Span { Span(milliseconds: value &* 86_400_000) }

  public var seconds: Double { Double(milliseconds) / 1000 }
  public var minutes: Double { Double(milliseconds) / 60_000 }
  public var hours: Double { Double(milliseconds) / 3_600_000 }

  public static func < (lhs: Span, rhs: Span) -> Bool { lhs.milliseconds < rhs.milliseconds }
  public static func + (lhs: Span, rhs: Span) -> Span { Span(milliseconds: lhs.milliseconds &+ rhs.milliseconds) }
  public static func - (lhs: Span, rhs: Span) -> Span { Span(milliseconds: lhs.milliseconds &- rhs.milliseconds) }
  public static let zero = Span(milliseconds: 0)
}
