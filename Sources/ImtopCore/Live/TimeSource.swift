import FoundationEssentials

/// Where the live layer learns the time: the system clock in the app, a hand-moved clock in tests,
/// so that a test can simulate forty days of polling in milliseconds.
public protocol TimeSource: Sendable {
  var now: Timestamp { get }
}

/// The system's wall clock.
public struct SystemTimeSource: TimeSource {
  public init() {}

  public var now: Timestamp {
    Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }
}
