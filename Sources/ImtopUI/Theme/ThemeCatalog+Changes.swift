import Foundation

extension ThemeCatalog {
  /// What identifies the current version of a user theme file (its path, size and modification
  /// time), to notice an edit; nil for a shipped theme with no user file, which never changes.
  /// - Complexity: one `stat`, cheap enough to call on every clock tick.
  public func fileVersion(of name: String) -> String? {
    guard let directory = userDirectory else { return nil }
    let path = directory + "/" + name + ".toml"
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path):\(size):\(modified)"
  }
}
