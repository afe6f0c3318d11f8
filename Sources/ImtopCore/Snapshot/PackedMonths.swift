/// `SystemHealth.monthly` as kept: a system's months of one fiscal year follow one another, so the
/// month is kept once rather than in every entry, and the figures without the padding of optionals
/// (40 bytes a month instead of 64). The months before its first figures (no sample, no outage) are
/// counted, not kept: a dashboard started in the fiscal year's last month keeps one month per
/// system, not twelve. At 50,000 systems and a fiscal year's 12 months, a snapshot's monthly
/// figures took 40 MB as `[ServiceMonth]` and take 26 MB this way.
///
/// Exact: every value reads back as it was set (doubles by value, NaN and −0 included). Months that
/// do not follow one another (a test's hand-made list) are kept as given.
struct PackedMonths: Sendable, Hashable {
  private enum Storage: Sendable, Hashable {
    /// Month `first`, then each next month in turn: `empty` months without figures, then `figures`.
    case consecutive(first: YearMonth, empty: Int, figures: [Figures])
    case asGiven([ServiceMonth])
  }

  private struct Figures: Sendable, Hashable {
    var availability: Double
    var coverage: Double
    var outages: Int
    var downtimeMinutes: Double
    /// Bit 0: `availability` is known; bits 1 and 2: `slaMet` is known, and is true.
    var flags: UInt8

    init(_ month: ServiceMonth) {
      availability = month.availability ?? 0
      coverage = month.coverage
      outages = month.outages
      downtimeMinutes = month.downtimeMinutes
      flags = (month.availability == nil ? 0 : 1) | (month.slaMet == nil ? 0 : 2) | (month.slaMet == true ? 4 : 0)
    }

    /// A month without figures: no availability, no coverage, no outage, no downtime, no SLA verdict.
    static let none = Figures(ServiceMonth(month: YearMonth(year: 0, month: 1), availability: nil, coverage: 0, outages: 0, downtimeMinutes: 0, slaMet: nil))

    /// Exactly `none`, doubles by bit pattern (−0 is a value, not `none`).
    var isNone: Bool {
      flags == 0 && outages == 0 && availability.bitPattern == 0 && coverage.bitPattern == 0 && downtimeMinutes.bitPattern == 0
    }

    func month(_ month: YearMonth) -> ServiceMonth {
      ServiceMonth(
        month: month, availability: flags & 1 != 0 ? availability : nil, coverage: coverage, outages: outages,
        downtimeMinutes: downtimeMinutes, slaMet: flags & 2 != 0 ? flags & 4 != 0 : nil)
    }
  }

  private var storage = Storage.asGiven([])

  init() {}

  init(_ months: [ServiceMonth]) {
    guard let first = months.first?.month else { return }
    var expected: YearMonth? = first
    for month in months {
      guard month.month == expected else {
        storage = .asGiven(months)
        return
      }
      expected = month.month.next
    }
    let figures = months.map(Figures.init)
    let empty = figures.firstIndex { !$0.isNone } ?? figures.count
    storage = .consecutive(first: first, empty: empty, figures: Array(figures[empty...]))
  }

  var months: [ServiceMonth] {
    switch storage {
    case .asGiven(let months): return months
    case .consecutive(let first, let empty, let figures):
      // Each next month exists: `init` checked them.
      var month = first
      return (0..<(empty + figures.count)).map { index in
        if index > 0, let next = month.next { month = next }
        return (index < empty ? Figures.none : figures[index - empty]).month(month)
      }
    }
  }

  /// How many months' figures are kept (those before the first figures are only counted).
  var keptMonths: Int {
    switch storage {
    case .asGiven(let months): return months.count
    case .consecutive(_, _, let figures): return figures.count
    }
  }
}

extension YearMonth {
  /// The month after this one; nil past the last year an `Int` holds.
  var next: YearMonth? {
    if month >= 12 { return year == Int.max ? nil : YearMonth(year: year + 1, month: 1) }
    return YearMonth(year: year, month: month + 1)
  }
}
