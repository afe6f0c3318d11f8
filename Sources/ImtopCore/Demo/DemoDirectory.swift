import FoundationEssentials

/// A folder `imtop demo --dir` is asked to write into, and whether it may.
///
/// The demo writes `systems.csv`, `budget.csv` and the rest over any files of the same names, so it
/// writes only into a folder that is new, empty, or a previous demo (one holding the marker file the
/// demo leaves), unless the user forces it: a mistyped path must not replace an organisation's data.
public struct DemoDirectory: Sendable {
  /// The file every demo folder carries, so that the next run knows it may regenerate it in place.
  public static let markerName = ".imtop-demo"

  public static let markerText = """
    This folder holds an imtop demo organisation. `imtop demo --dir` regenerates its files in place;
    remove this file to keep it from doing so.

    """

  /// What the folder holds, as far as writing a demo into it goes.
  public enum Contents: Equatable, Sendable {
    /// Nothing there yet, or an empty folder.
    case empty
    /// A folder a demo wrote (it has the marker file).
    case previousDemo
    /// Files that are not a demo's, by name, sorted.
    case otherFiles([String])
    /// Something that is not a folder.
    case notAFolder
  }

  public let url: URL

  public init(url: URL) {
    self.url = url
  }

  public func contents() throws -> Contents {
    var isFolder = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return .empty }
    guard isFolder else { return .notAFolder }
    let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    if names.contains(Self.markerName) { return .previousDemo }
    return names.isEmpty ? .empty : .otherFiles(names)
  }

  /// Throws `DemoDirectoryRefusal` unless a demo may be written here: the folder is new, empty or a
  /// previous demo, or `force` is set (which cannot make a file into a folder).
  public func requireWritable(force: Bool) throws {
    switch try contents() {
    case .empty, .previousDemo: return
    case .otherFiles(let names):
      if !force { throw DemoDirectoryRefusal(path: url.path, reason: .holdsOtherFiles(names)) }
    case .notAFolder: throw DemoDirectoryRefusal(path: url.path, reason: .notAFolder)
    }
  }
}
