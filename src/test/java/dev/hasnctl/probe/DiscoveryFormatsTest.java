package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Import's discovery reads the recorded real formats with the probe's parsers. */
class DiscoveryFormatsTest {
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

  private final Transport samples =
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

  private Discovered discover() throws Exception {
    return new Discovery(samples, EMS, Duration.ofMinutes(1)).discover();
  }

  @Test
  void nodesPostscriptsAreTheirOwnWithoutXcatDefaults() throws Exception {
    Discovered found = discover();

    assertThat(found.nodes().get("cn0001"))
        .as(found.problems().toString())
        .containsEntry("postscripts", "setupnfsv4replication,conslog,nfsv4mkps")
        .containsEntry("servicenode", "sn01,sn02")
        .containsEntry("xcatmaster", "sn01-hfi");
    assertThat(found.nodes().get("cn0002")).containsEntry("postscripts", "");
  }

  @Test
  void softwareLevelsReadRpmWithAndWithoutArchitecture() throws Exception {
    Discovered found = discover();

    assertThat(found.ems().xcat()).contains("2.7.2");
    assertThat(found.serviceNodes().get("sn01").levels().xcat()).contains("2.7.2");
  }

  @Test
  void gpfsFromRealMmlsmountAndMmlsclusterLayouts() throws Exception {
    Discovered.ServiceNodeFacts sn01 = discover().serviceNodes().get("sn01");

    assertThat(sn01.gpfsDevices()).containsExactly("gpfsinstall");
    assertThat(sn01.gpfsCluster()).contains("snadmin.p7hpc.example.com");
    assertThat(sn01.gpfsAddresses())
        .containsEntry("sn01", "20.10.12.1")
        .containsEntry("sn02", "20.10.12.17");
  }

  @Test
  void inittabKeepsTheGpfsEntryAmongCommentedRecords() throws Exception {
    List<String> inittab = discover().serviceNodes().get("sn01").inittab().orElseThrow();

    assertThat(inittab).anyMatch(l -> l.startsWith("mmfs:2:once:/usr/lpp/mmfs/bin/mmautoload"));
  }

  @Test
  void whatFailedIsAProblemNamingTheHostNotAGuess() throws Exception {
    Discovered found = discover();

    assertThat(found.site()).isEmpty();
    assertThat(found.problems()).anyMatch(p -> p.startsWith("ems01: site failed"));
    assertThat(found.serviceNodes().get("sn01").exports()).isEmpty();
  }
}
