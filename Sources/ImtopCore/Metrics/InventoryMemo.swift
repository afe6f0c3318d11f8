import Synchronization

/// What the inventory alone decides, kept from one recomputation to the next.
///
/// The `depends_on` graph (with each system's dependants and the loops), the portfolio's counts by
/// category, sourcing, lifecycle and criticality, its data quality and what each system lacks
/// depend on `systems.csv` only. At 50,000 systems, working them out again at every recomputation
/// (every 30 s on an idle dashboard, each second in a live one) was a tenth of its time. They are
/// kept with the records they came from and reused only while the records are equal (the very same
/// array while the store's assembly of the small files is unchanged, which compares at once; an
/// equal array assembled again is compared once and then kept), so the figures stay those of the
/// input alone.
final class InventoryMemo: Sendable {
  struct Figures: Sendable {
    let graph: DependencyGraph
    /// For each system, in file order, the ids of those that depend on it directly.
    let dependants: [[String]]
    /// For each system, the dependency loop it is on or leads to.
    let cycles: [[String]?]
    /// The portfolio's counts of the records alone; `pastEndOfSupport` and `belowSLA`, which depend
    /// on the date and the figures, are 0 here.
    let portfolio: PortfolioSummary

    init(systems: [SystemRecord]) {
      graph = DependencyGraph(systems: systems)
      dependants = graph.dependants()
      cycles = graph.cycles()
      portfolio = PortfolioSummary(records: systems)
    }
  }

  private struct Kept {
    var systems: [SystemRecord]
    var figures: Figures
  }

  private let kept = Mutex<Kept?>(nil)
  private let computations = Atomic<Int>(0)

  /// How many times the figures were worked out rather than reused, for the tests.
  var computed: Int { computations.load(ordering: .relaxed) }

  /// The figures of `systems`: those kept when the records are equal, or worked out and kept.
  func figures(of systems: [SystemRecord]) -> Figures {
    kept.withLock { kept in
      if let old = kept, old.systems == systems {
        // Equal records read again are a new array: kept in place of the old one, the next
        // recomputation brings this very array, which compares at once.
        kept?.systems = systems
        return old.figures
      }
      let figures = Figures(systems: systems)
      computations.add(1, ordering: .relaxed)
      kept = Kept(systems: systems, figures: figures)
      return figures
    }
  }
}
