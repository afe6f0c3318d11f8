import CNCursesW
import ImtopTerminal
import ImtopUI

/// What ncurses holds for one cell, read back from the window (for tests).
public struct InspectedCell: Hashable {
  public var text: String
  public var attributes: Attributes
  /// The colours of the cell's pair as ncurses colour numbers (-1: the terminal's default).
  public var foreground: Int32
  public var background: Int32
}

/// Reading the screen back, for tests: what a cell holds, and input one event at a time.
extension TerminalScreen {
  /// The cell ncurses holds at a position, so tests can check a frame without parsing escape codes.
  public func inspect(x: Int, y: Int) -> InspectedCell? {
    var cell = cchar_t()
    guard mvwin_wch(window, Int32(y), Int32(x), &cell) != ERR else { return nil }
    var characters = [wchar_t](repeating: 0, count: Int(imtop_ccharw_max()) + 1)
    var attributes: attr_t = 0
    var shortPair: Int16 = 0
    var pair: Int32 = 0
    guard getcchar(&cell, &characters, &attributes, &shortPair, &pair) != ERR else { return nil }
    var text = ""
    for character in characters {
      guard character != 0, let scalar = Unicode.Scalar(UInt32(bitPattern: character)) else { break }
      text.unicodeScalars.append(scalar)
    }
    var foreground: Int32 = -1
    var background: Int32 = -1
    if pair != 0 { extended_pair_content(pair, &foreground, &background) }
    var result: Attributes = []
    if attributes & imtop_attr_bold() != 0 { result.insert(.bold) }
    if attributes & imtop_attr_dim() != 0 { result.insert(.dim) }
    if attributes & imtop_attr_underline() != 0 { result.insert(.underline) }
    if attributes & imtop_attr_reverse() != 0 { result.insert(.reverse) }
    if attributes & imtop_attr_italic() != 0 { result.insert(.italic) }
    return InspectedCell(text: text, attributes: result, foreground: foreground, background: background)
  }

  /// The next input event, waiting at most `timeoutMilliseconds` (-1: forever); nil on timeout.
  /// Keys the dashboard ignores are skipped without ending the wait early.
  public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
    guard !isRestored else { return nil }
    wtimeout(window, timeoutMilliseconds)
    defer { wtimeout(window, 0) }
    while true {
      var code: wint_t = 0
      let status = wget_wch(window, &code)
      if status == ERR { return nil }
      if let event = interpret(status: status, code: UInt32(code)) { return event }
    }
  }
}
