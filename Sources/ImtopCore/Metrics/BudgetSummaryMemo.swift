import Synchronization

/// Budget summaries kept from one recomputation to the next.
///
/// A budget summary depends on the budget lines, the inventory, the fiscal year and the date, not on
/// the instant: every KPI trend point computed one, fourteen a recomputation, each a pass over all
/// budget lines, and in the live demo that was a third of the program's time, though `budget.csv`
/// had not changed. Each is kept with the lines and systems it was computed from, and reused only
/// when they are equal (the same arrays when nothing was re-read, which compare at once), so the
/// figures stay those of the input alone.
final class BudgetSummaryMemo: Sendable {
  private struct Key: Hashable {
    var fiscalYear: FiscalYear
    var today: LocalDate
  }

  private struct Kept {
    var lines: [BudgetLine]
    var systems: [SystemRecord]
    var summaries: [Key: BudgetSummary] = [:]
    /// How many were computed rather than reused, for the tests.
    var computed = 0
  }

  /// A trend's days and the days it moves on to: more than that are dropped together.
  private static let capacity = 64
  private let kept = Mutex<Kept?>(nil)

  /// How many summaries were computed rather than reused.
  var computed: Int { kept.withLock { $0?.computed ?? 0 } }

  /// The summary for these lines and systems on `today`: the one kept, or computed and kept. Lines
  /// or systems unlike those kept drop every summary kept (they belonged to the input before).
  /// Computed under the lock: one engine recomputes on one thread, so nothing waits on it.
  func summary(lines: [BudgetLine], systems: [SystemRecord], fiscalYear: FiscalYear, today: LocalDate) -> BudgetSummary {
    let key = Key(fiscalYear: fiscalYear, today: today)
    return kept.withLock { kept in
      if let old = kept, old.lines == lines, old.systems == systems {
        // Equal lines read again are new arrays, compared element by element: kept in place of the
        // old ones, they are the very arrays the recomputation's other trend points bring, which
        // compare at once.
        kept?.lines = lines
        kept?.systems = systems
      } else {
        kept = Kept(lines: lines, systems: systems)
      }
      if let reused = kept?.summaries[key] { return reused }
      let summary = BudgetSummary(lines: lines, systems: systems, fiscalYear: fiscalYear, today: today)
      if kept?.summaries.count ?? 0 >= Self.capacity { kept?.summaries.removeAll() }
      kept?.summaries[key] = summary
      kept?.computed += 1
      return summary
    }
  }
}
