import Testing

@testable import ImtopTerminal

@Suite struct ColorPairTableTests {
  /// Records every definition and refuses those `refuse` names.
  final class Recorder: @unchecked Sendable {
    var defined: [(Int32, Int32, Int32)] = []
    var refuse: Set<Int32> = []
    func define(_ pair: Int32, _ foreground: Int32, _ background: Int32) -> Bool {
      guard !refuse.contains(foreground) else { return false }
      defined.append((pair, foreground, background))
      return true
    }
  }

  @Test func pairsAreDefinedOnFirstUseAndReused() {
    let recorder = Recorder()
    var table = ColorPairTable(capacity: 64, define: recorder.define)
    #expect(table.pair(foreground: -1, background: -1) == 0)
    #expect(table.pair(foreground: 1, background: -1) == 1)
    #expect(table.pair(foreground: 2, background: 4) == 2)
    #expect(table.pair(foreground: 1, background: -1) == 1)
    #expect(recorder.defined.count == 2)
    #expect(table.count == 2)
  }

  @Test func runningOutGivesNil() {
    let recorder = Recorder()
    // Capacity 3: pair 0 is the default, so 1 and 2 are all there is.
    var table = ColorPairTable(capacity: 3, define: recorder.define)
    #expect(table.pair(foreground: 1, background: 0) == 1)
    #expect(table.pair(foreground: 2, background: 0) == 2)
    #expect(table.pair(foreground: 3, background: 0) == nil)
    #expect(table.pair(foreground: 1, background: 0) == 1)
    #expect(ColorPairTable(capacity: 0, define: recorder.define).count == 0)
  }

  @Test func aRefusedPairLeavesItsNumberFree() {
    let recorder = Recorder()
    recorder.refuse = [5]
    var table = ColorPairTable(capacity: 64, define: recorder.define)
    #expect(table.pair(foreground: 5, background: 0) == nil)
    #expect(table.pair(foreground: 6, background: 0) == 1)
  }

  @Test func resetStartsNumberingAgain() {
    let recorder = Recorder()
    var table = ColorPairTable(capacity: 64, define: recorder.define)
    _ = table.pair(foreground: 1, background: 0)
    _ = table.pair(foreground: 2, background: 0)
    table.reset()
    #expect(table.pair(foreground: 2, background: 0) == 1)
    #expect(recorder.defined.last.map { $0.0 == 1 && $0.1 == 2 } == true)
  }
}
