import CNCursesW
import Foundation
import ImtopTerminal
import ImtopUI

/// A pseudo-terminal pair, so the real ncurses path can run without a terminal: tests and the
/// benchmark give the slave to `TerminalScreen`, type on the master, and count what was drawn.
public final class PseudoTerminal {
  /// The terminal's side: what a `TerminalScreen` opens.
  public let slaveDescriptor: Int32
  /// The user's side: bytes written here are typed, bytes read here were drawn.
  public let masterDescriptor: Int32
  private var fenceCount = 0
  private var isHungUp = false

  public init(size: Size) throws(TerminalError) {
    var master: Int32 = -1
    var slave: Int32 = -1
    guard imtop_open_pseudo_terminal(&master, &slave, Int32(size.height), Int32(size.width)) == 0 else {
      throw .systemCallFailed(operation: "posix_openpt", code: errno)
    }
    masterDescriptor = master
    slaveDescriptor = slave
  }

  deinit {
    if !isHungUp { close(masterDescriptor) }
    close(slaveDescriptor)
  }

  /// Closes the user's side, as a terminal emulator or SSH session that goes away does: the
  /// terminal's side hangs up (POLLHUP, EIO on write). No SIGHUP reaches a process that does not
  /// have this terminal as its controlling terminal.
  public func hangUp() {
    guard !isHungUp else { return }
    isHungUp = true
    close(masterDescriptor)
  }

  /// Options that open a `TerminalScreen` on this pseudo-terminal (no signal handling, since the
  /// process is not a dashboard, and an explicit UTF-8 locale and terminal type).
  public func screenOptions(
    terminalName: String = "xterm-256color", environment: [String: String] = [:], noColor: Bool = false
  ) -> TerminalScreen.Options {
    TerminalScreen.Options(
      terminalName: terminalName, inputDescriptor: slaveDescriptor, outputDescriptor: slaveDescriptor,
      locale: "C.UTF-8", environment: environment, noColor: noColor, enableMouse: true, handleSignals: false)
  }

  /// Changes the window size, as a terminal emulator does when its window is resized.
  public func resize(to size: Size) {
    _ = imtop_set_window_size(masterDescriptor, Int32(size.height), Int32(size.width))
  }

  /// Types `text` (UTF-8) as if on the keyboard.
  public func type(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in
        write(masterDescriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if written <= 0 { break }
      offset += written
    }
  }

  /// Everything drawn since the last call, in order.
  ///
  /// Bytes pass from slave to master asynchronously, so a plain non-blocking read could miss the
  /// tail of a frame. This writes a unique fence to the slave after the frame and reads until the
  /// fence comes back: everything before it is exactly what was drawn, however loaded the machine.
  /// - Returns: nil if the fence did not arrive within `timeoutMilliseconds`.
  public func drainOutput(timeoutMilliseconds: Int32 = 5_000) -> [UInt8]? {
    fenceCount += 1
    let fence = Array("<imtop-fence-\(fenceCount)>".utf8)
    _ = fence.withUnsafeBytes { write(slaveDescriptor, $0.baseAddress, fence.count) }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(masterDescriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        received.append(contentsOf: chunk[0..<count])
        if received.count >= fence.count, Array(received.suffix(fence.count)) == fence {
          return Array(received.dropLast(fence.count))
        }
        continue
      }
      var descriptor = pollfd(fd: masterDescriptor, events: Int16(POLLIN), revents: 0)
      if poll(&descriptor, 1, timeoutMilliseconds) <= 0 { return nil }
    }
  }
}
