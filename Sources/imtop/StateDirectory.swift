/// Where imtop keeps what it writes for itself (the log, crash reports, the column choice):
/// `$XDG_STATE_HOME/imtop`, else `~/.local/state/imtop`. A relative or empty `XDG_STATE_HOME` is
/// ignored, as the XDG specification says.
enum StateDirectory {
  /// The folder, or nil when neither `XDG_STATE_HOME` nor `HOME` names one.
  static func path(environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/imtop" }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/imtop" }
    return nil
  }
}
