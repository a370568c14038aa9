package dev.hasnctl.sim;

import dev.hasnctl.sim.ShellScript.Join;
import dev.hasnctl.sim.ShellScript.Redirect;
import dev.hasnctl.sim.ShellScript.Simple;
import dev.hasnctl.sim.ShellScript.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a command line into a {@link ShellScript}: the inverse of {@code Argv.toShell()} for
 * words, plus {@code ;}, {@code &&}, {@code ||}, {@code |}, {@code !} before a pipeline, {@code >},
 * {@code >>}, {@code 2>}, {@code 2>&1}, {@code <}, comments, and {@code &} ending a pipeline (an
 * asynchronous list, as in the seed's {@code xdsh compute "/usr/sbin/shutdown -F &"}).
 *
 * <p>Anything a real shell would expand (unquoted {@code $}, backquotes, globs, parentheses,
 * braces, {@code ~} at a word start) is refused with {@link ShellSyntaxException} rather than taken
 * literally, so the simulator never quietly runs something other than what a real shell would.
 */
public final class ShellParser {
  private final String line;
  private int pos;

  private ShellParser(String line) {
    this.line = line;
  }

  /** Parses {@code line}. */
  public static ShellScript parse(String line) throws ShellSyntaxException {
    return new ShellParser(line).script();
  }

  /** Thrown for a command line outside the supported subset; the message says what and where. */
  public static final class ShellSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    ShellSyntaxException(String message) {
      super(message);
    }
  }

  private ShellScript script() throws ShellSyntaxException {
    List<Step> steps = new ArrayList<>();
    Join join = Join.ALWAYS;
    while (true) {
      skipBlanks();
      if (atEnd()) {
        if (join != Join.ALWAYS) {
          throw error("command expected after " + (join == Join.AND ? "&&" : "||"));
        }
        break;
      }
      boolean negated = bang();
      List<Simple> pipeline = pipeline();
      skipBlanks();
      boolean background = !atEnd() && peek() == '&' && !line.startsWith("&&", pos);
      if (background) {
        if (join != Join.ALWAYS) {
          // POSIX makes the whole AND-OR list asynchronous; hasnctl never sends one.
          throw error("'&' after an && or || list is not simulated");
        }
        pos++;
        skipBlanks();
      }
      steps.add(new Step(join, negated, pipeline, background));
      if (atEnd()) {
        break;
      }
      if (background) {
        // '&' ends the list like ';' does: what follows runs at once.
        join = Join.ALWAYS;
      } else if (line.startsWith("&&", pos)) {
        pos += 2;
        join = Join.AND;
      } else if (line.startsWith("||", pos)) {
        pos += 2;
        join = Join.OR;
      } else if (peek() == ';' || peek() == '\n') {
        pos++;
        join = Join.ALWAYS;
      } else {
        throw error("unexpected '" + peek() + "'");
      }
    }
    return new ShellScript(steps);
  }

  /** Consumes POSIX's pipeline negation, {@code !} followed by a blank; whether it was there. */
  private boolean bang() {
    if (line.startsWith("! ", pos) || line.startsWith("!\t", pos)) {
      pos++;
      skipBlanks();
      return true;
    }
    return false;
  }

  private List<Simple> pipeline() throws ShellSyntaxException {
    List<Simple> commands = new ArrayList<>();
    commands.add(simple());
    while (true) {
      skipBlanks();
      if (!atEnd() && peek() == '|' && !line.startsWith("||", pos)) {
        pos++;
        commands.add(simple());
      } else {
        return commands;
      }
    }
  }

  private Simple simple() throws ShellSyntaxException {
    List<String> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (atEnd() || isOperatorStart()) {
        break;
      }
      if (peek() == '#') {
        pos = line.indexOf('\n', pos) < 0 ? line.length() : line.indexOf('\n', pos);
        break;
      }
      int fd = redirectFd();
      if (fd >= 0) {
        redirects.add(redirect(fd));
      } else {
        words.add(word());
      }
    }
    if (words.isEmpty()) {
      throw error("command expected");
    }
    return new Simple(words, redirects);
  }

  /** The fd of a redirect starting here ({@code >}, {@code 2>}, {@code <}), else -1. */
  private int redirectFd() {
    char c = peek();
    if (c == '>') {
      return 1;
    }
    if (c == '<') {
      return 0;
    }
    if ((c == '1' || c == '2') && pos + 1 < line.length() && line.charAt(pos + 1) == '>') {
      return c - '0';
    }
    return -1;
  }

  private Redirect redirect(int fd) throws ShellSyntaxException {
    if (peek() != '>' && peek() != '<') {
      pos++;
    }
    boolean input = peek() == '<';
    pos++;
    boolean append = false;
    if (!input && !atEnd() && peek() == '>') {
      append = true;
      pos++;
    }
    if (!input && !atEnd() && peek() == '&') {
      pos++;
      if (fd == 2 && !atEnd() && peek() == '1') {
        pos++;
        return new Redirect(2, "", false, true);
      }
      throw error("only 2>&1 is supported");
    }
    skipBlanks();
    if (atEnd() || isOperatorStart()) {
      throw error("file name expected after redirect");
    }
    return new Redirect(input ? 0 : fd, word(), append, false);
  }

  private String word() throws ShellSyntaxException {
    StringBuilder word = new StringBuilder();
    boolean first = true;
    while (!atEnd()) {
      char c = peek();
      if (c == ' ' || c == '\t' || isOperatorStart() || c == '<' || c == '>') {
        break;
      }
      if (c == '\'') {
        int end = line.indexOf('\'', pos + 1);
        if (end < 0) {
          throw error("unterminated single quote");
        }
        word.append(line, pos + 1, end);
        pos = end + 1;
      } else if (c == '"') {
        doubleQuoted(word);
      } else if (c == '\\') {
        if (pos + 1 >= line.length()) {
          throw error("backslash at end of line");
        }
        char next = line.charAt(pos + 1);
        if (next != '\n') {
          word.append(next);
        }
        pos += 2;
      } else if ("$`*?[]{}()".indexOf(c) >= 0 || (first && c == '~')) {
        throw error("'" + c + "' would be expanded by a shell; not simulated");
      } else {
        word.append(c);
        pos++;
      }
      first = false;
    }
    return word.toString();
  }

  private void doubleQuoted(StringBuilder word) throws ShellSyntaxException {
    pos++;
    while (true) {
      if (atEnd()) {
        throw error("unterminated double quote");
      }
      char c = line.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '$' || c == '`') {
        throw error("'" + c + "' in double quotes would be expanded by a shell; not simulated");
      }
      if (c == '\\' && pos + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(pos + 1)) >= 0) {
        if (line.charAt(pos + 1) != '\n') {
          word.append(line.charAt(pos + 1));
        }
        pos += 2;
      } else {
        word.append(c);
        pos++;
      }
    }
  }

  private boolean isOperatorStart() {
    char c = peek();
    return c == ';' || c == '|' || c == '\n' || c == '&';
  }

  private void skipBlanks() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= line.length();
  }

  private char peek() {
    return line.charAt(pos);
  }

  private ShellSyntaxException error(String what) {
    return new ShellSyntaxException("at column " + (pos + 1) + ": " + what);
  }
}
