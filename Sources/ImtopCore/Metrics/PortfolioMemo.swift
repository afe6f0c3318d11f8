import Synchronization

/// The systems' figures of the last recomputation, so that the next one keeps a single copy of what
/// came out the same.
///
/// A recomputation builds a new snapshot while the screen still holds the one before: at 50,000
/// systems each system's latency series (48 buckets), 30-day state history and monthly figures took
/// about 20 MB per snapshot, held twice at the peak although most of them had not changed (an idle
/// dashboard recomputes when a system goes silent; a live one when a line arrives). Each new value
/// is still worked out in full; where it equals the one before, the new figures take the earlier
/// value's storage, so the two snapshots share it. Values are only ever replaced by equal ones:
/// what the figures say does not depend on the memo.
///
/// What is kept is the array of the last snapshot's systems, which that snapshot holds anyway.
final class PortfolioMemo: Sendable {
  private let kept = Mutex<[SystemHealth]>([])

  /// The systems' figures of the last recomputation, in the inventory's order then.
  var previous: [SystemHealth] { kept.withLock { $0 } }

  func keep(_ systems: [SystemHealth]) {
    kept.withLock { $0 = systems }
  }
}
