import Foundation
import Testing

@testable import ImtopCore

/// Decoding `status.jsonl` lines: fields, forms of `ts`, and every message for a bad line.
@Suite struct StatusLineReadingTests {
  /// 2026-03-01T00:00:00Z: 20513 days after the epoch.
  let marchFirstMidnight = Timestamp(seconds: 1_772_323_200)

  static func read(_ text: String, firstLine: Int = 1) -> LineBatch<StatusSample> {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { raw in
      JSONLineReader.readStatus(UnsafeRawBufferPointer(raw), file: "status.jsonl", firstLine: firstLine, zone: .utc)
    }
  }

  static func message(_ line: String) -> String? {
    read(line + "\n").issues.first?.description
  }

  @Test func readsAllFields() {
    let batch = Self.read(#"{"ts":"2026-03-01T08:00:00Z","system":"erp","state":"up","latency_ms":120.5,"message":"ok"}"# + "\n")
    // 2026-03-01T08:00:00Z = 1772352000 s since the epoch (20513 days × 86400 + 8 × 3600).
    #expect(batch.records == [StatusSample(timestamp: Timestamp(seconds: 1_772_352_000), system: "erp", state: .up, latencyMs: 120.5, message: "ok")])
    #expect(batch.issues.isEmpty)
    #expect(batch.consumedLines == 1)
  }

  @Test func acceptsEpochSecondsSynonymsAndUnknownKeys() {
    let batch = Self.read(#"{"extra":[1,{"a":null}],"ts":1772352000,"system":" crm ","state":"OK","latency_ms":null}"# + "\n")
    #expect(batch.records == [StatusSample(timestamp: Timestamp(seconds: 1_772_352_000), system: "crm", state: .up)])
  }

  @Test func lastDuplicateKeyWins() {
    let batch = Self.read(#"{"ts":"2026-03-01","system":"a","state":"up","state":"down"}"# + "\n")
    #expect(batch.records.map(\.state) == [.down])
  }

  @Test func keysMatchExactlyWhateverTheirLengthOrPosition() {
    // Keys one byte shorter or longer than a wanted one are unknown and ignored; the wanted keys come
    // both far from the end of the line (read a word at a time) and right at its end.
    let early = #"{"latency_m":1,"latency_msx":2,"ts":"2026-03-01","systemx":"b","system":"a","state":"up","latency_ms":7,"pad":"xxxxxxxxxxxxxxxxxx"}"#
    let late = #"{"ts":"2026-03-01","state":"up","system":"a","latency_ms":7}"#
    for line in [early, late] {
      let batch = Self.read(line + "\n")
      #expect(batch.records == [StatusSample(timestamp: marchFirstMidnight, system: "a", state: .up, latencyMs: 7)], "\(line)")
    }
  }

  @Test func decodesEscapesInValuesAndKeys() {
    // "\u0074s" is the key "ts"; "\ud83d\ude00" is U+1F600; "\u00e9" is é.
    let line = #"{"\u0074s":"2026-03-01T00:00:00Z","system":"caf\u00e9","state":"down","message":"a\"b\n\ud83d\ude00"}"#
    let batch = Self.read(line + "\n")
    #expect(batch.records.first?.system == "café")
    #expect(batch.records.first?.message == "a\"b\n\u{1F600}")
    #expect(batch.records.first?.timestamp == Timestamp(seconds: 1_772_323_200))
  }

  @Test func leavesHalfWrittenLineAndSkipsBlankLines() {
    let text = "\n  \r\n" + #"{"ts":"2026-03-01","system":"a","state":"up"}"# + "\r\n" + #"{"ts":"2026"#
    let batch = Self.read(text)
    #expect(batch.records.count == 1)
    #expect(batch.issues.isEmpty)
    #expect(batch.consumedLines == 3)
    // Everything but the unfinished `{"ts":"2026` is consumed.
    #expect(batch.consumedBytes == text.utf8.count - #"{"ts":"2026"#.utf8.count)
  }

  @Test func numbersIssuesByPhysicalLine() {
    let text = "{}\n\n" + #"{"ts":"2026-03-01","system":"a","state":"up"}"# + "\n[1]\n"
    let batch = Self.read(text, firstLine: 10)
    #expect(batch.issues.map(\.line) == [10, 13])
  }

  @Test func messagesForMissingAndBadFields() {
    let expectedTime = TimestampParser.expected
    #expect(Self.message(#"{"ts":"2026-03-01","system":"a"}"#) == "status.jsonl:1: missing \"state\": expected up, degraded, down or maintenance")
    #expect(Self.message(#"{"ts":"2026-03-01","system":"a","state":"sideways"}"#) == "status.jsonl:1: unknown state \"sideways\": expected up, degraded, down or maintenance")
    #expect(Self.message(#"{"ts":"2026-03-01","system":"a","state":3}"#) == "status.jsonl:1: bad \"state\": expected up, degraded, down or maintenance, not a number")
    #expect(Self.message(#"{"ts":"yesterday","system":"a","state":"up"}"#) == "status.jsonl:1: bad \"ts\" \"yesterday\": expected \(expectedTime)")
    #expect(Self.message(#"{"system":"a","state":"up"}"#) == "status.jsonl:1: missing \"ts\": expected \(expectedTime)")
    #expect(Self.message(#"{"ts":null,"system":"a","state":"up"}"#) == "status.jsonl:1: missing \"ts\": expected \(expectedTime)")
    #expect(Self.message(#"{"ts":true,"system":"a","state":"up"}"#) == "status.jsonl:1: bad \"ts\": expected \(expectedTime), not a boolean")
    #expect(Self.message(#"{"ts":"2026-03-01","system":"  ","state":"up"}"#) == "status.jsonl:1: missing \"system\": expected a non-empty string")
    #expect(Self.message(#"{"ts":"2026-03-01","system":"a","state":"up","latency_ms":"fast"}"#) == "status.jsonl:1: bad \"latency_ms\": expected a number, not a string")
    #expect(Self.message(#"{"ts":"2026-03-01","system":"a","state":"up","latency_ms":-1}"#) == "status.jsonl:1: negative \"latency_ms\": expected a number of milliseconds ≥ 0")
    #expect(Self.message(#"{"ts":"2026-03-01","system":"a","state":"up","latency_ms":1e999}"#) == "status.jsonl:1: bad \"latency_ms\" 1e999: expected a finite number")
  }

  @Test func syntaxErrorsSayWhereAndWhat() {
    // Column 17 is the `x` after `{"ts":"2026-03"` (16 characters).
    #expect(Self.message(#"{"ts":"2026-03",x}"#) == "status.jsonl:1: not valid JSON at column 17: expected a member name in double quotes")
    // Columns count characters: "é" is two bytes but one column, so the stray `2` is column 8.
    #expect(Self.message(#"{"é":1 2}"#) == "status.jsonl:1: not valid JSON at column 8: expected ',' or '}'")
    #expect(Self.message(#"{"a":01}"#) == "status.jsonl:1: not valid JSON at column 7: expected ',' or '}'")
    #expect(Self.message(#"{"a":1} x"#) == "status.jsonl:1: not valid JSON at column 9: expected the end of the text after the value")
    #expect(Self.message(#"{"a":"\x"}"#) == #"status.jsonl:1: not valid JSON at column 8: expected an escape: \" \\ \/ \b \f \n \r \t or \uXXXX"#)
    #expect(Self.message(#"{"a":"open}"#) == "status.jsonl:1: not valid JSON at column 6: expected a closing '\"' for the string starting here")
    #expect(Self.message("[1,2]") == "status.jsonl:1: not a JSON object: expected one object per line ({\"ts\": ...})")
    #expect(Self.message(String(repeating: "[", count: 600)) == "status.jsonl:1: not valid JSON at column 513: expected nesting at most 512 levels deep")
  }

  @Test func invalidUTF8IsAnError() {
    var bytes = Array(#"{"ts":"2026-03-01","system":"a"#.utf8) + [0xFF] + Array(#"","state":"up"}"#.utf8) + [0x0A]
    let batch = bytes.withUnsafeMutableBytes { JSONLineReader.readStatus(UnsafeRawBufferPointer($0), file: "s.jsonl", firstLine: 1, zone: .utc) }
    // The 0xFF byte follows 30 characters, so it is column 31.
    #expect(batch.issues.map(\.description) == ["s.jsonl:1: not valid JSON at column 31: expected UTF-8 text"])
  }

  @Test func lineOverOneMegabyteIsAnErrorForThatLineOnly() {
    let long = "{\"message\":\"" + String(repeating: "x", count: 1 << 20) + "\"}"
    let good = #"{"ts":"2026-03-01","system":"a","state":"up"}"#
    let batch = Self.read(good + "\n" + long + "\n" + good + "\n")
    #expect(batch.records.count == 2)
    // 1 MB of x plus the 14 bytes of `{"message":"` and `"}`.
    #expect(batch.issues.map(\.description) == ["status.jsonl:2: line of 1048590 bytes is too long: expected at most 1048576 bytes (1 MB)"])
  }

  @Test func skipsByteOrderMarkAtStartOfFile() {
    let batch = Self.read("\u{FEFF}" + #"{"ts":"2026-03-01","system":"a","state":"up"}"# + "\n")
    #expect(batch.records.count == 1)
  }
}
