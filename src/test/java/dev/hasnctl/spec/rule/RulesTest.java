package dev.hasnctl.spec.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.spec.Diagnostic;
import dev.hasnctl.spec.Severity;
import dev.hasnctl.spec.SpecFixtures;
import dev.hasnctl.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule fails on a copy of the example broken in one place, at the line its {@code # expect:}
 * marker names, and holds on the example itself.
 */
class RulesTest {
  private static final Path DOCS = Path.of("docs/rules");

  /** A broken copy of the example: each {@code from} text replaced by its {@code to}. */
  private record Breakage(String rule, List<String[]> replacements) {
    String apply(String example) {
      String out = example;
      for (String[] r : replacements) {
        assertThat(out).as("the example contains %s", r[0]).contains(r[0]);
        out = out.replace(r[0], r[1]);
      }
      return out;
    }

    @Override
    public String toString() {
      return rule;
    }
  }

  private static Breakage breaks(String rule, String... fromTo) {
    List<String[]> pairs = new java.util.ArrayList<>();
    for (int i = 0; i < fromTo.length; i += 2) {
      pairs.add(new String[] {fromTo[i], fromTo[i + 1]});
    }
    return new Breakage(rule, pairs);
  }

  static Stream<Breakage> errors() {
    return Stream.of(
        breaks(
            "pairs-mutual",
            "    address: 20.10.13.17\n",
            """
                address: 20.10.13.17
              - name: sn05  # expect: pairs-mutual
                xcatmaster: sn05-hfi
                address: 20.10.14.1
            """),
        breaks(
            "group-pair",
            "    primary: sn03\n    backup: sn04\n",
            "    primary: sn03\n    backup: sn01  # expect: group-pair\n"),
        breaks(
            "unknown-image",
            "  image: aix71-teal\n",
            "  image: aix71-tael  # expect: unknown-image\n"),
        breaks(
            "teal-client-dir",
            "  user: xcatdb\n",
            "  clientDir: /etc  # expect: teal-client-dir\n  user: xcatdb\n"),
        breaks(
            "noderange",
            "    nodes: cn[0385-0512]\n",
            "    nodes: cn[0385-0512]]  # expect: noderange\n"),
        breaks(
            "node-in-two-groups",
            "    nodes: cn[0385-0512]\n",
            "    nodes: cn[0380-0512]  # expect: node-in-two-groups\n"),
        breaks(
            "duplicate-name",
            "  - name: sn04group\n",
            "  - name: sn03group  # expect: duplicate-name\n"),
        breaks(
            "nameservers-empty",
            "  nameservers: \"\"\n  useNFSv4onAIX",
            "  nameservers: \"10.0.0.1\"  # expect: nameservers-empty\n  useNFSv4onAIX",
            "    nameservers: \"\"       # empty here too",
            "    nameservers: \"10.0.0.1\"  # expect: nameservers-empty"),
        breaks(
            "domain-required",
            "  domain: p7hpc.example.com\n",
            "  domain: \"\"  # expect: domain-required\n"),
        breaks(
            "nfsv4-on-aix",
            "  useNFSv4onAIX: \"yes\"    # quoted: it is the string xCAT stores",
            "  useNFSv4onAIX: \"no\"  # expect: nfsv4-on-aix"),
        breaks(
            "sharedinstall-sns",
            "  sharedinstall: sns      # /install is shared by the service nodes",
            "  sharedinstall: \"no\"  # expect: sharedinstall-sns"),
        breaks(
            "migration-mount-point",
            "  pagingReplicated: false              # GPFS replication off for paging files",
            "  pagingReplicated: false\n  migrationMountPoint: /install/gpfs  # expect:"
                + " migration-mount-point"),
        breaks(
            "migration-dirs",
            "  migrationDirs: [apps]                # migrating a local /install: copied once, alike"
                + " on all SNs",
            "  migrationDirs:\n    - site\n    - nim  # expect: migration-dirs"),
        breaks(
            "migration-dirs",
            "  migrationPerSnDirs: [local]          # each SN's own copy goes to local/<SN>",
            "  migrationPerSnDirs:\n    - local\n    - apps  # expect: migration-dirs"),
        breaks(
            "inittab-order",
            "  gpfsInittabId: mmfs",
            "  gpfsInittabId: ems01  # expect: inittab-order"),
        breaks(
            "gpfs-block-size",
            "  blockSize: 1M                        # 1M with 256K RAID segments, else 512K",
            "  blockSize: 256K  # expect: gpfs-block-size"),
        breaks(
            "dump-on-gpfs",
            "      location: /export/nim    # local jfs2; AIX cannot dump to GPFS",
            "      location: /install/dump  # expect: dump-on-gpfs"),
        breaks(
            "paging-under-nim",
            "  pagingDir: /install/paging           # NOT /install/nim/paging: rmdsklsnode empties that",
            "  pagingDir: /install/nim/paging  # expect: paging-under-nim"),
        breaks(
            "paging-replicated",
            "  pagingReplicated: false              # GPFS replication off for paging files",
            "  pagingReplicated: true  # expect: paging-replicated"),
        breaks(
            "paging-fur",
            "      activation: fur          # the mkps flags that survive failover",
            "      activation: a  # expect: paging-fur, paging-fur, paging-fur, paging-fur"),
        breaks(
            "statelite-xcatmaster",
            "    mount: $noderes.xcatmaster:/install/statelite_data",
            "    mount: sn01-hfi:/install/statelite_data  # expect: statelite-xcatmaster"),
        breaks(
            "statelite-vers4",
            "    options: vers=4\n",
            "    options: vers=3  # expect: statelite-vers4\n"),
        breaks(
            "console-redirect",
            "consoleRedirect:\n  postscript: conslog\n  target: /tmp/conslog\n",
            "",
            "    file: /var/adm/ras/\n",
            "    file: /var/adm/ras/  # expect: console-redirect\n"),
        breaks(
            "console-redirect",
            "  target: /tmp/conslog\n",
            "  target: /var/adm/ras/conslog  # expect: console-redirect, console-target-local\n"),
        breaks(
            "first-bundle",
            "    installpBundles: [xCATaixCN71, teal-gpfs]",
            "    installpBundles: [teal-gpfs, xCATaixCN71]  # expect: first-bundle"),
        breaks(
            "image-nfs-vers",
            "  - name: aix71-teal\n    nfsVers: 4\n",
            "  - name: aix71-teal\n    nfsVers: 3  # expect: image-nfs-vers\n"),
        breaks(
            "no-resolv-conf",
            "    configdump: selective      # skip user data in dumps\n",
            "    configdump: selective\n    resolvConf: aix71-resolv  # expect: no-resolv-conf\n"),
        breaks(
            "required-ifixes",
            "    installpBundles: [xCATaixCN71, teal-gpfs]\n    ifixes: [IV22221m03, IV27038]",
            "    installpBundles: [xCATaixCN71, teal-gpfs]\n    ifixes: [IV22221m03]  # expect: required-ifixes"),
        breaks(
            "software-levels",
            "  serviceNodes:\n    xcat: 2.7.2",
            "  serviceNodes:\n    xcat: 2.6.11  # expect: software-levels"),
        breaks(
            "teal-password-reference",
            "  password: env:XCATDB_PASSWORD   # a reference; never the password itself",
            "  password: s3cret-Pa55  # expect: teal-password-reference"),
        breaks(
            "migration-mount-point",
            "  migrationDirs: [apps]                # migrating a local /install: copied once, alike"
                + " on all SNs",
            "  migrationBackup: /install/old  # expect: migration-mount-point\n"
                + "  migrationDirs: [apps]"),
        breaks(
            "teal-bundle-file",
            "  bundleFile: /install/nim/installp_bundle/teal-gpfs.bnd   # the seed's filesets and"
                + " RPMs",
            "  bundleFile: /etc/passwd  # expect: teal-bundle-file"),
        breaks(
            "teal-bundle-file",
            "  bundleFile: /install/nim/installp_bundle/teal-gpfs.bnd   # the seed's filesets and"
                + " RPMs",
            "  bundleFile: /install/nim/installp_bundle/IBMhpc_all.bnd  # expect: teal-bundle-file"),
        breaks(
            "roles-disjoint",
            "    nodes: cn[0001-0128]\n",
            "    nodes: cn[0001-0127],sn01  # expect: roles-disjoint\n"),
        breaks("roles-disjoint", "  node: util01\n", "  node: sn02  # expect: roles-disjoint\n"),
        breaks(
            "unique-address",
            "    address: 20.10.12.17\n",
            "    address: 20.10.12.1  # expect: unique-address\n"),
        breaks(
            "system-path",
            "    path: /mntdb2         # the DB2 source directory (never / or a system directory)",
            "    path: /  # expect: system-path"),
        breaks(
            "console-target-local",
            "  target: /tmp/conslog\n",
            "  target: /var/log/conslog  # expect: console-target-local\n"),
        breaks(
            "paging-on-gpfs",
            "  pagingDir: /install/paging           # NOT /install/nim/paging: rmdsklsnode empties that",
            "  pagingDir: /paging  # expect: paging-on-gpfs"),
        breaks(
            "statelite-dir",
            "    mount: $noderes.xcatmaster:/install/statelite_data",
            "    mount: $noderes.xcatmaster:/install/other  # expect: statelite-dir"),
        breaks(
            "dump-per-image",
            "    ifixes: [IV22221m03, IV27038]\n\n",
            "    ifixes: [IV22221m03, IV27038]\n    dump:\n      resource: aix71-compute-dump  # expect: dump-per-image\n\n"),
        breaks(
            "exports-vers4",
            "  options: [vers=4, rw, noauto, \"root=*\"]",
            "  options: [vers=3, rw, noauto, \"root=*\"]  # expect: exports-vers4"),
        breaks(
            "db2-export",
            "  database: db2           # so the EMS exports /mntdb2 over NFSv4: SN re-installs work",
            "  database: sqlite",
            "    path: /mntdb2         # the DB2 source directory (never / or a system directory)",
            "    path: /mntdb2  # expect: db2-export"),
        breaks(
            "inittab-order",
            "  afterGpfs: [rcnfs, xcatd]",
            "  afterGpfs: [xcatd]  # expect: inittab-order"),
        breaks(
            "shutdown-lines",
            "  shutdownLines: [\"stopsrc -s nfsd\", \"exit 0\"]",
            "  shutdownLines:\n    - stopsrc -s nfsd\n    - rm -rf /  # expect: shutdown-lines\n    - exit 0"),
        breaks(
            "postscript-name",
            "  postscript: conslog\n",
            "  postscript: setupnfsv4replication  # expect: postscript-name\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void eachRuleFailsAtTheLineOfTheBrokenValue(Breakage breakage) {
    String yaml = breakage.apply(SpecFixtures.example());

    SpecLoader.Result result = SpecFixtures.assertDiagnosticsMatchMarkers(yaml);

    assertThat(result.errors()).extracting(Diagnostic::rule).contains(breakage.rule());
    assertThat(result.errors())
        .allSatisfy(d -> assertThat(d.format()).contains(" — ").doesNotContain("s3cret-Pa55"));
  }

  static Stream<Arguments> warnings() {
    return Stream.of(
        Arguments.of("spof-ntp", "  ntp: ntp1.p7hpc.example.com", "  ntp: xcatmaster"),
        Arguments.of(
            "spof-default-gateway", "  defaultGateway: none", "  defaultGateway: xcatmaster"),
        Arguments.of("spof-name-resolution", "  nameResolution: hosts", "  nameResolution: dns"),
        Arguments.of("spof-ntp", "  ntp: ntp1.p7hpc.example.com", "  ntp: sn02-hfi"),
        Arguments.of(
            "spof-default-gateway", "  defaultGateway: none", "  defaultGateway: 20.10.12.17"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void singlePointsOfFailureWarnWithoutFailing(String rule, String from, String to) {
    String yaml = SpecFixtures.example().replace(from, to);
    int line = yaml.substring(0, yaml.indexOf(to)).split("\n", -1).length;

    SpecLoader.Result result = SpecFixtures.load(yaml);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.rule()).isEqualTo(rule);
              assertThat(w.position().line()).isEqualTo(line);
            });
  }

  @Test
  void syslogToAnSnNamedDirectlyWarnsAsXcatmasterDoes() {
    String yaml =
        SpecFixtures.example()
            .replace(
                "  syslog: xcatmaster       # xCAT's default: forwarded to the SN",
                "  syslog: SN03.p7hpc.example.com");

    SpecLoader.Result result = SpecFixtures.load(yaml);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.rule()).isEqualTo("spof-syslog");
              assertThat(w.message()).contains("the service node SN03.p7hpc.example.com");
            });
  }

  @Test
  void aGroupWithoutPagingKeepsSwapnfs0AndIsWarnedOf() {
    String yaml =
        SpecFixtures.example()
            .replace(
                "    paging: *paging\n    postscripts: [conslog]\n  - name: sn04group",
                "    postscripts: [conslog]\n  - name: sn04group");

    SpecLoader.Result result = SpecFixtures.load(yaml);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings())
        .filteredOn(w -> w.rule().equals("spof-paging"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.message()).startsWith("group sn03group has no paging");
              assertThat(yaml.split("\n", -1)[w.position().line() - 1])
                  .isEqualTo("  - name: sn03group");
            });
  }

  @Test
  void theExampleBreaksNoRuleAndWarnsOnlyOfSyslogThroughItsSn() {
    SpecLoader.Result result = SpecFixtures.load(SpecFixtures.example());

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).extracting(Diagnostic::rule).containsExactly("spof-syslog");
  }

  @Test
  void everyRuleIsShownBrokenByATest() {
    Set<String> shown = errors().map(Breakage::rule).collect(Collectors.toSet());
    warnings().forEach(a -> shown.add((String) a.get()[0]));
    shown.add("spof-syslog");
    shown.add("spof-paging");

    assertThat(shown)
        .containsExactlyInAnyOrderElementsOf(Rules.all().stream().map(Rule::id).toList());
  }

  @Test
  void ruleIdsAreUniqueKebabCaseAndWarningsAreOnlyTheSinglePointsOfFailure() {
    List<Rule> all = Rules.all();
    Set<String> ids = new HashSet<>();
    for (Rule rule : all) {
      assertThat(rule.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(ids.add(rule.id())).as("unique %s", rule.id()).isTrue();
      assertThat(rule.severity() == Severity.WARNING).isEqualTo(rule.id().startsWith("spof-"));
    }
  }

  @Test
  void everyRuleHasAPageAndEveryPageARule() throws IOException {
    Set<String> ids = Rules.all().stream().map(Rule::id).collect(Collectors.toSet());
    Set<String> pages;
    try (Stream<Path> files = Files.list(DOCS)) {
      pages =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
              .map(n -> n.substring(0, n.length() - 3))
              .collect(Collectors.toSet());
    }

    assertThat(pages).containsExactlyInAnyOrderElementsOf(ids);
    for (String id : ids) {
      String page = Files.readString(DOCS.resolve(id + ".md"));
      assertThat(page).as(id).startsWith("# " + id + "\n").contains("Seed:").contains("Fix:");
    }
  }

  @Test
  void theRulesIndexListsEveryRuleWithItsSummary() throws IOException {
    String index = Files.readString(DOCS.resolve("README.md"));
    Map<String, String> summaries =
        Rules.all().stream().collect(Collectors.toMap(Rule::id, Rule::summary));

    summaries.forEach(
        (id, summary) ->
            assertThat(index).contains("[" + id + "](" + id + ".md)").contains(summary));
  }
}
