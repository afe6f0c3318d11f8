import Foundation
import ImtopCore
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTestSupport

/// Text from the data files that tries to talk to the terminal: escape and OSC sequences, bidi
/// overrides, zero-width characters, very long strings. Drawn through ncurses on a pseudo-terminal,
/// none of it may reach the terminal as control data, and the screen's frame must not move.
extension NCursesTests {
  static let hostile: [String] = [
    "\u{1B}]0;owned title\u{07}",  // OSC 0: set the window title
    "\u{1B}]52;c;aGVsbG8=\u{07}",  // OSC 52: write the clipboard
    "\u{1B}[2J\u{1B}[6n\u{1B}[?1049l",  // clear, report the cursor, leave the alternate screen
    "\u{1B}P+q544e\u{1B}\\",  // DCS: request terminfo
    "\u{9B}31m\u{9D}2;c1 title\u{9C}",  // the same as C1 controls
    "abc\u{202E}fdp.exe\u{202C}\u{2066}x\u{2069}",  // bidi override and isolates
    "zero\u{200B}width\u{200D}join\u{FEFF}\u{200F}",  // zero-width space, joiner, BOM, RLM
    String(repeating: "L", count: 5000),  // very long
  ]

  /// The snapshot of an organisation whose names, messages and summaries are all hostile (or, with
  /// `benign`, plain letters in their place).
  static func hostileSnapshot(benign: Bool) -> Snapshot {
    let now = CivilTime(year: 2026, month: 11, day: 28, hour: 9).utcTimestamp
    var dataSet = TestOrganisation()
    for (index, text) in hostile.enumerated() {
      let id = "s\(index)"
      let shown = benign ? "System \(index)" : text
      dataSet.systems.append(SystemRecord(id: id, name: shown, category: shown, vendor: shown, owner: shown))
      dataSet.status.append(StatusSample(timestamp: now - .seconds(30), system: id, state: index % 2 == 0 ? .down : .up, latencyMs: 12, message: shown))
      dataSet.incidents.append(Incident(id: "INC-\(index)", system: id, priority: .p1, opened: now - .hours(2), summary: shown))
    }
    return MetricEngine().snapshot(of: dataSet, at: now)
  }

  /// Scalars that must never be written: C0 controls other than the ones a screen update needs
  /// (ESC, BS, CR, LF), DEL, C1 controls, bidi controls and invisible formatting characters.
  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x07, 0x0B, 0x0C, 0x0E...0x1A, 0x1C...0x1F, 0x7F...0x9F: return true
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0x061C: return true
    default: return false
    }
  }

  /// What follows each ESC in `bytes`: ncurses only ever writes CSI (`[`), charset (`(`, `)`) and
  /// keypad/cursor-save sequences (`=`, `>`, `7`, `8`, `M`), never OSC `]`, DCS `P`, APC `_` or PM `^`.
  static func escapeIntroducers(in bytes: [UInt8]) -> Set<UInt8> {
    var found = Set<UInt8>()
    for index in bytes.indices.dropLast() where bytes[index] == 0x1B { found.insert(bytes[index + 1]) }
    return found
  }

  @Test(arguments: PageName.allCases)
  func hostileTextNeverReachesTheTerminalAsControlData(page: PageName) throws {
    try withScreen(size: Size(width: 120, height: 40)) { screen, terminal in
      _ = terminal.drainOutput()
      let frame = ScreenRenderer.render(Self.hostileSnapshot(benign: false), page: page, size: screen.size)
      screen.draw(frame, theme: Self.theme)
      let bytes = try #require(terminal.drainOutput())
      #expect(bytes.count > 1000, "a full first frame was drawn")
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(!text.unicodeScalars.contains { $0 == "\u{FFFD}" }, "the bytes written are valid UTF-8")
      let forbidden = text.unicodeScalars.filter(Self.isForbidden).map { String($0.value, radix: 16) }
      #expect(forbidden.isEmpty, "\(page): control or invisible characters written: \(forbidden)")
      let introducers = Self.escapeIntroducers(in: bytes).subtracting(Array("[()=>78M".utf8))
      #expect(introducers.isEmpty, "\(page): escape sequences other than ncurses' own: \(introducers.map { Character(Unicode.Scalar($0)) })")
      #expect(occurrences(of: Array("\u{1B}[6n".utf8), in: bytes) == 0)
      #expect(occurrences(of: Array("\u{1B}[?1049l".utf8), in: bytes) == 0)
      #expect(occurrences(of: Array("52;c;".utf8), in: bytes) == 0 || occurrences(of: Array("\u{1B}]".utf8), in: bytes) == 0)
    }
  }

  @Test(arguments: PageName.allCases)
  func hostileTextDoesNotMoveTheLayout(page: PageName) throws {
    // The frame drawn around the text (box lines, the header and the key bar) is where it is with
    // plain names; every row is exactly the screen's width.
    let size = Size(width: 120, height: 40)
    let hostile = ScreenRenderer.render(Self.hostileSnapshot(benign: false), page: page, size: size)
    let benign = ScreenRenderer.render(Self.hostileSnapshot(benign: true), page: page, size: size)
    let boxDrawing = Set("─│┌┐└┘├┤┬┴┼╭╮╯╰")
    func skeleton(_ frame: Buffer) -> [Int] {
      frame.cells.indices.filter { frame.cells[$0].grapheme.count == 1 && boxDrawing.contains(Character(frame.cells[$0].grapheme)) }
    }
    #expect(!skeleton(benign).isEmpty, "the page draws boxes")
    #expect(skeleton(hostile) == skeleton(benign), "\(page): the boxes moved")
    #expect(hostile.plainText(trimmingTrailingSpaces: false).split(separator: "\n").allSatisfy { $0.count <= size.width })
    #expect(hostile.cells.allSatisfy { cell in cell.grapheme.unicodeScalars.allSatisfy { !Self.isForbidden($0) } })
  }
}
