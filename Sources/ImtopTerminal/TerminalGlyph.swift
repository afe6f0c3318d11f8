import ImtopUI

/// What actually goes into one terminal cell for a cell's grapheme, checked once more at the border.
///
/// The `Buffer` already sanitises text, but this is the last code before bytes reach the terminal,
/// so it defends in depth: a control character that slipped through becomes its visible picture
/// (`␛` for ESC), never a raw byte that could start an escape sequence; a grapheme the terminal's
/// character set or width tables cannot show becomes a placeholder of the width the frame expects.
struct TerminalGlyph: Hashable {
  /// The scalars to write: one spacing character, then combining marks (at most `maxScalars`).
  var scalars: [Unicode.Scalar]
  /// True when the frame gives this grapheme two columns but the terminal will draw one: the column
  /// to the right must be blanked explicitly.
  var padsSecondColumn: Bool
  /// The columns the frame gives it (1 or 2), which the terminal's cursor moves by.
  var columns: Int

  /// - Parameters:
  ///   - grapheme: the cell's text (normally one grapheme of width 1 or 2).
  ///   - utf8: whether the locale can encode anything beyond ASCII.
  ///   - maxScalars: how many scalars a cell holds (`CCHARW_MAX`, less the terminator).
  ///   - terminalWidth: the terminal's width for a scalar (`wcwidth`), -1 when it cannot print it.
  init(grapheme: String, utf8: Bool, maxScalars: Int, terminalWidth: (Unicode.Scalar) -> Int) {
    // Most cells are one printable ASCII byte: no need for grapheme or width work.
    let bytes = grapheme.utf8
    if bytes.count == 1, let byte = bytes.first, byte >= 0x20, byte < 0x7F {
      self.init(scalars: [Unicode.Scalar(byte)], padsSecondColumn: false, columns: 1)
      return
    }
    guard let character = grapheme.first, let first = character.unicodeScalars.first else {
      self.init(scalars: [" "], padsSecondColumn: false, columns: 1)
      return
    }
    let frameWidth = SafeText.width(String(character)) == 2 ? 2 : 1
    var scalars = Array(character.unicodeScalars)
    if let control = scalars.first(where: TerminalGlyph.isControl) {
      scalars = [TerminalGlyph.picture(of: control)]
    } else if !utf8 && scalars.contains(where: { !$0.isASCII }) {
      scalars = ["?"]
    } else if scalars.count > maxScalars {
      scalars = [first]
    }
    guard let base = scalars.first else {
      self.init(scalars: [" "], padsSecondColumn: false, columns: 1)
      return
    }
    let width = base.isASCII ? 1 : terminalWidth(base)
    if frameWidth == 2 && width == 1 && scalars.contains("\u{FE0F}") {
      // `❤️`: the frame gives it two cells, as emoji-rendering terminals draw it, but ncurses
      // counts one (wcwidth of the heart) and would not know the cursor moved two. Without the
      // selector every terminal draws one cell, as ncurses expects, and the second is blanked.
      self.init(scalars: scalars.filter { $0 != "\u{FE0F}" }, padsSecondColumn: true, columns: 2)
      return
    }
    if width < 1 || width > frameWidth {
      // Unprintable here, or wider than the frame allows: a wider glyph would eat the next cell.
      self.init(scalars: [utf8 ? "\u{FFFD}" : "?"], padsSecondColumn: frameWidth == 2, columns: frameWidth)
      return
    }
    self.init(scalars: scalars, padsSecondColumn: frameWidth == 2 && width == 1, columns: frameWidth)
  }

  init(scalars: [Unicode.Scalar], padsSecondColumn: Bool, columns: Int) {
    self.scalars = scalars
    self.padsSecondColumn = padsSecondColumn
    self.columns = columns
  }

  /// C0 and C1 controls and DEL (what escape sequences are made of), and the bidi and line controls
  /// that could reorder what follows on the line.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
      return true
    default:
      return false
    }
  }

  /// `␀`..`␟` for C0 controls, `␡` for DEL, `�` for the rest.
  static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
    case 0x7F: return "\u{2421}"
    default: return "\u{FFFD}"
    }
  }
}
