extension Windowed {
  /// A value for each of the three windows, computed by `figure`.
  public init(_ figure: (Window) -> Value) {
    self.init(day: figure(.day), week: figure(.week), month: figure(.month))
  }
}
