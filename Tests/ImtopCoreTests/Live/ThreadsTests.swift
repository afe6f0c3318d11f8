import Dispatch
import Foundation
import ImtopCore
import ImtopTestSupport
import Testing

/// The pthread wrappers that stand in for the full Foundation's NSLock, NSCondition and Thread.
@Suite struct ThreadsTests {
  @Test func aWaitWithNobodyToSignalEndsAtItsDeadline() {
    let condition = Condition()
    condition.lock()
    let signalled = condition.wait(until: Condition.deadline(after: 0.05))
    condition.unlock()
    #expect(!signalled)
  }

  @Test func aStartedThreadRunsAndItsSignalWakesTheWaiter() {
    let condition = Condition()
    let flag = Lock()
    nonisolated(unsafe) var done = false
    condition.lock()
    let started = startThread(name: "imtop-test-thread-with-a-long-name") {
      condition.lock()
      flag.withLock { done = true }
      condition.signal()
      condition.unlock()
    }
    #expect(started)
    // Generous: the machine may be busy; the wait ends as soon as the thread signals.
    let deadline = Condition.deadline(after: 60)
    while !flag.withLock({ done }) {
      if !condition.wait(until: deadline) { break }
    }
    condition.unlock()
    #expect(flag.withLock { done })
  }

  @Test func aLockKeepsConcurrentIncrementsWhole() {
    let lock = Lock()
    nonisolated(unsafe) var count = 0
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      for _ in 0..<10_000 { lock.withLock { count += 1 } }
    }
    #expect(count == 80_000)
  }

  @Test func appendingAddsToTheEndAndAMissingFileIsAnErrorThatNamesIt() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-file-write")
    defer { folder.remove() }
    let path = folder.file("status.jsonl").path
    try "first\n".write(toFile: path, atomically: false, encoding: .utf8)
    try FileWrite.append("second\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\nsecond\n")
    let missing = folder.file("absent.jsonl").path
    #expect(throws: FileWriteError(path: missing, code: ENOENT)) { try FileWrite.append("x\n", to: missing) }
    #expect(FileWriteError(path: missing, code: ENOENT).description == "cannot write \(missing): No such file or directory")
  }
}
