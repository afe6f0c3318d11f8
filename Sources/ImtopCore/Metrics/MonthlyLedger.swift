/// Each system's monthly service figures (the README's "Monthly service figures") for the whole
/// fiscal year, although the state runs behind them are kept for 30 days only.
///
/// The store folds the runs into a tally per system and month (time in each state, outages started)
/// just before it discards them (`seal`): everything before `sealedBefore` is in the tallies,
/// everything from it on is still in the runs, and a month's figures add the two. Both parts are cut
/// by the same rule (`StatusTimeline.durations(from:to:)` and `outages(startingIn:)`), and cutting a
/// span in two loses nothing, so a dashboard that sealed a little at every poll for months has the
/// same figures as a one-shot command that read the same files once and sealed it all at one go.
///
/// What is kept is only what was read. A month whose samples were never seen (they were never in
/// the files, or a log was rotated away before anything read it) counts as time without samples:
/// availability null and coverage 0 when nothing of it is known. A dashboard keeps what it sealed
/// even after the log that held it is rotated or truncated, which a one-shot command reading the
/// files afterwards cannot see; until then, both have read the same lines and agree. Time before
/// `sealedBefore` is never counted twice: a log read again from its start after a truncation adds
/// to the runs only, and the months count the runs from `sealedBefore` on. (A new zone,
/// `stale_after` or first month of the fiscal year empties the ledger and reads every log again.)
/// A sample written more than 30 days after its time, into a stretch already sealed, does not
/// change a running dashboard's months; a one-shot command, which reads the whole file, counts it.
///
/// Bounded: at most one tally per system and month of the current fiscal year, 24 bytes each (a
/// full year of 50,000 systems in 18 MB, their table included); months of an earlier fiscal year
/// are dropped when the year turns.
public struct MonthlyLedger: Sendable, Hashable {
  struct Tally: Sendable, Hashable {
    var durations = StateDurations()
    var outages = 0

    var isEmpty: Bool { durations == StateDurations() && outages == 0 }

    mutating func add(_ other: Tally) {
      durations.add(.up, other.durations.up)
      durations.add(.degraded, other.durations.degraded)
      durations.add(.down, other.durations.down)
      durations.add(.maintenance, other.durations.maintenance)
      durations.add(.unknown, other.durations.unknown)
      outages += other.outages
    }
  }

  /// A tally as kept. No part of a month is longer than the month, and no month is longer than
  /// 2³² ms (49 days), so each duration fits in 32 bits, as does the count of outages started in
  /// it: 24 bytes where `Tally` takes 48. A dictionary per system keyed by month took 1.1 KB a
  /// system once the year was full; an array by the month's place in the year takes 24 bytes a month.
  struct SealedTally: Sendable, Hashable {
    var up: UInt32 = 0
    var degraded: UInt32 = 0
    var down: UInt32 = 0
    var maintenance: UInt32 = 0
    var unknown: UInt32 = 0
    var outages: UInt32 = 0

    var isEmpty: Bool { self == SealedTally() }

    /// Adds `tally`, each part held at 2³² − 1 rather than wrapped (which the rule above excludes).
    mutating func add(_ tally: Tally) {
      func sum(_ part: UInt32, _ more: Int64) -> UInt32 { UInt32(clamping: Int64(part) + min(max(more, 0), Int64(UInt32.max))) }
      up = sum(up, tally.durations.up.milliseconds)
      degraded = sum(degraded, tally.durations.degraded.milliseconds)
      down = sum(down, tally.durations.down.milliseconds)
      maintenance = sum(maintenance, tally.durations.maintenance.milliseconds)
      unknown = sum(unknown, tally.durations.unknown.milliseconds)
      outages = sum(outages, Int64(tally.outages))
    }

    var tally: Tally {
      var durations = StateDurations()
      durations.add(.up, Span(milliseconds: Int64(up)))
      durations.add(.degraded, Span(milliseconds: Int64(degraded)))
      durations.add(.down, Span(milliseconds: Int64(down)))
      durations.add(.maintenance, Span(milliseconds: Int64(maintenance)))
      durations.add(.unknown, Span(milliseconds: Int64(unknown)))
      return Tally(durations: durations, outages: Int(outages))
    }
  }

  /// Everything before this instant is in the tallies; nil while nothing has been sealed.
  public private(set) var sealedBefore: Timestamp?
  /// The fiscal year the tallies belong to.
  private var fiscalYear: FiscalYear?
  /// Each system's tallies by the month's place in `fiscalYear` (0: its first month), up to the
  /// last month with one.
  private var tallies: [String: [SealedTally]] = [:]

  public init() {}

  /// Tallies held (at most systems × 12).
  public var tallyCount: Int { tallies.values.reduce(0) { $0 + $1.count { !$0.isEmpty } } }

  /// Bytes a month's tally takes.
  static var bytesPerTally: Int { MemoryLayout<SealedTally>.stride }

  /// The place of `month` in `year` (0 for its first month); nil outside it.
  private static func place(of month: YearMonth, in year: FiscalYear) -> Int? {
    let place = month.ordinal - year.start.ordinal
    return (0..<12).contains(place) ? place : nil
  }

  /// `system`'s sealed tally of `month`.
  private func sealed(_ system: String, _ month: YearMonth) -> Tally {
    guard let year = fiscalYear, let place = Self.place(of: month, in: year), let months = tallies[system], place < months.count else {
      return Tally()
    }
    return months[place].tally
  }

  /// Folds what the runs hold before `cutoff` (and after what was sealed before) into the tallies of
  /// the months of `fiscalYear`; call it before runs ending before `cutoff` are discarded.
  mutating func seal(
    _ timelines: [String: StatusTimeline], before cutoff: Timestamp, fiscalYear year: FiscalYear, zone: Zone
  ) {
    enter(year)
    add(timelines, upTo: cutoff, fiscalYear: year, zone: zone)
    sealedBefore = max(sealedBefore ?? cutoff, cutoff)
  }

  /// Folds the runs a system dropped to stay within `StatusTimeline.maximumRuns` (see
  /// `StatusTimeline.takeDropped`), up to `until` where its kept runs begin: the part not sealed yet
  /// goes into its months now, since the runs that would have given it are gone.
  mutating func sealDropped(
    _ dropped: StatusTimeline, of system: String, until: Timestamp, fiscalYear year: FiscalYear, zone: Zone
  ) {
    enter(year)
    add([system: dropped], upTo: until, fiscalYear: year, zone: zone)
  }

  /// A new fiscal year (or a new first month): the months of the old one no longer count.
  private mutating func enter(_ year: FiscalYear) {
    guard fiscalYear != year else { return }
    let before = fiscalYear
    tallies = tallies.compactMapValues { months in
      var kept: [SealedTally] = []
      for (place, tally) in months.enumerated() where !tally.isEmpty {
        guard let month = before?.start.adding(months: place), let now = Self.place(of: month, in: year) else { continue }
        if kept.count <= now { kept += repeatElement(SealedTally(), count: now + 1 - kept.count) }
        kept[now] = tally
      }
      return kept.isEmpty ? nil : kept
    }
    fiscalYear = year
  }

  /// Adds what `timelines` hold from `sealedBefore` (or the year's start) up to `cutoff` to the
  /// tallies of the months it touches.
  private mutating func add(_ timelines: [String: StatusTimeline], upTo cutoff: Timestamp, fiscalYear year: FiscalYear, zone: Zone) {
    let yearStart = year.start.firstInstant(in: zone)
    let lower = max(sealedBefore ?? yearStart, yearStart)
    guard cutoff > lower else { return }
    // Only the months the newly sealed stretch touches (usually one): each costs zone look-ups.
    let first = zone.date(of: lower).yearMonth
    let last = zone.date(of: cutoff - Span(milliseconds: 1)).yearMonth
    for (place, month) in year.months.enumerated() where month >= first && month <= last {
      let span = month.span(in: zone)
      let from = max(span.lowerBound, lower)
      let to = min(span.upperBound, cutoff)
      guard from < to else { continue }
      for (system, timeline) in timelines {
        let tally = Tally(durations: timeline.durations(from: from, to: to), outages: timeline.outages(startingIn: from..<to))
        guard !tally.isEmpty else { continue }
        Self.add(tally, at: place, to: &tallies[system, default: []])
      }
    }
  }

  private static func add(_ tally: Tally, at place: Int, to months: inout [SealedTally]) {
    if months.count <= place {
      // Room for the year's remaining months at once: one allocation a year, not one a month.
      months.reserveCapacity(12)
      months += repeatElement(SealedTally(), count: place + 1 - months.count)
    }
    months[place].add(tally)
  }

  /// The months reported at `now`: each month of `fiscalYear` from its first to the month of `now`
  /// (local date in `zone`), each from its first instant (inclusive) to the next month's
  /// (exclusive), the current month to `now` (inclusive). Computed once for all systems.
  public static func reportedMonths(of year: FiscalYear, zone: Zone, at now: Timestamp) -> [ReportedMonth] {
    let current = zone.date(of: now).yearMonth
    return year.months.filter { $0 <= current }.map { month in
      let span = month.span(in: zone)
      return month == current
        ? ReportedMonth(month: month, start: span.lowerBound, end: now, outagesBefore: now + Span(milliseconds: 1))
        : ReportedMonth(month: month, start: span.lowerBound, end: span.upperBound, outagesBefore: span.upperBound)
    }
  }

  /// A month as reported: its time runs from `start` to `end`; outages count from `start` up to,
  /// not including, `outagesBefore` (for the current month 1 ms after `now`, which is inclusive).
  public struct ReportedMonth: Sendable, Hashable {
    public var month: YearMonth
    public var start: Timestamp
    public var end: Timestamp
    public var outagesBefore: Timestamp
  }

  /// `system`'s figures for each of `months` (`reportedMonths`). Their `now` must not be before
  /// `sealedBefore` (the engine asks at the store's own instant).
  func figures(of system: String, timeline: StatusTimeline?, sla: Double?, months: [ReportedMonth]) -> [ServiceMonth] {
    months.map { reported in
      var tally = sealed(system, reported.month)
      // What was not sealed yet is in the runs.
      let liveFrom = max(reported.start, sealedBefore ?? reported.start)
      if let timeline, liveFrom < reported.outagesBefore {
        tally.add(
          Tally(
            durations: timeline.durations(from: liveFrom, to: reported.end),
            outages: timeline.outages(startingIn: liveFrom..<reported.outagesBefore)))
      }
      let availability = tally.durations.availability
      return ServiceMonth(
        month: reported.month, availability: availability, coverage: tally.durations.coverage(of: reported.end - reported.start),
        outages: tally.outages, downtimeMinutes: Double(tally.durations.down.milliseconds) / 60_000,
        slaMet: sla.flatMap { target in availability.map { $0 >= target } })
    }
  }
}

extension YearMonth {
  /// The instant the month begins: its first day's local midnight in `zone`.
  public func firstInstant(in zone: Zone) -> Timestamp {
    zone.startOfDay(LocalDate(year: year, month: month, day: 1))
  }

  /// From the month's first instant (inclusive) to the next month's (exclusive).
  public func span(in zone: Zone) -> Range<Timestamp> {
    firstInstant(in: zone)..<adding(months: 1).firstInstant(in: zone)
  }
}
