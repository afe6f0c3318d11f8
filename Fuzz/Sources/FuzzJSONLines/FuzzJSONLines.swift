import CFuzzerDriver
import ImtopCore

/// libFuzzer entry point for the JSON-lines readers: the bytes are read as a status file and as a
/// metrics file, both straight from the buffer (as the poller reads appended bytes) and through
/// `DataFileReader` (as the loader reads a whole file).
///
/// Every line must give a record or an issue; a trap, a hang or unbounded memory is the bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let buffer = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
  _ = JSONLineReader.readStatus(buffer, file: "status.jsonl", firstLine: 1, zone: .utc)
  _ = JSONLineReader.readMetrics(buffer, file: "metrics.jsonl", firstLine: 1, zone: .utc)
  let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
  let context = ReadContext()
  for kind in [FileKind.status, .metrics] {
    _ = DataFileReader.read(kind: kind, bytes: bytes, path: kind.fileName, context: context)
  }
  return 0
}

/// The program's entry point. SwiftPM links an executable with `main` defined as `FuzzJSONLines_main`;
/// this hands the command line to libFuzzer's driver with `fuzz` as the target.
@_cdecl("FuzzJSONLines_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
