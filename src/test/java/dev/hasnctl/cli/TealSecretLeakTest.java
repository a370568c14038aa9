package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimJson;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.TealNode;
import dev.hasnctl.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TEAL password, read from a file, appears in no output and no file hasnctl writes: every
 * command's standard output and error, saved plans in each format, drift reports and metrics, the
 * journal, the lock and the backups on the cluster. Only the client files that must hold it do.
 */
class TealSecretLeakTest {
  private static final String FIRST = "Fi7st-s3cret!";
  private static final String SECOND = "S3cond-s3cret?";
  private static final String INST_ROOT = "/install/nim/spot/aix71-teal/usr/lpp/bos/inst_root";

  @TempDir Path dir;

  private Path spec;
  private Path secretFile;
  private Path state;
  private final List<String> said = new ArrayList<>();

  @BeforeEach
  void aSpecWhosePasswordIsInAFile() throws Exception {
    secretFile = dir.resolve("xcatdb.pw");
    Files.writeString(secretFile, FIRST + "\n");
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
    spec = dir.resolve("cluster.yaml");
    String example = Files.readString(Path.of("examples/cluster.yaml"));
    assertThat(example).contains("password: env:XCATDB_PASSWORD");
    Files.writeString(
        spec, example.replace("password: env:XCATDB_PASSWORD", "password: file:" + secretFile));
    state = dir.resolve("cluster.json");
  }

  private CliRun run(String... args) {
    CliRun run = CliRun.of(args);
    said.add(run.out());
    said.add(run.err());
    return run;
  }

  /**
   * The password files a converged TEAL node has: on the EMS (xCAT's own cfgloc too), in the
   * image's spot, and on the utility node installed from it.
   */
  private static boolean holdsThePassword(String path) {
    String file = path.startsWith(INST_ROOT) ? path.substring(INST_ROOT.length()) : path;
    return List.of(
            "/db2client/db2cli.ini",
            "/db2client/dsdriver/cfg/db2cli.ini",
            "/db2client/dsdriver/odbc_cli_driver/aix32/clidriver/cfg/db2cli.ini",
            "/db2cli.ini",
            "/etc/xcat/cfgloc")
        .contains(file);
  }

  private static List<String> encodings(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String hex = HexFormat.of().formatHex(bytes);
    return List.of(
        secret,
        Base64.getEncoder().encodeToString(bytes),
        Base64.getEncoder().withoutPadding().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
        hex,
        hex.toUpperCase(Locale.ROOT));
  }

  @Test
  void noOutputAndNoFileHasnctlWritesHoldsThePasswordOrAnEncodingOfIt() throws Exception {
    String target = "sim:" + state;
    run("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "fresh");
    run("plan", spec.toString(), "--target", target, "--no-color", "-v");
    run("plan", spec.toString(), "--target", target, "--format", "markdown");
    CliRun saved =
        run(
            "plan",
            spec.toString(),
            "--target",
            target,
            "--format",
            "json",
            "--out",
            dir.resolve("plan.json").toString());
    assertThat(saved.exitCode()).as(saved.err()).isZero();
    CliRun apply =
        run("apply", dir.resolve("plan.json").toString(), "--target", target, "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();

    // The reference now gives another password: drift sees the change, apply writes it.
    Files.writeString(secretFile, SECOND + "\n");
    CliRun drift =
        run(
            "drift",
            spec.toString(),
            "--target",
            target,
            "--format",
            "json",
            "--prometheus",
            dir.resolve("teal.prom").toString());
    assertThat(drift.exitCode()).isEqualTo(ExitCodes.CHANGES);
    assertThat(drift.out()).contains("(sensitive) differs from the password file:" + secretFile);
    run("drift", spec.toString(), "--target", target, "--no-color");
    CliRun again = run("apply", spec.toString(), "--target", target, "--auto-approve");
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    run("journal", spec.toString(), "--target", target);
    CliRun converged = run("plan", spec.toString(), "--target", target, "--detailed-exitcode");
    assertThat(converged.exitCode()).as(converged.out()).isZero();

    // The utility node installed from the image now holds the second password, which the EMS's
    // database (made with the first) refuses: the connection check fails, in every output.
    SimState installed = SimStore.open(state).snapshot();
    TealNode.install(installed, SpecLoader.load(Files.readAllBytes(spec), "c.yaml").spec().get());
    SimStore.create(state, installed);
    CliRun refused =
        run(
            "drift",
            spec.toString(),
            "--target",
            target,
            "--format",
            "json",
            "--prometheus",
            dir.resolve("refused.prom").toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.CHANGES);
    assertThat(refused.out()).contains("SQL30082N");
    run("drift", spec.toString(), "--target", target, "--no-color");
    run("plan", spec.toString(), "--target", target, "--format", "markdown");
    run("sim", "exec", state.toString(), "util01", "--", "/usr/local/bin/isql -v xcatdb");

    // A file others may read is refused without being read.
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun loose = run("plan", spec.toString(), "--target", target);
    assertThat(loose.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(loose.err()).contains("chmod 600 " + secretFile);

    SimState cluster = SimStore.open(state).snapshot();
    SimHost ems = cluster.host("ems01").orElseThrow();
    assertThat(ems.files.get("/db2client/db2cli.ini")).contains("pwd=" + SECOND);
    List<String> written = new ArrayList<>(said);
    for (SimHost host : cluster.hosts.values()) {
      host.files.keySet().removeIf(TealSecretLeakTest::holdsThePassword);
    }
    written.add(new String(SimJson.write(cluster), StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        // The state file and its previous copy (.bak) are the simulated cluster's disks, read
        // above with the client files that must hold the password left out.
        if (!file.equals(secretFile) && !file.getFileName().toString().startsWith("cluster.json")) {
          written.add(Files.readString(file));
        }
      }
    }
    for (String secret : List.of(FIRST, SECOND)) {
      for (String encoded : encodings(secret)) {
        for (String text : written) {
          int at = text.indexOf(encoded);
          assertThat(at)
              .as(
                  "%s found in: ...%s...",
                  encoded,
                  at < 0
                      ? ""
                      : text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100)))
              .isNegative();
        }
      }
    }
  }
}
