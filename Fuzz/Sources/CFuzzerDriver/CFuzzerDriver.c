// Declarations only: the driver itself is in libFuzzer's runtime (see include/CFuzzerDriver.h).
#include "CFuzzerDriver.h"
