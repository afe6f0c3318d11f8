import ImtopCore
import Testing

@testable import ImtopUI

/// A footer note is said once: it stays until the first key press, or in kiosk mode (where keys do
/// nothing) until the first page rotation.
@Suite struct FooterNoteTests {
  static let note = "ASCII: set LANG=C.UTF-8 for symbols"

  @Test func aKeyPressPutsTheHintsBack() {
    var state = Fixtures.state(drawingMode: .ascii)
    _ = state.update(.footerNote(Self.note))
    #expect(state.view().line(23).contains(Self.note))
    _ = state.update(.input(.key(.character("j"))))
    #expect(state.footerNote == nil)
    #expect(state.view().line(23).contains("q quit"))
  }

  @Test func inKioskModeTheFirstRotationEndsIt() {
    var state = Fixtures.state(kiosk: true, rotateEvery: .seconds(20))
    _ = state.update(.footerNote(Self.note))
    _ = state.update(.tick(Fixtures.now))
    _ = state.update(.input(.key(.character("x"))))
    #expect(state.footerNote == nil, "a key press ends it in kiosk mode too")
    _ = state.update(.footerNote(Self.note))
    _ = state.update(.tick(Fixtures.now + .seconds(19)))
    #expect(state.view().line(23).contains(Self.note))
    _ = state.update(.tick(Fixtures.now + .seconds(20)))
    #expect(state.page == .systems)
    #expect(state.footerNote == nil)
  }
}
