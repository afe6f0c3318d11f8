import CFuzzerDriver
import ImtopCore

/// libFuzzer entry point for the `imtop.toml` reader: the bytes are read as a configuration, and
/// the KPI tables it declares are validated as `imtop check` does.
///
/// The reader must answer with a configuration and issues, or a failure, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
  let reading = ConfigurationReader.read(bytes)
  _ = KPIDefinition.issues(in: reading.configuration.kpis)
  return 0
}

/// The program's entry point (SwiftPM names `main` `FuzzConfig_main`): libFuzzer's driver, with `fuzz`.
@_cdecl("FuzzConfig_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  imtop_fuzz_main(argc, argv)
}
