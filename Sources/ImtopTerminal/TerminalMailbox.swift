import CNCursesW
import FoundationEssentials
import ImtopCore
import Glibc

/// Messages from other threads to the terminal's thread, with a pipe that wakes its loop.
///
/// The poller must never call ncurses; it posts here instead. Posting appends under a lock and, if
/// the loop is not already due to wake, writes one byte to a non-blocking pipe the loop waits on
/// together with the terminal, so an idle dashboard sleeps in `poll(2)` and wakes only for work.
///
/// The mailbox is bounded: with a `merge`, a message posted while another waits is merged into it
/// (the mailbox holds one: the live dashboard keeps only the newest state); without one, at most
/// `limit` wait and the oldest are dropped (README, Commands: a terminal that stops reading).
public final class TerminalMailbox<Message: Sendable>: @unchecked Sendable {
  private let lock = Lock()
  private var messages: [Message] = []
  private var isWakePending = false
  private let limit: Int
  private let merge: (@Sendable (_ older: Message, _ newer: Message) -> Message)?
  private var merged = 0
  private var dropped = 0
  /// The end the run loop polls.
  public let wakeDescriptor: Int32
  private let writeEnd: Int32

  /// - Parameters:
  ///   - limit: the most messages that wait without a `merge` (the oldest go first).
  ///   - merge: makes one message of a waiting one and a newer one.
  public init(
    limit: Int = 4_096, merge: (@Sendable (_ older: Message, _ newer: Message) -> Message)? = nil
  ) throws(TerminalError) {
    var ends: [Int32] = [-1, -1]
    guard imtop_make_wake_pipe(&ends) == 0 else { throw .systemCallFailed(operation: "pipe", code: errno) }
    wakeDescriptor = ends[0]
    writeEnd = ends[1]
    self.limit = max(1, limit)
    self.merge = merge
  }

  deinit {
    close(wakeDescriptor)
    close(writeEnd)
  }

  /// Queues a message for the loop (merged into the waiting one, with a `merge`) and wakes it. Safe
  /// from any thread.
  public func post(_ message: Message) {
    lock.lock()
    if let merge, let waiting = messages.last {
      messages[messages.count - 1] = merge(waiting, message)
      merged += 1
    } else {
      messages.append(message)
      if messages.count > limit {
        messages.removeFirst(messages.count - limit)
        dropped += 1
      }
    }
    let mustWake = !isWakePending
    isWakePending = true
    lock.unlock()
    if mustWake {
      var byte: UInt8 = 1
      _ = write(writeEnd, &byte, 1)
    }
  }

  /// Every queued message, oldest first, emptying the queue and the wake-up pipe.
  public func takeAll() -> [Message] {
    lock.lock()
    defer { lock.unlock() }
    var byte: UInt8 = 0
    while read(wakeDescriptor, &byte, 1) == 1 {}
    isWakePending = false
    let taken = messages
    messages.removeAll()
    return taken
  }

  /// How many messages wait, how many were merged into a waiting one, and how many were dropped.
  public var counts: (waiting: Int, merged: Int, dropped: Int) {
    lock.lock()
    defer { lock.unlock() }
    return (messages.count, merged, dropped)
  }
}
