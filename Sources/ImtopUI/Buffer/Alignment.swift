/// Horizontal placement of text in a cell range.
public enum Alignment: Sendable, Hashable { case left, center, right }
