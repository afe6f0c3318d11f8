import Testing
import ImtopCore
@testable import ImtopUI

/// Text from data files is untrusted: escape sequences, OSC 52 clipboard writes, bidi overrides,
/// zero-width characters and very long strings must never reach the buffer as controls, and must
/// never push a table's columns out of line.
@Suite struct HostileTextTests {
  static let hostileNames = [
    "\u{1B}[2J\u{1B}[H\u{1B}[31mPWNED",
    "\u{1B}]52;c;cm0gLXJmIH4=\u{07}clipboard",
    "evil\u{202E}gnp.exe",
    "zero\u{200B}width\u{2060}joiner\u{200D}",
    String(repeating: "Very long system name ", count: 40),
    "漢字システム名🚀",
    "tab\there\nnewline\r\u{0}nul\u{7F}del\u{9B}c1",
    "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301} stacked marks",
  ]

  func hostileSnapshot() -> Snapshot {
    var systems = Fixtures.systems
    for (index, name) in Self.hostileNames.enumerated() {
      var system = systems[index % systems.count]
      system.record.name = name
      system.record.category = name
      system.record.owner = name
      system.lastMessage = name
      system.record.extra = [ExtraField(name: name, value: name)]
      systems[index % systems.count] = system
    }
    var snapshot = Fixtures.snapshot(systems: systems)
    snapshot.organization.name = "\u{1B}]0;owned\u{07}Org"
    snapshot.data.issues.append(DataIssue(file: "status.jsonl", line: 3, message: "\u{1B}[5mblink\u{202E}"))
    snapshot.incidents.openList[0].summary = Self.hostileNames[1]
    return snapshot
  }

  @Test(arguments: PageName.allCases)
  func noControlCharacterReachesTheBuffer(page: PageName) {
    for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
      var state = Fixtures.state(page: page, width: size.width, height: size.height)
      _ = state.update(.snapshot(hostileSnapshot(), [FeedEvent(time: Fixtures.now, kind: .note(Self.hostileNames[0]))]))
      expectNoControlCharacters(state.view())
      if page == .systems {
        _ = state.update(.show(.systems, detail: state.snapshot?.systems.first?.id))
        expectNoControlCharacters(state.view())
      }
    }
  }

  @Test func columnsStayAlignedWhateverTheNames() {
    var state = Fixtures.state(page: .systems, width: 120, height: 30)
    _ = state.update(.snapshot(hostileSnapshot(), []))
    let buffer = state.view()
    // Find the availability column from the header; every data row's cell boundary there must hold:
    // the column before it ends at the same x, so the right border and the figures line up.
    let header = (0..<buffer.size.height).first { buffer.line($0).contains("Avail 30d") }
    guard let header else {
      Issue.record("no header")
      return
    }
    let rows = (header + 1)..<(header + 11)
    for y in rows {
      // Every row is exactly as wide as the screen: no cell was pushed past the right edge.
      let width = (0..<buffer.size.width).reduce(0) { total, x in
        let cell = buffer[x, y]
        return total + (cell.isContinuation ? 0 : SafeText.width(cell.grapheme) == 2 ? 2 : 1)
      }
      #expect(width == 120)
      // The panel's right border is still in the last column.
      #expect(buffer[119, y].grapheme == "│")
      #expect(buffer[0, y].grapheme == "│")
    }
  }

  @Test func aWideCharacterNeverHangsOverAColumnEdge() {
    let columns = [Table.Column("Name", width: 5), Table.Column("X", width: 1)]
    // "漢字漢" is 6 cells: cut to 5 with the ellipsis it is "漢字…" (5), never a half character.
    let table = Table(columns: columns, rows: [[Table.Cell("漢字漢"), Table.Cell("|")]], showHeader: false)
    var backend = TestBackend(width: 7, height: 1)
    let buffer = backend.draw { area, buffer in table.render(in: area, buffer: &buffer) }
    expectRows(buffer, ["漢字… |"])
  }
}
