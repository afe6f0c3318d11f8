@testable import ImtopUI

extension AppState {
  /// Sends one key through `update`, as the terminal would.
  mutating func press(_ key: Key) {
    _ = update(.input(.key(key)))
  }

  /// Sends each character of `text` as a key press ("/wan" opens the filter and types "wan").
  mutating func type(_ text: String) {
    for character in text { press(.character(character)) }
  }

  /// Applies a filter the way a user does: `/`, the text, Enter.
  mutating func applyFilter(_ text: String) {
    press(.character("/"))
    press(.control("u"))
    type(text)
    press(.enter)
  }
}
