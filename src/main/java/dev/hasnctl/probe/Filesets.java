package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * An installp fileset's level on the TEAL utility node, from {@code lslpp -Lc FILESET} (AIX
 * Commands Reference, lslpp: {@code -c} colon-separated, the fileset in the second field and its
 * level in the third), or {@code lslpp: 0504-132 Fileset NAME not installed.} when it is not.
 * Compared as the other software levels are: the minimum when met, the level seen otherwise.
 */
final class Filesets {
  /** What a fileset that is not installed shows in place of a level. */
  static final String NOT_INSTALLED = "not installed";

  private Filesets() {}

  static String section(String fileset) {
    return "lslpp:" + fileset;
  }

  static void script(Script script, String fileset) {
    script.run(section(fileset), Argv.of("lslpp", "-Lc", fileset));
  }

  /**
   * @throws Parsers.Unparseable when lslpp neither lists the fileset nor says it is not installed
   */
  static Observed observe(Resource want, String fileset, List<String> lines)
      throws Parsers.Unparseable {
    String level = null;
    for (String line : lines) {
      String[] fields = line.split(":", -1);
      if (!line.startsWith("#") && fields.length > 2 && fields[1].equals(fileset)) {
        level = fields[2].strip();
      } else if (line.contains("0504-132") && line.contains(" " + fileset + " ")) {
        level = NOT_INSTALLED;
      }
    }
    if (level == null) {
      throw new Parsers.Unparseable(
          "lslpp -Lc " + fileset + " printed neither its level nor that it is not installed");
    }
    ResourceId id = want.id();
    Map<String, String> seen;
    String minimum = want.properties().get("minimum");
    if (minimum == null) {
      seen = Map.of("installed", level.equals(NOT_INSTALLED) ? "no" : "yes");
    } else {
      boolean met = !level.equals(NOT_INSTALLED) && HostReader.compareVersions(level, minimum) >= 0;
      seen = Map.of("minimum", met ? minimum : level);
    }
    return new Observed.Present(Resource.checked(id, seen, ""));
  }
}
