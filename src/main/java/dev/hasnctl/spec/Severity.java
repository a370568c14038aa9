package dev.hasnctl.spec;

/** How bad a finding is: errors stop every command, warnings only {@code validate --strict}. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word printed before the rule id. */
  public String label() {
    return label;
  }
}
