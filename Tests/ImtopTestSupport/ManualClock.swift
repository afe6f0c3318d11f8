import Foundation
import ImtopCore

/// A clock the test moves by hand, so that a test can simulate days of polling in milliseconds.
public final class ManualClock: TimeSource, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Timestamp

  public init(_ start: Timestamp) { current = start }

  public var now: Timestamp {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  public func advance(by span: Span) {
    lock.lock()
    current = current + span
    lock.unlock()
  }
}
