/// The organisation's time zone (`organization.timezone`), converting between UTC instants and local
/// calendar dates and times with the zone's real daylight-saving rules.
///
/// The rules come from the system's zoneinfo (TZif files under `$TZDIR`, else
/// `/usr/share/zoneinfo`), the same files the C library and `zdump` read; UTC is built in, so it
/// works on a system without them. A copy is one reference to rules parsed once.
public struct Zone: Sendable, Hashable {
  public let identifier: String
  private let rules: ZoneRules

  public static let utc = Zone(identifier: "UTC", rules: ZoneRules(
    transitions: [], transitionTypes: [], types: [LocalTimeType(offset: 0, isDaylightSaving: false, abbreviation: "UTC")],
    rule: nil))

  /// The names answered without the zoneinfo files.
  private static let builtIn: Set<String> = ["UTC", "Etc/UTC"]

  /// nil when the identifier names no zone the system's zoneinfo holds (see `load` for why).
  public init?(identifier: String) {
    guard case .success(let zone) = Zone.load(identifier) else { return nil }
    self = zone
  }

  private init(identifier: String, rules: ZoneRules) {
    self.identifier = identifier
    self.rules = rules
  }

  /// The zone `identifier` names, from the TZif file under `directory`; or why it cannot be had.
  public static func load(_ identifier: String, directory: String? = nil) -> Result<Zone, ZoneError> {
    if builtIn.contains(identifier) { return .success(Zone(identifier: identifier, rules: utc.rules)) }
    return ZoneDatabase.rules(for: identifier, in: directory ?? ZoneDatabase.directory).map {
      Zone(identifier: identifier, rules: $0)
    }
  }

  public static func == (lhs: Zone, rhs: Zone) -> Bool {
    lhs.identifier == rhs.identifier && lhs.rules === rhs.rules
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(identifier)
  }

  /// Offset from UTC in seconds at an instant.
  public func offsetSeconds(at instant: Timestamp) -> Int {
    Int(rules.offset(at: instant.seconds))
  }

  /// The zone's abbreviation at an instant: `CET`, `CEST`, or the number the database gives where
  /// the zone has no abbreviation in use (`+03`).
  public func abbreviation(at instant: Timestamp) -> String {
    rules.type(at: instant.seconds).abbreviation
  }

  /// The local calendar date of an instant.
  public func date(of instant: Timestamp) -> LocalDate {
    let shifted = instant + Span.seconds(Int64(offsetSeconds(at: instant)))
    let civil = CivilTime(utc: shifted)
    return LocalDate(year: civil.year, month: civil.month, day: civil.day)
  }

  /// The instant a local wall-clock time denotes. In a spring-forward gap the time is read with the
  /// offset in force before the gap (so it lands after it); in a fall-back overlap, the first occurrence.
  public func instant(of local: CivilTime) -> Timestamp {
    let asUTC = local.utcTimestamp
    let offsetBefore = Int64(offsetSeconds(at: asUTC - Span.days(1)))
    let offsetAfter = Int64(offsetSeconds(at: asUTC + Span.days(1)))
    let candidates = [offsetBefore, offsetAfter].map { asUTC - Span.seconds($0) }
    let valid = candidates.filter { candidate in
      Int64(offsetSeconds(at: candidate)) == (asUTC - candidate).milliseconds / 1000
    }
    if let earliest = valid.min() { return earliest }
    return asUTC - Span.seconds(offsetBefore)
  }

  /// The instant a local date starts (midnight, or the first existing time that day).
  public func startOfDay(_ date: LocalDate) -> Timestamp {
    instant(of: CivilTime(year: date.year, month: date.month, day: date.day))
  }
}
