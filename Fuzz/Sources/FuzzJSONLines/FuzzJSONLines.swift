import CFuzzerDriver
import ImtopCore

/// libFuzzer entry point for the JSON-lines readers: the bytes are read as a status file and as a
/// metrics file, line by line and split across threads as the poller reads appended bytes, and the
/// samples go into a store, whose view the metric engine reads.
///
/// Every line must give a record or an issue; a trap, a hang or unbounded memory is the bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let buffer = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
  let status = JSONLineReader.readStatus(buffer, file: "status.jsonl", firstLine: 1, zone: .utc)
  let metrics = JSONLineReader.readMetrics(buffer, file: "metrics.jsonl", firstLine: 1, zone: .utc)
  _ = JSONLineReader.countStatusLines(buffer, zone: .utc, parts: 2)
  _ = JSONLineReader.readMetricsInParallel(buffer, file: "metrics.jsonl", firstLine: 1, zone: .utc, parts: 2)
  var store = Store.oneShot()
  store.add(status.records, from: "status.jsonl", now: Timestamp(seconds: 1_777_896_000))
  store.add(metrics.records, from: "metrics.jsonl", systemLines: metrics.systemLines, now: Timestamp(seconds: 1_777_896_000))
  _ = store.engineInput()
  return 0
}

/// The program's entry point (SwiftPM names `main` `FuzzJSONLines_main`): libFuzzer's driver, with `fuzz`.
@_cdecl("FuzzJSONLines_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  imtop_fuzz_main(argc, argv)
}
