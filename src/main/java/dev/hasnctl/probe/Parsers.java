package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Parsers of the real output formats hasnctl reads (docs/formats.md). Pure; each throws {@link
 * Unparseable} naming the line it cannot read, never guesses.
 */
final class Parsers {
  private Parsers() {}

  /** Output that does not have the expected format. */
  static final class Unparseable extends Exception {
    private static final long serialVersionUID = 1L;

    Unparseable(String message) {
      super(message);
    }
  }

  /**
   * {@code tabdump TABLE}: a {@code #col,col,...} header, then one CSV row per line with quoted
   * values ({@code ""} escapes a quote) and empty fields for unset columns.
   */
  static List<Map<String, String>> tabdump(List<String> lines) throws Unparseable {
    if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
      throw new Unparseable("tabdump: no '#column,...' header line");
    }
    List<String> columns = csv(lines.get(0).substring(1), 1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      List<String> values = csv(lines.get(i), i + 1);
      if (values.size() != columns.size()) {
        throw new Unparseable(
            "tabdump line "
                + (i + 1)
                + ": "
                + values.size()
                + " fields, header has "
                + columns.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        row.put(columns.get(c), values.get(c));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> csv(String line, int number) throws Unparseable {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new Unparseable("tabdump line " + number + ": unterminated quote");
    }
    out.add(field.toString());
    return out;
  }

  /** {@code lsdef ... -c}: {@code object: attr=value} lines, by object then attribute. */
  static Map<String, Map<String, String>> lsdefCompressed(List<String> lines) throws Unparseable {
    return new TreeMap<>(CompressedLsdef.of(lines).read());
  }

  /** {@code lsdef -l}: {@code Object name: NAME} then indented {@code attr=value} lines. */
  static Map<String, Map<String, String>> lsdefLong(List<String> lines) throws Unparseable {
    Map<String, Map<String, String>> out = new TreeMap<>();
    Map<String, String> current = null;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("Object name: ")) {
        current = new TreeMap<>();
        out.put(line.substring("Object name: ".length()).strip(), current);
      } else if (current != null && line.startsWith(" ") && line.contains("=")) {
        String attr = line.strip();
        current.put(attr.substring(0, attr.indexOf('=')), attr.substring(attr.indexOf('=') + 1));
      } else if (!line.startsWith("Could not find")) {
        throw new Unparseable("lsdef -l: unexpected line: " + line);
      }
    }
    return out;
  }

  /**
   * {@code lsitab -a}: the identifiers of the inittab entries, in file order. A record commented
   * out with a leading {@code :} (AIX inittab file format) is no entry, whether lsitab lists it or
   * not.
   */
  static List<String> inittabIds(List<String> lines) throws Unparseable {
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new Unparseable("lsitab: expected 'id:runlevel:action:command', got: " + line);
      }
      ids.add(line.substring(0, colon));
    }
    return ids;
  }

  /** {@code lssrc -a}: subsystem name to status ({@code active}, {@code inoperative}, ...). */
  static Map<String, String> lssrc(List<String> lines) throws Unparseable {
    Map<String, String> out = new TreeMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("Subsystem")) {
        continue;
      }
      String[] fields = Words.split(line.strip());
      if (fields.length < 2) {
        throw new Unparseable("lssrc: expected 'subsystem [group] [pid] status', got: " + line);
      }
      out.put(fields[0], fields[fields.length - 1]);
    }
    return out;
  }

  /** {@code mmgetstate}: this node's GPFS state ({@code active}, {@code down}, ...). */
  static String mmgetstate(List<String> lines) throws Unparseable {
    for (String line : lines) {
      String[] fields = Words.split(line.strip());
      if (fields.length == 3 && Words.digits(fields[0])) {
        return fields[2];
      }
    }
    throw new Unparseable("mmgetstate: no 'number name state' line");
  }

  /** {@code mmlscluster}: the GPFS cluster name. */
  static String gpfsClusterName(List<String> lines) throws Unparseable {
    for (String line : lines) {
      String s = line.strip();
      if (s.startsWith("GPFS cluster name:")) {
        return s.substring("GPFS cluster name:".length()).strip();
      }
    }
    throw new Unparseable("mmlscluster: no 'GPFS cluster name:' line");
  }

  /** {@code mmlsfs DEV -T -B}: flag ({@code -T}) to value. */
  static Map<String, String> mmlsfs(List<String> lines) {
    Map<String, String> out = new TreeMap<>();
    for (String line : lines) {
      String[] fields = Words.split(line.strip());
      if (fields.length >= 2 && fields[0].matches("-[A-Za-z]")) {
        out.put(fields[0], fields[1]);
      }
    }
    return out;
  }

  /** GPFS's block size in bytes as the spec writes it: 1048576 is {@code 1M}. */
  static String blockSize(String bytes) throws Unparseable {
    long value;
    try {
      value = Long.parseLong(bytes);
    } catch (NumberFormatException e) {
      throw new Unparseable("mmlsfs -B: not a number of bytes: " + bytes);
    }
    if (value % (1024 * 1024) == 0) {
      return value / (1024 * 1024) + "M";
    }
    return value % 1024 == 0 ? value / 1024 + "K" : Long.toString(value);
  }

  /**
   * {@code rpm -q NAME}: the package's version (without its release or architecture), empty when
   * rpm says {@code package NAME is not installed}. rpm prints {@code NAME-VERSION-RELEASE}, newer
   * rpm adds {@code .ARCH}; both read the same.
   */
  static Optional<String> rpmVersion(List<String> lines, String name) throws Unparseable {
    for (String line : lines) {
      String s = line.strip();
      if (s.equals("package " + name + " is not installed")) {
        return Optional.empty();
      }
      if (s.startsWith(name + "-") && s.length() > name.length() + 1) {
        String rest = s.substring(name.length() + 1);
        int dash = rest.indexOf('-');
        if (dash > 0 && Character.isDigit(rest.charAt(0))) {
          return Optional.of(rest.substring(0, dash));
        }
      }
    }
    throw new Unparseable("rpm -q " + name + ": no version and no 'is not installed' line");
  }

  /** {@code emgr -l}: the labels of the installed ifixes. */
  static List<String> emgrLabels(List<String> lines) {
    List<String> labels = new ArrayList<>();
    for (String line : lines) {
      String[] fields = Words.split(line.strip());
      if (fields.length >= 3 && Words.digits(fields[0])) {
        labels.add(fields[2]);
      }
    }
    return labels;
  }

  /** {@code lsnim -l} stanzas: object name to attributes. */
  static Map<String, Map<String, String>> lsnimLong(List<String> lines) throws Unparseable {
    Map<String, Map<String, String>> out = new TreeMap<>();
    Map<String, String> current = null;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (!line.startsWith(" ") && line.endsWith(":")) {
        current = new TreeMap<>();
        out.put(line.substring(0, line.length() - 1), current);
      } else if (current != null && line.contains(" = ")) {
        String s = line.strip();
        current.put(s.substring(0, s.indexOf(' ')), s.substring(s.indexOf(" = ") + 3));
      } else {
        throw new Unparseable("lsnim -l: unexpected line: " + line);
      }
    }
    return out;
  }

  /**
   * {@code ls -lR DIR}: regular files' paths to their sizes in bytes. POSIX ls precedes each
   * directory's listing with {@code DIR:}; for a single operand some print no header for the
   * operand itself, whose entries then come first: both read the same.
   */
  static Map<String, Long> lsRecursive(List<String> lines, String operand) throws Unparseable {
    Map<String, Long> out = new TreeMap<>();
    String dir = operand;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("total ")) {
        continue;
      }
      if (line.endsWith(":") && !line.startsWith("-") && !line.startsWith("d")) {
        dir = line.substring(0, line.length() - 1);
        continue;
      }
      String[] fields = Words.split(line.strip());
      if (fields.length < 9) {
        throw new Unparseable("ls -lR: unexpected line: " + line);
      }
      if (fields[0].startsWith("-")) {
        try {
          out.put(dir + "/" + fields[fields.length - 1], Long.parseLong(fields[4]));
        } catch (NumberFormatException e) {
          throw new Unparseable("ls -lR: no size in: " + line);
        }
      }
    }
    return out;
  }

  /**
   * The server named by {@code XCATSERVER=} in {@code /etc/xcatinfo}; empty when none is.
   *
   * <p>Sample: {@code XCATSERVER=20.10.12.1}
   */
  static String xcatServer(List<String> lines) {
    return lines.stream()
        .map(String::strip)
        .filter(l -> l.startsWith("XCATSERVER="))
        .map(l -> l.substring("XCATSERVER=".length()).strip())
        .reduce((first, second) -> second)
        .orElse("");
  }

  /**
   * The gateway of the default route in AIX's {@code netstat -rn}; empty when there is none.
   *
   * <p>Sample line: {@code default 20.10.12.1 UG 1 0 hf0 - -}
   */
  static String defaultGateway(List<String> lines) throws Unparseable {
    if (lines.stream().noneMatch(l -> l.startsWith("Routing tables"))) {
      throw new Unparseable("netstat -rn: no routing tables in its output");
    }
    boolean inet6 = false;
    for (String line : lines) {
      if (line.startsWith("Route Tree for Protocol Family")) {
        // AIX lists IPv4 routes under family 2 and IPv6 routes under family 24.
        inet6 = !line.contains("Family 2 ");
        continue;
      }
      String[] fields = Words.split(line.strip());
      if (!inet6 && fields.length > 1 && fields[0].equals("default") && !fields[1].contains(":")) {
        return fields[1];
      }
    }
    return "";
  }
}
