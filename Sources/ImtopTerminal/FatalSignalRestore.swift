import CNCursesW

/// Gives the terminal back when the process dies of SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT or
/// SIGTRAP, before the runtime's backtracer or the default action runs.
///
/// A crash used to leave the terminal in the alternate screen with the cursor hidden and raw mode
/// on. The handler is in the C shim because a signal handler may only make async-signal-safe calls:
/// everything it writes (the reset bytes, the line on stderr) is computed here, at install time.
/// The shim's install and uninstall are called from this file only, so their state is one copy.
public enum FatalSignalRestore {
  /// Arms the handler for the screen on `outputDescriptor`.
  ///
  /// - Parameters:
  ///   - drawingDescriptor: the descriptor frames are sent through (`TerminalOutput`'s, a second
  ///     one on the terminal), silenced on a crash so that threads still running send no frame over
  ///     the restored terminal.
  ///   - terminalDescriptor: where the saved `termios` is put back (the terminal's input).
  ///   - savedTermios: the modes before ncurses changed them; nil when they could not be read.
  ///   - mouse: whether mouse reporting was switched on (and must be switched off).
  ///   - reportNote: the end of the line on stderr, saying where the crash report is.
  // Never inlined, here and below: the C state these calls share is a function-local static of a
  // `static inline` function, of which each object file that calls it has its own copy. Inlined into
  // another file (whole-module optimisation splits a module into one object per file) or another
  // module, the log's descriptor went to a copy the handler never read, and a release build's
  // crash was not logged.
  @inline(never)
  static func install(
    outputDescriptor: Int32, drawingDescriptor: Int32, terminalDescriptor: Int32, savedTermios: termios?, mouse: Bool,
    scrollRegion: Bool = false, reportNote: String
  ) {
    imtop_uninstall_fatal_restore()
    let reset = resetBytes(mouse: mouse, scrollRegion: scrollRegion)
    let prefix = Array("\rimtop: crashed on ".utf8)
    let suffix = Array("; the terminal was restored. \(reportNote)\n".utf8)
    var modes = savedTermios ?? termios()
    reset.withUnsafeBufferPointer { reset in
      prefix.withUnsafeBufferPointer { prefix in
        suffix.withUnsafeBufferPointer { suffix in
          reset.withMemoryRebound(to: CChar.self) { reset in
            prefix.withMemoryRebound(to: CChar.self) { prefix in
              suffix.withMemoryRebound(to: CChar.self) { suffix in
                withUnsafePointer(to: &modes) { modes in
                  _ = imtop_install_fatal_restore(
                    outputDescriptor, terminalDescriptor, drawingDescriptor, savedTermios == nil ? nil : modes,
                    reset.baseAddress, reset.count, prefix.baseAddress, prefix.count, suffix.baseAddress, suffix.count)
                }
              }
            }
          }
        }
      }
    }
  }

  /// Where a crash is also logged: the log file's descriptor (-1: nowhere), and the line's text
  /// before and after the signal's name, the time being written in front by the handler itself.
  /// Called again whenever the log file is reopened (rotation).
  @inline(never)
  public static func logCrashes(to descriptor: Int32, head: String, tail: String) {
    let head = Array(head.utf8)
    let tail = Array(tail.utf8)
    head.withUnsafeBufferPointer { head in
      tail.withUnsafeBufferPointer { tail in
        head.withMemoryRebound(to: CChar.self) { head in
          tail.withMemoryRebound(to: CChar.self) { tail in
            imtop_set_fatal_log(descriptor, head.baseAddress, head.count, tail.baseAddress, tail.count)
          }
        }
      }
    }
  }

  /// Puts the previous actions back (the screen has been restored the ordinary way).
  @inline(never)
  static func uninstall() {
    imtop_uninstall_fatal_restore()
  }

  /// What undoes the screen's modes: mouse reporting off, attributes reset, keypad mode off, cursor
  /// on and the alternate screen left, in the terminal's own terminfo strings where it has them;
  /// with `scrollRegion` (frames written as ANSI, which scroll blocks of rows), the scrolling region
  /// back to the whole screen (ESC [ r).
  static func resetBytes(mouse: Bool, scrollRegion: Bool = false) -> [UInt8] {
    // CAN first: a thread stopped halfway through an escape sequence leaves the terminal inside it,
    // and CAN ends it so the resets below are read as they are.
    var bytes: [UInt8] = [0x18]
    if mouse {
      // ncurses' xterm mouse modes (and the extended ones a terminal may have switched with them).
      bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
    }
    if scrollRegion { bytes += ANSIFrameWriter.wholeScreenRegion }
    for capability in ["sgr0", "rmkx", "cnorm", "rmcup"] {
      if let value = imtop_terminfo_string(capability) {
        bytes += Array(String(cString: value).utf8)
      } else if capability == "cnorm" {
        bytes += Array("\u{1B}[?25h".utf8)
      } else if capability == "sgr0" {
        bytes += Array("\u{1B}[0m".utf8)
      }
    }
    return bytes
  }
}
