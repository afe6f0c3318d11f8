import CFuzzerDriver
import ImtopCore

/// libFuzzer entry point for the CSV readers: the bytes go to the generic parser and to each of the
/// four table readers through `DataFileReader`, as the poller hands them over.
///
/// Every reader must answer with records and issues, whatever the bytes; a trap, a hang or unbounded
/// memory is the bug the fuzzer is looking for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
  if let document = try? CSVParser.parse(bytes) {
    _ = document
  }
  _ = CSVParser.sniffSeparator(bytes)
  let context = ReadContext()
  for kind in [FileKind.systems, .budget, .incidents, .compliance] {
    _ = DataFileReader.read(kind: kind, bytes: bytes, path: kind.fileName, context: context)
  }
  return 0
}

/// The program's entry point (SwiftPM names `main` `FuzzCSV_main`): libFuzzer's driver, with `fuzz`.
@_cdecl("FuzzCSV_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  imtop_fuzz_main(argc, argv)
}
