package dev.hasnctl.spec.rule;

/**
 * One violation a rule found, before it is placed in the file.
 *
 * @param pointer JSON pointer of the value to blame, e.g. {@code /images/0/dump/location}
 * @param message what is wrong, naming the values involved (never a secret)
 * @param fix what the admin should do, phrased as an instruction
 */
public record Finding(String pointer, String message, String fix) {
  /** A finding at {@code pointer}. */
  public static Finding at(String pointer, String message, String fix) {
    return new Finding(pointer, message, fix);
  }
}
