extension Buffer {
  /// Writes `text` in a one-row span of `width` cells from `(x, y)`, aligned, and cut with `ellipsis`
  /// when it does not fit. Returns the columns written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, width: Int, alignment: Alignment, ellipsis: String = "…",
    foreground: Role = .normal, background: Role = .background, attributes: Attributes = []
  ) -> Int {
    guard width > 0 else { return 0 }
    let fitted = SafeText.truncate(text, to: width, ellipsis: ellipsis)
    let textWidth = SafeText.width(fitted)
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .center: offset = (width - textWidth) / 2
    case .right: offset = width - textWidth
    }
    return put(fitted, x: x + offset, y: y, maxWidth: width - offset, foreground: foreground, background: background, attributes: attributes)
  }

  /// Paints the background role over a rectangle (spaces), so a panel starts clean.
  public mutating func clear(_ rect: Rect, background: Role = .background) {
    fill(rect, with: Cell(" ", foreground: .normal, background: background))
  }

  /// Changes the colours and attributes of the cells in a rectangle, keeping their text (selection
  /// highlight, stale marking).
  public mutating func restyle(_ rect: Rect, foreground: Role? = nil, background: Role? = nil, adding attributes: Attributes = []) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX {
        var cell = self[x, y]
        if let foreground { cell.foreground = foreground }
        if let background { cell.background = background }
        cell.attributes.formUnion(attributes)
        self[x, y] = cell
      }
    }
  }

  /// The text of one row (continuation cells skipped), for tests and hit-testing.
  public func line(_ y: Int) -> String {
    guard y >= 0, y < size.height else { return "" }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size.width * 3)
    for x in 0..<size.width { self[x, y].text.appendUTF8(to: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
