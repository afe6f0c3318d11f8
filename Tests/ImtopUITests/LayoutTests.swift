import Testing
@testable import ImtopUI

@Suite struct LayoutTests {
  let area = Rect(x: 0, y: 0, width: 100, height: 10)

  @Test func lengthsRatiosAndFill() {
    // 100 = 20 (length) + 25 (1/4) + 55 (fill).
    let parts = area.columns([.length(20), .ratio(1, 4), .fill(1)])
    #expect(parts.map(\.width) == [20, 25, 55])
    #expect(parts.map(\.x) == [0, 20, 45])
  }

  @Test func fillSharesByWeight() {
    // 90 left after the length: weights 1 and 2 get 30 and 60.
    let parts = area.columns([.length(10), .fill(1), .fill(2)])
    #expect(parts.map(\.width) == [10, 30, 60])
  }

  @Test func minimumGrowsWithSpareRoom() {
    // min(30) and fill(1) share the 70 left over after 30: 35 each, so 65 and 35.
    let parts = area.columns([.min(30), .fill(1)])
    #expect(parts.map(\.width) == [65, 35])
  }

  @Test func tooLittleRoomShrinksTheLastPartsFirst() {
    let narrow = Rect(x: 5, y: 0, width: 50, height: 1)
    // Asked 30 + 30 + 10 = 70 of 50: the last part loses 10, the middle one 10.
    let parts = narrow.columns([.length(30), .length(30), .length(10)])
    #expect(parts.map(\.width) == [30, 20, 0])
    #expect(parts.map(\.x) == [5, 35, 55])
  }

  @Test func spacingAndTiling() {
    let parts = area.rows([.length(3), .fill(1), .length(2)], spacing: 1)
    // 10 rows - 2 gaps = 8: 3, 3, 2.
    #expect(parts.map(\.height) == [3, 3, 2])
    #expect(parts.map(\.y) == [0, 4, 8])
  }

  @Test func emptyAndZeroAreasNeverGoNegative() {
    for width in 0...5 {
      let parts = Rect(x: 0, y: 0, width: width, height: 1).columns([.length(3), .min(2), .ratio(1, 2), .fill(1)], spacing: 2)
      #expect(parts.count == 4)
      #expect(parts.allSatisfy { $0.width >= 0 && $0.x >= 0 && $0.maxX <= max(width, $0.x) })
    }
    #expect(Rect.zero.columns([]).isEmpty)
  }

  @Test func centredRectangle() {
    #expect(area.centered(width: 20, height: 4) == Rect(x: 40, y: 3, width: 20, height: 4))
    #expect(area.centered(width: 200, height: 40) == area)
  }
}
