import CFuzzerDriver
import FuzzSupport
import ImtopCore
import ImtopUI

/// libFuzzer entry point for the screens: the bytes choose a terminal size, figures for every
/// system, KPI and budget line (any double, any integer, names in any script, control characters
/// included), feed events, then a sequence of keys, clicks and resizes. After each, every page the
/// state shows is drawn.
///
/// Whatever the data, drawing must give a buffer of exactly the screen's size, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var input = FuzzBytes(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
  let snapshot = FuzzScreens.snapshot(from: &input)
  var state = AppState(size: input.size(), drawingMode: input.byte() % 4 == 0 ? .ascii : .unicode)
  _ = state.update(.snapshot(snapshot, FuzzScreens.events(from: &input)))
  _ = state.update(.tick(FuzzDataSet.now + Span(milliseconds: input.integer() % 86_400_000)))
  FuzzScreens.draw(state)
  var steps = 0
  while !input.isEmpty, steps < 64 {
    _ = state.update(FuzzScreens.message(from: &input))
    FuzzScreens.draw(state)
    steps += 1
  }
  return 0
}

/// The program's entry point (SwiftPM names `main` `FuzzRender_main`): libFuzzer's driver, with `fuzz`.
@_cdecl("FuzzRender_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  imtop_fuzz_main(argc, argv)
}
