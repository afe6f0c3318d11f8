import CNCursesW
import ImtopUI

/// The ncurses attributes and colour pair a combination of roles resolves to.
struct RenderedStyle: Hashable {
  var attributes: attr_t
  var pair: Int32
}

/// A cell's roles and attributes: what a theme turns into a `RenderedStyle`.
struct StyleKey: Hashable {
  var foreground: Role
  var background: Role
  var attributes: Attributes
}

extension TerminalScreen {
  /// Draws a frame by writing only the cells that differ from the one this method drew last (see
  /// `FrameDiff`), then sends it with one `wnoutrefresh` + `doupdate`; nothing at all when no cell
  /// changed. The run loop keeps its own `FrameDiff` and calls `draw(_:theme:)` with the changes.
  ///
  /// ncurses compares again with what the terminal shows, so a changed cell costs a cursor move and
  /// the character (a few bytes), and an unchanged frame costs nothing.
  ///
  /// - Returns: the number of cells written.
  @discardableResult
  public func draw(_ buffer: Buffer, theme: Theme) -> Int {
    guard !isRestored else { return 0 }
    return draw(frames.changes(to: buffer, theme: theme), theme: theme)
  }

  /// Writes these cells (clipped to the window) and sends what the terminal takes at once (the rest
  /// stays pending, see `sendOutput`); a new theme first forgets the colour pairs and styles of the
  /// old one (the changes then hold every cell).
  ///
  /// - Returns: the number of cells written.
  @discardableResult
  public func draw(_ changes: [CellChange], theme: Theme) -> Int {
    guard !isRestored else { return 0 }
    if theme != lastTheme {
      lastTheme = theme
      styleCache.removeAll(keepingCapacity: true)
      appearanceCache.removeAll(keepingCapacity: true)
      pairs.reset()
    }
    guard !changes.isEmpty else { return 0 }
    if needsReset {
      needsReset = false
      absorbCursesOutput()
      output.enqueue(resetBeforeRepaint)
      if ansiWriter != nil {
        // The frame cut short may have set a scrolling region and not reset it.
        output.enqueue(ANSIFrameWriter.wholeScreenRegion)
        ansiWriter?.invalidate()
      }
    }
    var written = 0
    var items: [ANSIFrameWriter.Item] = []
    for change in changes where change.x < size.width && change.y < size.height {
      let (glyph, key) = write(change, theme: theme)
      if ansiWriter != nil {
        items.append(.init(cell: change.cell, glyph: glyph, style: appearance(key, theme: theme), x: change.x, y: change.y))
      }
      written += 1
    }
    guard written > 0 else { return 0 }
    if ansiWriter != nil {
      var bytes: [UInt8] = []
      ansiWriter?.write(items, size: size, into: &bytes) { cell in
        let key = StyleKey(foreground: cell.foreground, background: cell.background, attributes: cell.attributes)
        return (self.glyph(cell), self.appearance(key, theme: theme))
      }
      // The window holds the frame as a model. Copied to ncurses' screen (nothing is sent), it is no
      // longer changed, so reading a key does not refresh it (a full update of ncurses' own).
      wnoutrefresh(window)
      absorbCursesOutput()
      output.enqueue(bytes)
    } else {
      wnoutrefresh(window)
      doupdate()
    }
    // What ncurses wrote is in memory: the terminal gets what it takes now, the rest waits.
    _ = sendOutput()
    statistics.frames += 1
    statistics.cells += written
    return written
  }

  /// Forgets what is on screen so the next frame repaints every cell (after a resize, or when
  /// something else may have written to the terminal).
  public func invalidate() {
    frames.invalidate()
    clearok(window, true)
    ansiWriter?.invalidate()
  }

  /// Puts the cell into ncurses' window; returns what the terminal is to show for it.
  private func write(_ change: CellChange, theme: Theme) -> (TerminalGlyph, StyleKey) {
    let cell = change.cell
    let key = StyleKey(foreground: cell.foreground, background: cell.background, attributes: cell.attributes)
    let style = renderedStyle(key, theme: theme)
    let glyph = glyph(cell)
    put(glyph.scalars, x: change.x, y: change.y, style: style)
    if glyph.padsSecondColumn && change.x + 1 < size.width {
      put([" "], x: change.x + 1, y: change.y, style: style)
    }
    return (glyph, key)
  }

  /// What the terminal is given for a cell's grapheme.
  private func glyph(_ cell: Cell) -> TerminalGlyph {
    TerminalGlyph(
      grapheme: cell.grapheme, utf8: capabilities.isUTF8, maxScalars: Int(imtop_ccharw_max()) - 1,
      terminalWidth: { scalar in Int(imtop_wcwidth(wchar_t(bitPattern: scalar.value))) }
    )
  }

  /// A cell's appearance as the ANSI writer sends it: the theme's at the terminal's depth, without
  /// the attributes its entry cannot show.
  private func appearance(_ key: StyleKey, theme: Theme) -> CellAppearance {
    if let known = appearanceCache[key] { return known }
    var look = CellAppearance(
      foreground: key.foreground, background: key.background, attributes: key.attributes, theme: theme, depth: capabilities.colorDepth)
    look.attributes.formIntersection(ansiAttributes)
    appearanceCache[key] = look
    return look
  }

  private func put(_ scalars: [Unicode.Scalar], x: Int, y: Int, style: RenderedStyle) {
    var cell = cchar_t()
    var pair = style.pair
    let shortPair = Int16(clamping: style.pair)
    withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: scalars.count + 1) { text in
      for (index, scalar) in scalars.enumerated() { text[index] = wchar_t(bitPattern: scalar.value) }
      text[scalars.count] = 0
      _ = setcchar(&cell, text.baseAddress, style.attributes, shortPair, &pair)
    }
    // At the bottom-right cell ncurses reports ERR after drawing it (it cannot move past); ignored.
    _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
  }

  private func renderedStyle(_ key: StyleKey, theme: Theme) -> RenderedStyle {
    if let known = styleCache[key] { return known }
    let depth = capabilities.colorDepth
    let look = TerminalScreen.cursesStyle(
      CellAppearance(foreground: key.foreground, background: key.background, attributes: key.attributes, theme: theme, depth: depth),
      depth: depth)
    var attributes = look.attributes
    var pair: Int32 = 0
    if depth > .none {
      if let found = pairs.pair(foreground: look.foreground, background: look.background) {
        pair = found
      } else if look.background != -1 {
        // Out of pairs: a coloured background (a selection, a status bar) must still stand out.
        attributes |= imtop_attr_reverse()
      }
    }
    let style = RenderedStyle(attributes: attributes, pair: pair)
    styleCache[key] = style
    return style
  }

  /// What ncurses is given for a cell's appearance (the rule `snapshot --format ansi` follows too):
  /// its attributes, and its colours as ncurses colour numbers (-1, the terminal's default, without
  /// colour); the colour pair is allocated from these.
  static func cursesStyle(_ appearance: CellAppearance, depth: ColorDepth) -> (attributes: attr_t, foreground: Int32, background: Int32) {
    let attributes = cursesAttributes(appearance.attributes)
    guard depth > .none else { return (attributes, -1, -1) }
    let direct = depth == .truecolor
    return (attributes, appearance.foreground.terminalNumber(directColor: direct), appearance.background.terminalNumber(directColor: direct))
  }

  static func cursesAttributes(_ attributes: Attributes) -> attr_t {
    var result = imtop_attr_normal()
    if attributes.contains(.bold) { result |= imtop_attr_bold() }
    if attributes.contains(.dim) { result |= imtop_attr_dim() }
    if attributes.contains(.underline) { result |= imtop_attr_underline() }
    if attributes.contains(.reverse) { result |= imtop_attr_reverse() }
    if attributes.contains(.italic) { result |= imtop_attr_italic() }
    return result
  }
}
