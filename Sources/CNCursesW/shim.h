#ifndef IMTOP_CNCURSESW_SHIM_H
#define IMTOP_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#endif
