package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hasnctl import} on drifted clusters: one drift per seed, a seed per kind of outcome. The
 * simulator names each drift; the test checks that name first, so a change in the simulator's drift
 * generator fails here with the seed, not with a puzzling plan.
 *
 * <ul>
 *   <li>What the spec can say is captured: the plan with the imported spec is empty.
 *   <li>A value that breaks a seed rule is captured too, and validation names the rule (the plan
 *       refuses an invalid spec, as for any spec).
 *   <li>Where one SN is unlike the others, the majority is written: the plan shows that SN only.
 *   <li>What the spec never lets differ is shown by the plan alone: replicas in the exports and
 *       setupnfsv4replication on the nodes (the seed's HASN itself), a stopped nfsd (the spec wants
 *       its SNs serving), and one domain for xCAT and NFSv4 (the spec has one).
 *   <li>Node-level faults are not in the spec at all (it describes groups, not one node's state):
 *       the plan shows only the node.
 * </ul>
 */
class ImportDriftTest {
  private static final Pattern RESOURCE =
      Pattern.compile("^  ([~+!-] \\S+ \\S+)", Pattern.MULTILINE);

  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // captured: nothing to change
        "16 | litefile row /var/adm/ras/ options=tmpfs |",
        "24 | nimimage row selective dump=gpfs_dump |",
        // one SN unlike the others: the majority is written
        "1  | sn01 oslevel -s is 7100-00-04-1140 | ! software oslevel",
        "49 | sn02 /etc/inittab rcnfs moved before mmfs | ~ inittab /etc/inittab",
        "68 | sn01 /etc/rc.shutdown removed | + rc.shutdown /etc/rc.shutdown",
        // what the spec never lets differ
        "48 | sn01 /etc/exports /install line lost replicas= | ~ export /install",
        "34 | postscripts sn01group lost setupnfsv4replication | ~ node cn[0001-0128]",
        "56 | sn02 nfsd stopped | ~ service nfsd; ! node-health cn[0129-0256]",
        "8  | site domain set to old.example.com | ~ file /etc/nfs/local_domain",
        // one node
        "2  | cn0151 swapnfs0 still active | ! node-health cn0151",
        "4  | cn0465 default gateway 20.10.255.254 | ~ running-node cn0465",
        "6  | cn0190 /etc/xcatinfo points at the EMS | ~ running-node cn0190",
        "25 | sn04 paging file /install/paging/cn0028/swapnfs2 missing"
            + " | + paging-file /install/paging/cn0028/swapnfs2",
      })
  void importCapturesWhatTheSpecCanSaySoThePlanShowsOnlyTheRest(
      int seed, String drift, String remaining) {
    Path state = dir.resolve("c.json");
    Path imported = dir.resolve("imported.yaml");
    CliRun init = convergedWithOneDrift(state, seed);

    CliRun run = CliRun.of("import", "--target", "sim:" + state, "--out", imported.toString());
    CliRun plan = CliRun.of("plan", imported.toString(), "--target", "sim:" + state);

    assertThat(init.out() + init.err()).contains("drift: " + drift);
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> expected = remaining == null ? List.of() : List.of(remaining.split("; "));
    assertThat(resources(plan.out())).as(plan.out()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10 | site nameservers set to <xcatmaster> | nameservers-empty",
        "18 | statelite row vers=3 mntopts=vers=3 | statelite-vers4",
        "22 | ems01 NIM spot aix71-compute nfs_vers=3 | image-nfs-vers",
        "26 | nimimage aix71-compute installp_bundle xCATaixCN71 no longer first | first-bundle",
      })
  void aDriftThatBreaksASeedRuleIsImportedAndValidationNamesTheRule(
      int seed, String drift, String rule) {
    Path state = dir.resolve("c.json");
    Path imported = dir.resolve("imported.yaml");
    CliRun init = convergedWithOneDrift(state, seed);

    CliRun run = CliRun.of("import", "--target", "sim:" + state, "--out", imported.toString());
    CliRun validate = CliRun.of("validate", imported.toString());

    assertThat(init.out() + init.err()).contains("drift: " + drift);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(validate.exitCode()).isEqualTo(1);
    List<String> errors = new ArrayList<>();
    Matcher m = Pattern.compile("error\\[([a-z0-9-]+)\\]").matcher(validate.out());
    while (m.find()) {
      errors.add(m.group(1));
    }
    assertThat(errors).as(validate.out()).isNotEmpty().containsOnly(rule);
  }

  /** {@code sim init} of the example's converged cluster with the one drift {@code seed} picks. */
  private static CliRun convergedWithOneDrift(Path state, int seed) {
    return CliRun.of(
        "sim",
        "init",
        "examples/cluster.yaml",
        "--out",
        state.toString(),
        "--scenario",
        "converged",
        "--drift",
        "1",
        "--seed",
        Integer.toString(seed));
  }

  /** The plan's resource lines, e.g. {@code ~ export /install}, in order. */
  private static List<String> resources(String plan) {
    List<String> out = new ArrayList<>();
    Matcher m = RESOURCE.matcher(plan);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
