import FoundationEssentials
import Testing

@testable import ImtopCore

/// The cold-load path (compact batches fed straight to the timelines) gives the store exactly what
/// adding the `StatusSample`s of `readStatus` gives, and reports the same problems.
@Suite struct CompactStatusLoadTests {
  /// Lines that exercise every slow path: ids with escapes and spaces, non-canonical timestamps,
  /// samples out of order, equal times, messages (escaped, null, not a string), an id over 16 bytes,
  /// a state in capitals, bad and blank lines.
  static let awkwardLines = [
    #"{"ts":"2026-03-01T08:00:00Z","system":"web","state":"up","latency_ms":12,"message":"first"}"#,
    #"{"ts":"2026-03-01T08:00:10Z","system":"\u0077eb","state":"DOWN","message":"second \"quoted\""}"#,
    #"{"ts":"2026-03-01T08:00:05Z","system":" web ","state":"ok","latency_ms":7.5}"#,
    #"{"ts":"2026-03-01T09:00:05+01:00","system":"db","state":"degraded","message":null}"#,
    #"{"ts":1772352005,"system":"db","state":"down","message":42}"#,
    #"{"ts":1772352005,"system":"db","state":"up","message":"tie, later in the file"}"#,
    #"{"ts":"2026-03-01T08:00:20Z","system":"db","state":"up","message":"\ud83d\ude00 emoji"}"#,
    #"{"ts":"2026-03-01T07:59:00Z","system":"web","state":"up","message":"older, loses"}"#,
    "",
    #"{"ts":"2026-03-01T08:01:00Z","system":"","state":"up"}"#,
    #"{"ts":"2026-03-01T08:01:00Z","system":"web","state":"sideways"}"#,
    #"{"ts":"2026-03-01T08:01:00Z","system":"web","state":"up","latency_ms":-1}"#,
    #"{"ts":"2026-02-30T08:01:00Z","system":"web","state":"up"}"#,
    #"{"ts":"2026-03-01T08:01:00Z","system":"web","state":"up"} x"#,
    "[1,2]",
    "  \t",
    #"{"ts":"2026-03-01T08:02:00Z","system":"ca\u0063he","state":"maintenance"}"#,
    #"{"ts":"2026-03-01T08:03:00Z","system":"payments-gateway-eu-1","state":"up","latency_ms":0}"#,
    #"{"ts":"2026-03-01T08:04:00Z","system":"web","state":"Up","latency_ms":3}"#,
  ]

  /// The store as `add([StatusSample])` builds it, each batch sorted by time (as the poller did).
  static func reference(_ batches: [LineBatch<StatusSample>]) -> Store {
    var store = Store()
    for batch in batches where !batch.records.isEmpty {
      store.add(batch.records.sorted { $0.timestamp < $1.timestamp }, from: "status.jsonl")
    }
    return store
  }

  static func expectSameStores(_ compact: Store, _ reference: Store) {
    #expect(compact.timelines == reference.timelines)
    #expect(compact.latency == reference.latency)
    #expect(compact.engineInput().lastMessages == reference.engineInput().lastMessages)
  }

  @Test func awkwardLinesLoadAsTheSamplesDo() {
    var bytes = Array((CompactStatusLoadTests.awkwardLines.joined(separator: "\r\n") + "\n").utf8)
    bytes.withUnsafeMutableBytes { raw in
      let view = UnsafeRawBufferPointer(raw)
      let batch = JSONLineReader.readCompactStatus(view, file: "status.jsonl", firstLine: 1, zone: .utc)
      let samples = JSONLineReader.readStatus(view, file: "status.jsonl", firstLine: 1, zone: .utc)
      #expect(batch.issues == samples.issues)
      #expect(batch.samples.count == samples.records.count)
      #expect(batch.consumedLines == 19)
      // Lines 10 to 15 are bad (empty id, unknown state, negative latency, 30 February, trailing
      // text, an array); 9 and 16 are blank.
      #expect(batch.issues.compactMap(\.line) == [10, 11, 12, 13, 14, 15])
      // web, db, cache, then the 21-byte id, in first-seen order; " web " and "\u0077eb" are both web.
      #expect(batch.systems.names == ["web", "db", "cache", "payments-gateway-eu-1"])
      #expect(!batch.isSorted)
      var store = Store()
      store.add([batch], from: "status.jsonl")
      CompactStatusLoadTests.expectSameStores(store, CompactStatusLoadTests.reference([samples]))
      let messages = store.engineInput().lastMessages
      // web: 08:00:10 "second" is its newest message; the 07:59 one comes later in the file but is older.
      #expect(messages["web"] == "second \"quoted\"")
      // db: 08:00:20 is newest (the 08:00:05 tie went to the later line, then was overtaken).
      #expect(messages["db"] == "\u{1F600} emoji")
      #expect(messages["cache"] == nil)
    }
  }

  @Test func piecesReadInParallelLoadAsOneSequentialRead() {
    // About 600 KB: 8,000 lines over 13 systems, every 101st line bad, a few out of order, and a
    // half-written line at the end.
    var text = ""
    for index in 0..<8_000 {
      let time = 1_772_323_200 + index * 10 - (index % 37 == 0 ? 95 : 0)
      if index % 101 == 7 {
        text += "{\"ts\":\(time),\"system\":\"s\(index % 13)\",\"state\":\"unknown-state\"}\n"
      } else {
        let state = index % 17 == 0 ? "down" : "up"
        let message = index % 29 == 0 ? ",\"message\":\"note \(index)\"" : ""
        text += "{\"ts\":\(time),\"system\":\"system-\(index % 13)\",\"state\":\"\(state)\",\"latency_ms\":\(index % 400)\(message),\"padding\":\"\(String(repeating: "x", count: 20))\"}\n"
      }
    }
    text += "{\"ts\":1,"
    var bytes = Array(text.utf8)
    let complete = bytes.count - "{\"ts\":1,".utf8.count
    bytes.withUnsafeMutableBytes { raw in
      let view = UnsafeRawBufferPointer(raw)
      let batches = JSONLineReader.readCompactStatusPieces(view, file: "status.jsonl", firstLine: 5, zone: .utc, parts: 4)
      let pieces = JSONLineReader.readPieces(view, firstLine: 5, parts: 4) { piece, first in
        JSONLineReader.readStatus(piece, file: "status.jsonl", firstLine: first, zone: .utc)
      }
      #expect(batches.count == 4)
      // 0..<8000 holds 80 indices ≡ 7 (mod 101): 7, 108, ..., 7986.
      #expect(batches.flatMap(\.issues).count == 80)
      #expect(batches.flatMap(\.issues) == pieces.flatMap(\.issues))
      // The first bad line is index 7, physical line 5 + 7.
      #expect(batches.first?.issues.first?.line == 12)
      #expect(batches.consumedLines == 8_000)
      #expect(batches.consumedBytes == pieces.consumedBytes)
      #expect(batches.consumedBytes == complete)
      var store = Store()
      store.add(batches, from: "status.jsonl")
      CompactStatusLoadTests.expectSameStores(store, CompactStatusLoadTests.reference(pieces))
      #expect(store.timelines.count == 13)
    }
  }

  /// The next chunk of a log that names a system every few lines is parsed in one part per core
  /// (each part's batch names every system it saw, and the store maps each batch's systems); one
  /// that names a few systems over and over in more parts than cores, so none waits for a slow one.
  @Test func aChunkOfManySystemsIsParsedInOnePartPerCore() {
    func parts(afterLinesNaming systems: Int) -> Int {
      let lines = (0..<2_000).map { #"{"ts":"2026-03-01T08:00:00Z","system":"s\#($0 % systems)","state":"up"}"# }
      let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
      return bytes.withUnsafeBytes { raw in
        StatusParse.parts(after: JSONLineReader.readCompactStatusPieces(raw, file: "status.jsonl", firstLine: 1, zone: .utc, parts: 2))
      }
    }
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    #expect(parts(afterLinesNaming: 2_000) == cores)
    #expect(parts(afterLinesNaming: 500) == cores)
    #expect(parts(afterLinesNaming: 12) == JSONLineReader.defaultParts)
  }
}
