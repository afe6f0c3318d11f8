#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ThemeCatalog {
  /// What identifies the current version of a user theme file (its path, size and modification
  /// time), to notice an edit; nil for a shipped theme with no user file, which never changes.
  /// - Complexity: one `stat`, cheap enough to call on every clock tick.
  public func fileVersion(of name: String) -> String? {
    guard let directory = userDirectory else { return nil }
    let path = directory + "/" + name + ".toml"
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return "\(path):\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
  }
}
