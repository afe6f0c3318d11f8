import Testing

@testable import ImtopCore

/// Reading split across workers gives exactly what one sequential read gives.
@Suite struct ParallelLineReadingTests {
  @Test func parallelReadEqualsSequentialRead() {
    // About 1.2 MB of lines: every 97th line is bad, and the text ends with a half-written line.
    var text = ""
    for index in 0..<20_000 {
      if index % 97 == 5 {
        text += "{\"ts\":\"bad\",\"system\":\"s\",\"state\":\"up\"}\n"
      } else {
        text += "{\"ts\":\(1_772_323_200 + index),\"system\":\"s\(index % 7)\",\"state\":\"up\",\"latency_ms\":\(index % 300)}\n"
      }
    }
    text += "{\"ts\":1,"
    var bytes = Array(text.utf8)
    let (sequential, parallel) = bytes.withUnsafeMutableBytes { raw in
      let view = UnsafeRawBufferPointer(raw)
      return (
        JSONLineReader.readStatus(view, file: "status.jsonl", firstLine: 3, zone: .utc),
        JSONLineReader.readCompactStatusPieces(view, file: "status.jsonl", firstLine: 3, zone: .utc, parts: 4)
      )
    }
    #expect(parallel.count == 4)
    // 20000 lines, of which those with index ≡ 5 (mod 97) are bad: 0..19999 holds 207 of them.
    #expect(sequential.issues.count == 207)
    #expect(sequential.records.count == 20_000 - 207)
    #expect(parallel.flatMap { $0.statusSamples() } == sequential.records)
    #expect(parallel.flatMap(\.issues) == sequential.issues)
    #expect(parallel.consumedBytes == sequential.consumedBytes)
    #expect(parallel.consumedLines == 20_000)
    // The first bad line is index 5, physical line 3 + 5.
    #expect(parallel.first?.issues.first?.line == 8)
  }
}
