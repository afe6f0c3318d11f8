import ImtopCore

/// Where the fixed parts of the screen go at a size: header row, tab row, page body and footer.
/// `update` uses the same geometry as `view` to map mouse clicks and to scroll tables.
public struct ScreenLayout: Sendable, Hashable {
  /// Below this the screen asks for a larger terminal instead of drawing a cramped page.
  public static let minimum = Size(width: 60, height: 16)

  public var size: Size
  public var header: Rect
  public var tabs: Rect
  public var body: Rect
  public var footer: Rect

  public init(size: Size) {
    self.size = size
    let area = Rect(x: 0, y: 0, width: size.width, height: size.height)
    let parts = area.rows([.length(1), .length(1), .fill(1), .length(1)])
    header = parts[0]
    tabs = parts[1]
    body = parts[2]
    footer = parts[3]
  }

  public var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }

  /// Width classes the pages adapt to.
  public enum Width: Int, Comparable, Sendable {
    case narrow, medium, wide
    public static func < (lhs: Width, rhs: Width) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  public var widthClass: Width {
    size.width >= 200 ? .wide : (size.width >= 120 ? .medium : .narrow)
  }
}

extension Rect {
  /// A panel of `lines` lines (plus `frame` rows of border and header) at the top of this area, and
  /// the rest below it when that is worth a panel of its own (8 rows or more); else the area whole.
  /// How tall screens give the rows a short list leaves to another panel.
  func splitForContent(lines: Int, frame: Int) -> (top: Rect, rest: Rect?) {
    let top = max(8, lines.addingReportingOverflow(frame).partialValue)
    guard lines < height, height - top >= 8 else { return (self, nil) }
    let parts = rows([.length(top), .fill(1)])
    return (parts[0], parts[1])
  }
}

extension AppState {
  /// The inner rectangle of the systems table on the current page (header row included), if the page
  /// shows one.
  public var systemsTableArea: Rect? {
    let layout = ScreenLayout(size: size)
    guard !layout.isTooSmall, !showHelp else { return nil }
    switch page {
    case .overview:
      return OverviewPage.tableArea(
        body: layout.body, widthClass: layout.widthClass, kpiCount: snapshot?.kpis.count ?? 0, kpiTileWidth: facts.kpiTileWidth,
        systemRows: visibleRows.count)
    case .systems:
      return detailSystemID == nil ? SystemsPage.tableArea(body: layout.body, treeLayout: treeLayout, systemRows: visibleRows.count) : nil
    default: return nil
    }
  }

  /// How many rows the incidents page's open and resolved tables show at once.
  var visibleIncidentRows: (open: Int, resolved: Int) {
    let layout = ScreenLayout(size: size)
    let rows = incidentRows
    let areas = IncidentsPage.areas(body: layout.body, openCount: rows.open.count, resolvedCount: rows.resolved.count)
    return (max(1, areas.open.height - 3), max(1, areas.resolved.height - 3))
  }

  /// The position in `incidentRows` of the incident drawn at (`x`, `y`) on the incidents page, if any:
  /// the tables scroll as the view draws them.
  func incidentIndex(atX x: Int, y: Int) -> Int? {
    let layout = ScreenLayout(size: size)
    guard showsIncidentTables, !layout.isTooSmall, !showHelp else { return nil }
    let rows = incidentRows
    let areas = IncidentsPage.areas(body: layout.body, openCount: rows.open.count, resolvedCount: rows.resolved.count)
    let selection = selectedIncidentIndex(in: rows)
    let tables = [
      (areas.open.inset(by: 1), 0, rows.open.count, openIncidentsOffset),
      (areas.resolved.inset(by: 1), rows.open.count, rows.resolved.count, resolvedIncidentsOffset),
    ]
    for (inner, start, count, offset) in tables where inner.contains(x: x, y: y) && y > inner.y {
      let selected = selection.flatMap { $0 >= start && $0 < start + count ? $0 - start : nil }
      let first = Table.scrollOffset(selection: selected, offset: offset, visibleRows: max(0, inner.height - 1), rowCount: count)
      let index = first + (y - inner.y - 1)
      return index < count ? start + index : nil
    }
    return nil
  }

  /// How many system rows the current page shows at once.
  var visibleSystemRows: Int { max(1, (systemsTableArea?.height ?? 2) - 1) }
}
