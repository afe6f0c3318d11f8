import Foundation

/// A data directory: where each kind of file is, as `base.ext` or a folder `base/` of `*.ext` files.
///
/// Several monitors can then each append to their own `status/NAME.jsonl`, and a finance export can
/// sit beside a plan as `budget/plan.csv` and `budget/actuals.csv`.
public struct DataDirectory: Sendable {
  public let url: URL

  public init(url: URL) {
    self.url = url.standardizedFileURL
  }

  /// Whether the directory exists (and is a directory).
  public var exists: Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// Whether it holds the one file a data directory must have: `systems.csv` or a `systems/` folder of CSVs.
  public var hasSystems: Bool { !files(of: .systems).isEmpty }

  /// The files of one kind in name order: `base.ext`, then `base/*.ext`. The configuration is only
  /// ever `imtop.toml`. Hidden files (editor and sync leftovers) are skipped.
  public func files(of kind: FileKind) -> [DataFile] {
    let manager = FileManager.default
    var result: [DataFile] = []
    let single = url.appendingPathComponent(kind.fileName)
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: single.path, isDirectory: &isDirectory), !isDirectory.boolValue {
      result.append(DataFile(kind: kind, url: single, path: kind.fileName))
    }
    guard kind != .config else { return result }
    let folder = url.appendingPathComponent(kind.baseName)
    if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
      let names = try? manager.contentsOfDirectory(atPath: folder.path)
    {
      for name in names.sorted() where !name.hasPrefix(".") && name.hasSuffix(".\(kind.fileExtension)") {
        let file = folder.appendingPathComponent(name)
        guard manager.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        result.append(DataFile(kind: kind, url: file, path: "\(kind.baseName)/\(name)"))
      }
    }
    return result
  }

  /// The kinds in reading order: the configuration first (it sets the zone and currency), then
  /// systems (which every other kind refers to), budget, incidents, compliance, status and metrics.
  public static let readingOrder: [FileKind] = [.config, .systems, .budget, .incidents, .compliance, .status, .metrics]

  /// Every file of the directory, kinds in `readingOrder`, files of a kind in name order.
  public func allFiles() -> [DataFile] {
    DataDirectory.readingOrder.flatMap { files(of: $0) }
  }
}
