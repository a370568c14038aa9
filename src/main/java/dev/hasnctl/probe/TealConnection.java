package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The seed's connection test on the booted TEAL utility node, {@code /usr/local/bin/isql -v DSN},
 * read as unixODBC's isql prints it (exe/isql.c): connected, a box with {@code | Connected!}; not,
 * each diagnostic record as {@code [SQLSTATE]MESSAGE} (with {@code -v}) and {@code [ISQL]ERROR:
 * Could not SQLConnect}. isql reads SQL from its standard input once connected, so it gets {@code
 * /dev/null} and quits at once. Only those lines are kept: nothing else the node prints reaches a
 * plan.
 */
final class TealConnection {
  /** Where the seed runs isql: the unixODBC RPM of the TEAL bundle installs it there. */
  static final String ISQL = "/usr/local/bin/isql";

  static final String CONNECTED = "connected";

  private static final Pattern DIAGNOSTIC = Pattern.compile("^\\[[0-9A-Z]{5}\\].*");

  private static final int MOST_LINES = 6;

  private TealConnection() {}

  private static String section(String dsn) {
    return "isql:" + dsn;
  }

  /** Adds the connection test of {@code dsn} to a node's script. */
  static void script(Script script, String dsn) {
    script.runWithoutInput(section(dsn), Argv.of(ISQL, "-v", dsn));
  }

  /** Whether the node connected, or the diagnostics it printed instead. */
  static Observed observe(Resource want, Sections sections) throws Parsers.Unparseable {
    ResourceId id = want.id();
    Optional<List<String>> lines = sections.get(section(id.key()));
    if (lines.isEmpty()) {
      throw new Parsers.Unparseable("no output for isql -v " + id.key());
    }
    List<String> said = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String line : lines.get()) {
      String text = line.strip();
      if (text.startsWith("| Connected!") && sections.ok(section(id.key()))) {
        return present(id, CONNECTED);
      }
      if (DIAGNOSTIC.matcher(text).matches() || text.startsWith("[ISQL]ERROR")) {
        said.add(text);
      } else if (!text.isEmpty() && !line.equals(Sections.FAILED)) {
        other.add(text);
      }
    }
    // A node without isql, or a shell that could not run it, says so in its own words.
    List<String> shown = said.isEmpty() ? other : said;
    if (shown.isEmpty()) {
      shown = List.of("isql -v " + id.key() + " printed nothing and did not connect");
    }
    return present(id, String.join("\n", shown.subList(0, Math.min(MOST_LINES, shown.size()))));
  }

  private static Observed present(ResourceId id, String isql) {
    return new Observed.Present(Resource.checked(id, Map.of("isql", isql), ""));
  }
}
