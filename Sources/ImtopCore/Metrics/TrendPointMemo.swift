import Synchronization

/// The KPI trend points' figures that come from the records alone, kept from one recomputation to
/// the next.
///
/// A trend's past points are the KPI at `now` less whole steps, each on a `FigureContext` of its
/// own. Figures that read only records and the instant (governance reviews and retention, overdue
/// compliance, incidents, the budget, the inventory's counts) came out the same at every
/// recomputation while those files did not change, yet were worked out again for each point: in the
/// live demo, where a status line arrives every second, that was an eighth of the program's time.
///
/// The past points are taken at `now` rounded down to a 1,440th of the step (a minute, for the
/// daily trends), so a point stays at the same instant for that long. A figure at a point is kept
/// with the records it came from and reused only while they are equal and the point is the same
/// instant: the same arrays while the store's assembly of the small files is unchanged, which
/// compare at once. Figures that read the status logs (availability and SLA) are never kept, since
/// any line may add to them. What is kept is what the last recomputation used, so it stays bounded
/// by the KPIs' figures times the trend points.
final class TrendPointMemo: Sendable {
  /// What the kept figures were computed from: every part of the input a kept figure reads.
  struct Records: Equatable {
    var configuration: Configuration
    var kinds: [FileKind]
    var systems: [SystemRecord]
    var budget: [BudgetLine]
    var incidents: [Incident]
    var compliance: [ComplianceItem]
    var training: [TrainingRow]
    var access: [AccessRole]
    var retention: [RetentionSeries]

    init(_ input: EngineInput) {
      configuration = input.configuration
      kinds = FileKind.allCases.filter { input.has($0) }
      systems = input.systems
      budget = input.budget
      incidents = input.incidents
      compliance = input.compliance
      training = input.training
      access = input.access
      retention = input.retention
    }
  }

  struct Key: Hashable {
    var figure: KPIFigure
    var at: Timestamp
  }

  /// One recomputation's use of the memo: the figures kept before (when the records are the same)
  /// and those it used, which replace them at the end. Used on one thread, by one snapshot.
  final class Session {
    fileprivate let records: Records
    fileprivate let before: [Key: Double?]
    fileprivate var used: [Key: Double?] = [:]
    fileprivate var computed = 0

    fileprivate init(records: Records, before: [Key: Double?]) {
      self.records = records
      self.before = before
    }

    /// The figure at `instant` when it reads the records alone: kept, or worked out by `compute`
    /// and kept. Any other figure is worked out each time.
    func value(of figure: KPIFigure, at instant: Timestamp, compute: () -> Double?) -> Double? {
      guard figure.readsRecordsOnly else { return compute() }
      let key = Key(figure: figure, at: instant)
      if let known = used[key] ?? before[key] {
        used[key] = known
        return known
      }
      let value = compute()
      computed += 1
      used[key] = value
      return value
    }
  }

  private struct Kept {
    var records: Records
    var values: [Key: Double?]
  }

  private let kept = Mutex<Kept?>(nil)
  private let computations = Atomic<Int>(0)

  /// How many figures were worked out rather than reused, for the tests.
  var computed: Int { computations.load(ordering: .relaxed) }

  /// How many figures are kept, for the tests.
  var keptCount: Int { kept.withLock { $0?.values.count ?? 0 } }

  /// A session for a recomputation of `input`: the figures kept are offered when its records are
  /// equal to theirs.
  func session(for input: EngineInput) -> Session {
    let records = Records(input)
    let before = kept.withLock { kept in kept.flatMap { $0.records == records ? $0.values : nil } } ?? [:]
    return Session(records: records, before: before)
  }

  /// Keeps what `session` used, for the next recomputation.
  func keep(_ session: Session) {
    computations.add(session.computed, ordering: .relaxed)
    kept.withLock { $0 = Kept(records: session.records, values: session.used) }
  }

  /// The instant of a trend's past points: `now` rounded down to a 1,440th of `step` (at least a
  /// millisecond), so the points stay put for that long.
  static func anchor(_ now: Timestamp, step: Span) -> Timestamp {
    let quantum = max(1, step.milliseconds / 1_440)
    let remainder = now.milliseconds % quantum
    return Timestamp(milliseconds: now.milliseconds.saturatingSubtracting(remainder < 0 ? remainder + quantum : remainder))
  }
}

extension KPIFigure {
  /// Whether the figure reads only records (the inventory, budget, incidents, compliance and
  /// governance files, the configuration) and the instant, not the status logs.
  var readsRecordsOnly: Bool {
    switch self {
    case .availability, .belowSLA, .systemsMeetingSLA: return false
    case .budgetVariance, .burnRate, .runway, .forecast, .openIncidents, .mttr, .mtta, .overdue, .dataQuality,
      .pastEndOfSupport, .trainingCompletion, .reviewCoverage, .pastRetention, .exposed:
      return true
    }
  }
}
