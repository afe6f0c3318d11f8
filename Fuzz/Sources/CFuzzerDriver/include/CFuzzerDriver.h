#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver (in the runtime that `-sanitize=fuzzer` links): parses the command line
/// and runs the fuzzing loop with `callback` as the target.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// The harness's target, defined by each harness (`@_cdecl("LLVMFuzzerTestOneInput")`).
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/// Every harness's entry point: hands the command line to libFuzzer's driver with the harness's
/// target. (SwiftPM links an executable with `main` named `<Target>_main`; each harness defines
/// that as one call to this.)
int imtop_fuzz_main(int argc, char **argv);

#endif
