package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only probe script: commands, each after a marker line naming its section, joined with
 * {@code ;} so one failure does not hide the rest. Every word is quoted by {@link Argv#toShell()}.
 */
final class Script {
  private final List<String> parts = new ArrayList<>();

  private Script section(String name) {
    parts.add(Argv.of("echo", Sections.MARK + name).toShell());
    return this;
  }

  /** Runs {@code command} in section {@code name}, marking the section failed if it fails. */
  Script run(String name, Argv command) {
    section(name);
    parts.add(command.toShell() + " 2>&1 || " + Argv.of("echo", Sections.FAILED).toShell());
    return this;
  }

  /**
   * Runs {@code command} in section {@code name} with {@code /dev/null} as its standard input (a
   * command that would otherwise wait for input, such as isql), marking the section failed if it
   * fails, then ends the line: such a command may leave a prompt without a newline, which would
   * hide the next section's marker.
   */
  Script runWithoutInput(String name, Argv command) {
    section(name);
    parts.add(
        command.toShell() + " < /dev/null 2>&1 || " + Argv.of("echo", Sections.FAILED).toShell());
    parts.add(Argv.of("echo").toShell());
    return this;
  }

  /** Prints {@code file} in section {@code name}, or marks it absent. */
  Script cat(String name, String file) {
    section(name);
    parts.add(
        Argv.of("test", "-e", file).toShell()
            + " && "
            + Argv.of("cat", file).toShell()
            + " || "
            + Argv.of("echo", Sections.ABSENT).toShell());
    return this;
  }

  /** Ends the script with {@link Sections#END}, so a host's output is known to be complete. */
  Script ended() {
    parts.add(Argv.of("echo", Sections.END).toShell());
    return this;
  }

  boolean isEmpty() {
    return parts.isEmpty();
  }

  @Override
  public String toString() {
    return String.join("; ", parts);
  }
}
