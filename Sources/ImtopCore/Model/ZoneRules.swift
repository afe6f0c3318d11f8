/// A zone's local time at some instants: its offset east of UTC, whether it is daylight saving, and
/// its abbreviation (`CET`, or a number such as `+03` where the database invents none).
struct LocalTimeType: Hashable, Sendable {
  var offset: Int32
  var isDaylightSaving: Bool
  var abbreviation: String
}

/// Every offset change of a zone, read from its TZif file: the transitions the file lists, then
/// those of its footer rule, worked out ahead up to `Self.extendedThroughYear` so that a lookup is a
/// binary search; later instants ask the rule itself.
///
/// A class, so that a `Zone` is one reference however many copies the readers make of it, and
/// immutable after `init`, so it is shared between threads without a lock.
final class ZoneRules: Sendable {
  /// Rule transitions are listed ahead up to the end of this year; later instants ask the rule.
  static let extendedThroughYear = 2100

  /// Transition instants in seconds since the epoch, ascending.
  private let transitions: [Int64]
  /// The local time type from each transition on, an index into `types`.
  private let transitionTypes: [UInt16]
  private let types: [LocalTimeType]
  /// `types`' offsets.
  private let offsets: [Int32]
  /// In force before the first transition (the file's first type, as RFC 8536 says).
  private let initialType: LocalTimeType
  private let initialOffset: Int32
  /// The footer rule, in force from `ruleTakesOverAt` on (and everywhere when there are no transitions).
  private let rule: POSIXZoneRule?
  private let ruleTakesOverAt: Int64

  /// `types` must hold one to 256 types (the first is the one before any transition);
  /// `transitions` ascend, and each of `transitionTypes` is an index into `types`.
  init(transitions: [Int64], transitionTypes: [UInt8], types: [LocalTimeType], rule: POSIXZoneRule?) {
    var extended = (transitions: transitions, transitionTypes: transitionTypes.map(UInt16.init), types: types)
    initialType = types[0]
    initialOffset = types[0].offset
    self.rule = rule
    ruleTakesOverAt = Self.extend(&extended, by: rule)
    (self.transitions, self.transitionTypes, self.types) = extended
    offsets = extended.types.map(\.offset)
  }

  /// Lists the rule's transitions after the file's last one, year by year while the offset
  /// changes, up to `extendedThroughYear`; returns the instant from which the rule is asked instead.
  private static func extend(
    _ listed: inout (transitions: [Int64], transitionTypes: [UInt16], types: [LocalTimeType]), by rule: POSIXZoneRule?
  ) -> Int64 {
    guard let rule else { return .max }
    guard let last = listed.transitions.last, let lastIndex = listed.transitionTypes.last else { return .min }
    // Standard time all year: the last transition's type holds (RFC 8536 has the two agree).
    guard let daylightSaving = rule.daylightSaving else { return .max }
    let firstYear = CivilTime.civil(fromDays: POSIXZoneRule.floorDiv(last, 86_400)).year
    var current = listed.types[Int(lastIndex)]
    if firstYear <= extendedThroughYear {
      for year in firstYear...extendedThroughYear {
        let (start, end) = rule.switches(in: year)
        for (instant, type) in [(start, daylightSaving.type), (end, rule.standard)].sorted(by: { $0.0 < $1.0 })
        where instant > last && type != current {
          listed.transitions.append(instant)
          listed.transitionTypes.append(index(of: type, in: &listed.types))
          current = type
        }
      }
    }
    return max(rule.startOfYear(extendedThroughYear + 1), last &+ 1)
  }

  /// The local time type at `seconds` since the epoch.
  /// - Complexity: O(log n) in the transitions listed (a few hundred at most).
  func type(at seconds: Int64) -> LocalTimeType {
    if seconds >= ruleTakesOverAt, let rule { return rule.type(at: seconds) }
    guard let index = transitionIndex(at: seconds) else { return initialType }
    return types[Int(transitionTypes[index])]
  }

  /// The offset east of UTC at `seconds` since the epoch: `type(at:).offset` without copying the
  /// abbreviation, for the hot path (every timestamp a reader converts).
  func offset(at seconds: Int64) -> Int32 {
    if seconds >= ruleTakesOverAt, let rule { return rule.type(at: seconds).offset }
    guard let index = transitionIndex(at: seconds) else { return initialOffset }
    return offsets[Int(transitionTypes[index])]
  }

  /// The last transition at or before `seconds`, nil before the first.
  private func transitionIndex(at seconds: Int64) -> Int? {
    guard let first = transitions.first, seconds >= first else { return nil }
    var low = 0
    var high = transitions.count  // transitions[low] <= seconds < transitions[high]
    while high - low > 1 {
      let middle = (low + high) / 2
      if transitions[middle] <= seconds { low = middle } else { high = middle }
    }
    return low
  }

  private static func index(of type: LocalTimeType, in types: inout [LocalTimeType]) -> UInt16 {
    if let index = types.firstIndex(of: type) { return UInt16(index) }
    types.append(type)
    return UInt16(types.count - 1)
  }
}
