import Foundation
import ImtopUI

@testable import ImtopTerminal

/// What a `FloodProgram` running on another thread has done, for the test thread to wait on.
final class FloodRecord: @unchecked Sendable {
  private let lock = NSLock()
  private var latest = 0
  private var drops = 0
  private var ending: (status: Int32, statistics: TerminalRunLoop<FloodProgram>.OutputStatistics)?

  var latestState: Int { lock.withLock { latest } }
  var framesDropped: Int { lock.withLock { drops } }
  var end: (status: Int32, statistics: TerminalRunLoop<FloodProgram>.OutputStatistics)? { lock.withLock { ending } }

  func received(_ state: Int) { lock.withLock { latest = state } }
  func dropped() { lock.withLock { drops += 1 } }
  func ended(_ status: Int32, _ statistics: TerminalRunLoop<FloodProgram>.OutputStatistics) {
    lock.withLock { ending = (status, statistics) }
  }

  /// Waits until `condition` holds, polling every 10 ms; false after `seconds`.
  func wait(seconds: Double, until condition: (FloodRecord) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition(self) {
      if Date() > deadline { return false }
      usleep(10_000)
    }
    return true
  }
}
