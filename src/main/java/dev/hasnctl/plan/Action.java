package dev.hasnctl.plan;

/** What a plan does to one resource; the symbol is what users see in front of it. */
public enum Action {
  CREATE('+'),
  UPDATE('~'),
  DELETE('-'),
  /** A check-only resource (software level, ifix) differs: reported, never changed. */
  REPORT('!'),
  /** The resource's state is unknown: apply refuses to touch it until a probe sees it. */
  BLOCKED('?');

  private final char symbol;

  Action(char symbol) {
    this.symbol = symbol;
  }

  /** The one-character marker printed before the resource. */
  public char symbol() {
    return symbol;
  }
}
