import CNCursesW
import ImtopUI

/// Turns what `wget_wch` returned into an input event, independent of how the terminal encoded it.
enum KeyDecoder {
  /// What one `wget_wch` result means.
  enum Decoded: Hashable {
    case event(InputEvent)
    /// `KEY_RESIZE`: the size must be read from the window.
    case resize
    /// `KEY_MOUSE`: the event must be fetched with `getmouse`.
    case mouse
    /// A key the dashboard has no use for (modified keys past `KEY_MAX`, NUL...).
    case ignored
  }

  /// - Parameters:
  ///   - status: `OK` for a character, `KEY_CODE_YES` for a function key.
  ///   - code: the character or the `KEY_*` code.
  static func decode(status: Int32, code: UInt32) -> Decoded {
    if status == KEY_CODE_YES { return decodeKeyCode(Int32(bitPattern: code)) }
    guard status == OK else { return .ignored }
    switch code {
    case 0x0A, 0x0D: return .event(.key(.enter))
    case 0x09: return .event(.key(.tab))
    case 0x1B: return .event(.key(.escape))
    case 0x08, 0x7F: return .event(.key(.backspace))
    case 0x01...0x1A:
      // Ctrl-A is 1 ... Ctrl-Z is 26; raw mode delivers Ctrl-C here instead of raising SIGINT.
      return .event(.key(.control(Character(Unicode.Scalar(UInt8(0x60 + code))))))
    case 0x1C...0x1F:
      return .event(.key(.control(Character(Unicode.Scalar(UInt8(0x40 + code))))))
    default:
      guard code > 0x1F, let scalar = Unicode.Scalar(code), !TerminalGlyph.isControl(scalar) else { return .ignored }
      return .event(.key(.character(Character(scalar))))
    }
  }

  private static func decodeKeyCode(_ code: Int32) -> Decoded {
    switch code {
    case KEY_RESIZE: return .resize
    case KEY_MOUSE: return .mouse
    case KEY_UP: return .event(.key(.up))
    case KEY_DOWN: return .event(.key(.down))
    case KEY_LEFT: return .event(.key(.left))
    case KEY_RIGHT: return .event(.key(.right))
    case KEY_PPAGE: return .event(.key(.pageUp))
    case KEY_NPAGE: return .event(.key(.pageDown))
    case KEY_HOME, KEY_A1, KEY_FIND: return .event(.key(.home))
    case KEY_END, KEY_C1, KEY_SELECT: return .event(.key(.end))
    case KEY_A3: return .event(.key(.pageUp))
    case KEY_C3: return .event(.key(.pageDown))
    case KEY_ENTER: return .event(.key(.enter))
    case KEY_BACKSPACE: return .event(.key(.backspace))
    case KEY_DC: return .event(.key(.delete))
    case KEY_BTAB: return .event(.key(.backTab))
    default:
      let functionNumber = code - imtop_key_f0()
      if (1...63).contains(functionNumber) { return .event(.key(.function(Int(functionNumber)))) }
      return .ignored
    }
  }

  /// The button of a mouse event's state bits; nil for releases and motion.
  static func button(_ state: mmask_t) -> MouseEvent.Button? {
    if state & imtop_mouse_button1() != 0 { return .left }
    if state & imtop_mouse_button2() != 0 { return .middle }
    if state & imtop_mouse_button3() != 0 { return .right }
    if state & imtop_mouse_wheel_up() != 0 { return .wheelUp }
    if state & imtop_mouse_wheel_down() != 0 { return .wheelDown }
    return nil
  }
}
