/// What the terminal backend decodes from the keyboard, the mouse and the window system.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  /// A mouse button press (or wheel) at a cell.
  case mouse(MouseEvent)
  case resize(Size)
}

/// A key press, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
  case character(Character)
  case enter, escape, tab, backTab, backspace, delete
  case up, down, left, right, pageUp, pageDown, home, end
  case function(Int)
  /// Control plus a letter (`ctrl("c")`).
  case control(Character)
}

public struct MouseEvent: Hashable, Sendable {
  public enum Button: Hashable, Sendable { case left, middle, right, wheelUp, wheelDown }
  public var button: Button
  public var x: Int
  public var y: Int

  public init(button: Button, x: Int, y: Int) {
    self.button = button
    self.x = x
    self.y = y
  }
}
