#ifndef IMTOP_CNCURSESW_SHIM_H
#define IMTOP_CNCURSESW_SHIM_H

// The wide-character API that pkg-config's ncursesw.pc would have switched on (SwiftPM drops
// those flags). No libc feature macro (_XOPEN_SOURCE...) is defined here: the C library headers
// are shared, as clang modules, with Foundation's and Dispatch's, and a macro that changes their
// declarations (struct member names in <sys/ucontext.h>) makes the modules conflict. The few
// X/Open functions needed are declared below instead.
#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Declared again because Swift's view of the C library may have been built without _XOPEN_SOURCE.
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern char *ptsname(int fd);
extern int wcwidth(wchar_t c);

// MARK: Attributes (macros Swift cannot import)

static inline attr_t imtop_attr_normal(void) { return A_NORMAL; }
static inline attr_t imtop_attr_bold(void) { return A_BOLD; }
static inline attr_t imtop_attr_dim(void) { return A_DIM; }
static inline attr_t imtop_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t imtop_attr_reverse(void) { return A_REVERSE; }
static inline attr_t imtop_attr_italic(void) { return A_ITALIC; }

// MARK: Globals (Swift 6 refuses to read C globals; these read them on the ncurses thread)

static inline WINDOW *imtop_stdscr(void) { return stdscr; }
static inline int imtop_colors(void) { return COLORS; }
static inline int imtop_color_pairs(void) { return COLOR_PAIRS; }
static inline int imtop_ccharw_max(void) { return CCHARW_MAX; }
static inline int imtop_key_f0(void) { return KEY_F0; }

// MARK: Mouse

/// Presses of the three buttons and both wheel directions: all the dashboard reacts to.
static inline mmask_t imtop_mouse_press_mask(void) {
  return BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t imtop_mouse_button1(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t imtop_mouse_button2(void) { return BUTTON2_PRESSED | BUTTON2_CLICKED; }
static inline mmask_t imtop_mouse_button3(void) { return BUTTON3_PRESSED | BUTTON3_CLICKED; }
static inline mmask_t imtop_mouse_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t imtop_mouse_wheel_down(void) { return BUTTON5_PRESSED; }

// MARK: File descriptors

/// A pipe whose ends are non-blocking and close-on-exec: a signal handler or another thread writes
/// one byte to wake the loop, and a full pipe must never block the writer.
static inline int imtop_make_wake_pipe(int fds[2]) {
  if (pipe(fds) != 0) return -1;
  for (int i = 0; i < 2; i++) {
    int flags = fcntl(fds[i], F_GETFL);
    if (flags < 0 || fcntl(fds[i], F_SETFL, flags | O_NONBLOCK) != 0) return -1;
    if (fcntl(fds[i], F_SETFD, FD_CLOEXEC) != 0) return -1;
  }
  return 0;
}

static inline int imtop_set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return -1;
  return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static inline int imtop_set_window_size(int fd, int rows, int columns) {
  struct winsize size;
  memset(&size, 0, sizeof size);
  size.ws_row = (unsigned short)rows;
  size.ws_col = (unsigned short)columns;
  return ioctl(fd, TIOCSWINSZ, &size);
}

/// Opens a pseudo-terminal pair sized `rows` x `columns`; returns 0 and both descriptors, or -1
/// with errno set. The master is non-blocking so tests can read what was drawn without hanging.
static inline int imtop_open_pseudo_terminal(int *master, int *slave, int rows, int columns) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  if (m < 0) return -1;
  if (grantpt(m) != 0 || unlockpt(m) != 0) { close(m); return -1; }
  const char *name = ptsname(m);
  if (name == NULL) { close(m); return -1; }
  int s = open(name, O_RDWR | O_NOCTTY);
  if (s < 0) { close(m); return -1; }
  if (imtop_set_window_size(m, rows, columns) != 0 || imtop_set_nonblocking(m) != 0) {
    close(s);
    close(m);
    return -1;
  }
  fcntl(m, F_SETFD, FD_CLOEXEC);
  fcntl(s, F_SETFD, FD_CLOEXEC);
  *master = m;
  *slave = s;
  return 0;
}

/// The window size the terminal reports; 0 on success.
static inline int imtop_get_window_size(int fd, int *rows, int *columns) {
  struct winsize size;
  memset(&size, 0, sizeof size);
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
  *rows = size.ws_row;
  *columns = size.ws_col;
  return 0;
}

static inline const char *imtop_codeset(void) { return nl_langinfo(CODESET); }

static inline int imtop_wcwidth(wchar_t c) { return wcwidth(c); }

// MARK: Signals
// The handler only writes the signal number to a non-blocking pipe (async-signal-safe); the loop
// reads it, restores the terminal and exits. Call install and restore from one Swift file only, so
// the static state below is a single copy.

struct imtop_signal_state {
  int write_end;
  struct sigaction saved[4];
};

/// The one copy of the signal state (a function-local static, which Swift's importer emits with the
/// function, unlike a file-scope one).
static inline struct imtop_signal_state *imtop_signal_state(void) {
  static struct imtop_signal_state state = {-1, {{{0}}}};
  return &state;
}

static inline int imtop_handled_signal(int index) {
  static const int signals[4] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH};
  return signals[index];
}

static void imtop_signal_handler(int signal_number) {
  int saved = errno;
  unsigned char byte = (unsigned char)signal_number;
  int write_end = imtop_signal_state()->write_end;
  if (write_end >= 0) (void)write(write_end, &byte, 1);
  errno = saved;
}

/// Routes SIGINT, SIGTERM, SIGHUP and SIGWINCH to `write_end`. Install before `newterm` so ncurses
/// keeps its hands off them (its own handlers would exit, or flag a resize the loop's poll misses).
static inline int imtop_install_signal_pipe(int write_end) {
  struct imtop_signal_state *state = imtop_signal_state();
  state->write_end = write_end;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = imtop_signal_handler;
  sigemptyset(&action.sa_mask);
  for (int i = 0; i < 4; i++) {
    if (sigaction(imtop_handled_signal(i), &action, &state->saved[i]) != 0) return -1;
  }
  return 0;
}

static inline void imtop_restore_signals(void) {
  struct imtop_signal_state *state = imtop_signal_state();
  for (int i = 0; i < 4; i++) sigaction(imtop_handled_signal(i), &state->saved[i], NULL);
  state->write_end = -1;
}

#endif
