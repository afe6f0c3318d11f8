import CFuzzerDriver
import FuzzSupport
import ImtopCore

/// libFuzzer entry point for the KPI expression language: the bytes are parsed as an expression and,
/// when they parse, evaluated by the metric engine (value and a short trend) over a small data set.
///
/// Parsing must give an expression or an error, and evaluation a value or unknown, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
  guard (try? KPIParser.parse(source)) != nil else { return 0 }
  var configuration = Configuration()
  configuration.kpis = [KPIDefinition(name: "fuzz", expression: source, target: 1, warn: 2, crit: 3)]
  _ = FuzzDataSet.engine.snapshot(of: FuzzDataSet.input(configuration: configuration), at: FuzzDataSet.now)
  return 0
}

/// The program's entry point (SwiftPM names `main` `FuzzKPI_main`): libFuzzer's driver, with `fuzz`.
@_cdecl("FuzzKPI_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  imtop_fuzz_main(argc, argv)
}
