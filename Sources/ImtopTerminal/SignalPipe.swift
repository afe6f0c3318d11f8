import CNCursesW
import FoundationEssentials
import Glibc

/// SIGINT, SIGTERM, SIGHUP and SIGWINCH turned into bytes on a pipe the run loop waits on.
///
/// A signal handler may do almost nothing safely, certainly not call ncurses; this one (in the C
/// shim) writes the signal number to a non-blocking pipe, and the loop restores the terminal and
/// exits, or reads the new window size, on its own thread. The kernel may run the handler on any
/// thread that does not block the signal (no imtop thread blocks them), and the byte in
/// the pipe wakes the loop's `poll(2)` whichever thread that was. The shim's install and restore
/// are called from this file only, so their static state is one copy.
final class SignalPipe {
  /// The end the loop polls.
  let readEnd: Int32
  private let writeEnd: Int32
  private var isInstalled = true

  // Never inlined, as FatalSignalRestore's calls: the C state they share has one copy per object file.
  @inline(never)
  init() throws(TerminalError) {
    var ends: [Int32] = [-1, -1]
    guard imtop_make_wake_pipe(&ends) == 0 else { throw .systemCallFailed(operation: "pipe", code: errno) }
    readEnd = ends[0]
    writeEnd = ends[1]
    guard imtop_install_signal_pipe(writeEnd) == 0 else {
      let code = errno
      imtop_restore_signals()
      close(readEnd)
      close(writeEnd)
      throw .systemCallFailed(operation: "sigaction", code: code)
    }
  }

  /// The signals received since the last call, in order, each once.
  func takeSignals() -> [Int32] {
    var received: [Int32] = []
    var byte: UInt8 = 0
    while read(readEnd, &byte, 1) == 1 {
      if !received.contains(Int32(byte)) { received.append(Int32(byte)) }
    }
    return received
  }

  /// Puts the previous handlers back and closes the pipe.
  @inline(never)
  func restore() {
    guard isInstalled else { return }
    isInstalled = false
    imtop_restore_signals()
    close(readEnd)
    close(writeEnd)
  }

  deinit { restore() }
}
