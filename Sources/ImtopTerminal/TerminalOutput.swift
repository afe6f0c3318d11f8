import CNCursesW
import Dispatch
import FoundationEssentials
import Glibc

/// How far sending what was drawn got.
public enum OutputProgress: Hashable, Sendable {
  /// Everything drawn has reached the terminal (or nothing was waiting).
  case sent
  /// The terminal takes no more for now; `progressed` when it took some bytes first.
  case blocked(progressed: Bool)
  /// Writing failed for good (EIO: the terminal hung up).
  case gone
}

/// What ncurses draws, held in memory and sent to the terminal without ever blocking.
///
/// ncurses writes each frame with write(2) to its output descriptor and retries until all of it is
/// written: on a terminal that stops reading (a hung SSH link) it blocks, or spins on EAGAIN, and a
/// memory `FILE` has no descriptor (ncurses then drops the frame). So once the screen is set up its
/// descriptor is pointed at a memory file: `collect()` moves what it wrote into `pending`, and
/// `send()` writes what the terminal accepts now, through a non-blocking descriptor of its own. At
/// most a frame waits here: the run loop draws no new frame while one is pending (README, Commands:
/// a terminal that stops reading).
final class TerminalOutput {
  /// The memory file ncurses writes to.
  let captureDescriptor: Int32
  /// The terminal, opened again with O_NONBLOCK; or a duplicate made non-blocking only while writing
  /// when the terminal cannot be reopened by name.
  let writerDescriptor: Int32
  private let togglesBlocking: Bool
  private var pending: [UInt8] = []
  private var offset = 0
  private var isClosed = false
  /// Bytes that were never sent because a frame was dropped.
  private(set) var bytesDropped = 0

  /// Bytes drawn but not yet accepted by the terminal.
  var pendingCount: Int { pending.count - offset }

  init(terminalDescriptor: Int32) throws(TerminalError) {
    let capture = imtop_open_memory_file()
    guard capture >= 0 else { throw .systemCallFailed(operation: "memfd_create", code: errno) }
    var writer = imtop_open_terminal_writer(terminalDescriptor)
    togglesBlocking = writer < 0
    if writer < 0 { writer = fcntl(terminalDescriptor, F_DUPFD_CLOEXEC, 0) }
    guard writer >= 0 else {
      let code = errno
      Glibc.close(capture)
      throw .systemCallFailed(operation: "dup", code: code)
    }
    captureDescriptor = capture
    writerDescriptor = writer
  }

  deinit { close() }

  /// Moves what ncurses wrote since the last call to the end of `pending`, and empties the file.
  func collect() {
    guard !isClosed else { return }
    let size = lseek(captureDescriptor, 0, SEEK_CUR)
    guard size > 0 else { return }
    let start = pending.count
    pending.append(contentsOf: repeatElement(0, count: Int(size)))
    let read = pending.withUnsafeMutableBytes { pread(captureDescriptor, $0.baseAddress.map { $0 + start }, Int(size), 0) }
    pending.removeLast(Int(size) - max(0, read))
    _ = ftruncate(captureDescriptor, 0)
    _ = lseek(captureDescriptor, 0, SEEK_SET)
  }

  /// Empties the memory file without sending what ncurses wrote.
  func discardCaptured() {
    guard !isClosed, lseek(captureDescriptor, 0, SEEK_CUR) > 0 else { return }
    _ = ftruncate(captureDescriptor, 0)
    _ = lseek(captureDescriptor, 0, SEEK_SET)
  }

  /// Queues bytes of our own (a reset before a repaint) after what is pending.
  func enqueue(_ bytes: [UInt8]) {
    pending += bytes
  }

  /// Writes what the terminal accepts now, never waiting.
  func send() -> OutputProgress {
    guard !isClosed else { return .gone }
    var progressed = false
    if togglesBlocking { _ = imtop_set_blocking(writerDescriptor, 0) }
    defer { if togglesBlocking { _ = imtop_set_blocking(writerDescriptor, 1) } }
    while offset < pending.count {
      let written = pending.withUnsafeBytes { bytes in
        write(writerDescriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      }
      if written > 0 {
        offset += written
        progressed = true
      } else if written < 0 && errno == EINTR {
        continue
      } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        return .blocked(progressed: progressed)
      } else {
        return .gone
      }
    }
    clear()
    return .sent
  }

  /// Sends everything pending, waiting for the terminal while it keeps taking bytes: gives up after
  /// `idleMilliseconds` without progress or `totalMilliseconds` in all. True when all was sent.
  func finish(idleMilliseconds: Int32, totalMilliseconds: Int32) -> Bool {
    let start = DispatchTime.now().uptimeNanoseconds
    while true {
      switch send() {
      case .sent: return true
      case .gone: return false
      case .blocked:
        let elapsed = Int64((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        let left = Int64(totalMilliseconds) - elapsed
        guard left > 0 else { return false }
        var ready = pollfd(fd: writerDescriptor, events: Int16(POLLOUT), revents: 0)
        let result = poll(&ready, 1, Int32(min(Int64(idleMilliseconds), left)))
        if result == 0 { return false }
        if result < 0 && errno != EINTR { return false }
        if ready.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return false }
      }
    }
  }

  /// Forgets what was not sent (the terminal shows part of a frame until the repaint).
  func discard() {
    collect()
    bytesDropped += pendingCount
    clear()
  }

  func close() {
    guard !isClosed else { return }
    isClosed = true
    Glibc.close(captureDescriptor)
    Glibc.close(writerDescriptor)
    pending = []
    offset = 0
  }

  private func clear() {
    // A buffer of a frame's size is kept for the next frame; a larger one is given back.
    pending.removeAll(keepingCapacity: pending.capacity <= 256 * 1024)
    offset = 0
  }
}
