import Foundation
import ImtopTerminal
import ImtopUI

/// What frames cost on the wire: drawn by the real ncurses path on a pseudo-terminal, the bytes that
/// came out counted on the other side. For the tests' and the benchmark's bytes-per-frame and
/// bytes-per-cell figures.
public enum FrameCost {
  /// One frame's cost.
  public struct Sample: Hashable, Sendable {
    /// Cells the diff wrote into ncurses' window.
    public var cellsWritten: Int
    /// Bytes the terminal received for the frame (-1 if they did not all arrive within 5 s).
    public var bytes: Int
    /// Those bytes (empty on a timeout), to show where they go.
    public var output: [UInt8]
  }

  /// Draws `frames` in order on a fresh screen the size of the first and measures each.
  ///
  /// A whole dashboard's first frame can be larger than the pseudo-terminal's buffer: a thread keeps
  /// reading the terminal's side, the screen sends all of each frame before the next, and a fence
  /// written after each frame marks where it ends. ncurses keeps global state: call this from one thread, with no
  /// other `TerminalScreen` open. `typedAhead` is typed on the keyboard before each frame and left
  /// unread, as keys pressed while a frame is drawn are. `writesANSIFrames: false` draws through
  /// ncurses, as on a terminal that does not speak ANSI.
  public static func measure(
    _ frames: [Buffer], theme: Theme, terminalName: String = "xterm-256color", environment: [String: String] = [:],
    typedAhead: [UInt8] = [], writesANSIFrames: Bool = true
  ) throws(TerminalError) -> [Sample] {
    guard let first = frames.first else { return [] }
    let terminal = try PseudoTerminal(size: first.size)
    let reader = TerminalReader(descriptor: terminal.masterDescriptor)
    defer { reader.stop() }
    var options = terminal.screenOptions(terminalName: terminalName, environment: environment)
    options.enableMouse = false
    options.writesANSIFrames = writesANSIFrames
    let screen = try TerminalScreen(options: options)
    defer { screen.restore() }
    var fences = 0
    func drained() -> [UInt8]? {
      fences += 1
      let fence = Array("<frame-fence-\(fences)>".utf8)
      _ = fence.withUnsafeBytes { write(terminal.slaveDescriptor, $0.baseAddress, fence.count) }
      return reader.take(through: fence)
    }
    // The start-up sequences (alternate screen, keypad mode) are not part of any frame.
    _ = drained()
    return frames.map { frame in
      _ = typedAhead.withUnsafeBytes { write(terminal.masterDescriptor, $0.baseAddress, typedAhead.count) }
      let cells = screen.draw(frame, theme: theme)
      // A frame larger than what the pseudo-terminal holds is sent as the reader takes it.
      screen.finishOutput()
      let output = drained()
      return Sample(cellsWritten: cells, bytes: output?.count ?? -1, output: output ?? [])
    }
  }
}

/// Reads a descriptor on its own thread until stopped, so the writer never waits.
final class TerminalReader: @unchecked Sendable {
  private let lock = NSLock()
  private var received: [UInt8] = []
  private var stopped = false
  private let descriptor: Int32
  private let finished = DispatchSemaphore(value: 0)

  init(descriptor: Int32) {
    self.descriptor = descriptor
    Thread { [self] in run() }.start()
  }

  private func run() {
    defer { finished.signal() }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while !lock.withLock({ stopped }) {
      var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&ready, 1, 50) > 0 else { continue }
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      // The master is non-blocking: a poll that saw data may still find none (EAGAIN), and a
      // signal may cut the read short (EINTR). Ending there lost every later frame (fences timed
      // out); only a closed or failed descriptor ends the reading.
      if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }
      if count <= 0 { return }
      lock.withLock { received.append(contentsOf: chunk[0..<count]) }
    }
  }

  /// Ends the reading and waits for the thread (at most a poll's 50 ms): the descriptor is closed
  /// next and its number given to the next terminal, whose output a thread still reading would take.
  func stop() {
    lock.withLock { stopped = true }
    finished.wait()
  }

  /// Waits (up to 60 s: the whole suite runs in parallel on a loaded machine) until `fence` has
  /// arrived, removes everything up to and including it, and returns the bytes that came before it
  /// (nil on timeout).
  func take(through fence: [UInt8]) -> [UInt8]? {
    let deadline = DispatchTime.now().uptimeNanoseconds + 60_000_000_000
    while DispatchTime.now().uptimeNanoseconds < deadline {
      let taken: [UInt8]? = lock.withLock {
        guard let range = Self.find(fence, in: received) else { return nil }
        defer { received.removeSubrange(0..<range.upperBound) }
        return Array(received[0..<range.lowerBound])
      }
      if let taken { return taken }
      usleep(1_000)
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if Array(haystack[start..<(start + needle.count)]) == needle { return start..<(start + needle.count) }
    }
    return nil
  }
}
