import ImtopUI

@testable import ImtopTerminal

/// A backend that passes everything to another and tells a `FloodRecord` of each dropped frame.
final class ObservedBackend: TerminalBackend {
  let base: any TerminalBackend
  let record: FloodRecord

  init(_ base: any TerminalBackend, record: FloodRecord) {
    self.base = base
    self.record = record
  }

  var size: Size { base.size }
  var capabilities: TerminalCapabilities { base.capabilities }
  var hasPendingOutput: Bool { base.hasPendingOutput }
  func draw(_ changes: [CellChange], theme: Theme) -> Int { base.draw(changes, theme: theme) }
  func sendOutput() -> OutputProgress { base.sendOutput() }
  func dropPendingOutput() {
    base.dropPendingOutput()
    record.dropped()
  }

  func invalidate() { base.invalidate() }
  func pendingEvents(limit: Int) -> [InputEvent] { base.pendingEvents(limit: limit) }
  func wait(wakeDescriptor: Int32, timeoutMilliseconds: Int32, watchOutput: Bool) throws(TerminalError) -> TerminalWake {
    try base.wait(wakeDescriptor: wakeDescriptor, timeoutMilliseconds: timeoutMilliseconds, watchOutput: watchOutput)
  }
  func updateSize() -> InputEvent? { base.updateSize() }
  func suspend() { base.suspend() }
  func resume() { base.resume() }
  func restore() { base.restore() }
}
