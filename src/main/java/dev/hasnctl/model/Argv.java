package dev.hasnctl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command as an argument vector, never a shell string.
 *
 * <p>{@link #toShell()} is the one place in hasnctl where arguments are quoted for a shell, used
 * only when a shell must read the command (SSH exec, {@code xdsh}); local execution passes the list
 * as it is.
 */
public record Argv(List<String> args) {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  public Argv {
    if (args == null || args.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least a program name");
    }
    for (String arg : args) {
      if (arg == null || arg.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("command argument is null or holds a NUL byte: " + args);
      }
    }
    args = List.copyOf(args);
  }

  /** A command from its program name and arguments. */
  public static Argv of(String program, String... rest) {
    List<String> all = new ArrayList<>(rest.length + 1);
    all.add(program);
    all.addAll(List.of(rest));
    return new Argv(all);
  }

  /** This command followed by {@code more} arguments. */
  public Argv plus(String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return new Argv(all);
  }

  /** The program name. */
  public String program() {
    return args.get(0);
  }

  /** The command as POSIX shell words: safe words as they are, everything else single-quoted. */
  public String toShell() {
    StringBuilder out = new StringBuilder();
    for (String arg : args) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(quote(arg));
    }
    return out.toString();
  }

  /** One word quoted for a POSIX shell; the inverse of the shell's own word splitting. */
  public static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  @Override
  public String toString() {
    return toShell();
  }
}
