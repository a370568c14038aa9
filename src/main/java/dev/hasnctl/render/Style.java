package dev.hasnctl.render;

import dev.hasnctl.plan.Action;

/** ANSI colours for a terminal, or plain text. */
final class Style {
  private static final String RESET = "\u001b[0m";

  private final boolean color;

  Style(boolean color) {
    this.color = color;
  }

  /** Whether this style colours. */
  boolean color() {
    return color;
  }

  String action(Action action, String text) {
    return paint(
        switch (action) {
          case CREATE -> "\u001b[32m";
          case UPDATE -> "\u001b[33m";
          case DELETE -> "\u001b[31m";
          case REPORT -> "\u001b[35m";
          case BLOCKED -> "\u001b[36m";
        },
        text);
  }

  String bold(String text) {
    return paint("\u001b[1m", text);
  }

  String dim(String text) {
    return paint("\u001b[2m", text);
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
