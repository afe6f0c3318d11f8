import CNCursesW
import FoundationEssentials
import Glibc
import ImtopUI

extension TerminalScreen {
  /// Every input event already waiting, without blocking (at most `limit`, so a huge paste cannot
  /// starve drawing). A resize also updates `size` and makes the next frame repaint everything.
  public func pendingEvents(limit: Int = 256) -> [InputEvent] {
    guard !isRestored else { return [] }
    wtimeout(window, 0)
    var events: [InputEvent] = []
    while events.count < limit {
      var code: wint_t = 0
      let status = wget_wch(window, &code)
      if status == ERR { break }
      if let event = interpret(status: status, code: UInt32(code)) { events.append(event) }
    }
    return events
  }

  /// Reads the window size from the terminal and resizes ncurses' screen to it (after SIGWINCH);
  /// the resize event when the size changed, nil otherwise.
  public func updateSize() -> InputEvent? {
    guard !isRestored else { return nil }
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard imtop_get_window_size(options.outputDescriptor, &rows, &columns) == 0, rows > 0, columns > 0 else {
      return nil
    }
    if rows != getmaxy(window) || columns != getmaxx(window) { resizeterm(rows, columns) }
    return adopt(Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))))
  }

  /// Takes a new window size: the next frame repaints everything. Nil when the size is the same
  /// (ncurses may report a resize that `updateSize` already handled).
  private func adopt(_ newSize: Size) -> InputEvent? {
    guard newSize != size else { return nil }
    size = newSize
    invalidate()
    return .resize(newSize)
  }

  /// The event a `wget_wch` result stands for; nil for keys the dashboard ignores.
  package func interpret(status: Int32, code: UInt32) -> InputEvent? {
    switch KeyDecoder.decode(status: status, code: code) {
    case .event(let event):
      return event
    case .ignored:
      return nil
    case .resize:
      return adopt(Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))))
    case .mouse:
      var event = MEVENT()
      guard getmouse(&event) == OK, let button = KeyDecoder.button(event.bstate) else { return nil }
      return .mouse(MouseEvent(button: button, x: Int(event.x), y: Int(event.y)))
    }
  }

  /// Sleeps in `poll(2)` until a key is waiting, `wakeDescriptor` (the mailbox) is readable, a
  /// signal's byte is in the signal pipe, the terminal hangs up (POLLHUP or POLLERR: a pseudo-terminal
  /// closed without SIGHUP, which used to make this return at once forever), the terminal takes
  /// output again (with `watchOutput`), or the timeout passes.
  public func wait(wakeDescriptor: Int32, timeoutMilliseconds: Int32, watchOutput: Bool) throws(TerminalError) -> TerminalWake {
    var descriptors = [
      pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
    ]
    if let signals {
      descriptors.append(pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0))
    }
    if watchOutput {
      descriptors.append(pollfd(fd: output.writerDescriptor, events: Int16(POLLOUT), revents: 0))
    }
    let result = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
    // A signal interrupts the wait (EINTR); its byte is in the signal pipe by then.
    if result < 0 && errno != EINTR { throw .systemCallFailed(operation: "poll", code: errno) }
    var wake = TerminalWake(signals: signals?.takeSignals() ?? [])
    guard result > 0 else { return wake }
    let failed = Int16(POLLHUP | POLLERR | POLLNVAL)
    if descriptors[0].revents & failed != 0 { wake.hungUp = true }
    if watchOutput, let terminal = descriptors.last {
      if terminal.revents & failed != 0 { wake.hungUp = true }
      if terminal.revents & Int16(POLLOUT) != 0 { wake.outputReady = true }
    }
    return wake
  }
}
