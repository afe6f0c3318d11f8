import FoundationEssentials
import Glibc
import ImtopCore

/// When the next clock tick is due, aligned to the wall clock.
///
/// A header clock that shows seconds must change when the second turns, not a fraction later, and an
/// idle loop should wake exactly then and at no other time.
public struct TickSchedule: Hashable, Sendable {
  public let intervalNanoseconds: Int64

  public init(interval: Duration) {
    let (seconds, attoseconds) = interval.components
    // Saturating: a Duration of more than 292 years would overflow nanoseconds.
    let nanoseconds = seconds.saturatingMultiplied(by: 1_000_000_000).saturatingAdding(attoseconds / 1_000_000_000)
    intervalNanoseconds = max(1_000_000, nanoseconds)
  }

  /// The first multiple of the interval strictly after `now` (nanoseconds since the epoch).
  public func nextTick(after now: Int64) -> Int64 {
    (now / intervalNanoseconds + 1) * intervalNanoseconds
  }

  /// Milliseconds to wait from `now` until `deadline`, rounded up so the wait never ends before it;
  /// 0 when it has passed.
  public static func timeoutMilliseconds(from now: Int64, until deadline: Int64) -> Int32 {
    guard deadline > now else { return 0 }
    return Int32(clamping: (deadline - now + 999_999) / 1_000_000)
  }

  /// Nanoseconds since the epoch from the system's real-time clock.
  public static func wallClock() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
  }
}
