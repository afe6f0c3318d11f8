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
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Declared again because Swift's view of the C library may have been built without _XOPEN_SOURCE.
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern char *ptsname(int fd);
extern int wcwidth(wchar_t c);
#if defined(__linux__)
extern int memfd_create(const char *name, unsigned int flags);
#endif

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

/// A file that lives in memory (a memfd on Linux, an unlinked temporary file elsewhere), opened for
/// reading and writing and close-on-exec: ncurses' output goes there, never straight to the
/// terminal. Returns the descriptor, or -1 with errno set.
static inline int imtop_open_memory_file(void) {
#if defined(__linux__)
  int fd = memfd_create("imtop-frames", 1U /* MFD_CLOEXEC */);
  if (fd >= 0) return fd;
#endif
  const char *directory = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/imtop-frames-XXXXXX", directory != NULL && directory[0] != 0 ? directory : "/tmp");
  int file = mkstemp(path);
  if (file < 0) return -1;
  unlink(path);
  fcntl(file, F_SETFD, FD_CLOEXEC);
  return file;
}

/// A second, non-blocking descriptor for the terminal on `fd`, opened by name so that its
/// O_NONBLOCK flag is its own (setting it on `fd` would change the file the shell shares). Not a
/// controlling terminal (O_NOCTTY), close-on-exec. -1 when the terminal cannot be reopened.
static inline int imtop_open_terminal_writer(int fd) {
  char name[256];
  if (ttyname_r(fd, name, sizeof name) != 0) return -1;
  int writer = open(name, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (writer < 0) return -1;
  struct stat original, reopened;
  if (fstat(fd, &original) != 0 || fstat(writer, &reopened) != 0 || original.st_rdev != reopened.st_rdev) {
    close(writer);
    return -1;
  }
  return writer;
}

/// Sets or clears O_NONBLOCK on `fd`; 0 on success.
static inline int imtop_set_blocking(int fd, int blocking) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return -1;
  return fcntl(fd, F_SETFL, blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK));
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

enum { IMTOP_HANDLED_SIGNALS = 6 };

struct imtop_signal_state {
  int write_end;
  struct sigaction saved[IMTOP_HANDLED_SIGNALS];
};

/// The one copy of the signal state (a function-local static, which Swift's importer emits with the
/// function, unlike a file-scope one).
static inline struct imtop_signal_state *imtop_signal_state(void) {
  static struct imtop_signal_state state = {-1, {{{0}}}};
  return &state;
}

static inline int imtop_handled_signal(int index) {
  static const int signals[IMTOP_HANDLED_SIGNALS] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT};
  return signals[index];
}

static void imtop_signal_handler(int signal_number) {
  int saved = errno;
  unsigned char byte = (unsigned char)signal_number;
  int write_end = imtop_signal_state()->write_end;
  if (write_end >= 0) (void)write(write_end, &byte, 1);
  errno = saved;
}

/// Routes SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP and SIGCONT to `write_end`. Install before `newterm` so ncurses
/// keeps its hands off them (its own handlers would exit, or flag a resize the loop's poll misses).
static inline int imtop_install_signal_pipe(int write_end) {
  struct imtop_signal_state *state = imtop_signal_state();
  state->write_end = write_end;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = imtop_signal_handler;
  sigemptyset(&action.sa_mask);
  for (int i = 0; i < IMTOP_HANDLED_SIGNALS; i++) {
    if (sigaction(imtop_handled_signal(i), &action, &state->saved[i]) != 0) return -1;
  }
  return 0;
}

static inline void imtop_restore_signals(void) {
  struct imtop_signal_state *state = imtop_signal_state();
  for (int i = 0; i < IMTOP_HANDLED_SIGNALS; i++) sigaction(imtop_handled_signal(i), &state->saved[i], NULL);
  state->write_end = -1;
}

/// Stops the process as SIGTSTP's default action does (job control: Ctrl-Z, `kill -TSTP`) and
/// returns once it is continued (`fg`, SIGCONT): the handler is set aside for the stop and put back
/// after. In an orphaned process group the kernel discards the stop and this returns at once.
static inline void imtop_stop_self(void) {
  struct sigaction stop, handler;
  memset(&stop, 0, sizeof stop);
  stop.sa_handler = SIG_DFL;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGTSTP, &stop, &handler);
  sigset_t tstp, previous;
  sigemptyset(&tstp);
  sigaddset(&tstp, SIGTSTP);
  pthread_sigmask(SIG_UNBLOCK, &tstp, &previous);
  kill(getpid(), SIGTSTP);
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  sigaction(SIGTSTP, &handler, NULL);
}

// MARK: Fatal signals
// On SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT or SIGTRAP the terminal is given back before anything
// else: precomputed reset bytes (alternate screen off, cursor on, attributes, keypad and mouse modes
// reset) written with write(2), the termios saved before ncurses started put back with tcsetattr,
// one line on stderr, then the previous handler (the Swift runtime's backtracer) called, and the
// default action taken. Only async-signal-safe calls; every byte is prepared at
// install time. Call install and uninstall from one Swift file only (one copy of the state).

enum { IMTOP_FATAL_SIGNALS = 6, IMTOP_RESET_MAX = 256, IMTOP_NOTE_MAX = 1024 };

struct imtop_fatal_state {
  volatile sig_atomic_t armed;
  volatile sig_atomic_t handling;
  int output_fd;
  int terminal_fd;
  int silenced_fd;
  int null_fd;
  int has_termios;
  struct termios termios;
  char reset[IMTOP_RESET_MAX];
  size_t reset_length;
  char prefix[IMTOP_NOTE_MAX];
  size_t prefix_length;
  char suffix[IMTOP_NOTE_MAX];
  size_t suffix_length;
  struct sigaction saved[IMTOP_FATAL_SIGNALS];
};

static inline struct imtop_fatal_state *imtop_fatal_state(void) {
  static struct imtop_fatal_state state;
  return &state;
}

static inline int imtop_fatal_signal(int index) {
  static const int signals[IMTOP_FATAL_SIGNALS] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
  return signals[index];
}

static inline const char *imtop_fatal_signal_name(int signal_number) {
  switch (signal_number) {
  case SIGSEGV: return "SIGSEGV (segmentation fault)";
  case SIGBUS: return "SIGBUS (bus error)";
  case SIGILL: return "SIGILL (illegal instruction, a Swift runtime trap)";
  case SIGFPE: return "SIGFPE (arithmetic fault)";
  case SIGABRT: return "SIGABRT (abort)";
  case SIGTRAP: return "SIGTRAP (trap)";
  default: return "a fatal signal";
  }
}

/// write(2) until done or failed; a signal handler cannot do more.
static inline void imtop_write_all(int fd, const char *bytes, size_t length) {
  while (length > 0) {
    ssize_t written = write(fd, bytes, length);
    if (written <= 0) {
      if (written < 0 && errno == EINTR) continue;
      return;
    }
    bytes += written;
    length -= (size_t)written;
  }
}

// The log file's line for a crash, in the log's own format (`LogLine`): the time, then `head`, the
// signal's name and `tail`, written in one write(2) so that an instance sharing the file never cuts
// into it. The descriptor and both texts are set (and replaced) from Swift as the log is opened.
enum { IMTOP_LOG_LINE_MAX = 2048 };

struct imtop_fatal_log {
  volatile sig_atomic_t fd;
  char head[IMTOP_NOTE_MAX];
  size_t head_length;
  char tail[IMTOP_NOTE_MAX];
  size_t tail_length;
};

static inline struct imtop_fatal_log *imtop_fatal_log(void) {
  static struct imtop_fatal_log log = {.fd = -1};
  return &log;
}

/// Appends `value` as `width` decimal digits (zero-padded) at `out`; returns the next position.
static inline char *imtop_put_digits(char *out, long long value, int width) {
  for (int i = width - 1; i >= 0; i--) {
    out[i] = (char)('0' + (int)(value % 10));
    value /= 10;
  }
  return out + width;
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` for now, from clock_gettime and integer arithmetic only (the civil
/// date from days since 1970, as `CivilTime` computes it). Writes 24 bytes.
static inline char *imtop_put_stamp(char *out) {
  struct timespec now;
  if (clock_gettime(CLOCK_REALTIME, &now) != 0) { now.tv_sec = 0; now.tv_nsec = 0; }
  long long seconds = (long long)now.tv_sec;
  long long days = seconds / 86400, rest = seconds % 86400;
  if (rest < 0) { rest += 86400; days -= 1; }
  long long z = days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long day = doy - (153 * mp + 2) / 5 + 1;
  long long month = mp < 10 ? mp + 3 : mp - 9;
  long long year = yoe + era * 400 + (month <= 2);
  out = imtop_put_digits(out, year, 4); *out++ = '-';
  out = imtop_put_digits(out, month, 2); *out++ = '-';
  out = imtop_put_digits(out, day, 2); *out++ = 'T';
  out = imtop_put_digits(out, rest / 3600, 2); *out++ = ':';
  out = imtop_put_digits(out, rest / 60 % 60, 2); *out++ = ':';
  out = imtop_put_digits(out, rest % 60, 2); *out++ = '.';
  out = imtop_put_digits(out, now.tv_nsec / 1000000, 3); *out++ = 'Z';
  return out;
}

/// Writes the crash's line to the log, when one is open.
static inline void imtop_log_crash(const char *name) {
  struct imtop_fatal_log *log = imtop_fatal_log();
  int fd = log->fd;
  if (fd < 0) return;
  char line[IMTOP_LOG_LINE_MAX + 64];
  char *out = imtop_put_stamp(line);
  size_t name_length = strlen(name);
  if (log->head_length + name_length + log->tail_length > IMTOP_LOG_LINE_MAX) return;
  memcpy(out, log->head, log->head_length); out += log->head_length;
  memcpy(out, name, name_length); out += name_length;
  memcpy(out, log->tail, log->tail_length); out += log->tail_length;
  imtop_write_all(fd, line, (size_t)(out - line));
}

/// Sets where a crash is logged (`fd` -1: nowhere) and the texts around the signal's name.
static inline void imtop_set_fatal_log(int fd, const char *head, size_t head_length, const char *tail, size_t tail_length) {
  struct imtop_fatal_log *log = imtop_fatal_log();
  log->fd = -1;
  if (fd < 0 || head_length > IMTOP_NOTE_MAX || tail_length > IMTOP_NOTE_MAX) return;
  memcpy(log->head, head, head_length);
  log->head_length = head_length;
  memcpy(log->tail, tail, tail_length);
  log->tail_length = tail_length;
  log->fd = fd;
}

static void imtop_fatal_handler(int signal_number, siginfo_t *info, void *context) {
  struct imtop_fatal_state *state = imtop_fatal_state();
  int index = -1;
  for (int i = 0; i < IMTOP_FATAL_SIGNALS; i++) {
    if (imtop_fatal_signal(i) == signal_number) index = i;
  }
  // A second fault while restoring (or from another thread) goes straight on to the end.
  int first = state->armed && !state->handling;
  if (first) {
    state->handling = 1;
    // The other threads run on while the backtracer works: the screen's own descriptor goes to
    // /dev/null first, so no frame lands on the restored terminal.
    if (state->silenced_fd >= 0 && state->null_fd >= 0) (void)dup2(state->null_fd, state->silenced_fd);
    // A terminal that could not be reopened is written non-blocking for moments (see
    // imtop_set_blocking): the reset must not fail on EAGAIN, nor the shell inherit the flag.
    int flags = fcntl(state->output_fd, F_GETFL);
    if (flags >= 0 && (flags & O_NONBLOCK)) (void)fcntl(state->output_fd, F_SETFL, flags & ~O_NONBLOCK);
    imtop_write_all(state->output_fd, state->reset, state->reset_length);
    if (state->has_termios) (void)tcsetattr(state->terminal_fd, TCSANOW, &state->termios);
    imtop_write_all(STDERR_FILENO, state->prefix, state->prefix_length);
    const char *name = imtop_fatal_signal_name(signal_number);
    imtop_write_all(STDERR_FILENO, name, strlen(name));
    imtop_write_all(STDERR_FILENO, state->suffix, state->suffix_length);
    imtop_log_crash(name);
  }
  // The previous handler (the Swift runtime's backtracer) runs here, with the original signal
  // information and context, so its report shows where the fault was. It may return: a signal sent
  // by kill would then be lost, so the default action follows in every case.
  if (first && index >= 0) {
    struct sigaction previous = state->saved[index];
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction != NULL) {
      previous.sa_sigaction(signal_number, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN && previous.sa_handler != NULL) {
      previous.sa_handler(signal_number);
    }
  }
  (void)signal(signal_number, SIG_DFL);
  // Not blocked (SA_NODEFER): the default action ends the process here.
  (void)raise(signal_number);
}

/// Copies at most `capacity` bytes of `bytes`; the length copied.
static inline size_t imtop_copy_bytes(char *target, size_t capacity, const char *bytes, size_t length) {
  size_t count = length < capacity ? length : capacity;
  memcpy(target, bytes, count);
  return count;
}

/// Arms the handler for the six fatal signals. `termios` may be NULL (nothing to put back);
/// `silenced_fd` is the descriptor frames are sent through (a second one on the terminal of
/// `output_fd`), pointed at /dev/null on a crash, or -1.
static inline int imtop_install_fatal_restore(
  int output_fd, int terminal_fd, int silenced_fd, const struct termios *termios, const char *reset,
  size_t reset_length, const char *prefix, size_t prefix_length, const char *suffix, size_t suffix_length
) {
  struct imtop_fatal_state *state = imtop_fatal_state();
  state->armed = 0;
  state->handling = 0;
  state->output_fd = output_fd;
  state->terminal_fd = terminal_fd;
  state->silenced_fd = silenced_fd != output_fd ? silenced_fd : -1;
  state->null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  state->has_termios = termios != NULL;
  if (termios != NULL) state->termios = *termios;
  state->reset_length = imtop_copy_bytes(state->reset, IMTOP_RESET_MAX, reset, reset_length);
  state->prefix_length = imtop_copy_bytes(state->prefix, IMTOP_NOTE_MAX, prefix, prefix_length);
  state->suffix_length = imtop_copy_bytes(state->suffix, IMTOP_NOTE_MAX, suffix, suffix_length);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = imtop_fatal_handler;
  sigemptyset(&action.sa_mask);
  // Not deferred: the runtime's backtracer, called from this handler, reads memory under its own
  // SIGSEGV handler, and a fault there while the signal is blocked would kill the process at once.
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  for (int i = 0; i < IMTOP_FATAL_SIGNALS; i++) {
    if (sigaction(imtop_fatal_signal(i), &action, &state->saved[i]) != 0) return -1;
  }
  state->armed = 1;
  return 0;
}

/// Puts the previous actions back: the terminal is the user's again, nothing left to restore.
static inline void imtop_uninstall_fatal_restore(void) {
  struct imtop_fatal_state *state = imtop_fatal_state();
  if (!state->armed) return;
  state->armed = 0;
  for (int i = 0; i < IMTOP_FATAL_SIGNALS; i++) sigaction(imtop_fatal_signal(i), &state->saved[i], NULL);
  if (state->null_fd >= 0) close(state->null_fd);
  state->null_fd = -1;
}

/// A terminfo string capability, or NULL when the terminal has none (ncurses returns -1 for a name
/// that is not a string capability).
static inline const char *imtop_terminfo_string(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return NULL;
  return value;
}

/// Whether the terminal's entry moves the cursor and sets renditions the ANSI way (`ESC[5;10H` for
/// row 5, column 10; `ESC[31m` for red; a reset made of `ESC[`...), so that frames can be written
/// directly (`ANSIFrameWriter`); other terminals are drawn by ncurses.
static inline int imtop_terminal_speaks_ansi(void) {
  const char *cup = imtop_terminfo_string("cup");
  if (cup == NULL) return 0;
  const char *moved = tiparm(cup, 4, 9);
  if (moved == NULL || strcmp(moved, "\033[5;10H") != 0) return 0;
  const char *reset = imtop_terminfo_string("sgr0");
  if (reset == NULL || strstr(reset, "\033[") == NULL) return 0;
  const char *foreground = imtop_terminfo_string("setaf");
  if (foreground != NULL) {
    const char *red = tiparm(foreground, 1);
    if (red == NULL || strcmp(red, "\033[31m") != 0) return 0;
  }
  return 1;
}

/// Has every thread allocate from one heap arena. glibc gives threads that allocate at the same
/// time arenas of their own (up to eight per core), and what is freed in one stays there for its
/// thread: the live demo held 8.3 MB of anonymous memory with them, 5.0 MB with one. Called before
/// any thread starts.
static inline void imtop_use_one_heap_arena(void) { (void)mallopt(M_ARENA_MAX, 1); }

/// Gives the heap's free memory back to the system (glibc keeps what a thread freed for that thread).
static inline void imtop_release_free_memory(void) { malloc_trim(0); }

/// Lets go of the program's code pages and read-only file data (its own and its libraries' mappings
/// of files that cannot be written and hold no page of their own), so that what stays resident is
/// what it still runs and reads: start-up, the demo's history and the first load are not run again.
/// The pages stay in the page cache, and one used again is mapped back from there on its next use.
/// A mapping that holds a page of its own (relocated data, a debugger's breakpoint) is left alone,
/// as is a traced process, so nothing is lost. Returns the bytes let go, or -1 when /proc could not
/// be read or the process is traced.
static inline long imtop_trim_code_pages(void) {
  char line[512];
  FILE *status = fopen("/proc/self/status", "re");
  if (status == NULL) return -1;
  long tracer = 0;
  while (fgets(line, sizeof line, status) != NULL) {
    if (strncmp(line, "TracerPid:", 10) == 0) { tracer = strtol(line + 10, NULL, 10); break; }
  }
  fclose(status);
  if (tracer != 0) return -1;
  FILE *smaps = fopen("/proc/self/smaps", "re");
  if (smaps == NULL) return -1;
  long total = 0;
  unsigned long start = 0, end = 0;
  int candidate = 0;
  while (fgets(line, sizeof line, smaps) != NULL) {
    unsigned long from, to;
    char perms[5];
    int path = 0;
    if (sscanf(line, "%lx-%lx %4s %*s %*s %*s %n", &from, &to, perms, &path) >= 3 && path > 0) {
      // A mapping's first line: read-only (executable or not), private, backed by a file.
      start = from;
      end = to;
      candidate = (strcmp(perms, "r-xp") == 0 || strcmp(perms, "r--p") == 0) && line[path] == '/';
      continue;
    }
    long anonymous;
    if (candidate && sscanf(line, "Anonymous: %ld kB", &anonymous) == 1) {
      candidate = 0;
      if (anonymous == 0 && madvise((void *)start, end - start, MADV_DONTNEED) == 0) total += (long)(end - start);
    }
  }
  fclose(smaps);
  return total;
}

#endif
