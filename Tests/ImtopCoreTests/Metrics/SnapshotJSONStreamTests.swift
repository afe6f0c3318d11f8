import ImtopCore
import Testing

/// `snapshot --format json` writes its document in pieces, the systems made one at a time, so a
/// portfolio of 50,000 systems is never held whole: the pieces make exactly the document.
@Suite struct SnapshotJSONStreamTests {
  @Test(arguments: [true, false])
  func thePiecesMakeTheWholeDocument(pretty: Bool) {
    let snapshot = MetricsOrg.snapshot()
    let encoder = SnapshotJSON(pretty: pretty)
    var pieces: [String] = []
    encoder.write(snapshot) { pieces.append($0) }
    #expect(pieces.joined() == encoder.encode(snapshot))
    #expect(snapshot.systems.count > 1)
  }

  @Test func aLongListIsCutBetweenItemsNearThePieceSize() {
    let list = JSONValue.items(1_000) { .string("item \($0) \u{2028} \"quoted\"") }
    var pieces: [String] = []
    list.write(pretty: true, pieceSize: 4_096) { pieces.append($0) }
    #expect(pieces.joined() == JSONValue.array((0..<1_000).map { .string("item \($0) \u{2028} \"quoted\"") }).text(pretty: true))
    #expect(pieces.count > 5)
    // Each piece but the last ends after an item, never inside one.
    for piece in pieces.dropLast() { #expect(piece.hasSuffix("\"")) }
    #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 4_096 && $0.utf8.count < 4_096 + 100 })
  }
}
