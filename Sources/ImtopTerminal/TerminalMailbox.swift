import CNCursesW
import Foundation

/// Messages from other threads to the terminal's thread, with a pipe that wakes its loop.
///
/// The poller must never call ncurses; it posts here instead. Posting appends under a lock and, if
/// the loop is not already due to wake, writes one byte to a non-blocking pipe the loop waits on
/// together with the terminal, so an idle dashboard sleeps in `poll(2)` and wakes only for work.
public final class TerminalMailbox<Message: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [Message] = []
  private var isWakePending = false
  /// The end the run loop polls.
  public let wakeDescriptor: Int32
  private let writeEnd: Int32

  public init() throws(TerminalError) {
    var ends: [Int32] = [-1, -1]
    guard imtop_make_wake_pipe(&ends) == 0 else { throw .systemCallFailed(operation: "pipe", code: errno) }
    wakeDescriptor = ends[0]
    writeEnd = ends[1]
  }

  deinit {
    close(wakeDescriptor)
    close(writeEnd)
  }

  /// Queues a message for the loop and wakes it. Safe from any thread.
  public func post(_ message: Message) {
    lock.lock()
    messages.append(message)
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
}
