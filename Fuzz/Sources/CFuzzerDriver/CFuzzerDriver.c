// The driver itself is in libFuzzer's runtime (see include/CFuzzerDriver.h); this is the one
// entry point every harness shares.
#include "CFuzzerDriver.h"

int imtop_fuzz_main(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
