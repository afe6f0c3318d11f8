import Foundation

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
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) && isFolder.boolValue
  }

  /// Whether it holds the one file a data directory must have: `systems.csv` or a `systems/` folder
  /// of CSV files.
  public var hasSystems: Bool { files().contains { $0.kind == .systems } }

  /// Every data file present, as (relative path, kind), in reading order. A name that exists but is
  /// not a regular file (`status.jsonl/`, a looping link) is listed too, so its reader can say what is wrong.
  public func files() -> [(path: String, kind: FileKind)] {
    var found: [(path: String, kind: FileKind)] = []
    for kind in FileKind.readingOrder {
      if DataDirectoryListing.exists(fullPath(kind.fileName)) {
        found.append((kind.fileName, kind))
      }
      guard kind != .config else { continue }  // the configuration is only ever imtop.toml
      let folder = fullPath(kind.baseName)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
        let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
      else { continue }
      for name in names.sorted() where name.hasSuffix(".\(kind.fileExtension)") && !name.hasPrefix(".") {
        found.append(("\(kind.baseName)/\(name)", kind))
      }
    }
    return found
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
