package dev.hasnctl.sim.xcat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Getopt-style parsing as xCAT's Perl does it (Getopt::Long with bundling): {@code -ci attr},
 * {@code -iattr}, {@code -i attr}; options and operands may be mixed; {@code --} ends options.
 */
record Opts(Map<Character, String> flags, List<String> operands) {

  /** A command line that does not parse; the message names the offending option. */
  static final class BadOption extends Exception {
    private static final long serialVersionUID = 1L;

    BadOption(String message) {
      super(message);
    }
  }

  /**
   * Parses {@code args} by {@code spec}: each letter a flag, followed by {@code :} when it takes a
   * value.
   */
  static Opts parse(List<String> args, String spec) throws BadOption {
    Map<Character, String> flags = new LinkedHashMap<>();
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        operands.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (a.length() < 2 || a.charAt(0) != '-' || a.startsWith("--")) {
        if (a.startsWith("--")) {
          throw new BadOption("Unknown option: " + a.substring(2));
        }
        operands.add(a);
        continue;
      }
      for (int j = 1; j < a.length(); j++) {
        char c = a.charAt(j);
        int at = spec.indexOf(c);
        if (at < 0) {
          throw new BadOption("Unknown option: " + c);
        }
        boolean takesValue = at + 1 < spec.length() && spec.charAt(at + 1) == ':';
        if (!takesValue) {
          flags.put(c, "");
          continue;
        }
        if (j + 1 < a.length()) {
          flags.put(c, a.substring(j + 1));
        } else if (i + 1 < args.size()) {
          flags.put(c, args.get(++i));
        } else {
          throw new BadOption("Option " + c + " requires an argument");
        }
        break;
      }
    }
    return new Opts(flags, operands);
  }

  boolean has(char flag) {
    return flags.containsKey(flag);
  }

  Optional<String> value(char flag) {
    return Optional.ofNullable(flags.get(flag));
  }
}
