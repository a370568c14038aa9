package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void exampleIsValid() {
    CliRun run = CliRun.of("validate", "examples/cluster.yaml");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);
    assertThat(run.out()).contains("examples/cluster.yaml: valid (0 errors");
  }

  @Test
  void anExampleBrokenAgainstTheSeedsRulesNamesEachRuleAndPlace() throws IOException {
    Path broken =
        copyOfExample(
            "unsafe.yaml",
            "  nameservers: \"\"\n  useNFSv4onAIX",
            "  nameservers: \"<xcatmaster>\"\n  useNFSv4onAIX",
            "location: /export/nim",
            "location: /install/dump",
            "installpBundles: [xCATaixCN71, teal-gpfs]",
            "installpBundles: [teal-gpfs, xCATaixCN71]",
            "    primary: sn03\n    backup: sn04\n",
            "    primary: sn03\n    backup: sn02\n",
            "  defaultGateway: none",
            "  defaultGateway: xcatmaster",
            "password: env:XCATDB_PASSWORD",
            "password: hunter2");
    CliRun run = CliRun.of("validate", broken.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("hunter2");
    Golden.assertMatches("validate/unsafe-example.txt", run.out().replace(dir.toString(), "DIR"));
  }

  @Test
  void brokenExampleReportsEveryProblemWithItsPlace() throws IOException {
    Path broken =
        copyOfExample(
            "broken.yaml",
            "blockSize: 1M",
            "blokSize: 1M",
            "address: 20.10.12.17",
            "address: 20.10.12.317",
            "    backup: sn01\n",
            "    backup: \"sn01;reboot\"\n",
            "port: 50001",
            "port: fifty");
    CliRun run = CliRun.of("validate", broken.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    Golden.assertMatches("validate/broken-example.txt", run.out().replace(dir.toString(), "DIR"));
  }

  @Test
  void specsThatWouldHarmTheClusterAreRefusedEachWithItsRuleAndPlace() throws IOException {
    Path hostile =
        copyOfExample(
            "hostile.yaml",
            "    path: /mntdb2         # the DB2 source directory (never / or a system directory)",
            "    path: /",
            "    address: 20.10.12.17\n",
            "    address: 20.10.12.1\n",
            "  options: [vers=4, rw, noauto, \"root=*\"]",
            "  options: [vers=3, \"replicas=/install@20.10.12.1\", rw]",
            "  afterGpfs: [rcnfs, xcatd]",
            "  afterGpfs: []",
            "  shutdownLines: [\"stopsrc -s nfsd\", \"exit 0\"]",
            "  shutdownLines: [\"exit 0\"]",
            "    nodes: cn[0001-0128]\n",
            "    nodes: cn[0001-0127],sn01\n",
            "    mount: $noderes.xcatmaster:/install/statelite_data",
            "    mount: $noderes.xcatmaster:/etc",
            "    options: vers=4\n",
            "    options: vers=4,vers=3\n",
            "  target: /tmp/conslog",
            "  target: /etc/passwd",
            "  node: util01",
            "  node: sn02");
    CliRun run = CliRun.of("validate", hostile.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    Golden.assertMatches("validate/hostile-example.txt", run.out().replace(dir.toString(), "DIR"));
  }

  @Test
  void pathsInDisguiseAndKeysThatWouldPointHasnctlElsewhereAreRefusedByTheSchema()
      throws IOException {
    Path hostile =
        copyOfExample(
            "disguised.yaml",
            "  device: /dev/gpfsinstall",
            "  device: /dev/../etc/shadow",
            "  pagingReplicated: false",
            "  localDomainFile: /etc/passwd\n  nimPagingDir: /install/x\n"
                + "  migrationMountPoint: /install/../etc\n  pagingReplicated: false",
            "      location: /export/nim    # local jfs2; AIX cannot dump to GPFS",
            "      location: /./install/dump",
            "    configdump: selective      # skip user data in dumps",
            "    configdump: selective\n    netsvcConf: \"hosts = bind,local\"\n"
                + "    hostsFile: /etc/hosts",
            "    xcat: 2.7.2\n    aix: 7100-01-03-1207\n    ifixes: [IV22221m03, IV27038, SF3548436]\n"
                + "  serviceNodes",
            "    xcat: 2.7.99999999999\n    aix: 7100-01-03-1207\n"
                + "    ifixes: [IV22221m03, IV27038, SF3548436]\n  serviceNodes");
    CliRun run = CliRun.of("validate", hostile.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    Golden.assertMatches(
        "validate/disguised-example.txt", run.out().replace(dir.toString(), "DIR"));
  }

  @Test
  void jsonCarriesTheSameFindings() throws IOException {
    Path broken = copyOfExample("broken.yaml", "blockSize: 1M", "blokSize: 1M");
    CliRun run = CliRun.of("validate", "--format", "json", broken.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"valid\" : false")
        .contains("\"rule\" : \"unknown-key\"")
        .contains("\"line\" : 43")
        .contains("\"fix\" : \"did you mean 'blockSize'?\"");
  }

  @Test
  void missingFileIsOneLineAndExitOne() {
    CliRun run = CliRun.of("validate", dir.resolve("nope.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("hasnctl: cannot read ").contains("no such file");
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void usageErrorsExitOneNotTwo() {
    CliRun run = CliRun.of("validate", "--format", "xml", "examples/cluster.yaml");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("--format").contains("--help");
  }

  @Test
  void everyCommandHasHelpAndTheToolHasAVersion() {
    assertThat(CliRun.of("--version").out()).startsWith("hasnctl ");
    CliRun help = CliRun.of("validate", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: hasnctl validate").contains("--strict");
  }

  private Path copyOfExample(String name, String... replacements) throws IOException {
    String text = Files.readString(Path.of("examples/cluster.yaml"), StandardCharsets.UTF_8);
    for (int i = 0; i < replacements.length; i += 2) {
      assertThat(text).contains(replacements[i]);
      text = text.replace(replacements[i], replacements[i + 1]);
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
