/// A semantic colour role: widgets say what a cell means, themes say how it looks.
public enum Role: String, CaseIterable, Sendable, Hashable {
  case normal, muted, title, border, accent, selection, header
  case ok, warn, crit, stale, unknown, maintenance
  case tabActive = "tab_active", tabInactive = "tab_inactive"
  case barPlanned = "bar_planned", barActual = "bar_actual", barOver = "bar_over"
  case gaugeFill = "gauge_fill", gaugeEmpty = "gauge_empty"
  case sparkline, background, statusBar = "status_bar", error
}
