package dev.hasnctl.sim.aix;

import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shell utilities hasnctl's steps are built from: {@code sh -c SCRIPT}, {@code touch FILE...},
 * {@code printf FORMAT [ARG...]} ({@code %s} and the escapes {@code \n \t \\}), {@code grep [-v]
 * [-q] [-E] PATTERN [FILE]} and {@code sed -e EXPR... [FILE]} with the expressions {@code /RE/d}
 * and {@code s/RE/TEXT/}, as POSIX specifies them.
 */
public final class ShellCommands {
  private ShellCommands() {}

  /** All of them. */
  public static List<SimCommand> all() {
    return List.of(
        Commands.readingInput(
            // sh -c changes nothing itself: each command it runs answers for itself.
            Commands.reading("sh", ShellCommands::sh),
            (args, commands) ->
                args.size() == 2 && args.get(0).equals("-c") && commands.readsInput(args.get(1))),
        Commands.of("touch", ShellCommands::touch),
        Commands.reading("printf", ShellCommands::printf),
        Commands.readingInput(
            Commands.reading("grep", ShellCommands::grep), (args, c) -> grepOperands(args) == 1),
        Commands.readingInput(
            Commands.reading("sed", ShellCommands::sed), (args, c) -> sedReadsInput(args)));
  }

  private static ExecResult sh(Invocation in) {
    if (in.args().size() != 2 || !in.args().get(0).equals("-c")) {
      return Invocation.fail(2, "sim: not simulated: sh " + String.join(" ", in.args()) + "\n");
    }
    return in.cluster()
        .execShell(HostName.of(in.host().name), in.args().get(1), Optional.of(in.stdin()));
  }

  private static ExecResult touch(Invocation in) {
    if (in.args().isEmpty() || in.args().stream().anyMatch(a -> a.startsWith("-"))) {
      return Invocation.fail(1, "sim: not simulated: touch " + String.join(" ", in.args()) + "\n");
    }
    for (String file : in.args()) {
      if (!in.host().files.containsKey(file)) {
        dev.hasnctl.sim.HostFiles.write(in.host(), file, "", false, in.cluster().state().clock);
      }
    }
    return Invocation.ok("");
  }

  private static ExecResult printf(Invocation in) {
    if (in.args().isEmpty()) {
      return Invocation.fail(1, "Usage: printf format [argument...]\n");
    }
    String format = in.args().get(0);
    List<String> values = in.args().subList(1, in.args().size());
    StringBuilder out = new StringBuilder();
    int next = 0;
    // POSIX: the format is reused while arguments remain.
    do {
      int used = 0;
      for (int i = 0; i < format.length(); i++) {
        char c = format.charAt(i);
        if (c == '\\' && i + 1 < format.length()) {
          char e = format.charAt(++i);
          out.append(
              switch (e) {
                case 'n' -> "\n";
                case 't' -> "\t";
                case '\\' -> "\\";
                default -> "\\" + e;
              });
        } else if (c == '%' && i + 1 < format.length()) {
          char conversion = format.charAt(++i);
          if (conversion == '%') {
            out.append('%');
          } else if (conversion == 's') {
            out.append(next < values.size() ? values.get(next) : "");
            next++;
            used++;
          } else {
            return Invocation.fail(
                1, "sim: not simulated: printf conversion %" + conversion + "\n");
          }
        } else {
          out.append(c);
        }
      }
      if (used == 0) {
        break;
      }
    } while (next < values.size());
    return Invocation.ok(out.toString());
  }

  /** How many operands (pattern, then file) grep's arguments hold: options come first. */
  private static int grepOperands(List<String> args) {
    int operands = 0;
    for (String arg : args) {
      if (operands > 0 || !arg.startsWith("-") || arg.length() == 1) {
        operands++;
      }
    }
    return operands;
  }

  /** Whether sed's {@code -e script} pairs are followed by no file, so it filters its input. */
  private static boolean sedReadsInput(List<String> args) {
    int i = 0;
    while (i + 1 < args.size() && args.get(i).equals("-e")) {
      i += 2;
    }
    return i == args.size();
  }

  private static ExecResult grep(Invocation in) {
    boolean invert = false;
    boolean quiet = false;
    List<String> operands = new ArrayList<>();
    for (String arg : in.args()) {
      if (!operands.isEmpty() || !arg.startsWith("-") || arg.length() == 1) {
        operands.add(arg);
        continue;
      }
      for (char flag : arg.substring(1).toCharArray()) {
        switch (flag) {
          case 'v' -> invert = true;
          case 'q' -> quiet = true;
          case 'E' -> {
            // Extended expressions: the translation below serves both.
          }
          default -> {
            return Invocation.fail(2, "sim: not simulated: grep -" + flag + "\n");
          }
        }
      }
    }
    if (operands.isEmpty() || operands.size() > 2) {
      return Invocation.fail(2, "Usage: grep [-E] [-q] [-v] pattern [file]\n");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(posixClasses(operands.get(0)));
    } catch (PatternSyntaxException e) {
      return Invocation.fail(2, "grep: invalid regular expression: " + operands.get(0) + "\n");
    }
    String text;
    if (operands.size() == 2) {
      String file = operands.get(1);
      text = in.host().files.get(file);
      if (text == null) {
        return Invocation.fail(2, "grep: can't open \"" + file + "\"\n");
      }
    } else {
      text = in.stdin();
    }
    StringBuilder out = new StringBuilder();
    boolean matched = false;
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : text.isEmpty() ? new String[0] : body.split("\n", -1)) {
      if (pattern.matcher(line).find() != invert) {
        matched = true;
        out.append(line).append('\n');
      }
    }
    return ExecResult.exited(matched ? 0 : 1, quiet ? "" : out.toString(), "");
  }

  private record SedExpression(Pattern pattern, boolean delete, String replacement) {}

  private static ExecResult sed(Invocation in) {
    List<SedExpression> expressions = new ArrayList<>();
    List<String> args = in.args();
    int i = 0;
    while (i + 1 < args.size() && args.get(i).equals("-e")) {
      Optional<SedExpression> parsed = sedExpression(args.get(i + 1));
      if (parsed.isEmpty()) {
        return Invocation.fail(2, "sim: not simulated: sed -e " + args.get(i + 1) + "\n");
      }
      expressions.add(parsed.get());
      i += 2;
    }
    if (expressions.isEmpty() || args.size() - i > 1) {
      return Invocation.fail(2, "Usage: sed -e script [file]\n");
    }
    String text = in.stdin();
    if (i < args.size()) {
      text = in.host().files.get(args.get(i));
      if (text == null) {
        return Invocation.fail(2, "sed: 0602-419 Cannot find or open file " + args.get(i) + ".\n");
      }
    }
    StringBuilder out = new StringBuilder();
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    lines:
    for (String line : text.isEmpty() ? new String[0] : body.split("\n", -1)) {
      for (SedExpression e : expressions) {
        if (e.delete() && e.pattern().matcher(line).find()) {
          continue lines;
        }
        if (!e.delete()) {
          line = e.pattern().matcher(line).replaceFirst(e.replacement());
        }
      }
      out.append(line).append('\n');
    }
    return Invocation.ok(out.toString());
  }

  private static Optional<SedExpression> sedExpression(String expression) {
    if (expression.startsWith("/") && expression.endsWith("/d") && expression.length() > 3) {
      return Optional.of(
          new SedExpression(
              Pattern.compile(basicRegex(expression.substring(1, expression.length() - 2))),
              true,
              ""));
    }
    if (expression.startsWith("s/") && expression.endsWith("/")) {
      String inner = expression.substring(2, expression.length() - 1);
      int split = unescapedSlash(inner);
      if (split < 0 || unescapedSlash(inner.substring(split + 1)) >= 0) {
        return Optional.empty();
      }
      String replacement = inner.substring(split + 1).replace("\\/", "/");
      if (replacement.contains("&") || replacement.contains("\\")) {
        return Optional.empty();
      }
      return Optional.of(
          new SedExpression(
              Pattern.compile(basicRegex(inner.substring(0, split))),
              false,
              java.util.regex.Matcher.quoteReplacement(replacement)));
    }
    return Optional.empty();
  }

  private static int unescapedSlash(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '/') {
        return i;
      }
    }
    return -1;
  }

  /** A POSIX basic regular expression (no groups or intervals) as a Java one. */
  private static String basicRegex(String bre) {
    String source = posixClasses(bre);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        char next = source.charAt(++i);
        out.append(next == '/' ? "/" : "\\" + next);
      } else if ("+?(){}|".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String posixClasses(String regex) {
    return regex
        .replace("[[:space:]]", "\\s")
        .replace("[[:blank:]]", "[ \\t]")
        .replace("[[:digit:]]", "\\d");
  }
}
