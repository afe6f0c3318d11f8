import Foundation

/// Nanoseconds since the epoch that move only when told, for a `TerminalRunLoop`'s clock in tests:
/// a stall timeout passes in a step, not in real time.
public final class SteppedClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Int64

  /// Starts at 2026-01-01T00:00:00Z unless told otherwise.
  public init(start: Int64 = 1_767_225_600_000_000_000) { current = start }

  public var now: Int64 { lock.withLock { current } }

  public func advance(by duration: Duration) {
    let (seconds, attoseconds) = duration.components
    lock.withLock { current += seconds * 1_000_000_000 + attoseconds / 1_000_000_000 }
  }

  /// The clock as the run loop takes it.
  public var function: @Sendable () -> Int64 { { [self] in now } }
}
