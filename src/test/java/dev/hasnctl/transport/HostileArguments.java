package dev.hasnctl.transport;

import dev.hasnctl.model.Argv;
import java.util.List;

/** Arguments that break naive quoting, and a command that echoes each back in brackets. */
public final class HostileArguments {
  /** Quotes, spaces, substitutions, globs, separators, newlines and the empty string. */
  public static final List<String> ARGS =
      List.of(
          "it's",
          "two words",
          "$(touch /tmp/hasnctl-pwned)",
          "`id`",
          "${HOME}",
          "a\"b\\c",
          "*",
          "",
          "x;y|z&",
          "new\nline",
          "'",
          "--flag=\t tab",
          "ünïcödé");

  private HostileArguments() {}

  /** {@code printf '[%s]\n' ARGS...}: prints each argument in brackets on its own line. */
  public static Argv printfCommand() {
    return Argv.of("printf", "[%s]\\n").plus(ARGS.toArray(String[]::new));
  }

  /** What {@link #printfCommand()} prints when every argument arrived verbatim. */
  public static String expectedOutput() {
    StringBuilder out = new StringBuilder();
    for (String arg : ARGS) {
      out.append('[').append(arg).append("]\n");
    }
    return out.toString();
  }
}
