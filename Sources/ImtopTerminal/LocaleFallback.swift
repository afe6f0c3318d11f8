/// Which locale the screen runs in, decided from the environment and what `setlocale` made of it.
///
/// An SSH session forwards the client's `LANG` (`en_US.UTF-8`), which the server may not have
/// installed: `setlocale(LC_ALL, "")` then fails and leaves the C locale, whose character set is
/// ASCII. The terminal still speaks UTF-8 (the user asked for it), so the screen falls back to
/// `C.UTF-8` and keeps its symbols. Only a locale whose character set really is something else
/// (`LANG=C`, `de_DE.ISO-8859-1`) draws in ASCII.
enum LocaleFallback {
  /// The locale to try when `setlocale` did not give a UTF-8 character set though the environment
  /// asked for one.
  static let fallback = "C.UTF-8"

  /// The locale the environment asks for characters: `LC_ALL`, else `LC_CTYPE`, else `LANG`, the
  /// first set and not empty (the order `setlocale` reads them in); nil when none is.
  static func requestedCharacterLocale(in environment: [String: String]) -> String? {
    for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = environment[key], !value.isEmpty { return value }
    }
    return nil
  }

  /// Whether a character set name is UTF-8, however it is spelled (`UTF-8`, `utf8`, `UTF_8`).
  static func isUTF8(codeset: String) -> Bool {
    codeset.uppercased().filter { $0 != "-" && $0 != "_" } == "UTF8"
  }

  /// Whether a locale name asks for UTF-8: `en_US.UTF-8`, `de_DE.utf8@euro`.
  static func namesUTF8(_ locale: String) -> Bool {
    guard let dot = locale.firstIndex(of: ".") else { return false }
    let codeset = locale[locale.index(after: dot)...].prefix { $0 != "@" }
    return isUTF8(codeset: String(codeset))
  }

  /// The locale to set after `setlocale(LC_ALL, "")` gave `codeset`: `fallback` when that is not
  /// UTF-8 but the environment asked for a UTF-8 locale (one that is not installed), else nil (keep
  /// what was set: UTF-8 already, or a locale that really is not UTF-8).
  static func fallback(afterCodeset codeset: String, environment: [String: String]) -> String? {
    guard !isUTF8(codeset: codeset), let requested = requestedCharacterLocale(in: environment), namesUTF8(requested) else {
      return nil
    }
    return fallback
  }
}
