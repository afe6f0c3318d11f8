import CNCursesW
import FoundationEssentials
import Glibc
import ImtopUI

/// The terminal under ncurses: takes it over, draws frames as cell differences, decodes input, and
/// gives it back as it was.
///
/// Every ncurses call happens on the thread that owns this value (it is deliberately not
/// `Sendable`); data from other threads reaches it through a `TerminalMailbox`. It uses the window
/// and screen `newterm` returned, never `stdscr`/`LINES`/`COLS`, so it also works on a
/// pseudo-terminal in tests and benchmarks. ncurses and the signal handlers are process-wide: open
/// one screen at a time.
public final class TerminalScreen: TerminalBackend {
  /// Where and how to open the terminal.
  public struct Options: Sendable {
    /// The terminfo name; nil reads `TERM` from `environment`.
    public var terminalName: String?
    public var inputDescriptor: Int32
    public var outputDescriptor: Int32
    /// The argument to `setlocale(LC_ALL, ...)`: "" takes the user's locale from the environment,
    /// with `C.UTF-8` instead of a UTF-8 locale that is not installed (`LocaleFallback`).
    public var locale: String
    /// Where `TERM`, `COLORTERM`, `NO_COLOR` and the locale variables are read.
    public var environment: [String: String]
    /// `--no-color`: draw with attributes only.
    public var noColor: Bool
    public var enableMouse: Bool
    /// Route SIGINT, SIGTERM and SIGHUP to the run loop so it can restore the terminal and exit.
    public var handleSignals: Bool
    /// On a fatal signal, restore the terminal before the process dies (see `FatalSignalRestore`).
    public var restoreOnCrash: Bool
    /// The end of the line printed on a crash: where the report is, or that there is none.
    public var crashReportNote: String
    /// Write frames directly when the terminal speaks ANSI (`ANSIFrameWriter`); false leaves all
    /// drawing to ncurses, as on other terminals.
    public var writesANSIFrames: Bool

    public init(
      terminalName: String? = nil, inputDescriptor: Int32 = STDIN_FILENO, outputDescriptor: Int32 = STDOUT_FILENO,
      locale: String = "", environment: [String: String] = ProcessInfo.processInfo.environment,
      noColor: Bool = false, enableMouse: Bool = true, handleSignals: Bool = true, restoreOnCrash: Bool = true,
      crashReportNote: String = "No crash report was written.", writesANSIFrames: Bool = true
    ) {
      self.terminalName = terminalName
      self.inputDescriptor = inputDescriptor
      self.outputDescriptor = outputDescriptor
      self.locale = locale
      self.environment = environment
      self.noColor = noColor
      self.enableMouse = enableMouse
      self.handleSignals = handleSignals
      self.restoreOnCrash = restoreOnCrash
      self.crashReportNote = crashReportNote
      self.writesANSIFrames = writesANSIFrames
    }
  }

  /// What was drawn so far: frames that reached the terminal and cells written into them.
  public struct DrawStatistics: Hashable, Sendable {
    public var frames = 0
    public var cells = 0
    /// Frames whose output the terminal did not take and that were dropped.
    public var framesDropped = 0
  }

  public let capabilities: TerminalCapabilities
  public let options: Options
  /// The window size in cells, updated when a resize arrives.
  public internal(set) var size: Size
  public internal(set) var statistics = DrawStatistics()

  let screen: OpaquePointer
  /// The window `newterm` made (`package`: the test-support target reads cells back from it).
  package let window: UnsafeMutablePointer<WINDOW>
  private let outputFile: UnsafeMutablePointer<FILE>
  private let inputFile: UnsafeMutablePointer<FILE>
  /// Where ncurses' output waits for the terminal (ncurses writes into memory, see `TerminalOutput`).
  let output: TerminalOutput
  /// Sent before the next frame after a dropped one: CAN ends an escape sequence the terminal got half
  /// of, then the attributes are reset.
  let resetBeforeRepaint: [UInt8]
  /// A frame was dropped: the next `draw` sends `resetBeforeRepaint` first.
  var needsReset = false
  /// The modes as the shell left them, put back on the way out without waiting for output to drain.
  private let shellModes: termios?
  /// The modes ncurses set (raw, no echo), to put back when the process is continued after a stop.
  private let programModes: termios?
  let signals: SignalPipe?
  /// What `draw(_ buffer:theme:)` drew last.
  var frames = FrameDiff()
  /// The theme of the styles and colour pairs in use.
  var lastTheme: Theme?
  var pairs: ColorPairTable
  var styleCache: [StyleKey: RenderedStyle] = [:]
  /// Frames written as ANSI bytes, on a terminal that speaks ANSI; nil when ncurses draws them. The
  /// window is then kept as the model of what the terminal shows, and ncurses' own output after the
  /// start is dropped (it would repaint what the writer already sent).
  var ansiWriter: ANSIFrameWriter?
  /// The attributes the terminal's entry can show (what ncurses would drop, the writer drops too).
  let ansiAttributes: Attributes
  var appearanceCache: [StyleKey: CellAppearance] = [:]
  public private(set) var isRestored = false

  /// Takes over the terminal: checks it is one, sets the locale, starts ncurses in raw mode with
  /// keypad, mouse, a 25 ms Esc delay and a hidden cursor, and starts colours the terminal has.
  ///
  /// - Throws: `TerminalError.notATerminal` when input or output is not a terminal (ncurses would
  ///   write escape codes into a file and spin on input), `.terminalTypeUnset` or
  ///   `.unknownTerminalType` instead of ncurses' own abort.
  public init(options: Options = Options()) throws(TerminalError) {
    guard isatty(options.inputDescriptor) == 1, isatty(options.outputDescriptor) == 1 else {
      throw .notATerminal
    }
    let name = options.terminalName ?? options.environment["TERM"] ?? ""
    guard !name.isEmpty else { throw .terminalTypeUnset }

    setlocale(LC_ALL, options.locale)
    var codeset = String(cString: imtop_codeset())
    if options.locale.isEmpty, let fallback = LocaleFallback.fallback(afterCodeset: codeset, environment: options.environment),
      setlocale(LC_ALL, fallback) != nil
    {
      codeset = String(cString: imtop_codeset())
    }
    let isUTF8 = LocaleFallback.isUTF8(codeset: codeset)

    // The modes as the shell left them, for a crash to put back (ncurses keeps its own copy).
    var shellModes = termios()
    let hasShellModes = tcgetattr(options.inputDescriptor, &shellModes) == 0
    let frameOutput = try TerminalOutput(terminalDescriptor: options.outputDescriptor)
    let signals: SignalPipe?
    do {
      signals = options.handleSignals ? try SignalPipe() : nil
    } catch {
      frameOutput.close()
      throw error
    }
    guard let output = TerminalScreen.open(options.outputDescriptor, mode: "w"),
      let input = TerminalScreen.open(options.inputDescriptor, mode: "r")
    else {
      frameOutput.close()
      signals?.restore()
      throw .systemCallFailed(operation: "fdopen", code: errno)
    }
    use_env(true)
    use_tioctl(true)
    guard let screen = newterm(name, output, input), let window = imtop_stdscr() else {
      fclose(output)
      fclose(input)
      frameOutput.close()
      signals?.restore()
      throw .unknownTerminalType(name)
    }
    // A terminal that cannot move its cursor (TERM=dumb, a printing terminal) cannot hold a
    // full-screen dashboard: say so instead of drawing nothing.
    guard imtop_terminfo_string("cup") != nil else {
      delscreen(screen)
      fclose(output)
      fclose(input)
      frameOutput.close()
      signals?.restore()
      throw .noCursorAddressing(name)
    }
    set_term(screen)
    // The modes first, on the terminal itself; then ncurses' descriptor becomes the memory file, so
    // nothing it writes from here on (the first frame included) can block on the terminal.
    raw()
    noecho()
    nonl()
    var programModes = termios()
    let hasProgramModes = tcgetattr(options.inputDescriptor, &programModes) == 0
    _ = dup2(frameOutput.captureDescriptor, fileno(output))

    let declaredColors = has_colors() ? Int(max(0, tigetnum("colors"))) : 0
    let reported = ColorDepth.detect(colors: declaredColors, environment: options.environment, noColorFlag: options.noColor)
    var depth = min(reported, ColorDepth.drawable(colors: declaredColors))
    var colors = 0
    var colorPairs = 0
    if depth > .none, start_color() == OK {
      use_default_colors()
      colors = Int(imtop_colors())
      colorPairs = Int(imtop_color_pairs())
    } else {
      depth = .none
    }

    keypad(window, true)
    meta(window, true)
    set_escdelay(25)
    curs_set(0)
    leaveok(window, true)
    // ncurses stops an update halfway when a key is waiting, expecting another refresh soon; the run
    // loop draws again only when a cell changes, so the rest of the frame would stay stale. Its
    // output goes to memory (`TerminalOutput`), so finishing costs nothing.
    typeahead(-1)
    wtimeout(window, 0)
    TerminalScreen.defineCursorKeys()
    if options.enableMouse {
      mousemask(imtop_mouse_press_mask(), nil)
      mouseinterval(0)
    }

    self.options = options
    self.screen = screen
    self.window = window
    self.outputFile = output
    self.inputFile = input
    self.output = frameOutput
    self.shellModes = hasShellModes ? shellModes : nil
    self.programModes = hasProgramModes ? programModes : nil
    var reset: [UInt8] = [0x18]
    if let sgr0 = imtop_terminfo_string("sgr0") {
      reset += Array(String(cString: sgr0).utf8)
    } else {
      reset += Array("\u{1B}[0m".utf8)
    }
    self.resetBeforeRepaint = reset
    self.signals = signals
    self.pairs = ColorPairTable(capacity: colorPairs, define: TerminalScreen.definePair)
    self.size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    let untranslated = hasProgramModes && (programModes.c_oflag & tcflag_t(OPOST) == 0 || programModes.c_oflag & tcflag_t(ONLCR | OCRNL | ONLRET) == 0)
    self.ansiWriter =
      options.writesANSIFrames && imtop_terminal_speaks_ansi() != 0 ? ANSIFrameWriter(utf8: isUTF8, plainControls: untranslated) : nil
    var shown: Attributes = []
    for (attribute, capability) in [(Attributes.bold, "bold"), (.dim, "dim"), (.underline, "smul"), (.reverse, "rev"), (.italic, "sitm")]
    where imtop_terminfo_string(capability) != nil {
      shown.insert(attribute)
    }
    self.ansiAttributes = shown
    self.capabilities = TerminalCapabilities(
      terminalName: name, colorDepth: depth, reportedColorDepth: reported, isUTF8: isUTF8,
      codeset: codeset, colors: colors, colorPairs: colorPairs
    )
    // The start-up sequences (alternate screen, keypad mode...) go now if the terminal takes them,
    // else with the first frame. ncurses sends some of them at its first refresh, which the ANSI
    // writer's frames never call: one refresh now, of the blank window.
    if ansiWriter != nil {
      wnoutrefresh(window)
      doupdate()
    }
    frameOutput.collect()
    _ = frameOutput.send()
    if options.restoreOnCrash {
      FatalSignalRestore.install(
        outputDescriptor: options.outputDescriptor, drawingDescriptor: frameOutput.writerDescriptor,
        terminalDescriptor: options.inputDescriptor,
        savedTermios: hasShellModes ? shellModes : nil, mouse: options.enableMouse, scrollRegion: ansiWriter != nil,
        reportNote: options.crashReportNote)
    }
  }

  deinit { restore() }

  /// Gives the terminal back: cursor visible, mouse reporting off, alternate screen left (`endwin`),
  /// the shell's modes put back, the ncurses screen freed (`delscreen`), signal handlers as they were.
  /// Never blocks for long: what is still pending is sent while the terminal keeps taking it (up to
  /// 1 s without progress, 5 s in all), and nothing waits on a terminal that hung up.
  /// Safe to call more than once; nothing may be drawn afterwards.
  public func restore() {
    guard !isRestored else { return }
    isRestored = true
    leaveScreen()
    if options.restoreOnCrash { FatalSignalRestore.uninstall() }
    delscreen(screen)
    fclose(outputFile)
    fclose(inputFile)
    output.close()
    signals?.restore()
  }

  public func suspend() {
    guard !isRestored else { return }
    leaveScreen()
    imtop_stop_self()
    resume()
  }

  /// Hands the screen to the shell: mouse reporting off, cursor visible, the alternate screen left
  /// (`endwin`), what is pending sent without waiting long, the shell's modes back.
  private func leaveScreen() {
    set_term(screen)
    if ansiWriter != nil {
      // The rendition the writer left is the terminal's until reset, ncurses thinks it is normal;
      // and a frame cut short may have left a scrolling region set.
      output.discardCaptured()
      output.enqueue(Array("\u{1B}[0m".utf8) + ANSIFrameWriter.wholeScreenRegion)
      ansiWriter?.invalidate()
    }
    if options.enableMouse { mousemask(0, nil) }
    curs_set(1)
    // ncurses cannot put the modes back itself (its descriptor is the memory file): that is done
    // below, at once rather than after the output drained as ncurses would.
    endwin()
    output.collect()
    _ = output.finish(idleMilliseconds: 1_000, totalMilliseconds: 5_000)
    if var modes = shellModes { _ = tcsetattr(options.inputDescriptor, TCSANOW, &modes) }
  }

  public func resume() {
    guard !isRestored else { return }
    set_term(screen)
    if var modes = programModes { _ = tcsetattr(options.inputDescriptor, TCSANOW, &modes) }
    // The next refresh after `endwin` enters the alternate screen and keypad mode again.
    curs_set(0)
    if options.enableMouse { mousemask(imtop_mouse_press_mask(), nil) }
    invalidate()
    if ansiWriter != nil {
      // ncurses enters the alternate screen and keypad mode again at its next refresh, which the
      // writer's frames never call: refresh now (a cleared screen) and send it.
      wrefresh(window)
      output.collect()
    }
  }

  /// The descriptor the run loop waits on for key presses.
  public var inputDescriptor: Int32 { options.inputDescriptor }

  /// A separate `FILE` on a duplicate of `descriptor`, so closing it leaves the caller's open.
  private static func open(_ descriptor: Int32, mode: String) -> UnsafeMutablePointer<FILE>? {
    let duplicate = dup(descriptor)
    guard duplicate >= 0 else { return nil }
    guard let file = fdopen(duplicate, mode) else {
      close(duplicate)
      return nil
    }
    return file
  }

  /// Extended pairs first (65,536 on xterm-256color), the classic call within its short range next.
  private static func definePair(_ pair: Int32, _ foreground: Int32, _ background: Int32) -> Bool {
    if init_extended_pair(pair, foreground, background) == OK { return true }
    guard pair <= Int32(Int16.max), let fg = Int16(exactly: foreground), let bg = Int16(exactly: background) else {
      return false
    }
    return init_pair(Int16(pair), fg, bg) == OK
  }

  /// Cursor keys in their normal-mode form too, for terminals that ignore the keypad-mode request.
  private static func defineCursorKeys() {
    let keys: [(String, Int32)] = [
      ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
      ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END),
    ]
    for (sequence, code) in keys where key_defined(sequence) == 0 {
      define_key(sequence, code)
    }
  }
}
