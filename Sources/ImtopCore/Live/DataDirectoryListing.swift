import FoundationEssentials
import Glibc

/// The data files of a directory, found by name: `base.ext` for each kind, and every `*.ext` in a
/// folder `base/` (so several monitors can each write their own log).
///
/// Only known names are looked at (a few `stat` calls and one listing per existing folder), so an
/// idle poll stays cheap however cluttered the directory is.
public struct DataDirectoryListing: Sendable {
  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// Whether the directory exists (and is a directory).
  public var exists: Bool {
    var isFolder = false
    return FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) && isFolder
  }

  /// Whether it holds the one file a data directory must have: `systems.csv` or a `systems/` folder
  /// of CSV files.
  public var hasSystems: Bool { files().contains { $0.kind == .systems } }

  /// Every data file present, as (relative path, kind), in reading order. A name that exists but is
  /// not a regular file (`status.jsonl/`, a looping link) is listed too, so its reader can say what is wrong.
  public func files() -> [(path: String, kind: FileKind)] { scan().files }

  /// The data files, and a problem for each folder of a kind (`status/`) that is there but cannot
  /// be listed: its files cannot be read, which must not pass unseen.
  public func scan() -> (files: [(path: String, kind: FileKind)], problems: [DataIssue]) {
    var found: [(path: String, kind: FileKind)] = []
    var problems: [DataIssue] = []
    for kind in FileKind.readingOrder {
      if DataDirectoryListing.exists(fullPath(kind.fileName)) {
        found.append((kind.fileName, kind))
      }
      guard kind != .config else { continue }  // the configuration is only ever imtop.toml
      let folder = fullPath(kind.baseName)
      guard DataDirectoryListing.exists(folder) else { continue }
      var info = stat()
      guard stat(folder, &info) == 0 else {
        problems.append(unlistable(kind, errno))
        continue
      }
      guard (info.st_mode & S_IFMT) == S_IFDIR else { continue }  // a plain file of that name is not ours
      guard let stream = opendir(folder) else {
        problems.append(unlistable(kind, errno))
        continue
      }
      var names: [String] = []
      while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name.hasSuffix(".\(kind.fileExtension)") && !name.hasPrefix(".") { names.append(name) }
      }
      closedir(stream)
      for name in names.sorted() { found.append(("\(kind.baseName)/\(name)", kind)) }
    }
    return (found, problems)
  }

  private func unlistable(_ kind: FileKind, _ code: Int32) -> DataIssue {
    DataIssue(
      file: "\(kind.baseName)/", line: nil,
      message: "cannot be listed: \(String(cString: strerror(code))): expected a folder of .\(kind.fileExtension) files")
  }

  /// Whether anything is at `path`, a symbolic link that loops or dangles included (so its reader
  /// can say it cannot be followed, rather than the file silently vanishing).
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  func fullPath(_ relative: String) -> String {
    directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
  }
}
