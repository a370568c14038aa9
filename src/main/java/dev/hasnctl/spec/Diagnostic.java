package dev.hasnctl.spec;

/**
 * One problem found in a spec, printed as {@code FILE:LINE:COL: error[RULE]: what — fix}.
 *
 * @param pointer the JSON pointer of the offending value, e.g. {@code /groups/2/backup}
 * @param fix what to do about it, phrased as an instruction
 */
public record Diagnostic(
    Severity severity, String rule, Position position, String pointer, String message, String fix) {

  /**
   * The one-line form users read; control characters from the spec are shown escaped, so the line
   * stays one line and cannot drive the terminal.
   */
  public String format() {
    return Shown.escape(
        position + ": " + severity.label() + "[" + rule + "]: " + message + " — " + fix);
  }

  @Override
  public String toString() {
    return format();
  }
}
