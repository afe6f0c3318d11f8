import Testing

@testable import ImtopCore

/// Decoding `metrics.jsonl` lines.
@Suite struct MetricLineReadingTests {
  static func read(_ text: String) -> LineBatch<MetricSample> {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { raw in
      JSONLineReader.readMetrics(UnsafeRawBufferPointer(raw), file: "metrics.jsonl", firstLine: 1, zone: .utc)
    }
  }

  @Test func readsAllFields() {
    let batch = Self.read(#"{"ts":"2026-03-01T00:00:00Z","metric":"patch_latency_days","value":12.25,"system":"erp","unit":"days"}"# + "\n")
    #expect(batch.records == [MetricSample(timestamp: Timestamp(seconds: 1_772_323_200), metric: "patch_latency_days", value: 12.25, system: "erp", unit: "days")])
  }

  @Test func readsNumbersExactly() {
    // Each value is written as JSON and must come back as the double Swift parses from the same text.
    for text in ["0", "-0.5", "1.000000000000001", "123456789012345678", "2.5e3", "1E-7", "0.1", "-12345.678901234"] {
      let batch = Self.read(#"{"ts":0,"metric":"m","value":"# + text + "}\n")
      #expect(batch.records.first?.value == Double(text), "\(text)")
    }
  }

  @Test func emptySystemMeansNone() {
    let batch = Self.read(#"{"ts":0,"metric":"m","value":1,"system":""}"# + "\n")
    #expect(batch.records.first?.system == nil)
  }

  @Test func messagesForBadLines() {
    let messages = Self.read(
      #"{"ts":0,"metric":"m"}"# + "\n" + #"{"ts":0,"metric":"m","value":"3"}"# + "\n" + #"{"ts":0,"value":3}"# + "\n"
    ).issues.map(\.description)
    #expect(messages == [
      "metrics.jsonl:1: missing \"value\": expected a number",
      "metrics.jsonl:2: bad \"value\": expected a number, not a string",
      "metrics.jsonl:3: missing \"metric\": expected a non-empty string",
    ])
  }
}
