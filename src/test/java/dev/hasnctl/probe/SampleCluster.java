package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EMS ems01 and SNs sn01 and sn02 that answer the probe's and import's scripts with the recorded
 * real-format samples; a section without a sample fails (or its file is absent), as on a host where
 * the command failed.
 */
public final class SampleCluster {
  private SampleCluster() {}

  private static final HostName EMS = HostName.of("ems01");
  private static final Pattern SECTION = Pattern.compile("'@@hasnctl ([^']+)'");

  /** The real samples each section answers with; a section without one fails, as on a host. */
  private static final Map<String, List<String>> EMS_ANSWERS =
      Map.of(
          "nodes",
          withServiceNodes(Samples.lines("lsdef", "node-compressed-with-xcatdefaults")),
          "postscripts",
          Samples.lines("tabdump", "postscripts-aix"),
          "nfs_vers",
          Samples.lines("lsnim", "attribute-nfs_vers"),
          "rpm",
          Samples.lines("rpm", "name-version-release-arch"));

  private static final Map<String, List<String>> SN_ANSWERS =
      Map.of(
          "mmlscluster",
          Samples.lines("mmlscluster", "fqdn-daemon-names"),
          "mmlsmount",
          Samples.lines("mmlsmount", "three-columns-fqdn"),
          "inittab",
          Samples.lines("lsitab", "commented-records"),
          "rpm",
          Samples.lines("rpm", "name-version-release"));

  /** The lsdef sample has compute nodes only: its SNs are added as xCAT's service group. */
  private static List<String> withServiceNodes(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.add("sn01: groups=service,all");
    out.add("sn02: groups=service,all");
    return out;
  }

  private static String answer(String script, Map<String, List<String>> answers, String prefix) {
    StringBuilder out = new StringBuilder();
    Matcher m = SECTION.matcher(script);
    while (m.find()) {
      String name = m.group(1);
      if (name.equals("failed") || name.equals("absent")) {
        continue; // the script's own markers for a failed command or a missing file
      }
      out.append(prefix).append(Sections.MARK).append(name).append('\n');
      List<String> lines =
          answers.getOrDefault(
              name, List.of(name.startsWith("file:") ? Sections.ABSENT : Sections.FAILED));
      lines.forEach(l -> out.append(prefix).append(l).append('\n'));
    }
    return out.toString();
  }

  private static final Transport SAMPLES =
      new Transport() {
        @Override
        public ExecResult exec(
            HostName host, Argv command, Optional<String> stdin, Duration timeout) {
          List<String> args = command.args();
          if (args.get(0).equals("xdsh")) {
            StringBuilder out = new StringBuilder();
            for (String sn : List.of("sn01", "sn02")) {
              out.append(answer(args.get(2), SN_ANSWERS, sn + ": "));
            }
            return ExecResult.exited(0, out.toString(), "");
          }
          return ExecResult.exited(0, answer(args.get(2), EMS_ANSWERS, ""), "");
        }

        @Override
        public void close() {}
      };

  /** What import's discovery reads from the samples. */
  public static Discovered discover() throws TransportException, Discovery.NotAnEms {
    return new Discovery(SAMPLES, EMS, Duration.ofMinutes(1)).discover();
  }
}
