package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimTransportTest {
  @TempDir Path dir;

  private static SimState state() {
    SimState state = new SimState();
    SimHost sn = state.add(SimHost.of("sn01", Role.SERVICE_NODE));
    sn.subsystems.put("nfsd", Subsystem.of("nfs", 1234));
    sn.subsystems.put("rpc.mountd", Subsystem.of("nfs", 0));
    sn.files.put(
        "/etc/inittab",
        "init:2:initdefault:\nmmfs:2:once:/usr/lpp/mmfs/bin/mmautoload\nxcatd:2:once:/x\n");
    return state;
  }

  private static SimTransport transport(SimState state) {
    return new SimTransport(SimStore.inMemory(state, SimCommands.builtin()));
  }

  private static TransportException.Layer layer(SimTransport t, Argv argv, Duration timeout) {
    try {
      t.exec(HostName.of("sn01"), argv, timeout);
    } catch (TransportException e) {
      return e.layer();
    }
    throw new AssertionError("no transport failure");
  }

  @Test
  void downHostFailsToConnect() {
    SimState state = state();
    FaultInjector.inject(state, FaultKind.DOWN, "sn01", Optional.empty());

    assertThat(layer(transport(state), Argv.of("hostname"), Duration.ofSeconds(5)))
        .isEqualTo(TransportException.Layer.CONNECT);
  }

  @Test
  void hangLongerThanTheTimeoutTimesOutAndShorterCompletes() throws TransportException {
    SimState state = state();
    FaultInjector.inject(state, FaultKind.HANG_COMMAND, "sn01", Optional.of("lssrc*:120"));
    SimTransport transport = transport(state);

    assertThat(layer(transport, Argv.of("lssrc", "-s", "nfsd"), Duration.ofSeconds(60)))
        .isEqualTo(TransportException.Layer.TIMEOUT);
    assertThat(
            transport
                .exec(HostName.of("sn01"), Argv.of("lssrc", "-s", "nfsd"), Duration.ofMinutes(5))
                .succeeded())
        .isTrue();
  }

  @Test
  void droppedConnectionIsDropped() {
    SimState state = state();
    FaultInjector.inject(state, FaultKind.DROP_CONNECTION, "sn01", Optional.of("lsitab*"));

    assertThat(layer(transport(state), Argv.of("lsitab", "-a"), Duration.ofSeconds(5)))
        .isEqualTo(TransportException.Layer.DROPPED);
  }

  @Test
  void aHangInsideShMakesTheWholeCommandTimeOutOrFinishLate() throws TransportException {
    SimState state = state();
    FaultInjector.inject(state, FaultKind.HANG_COMMAND, "sn01", Optional.of("lssrc*:120"));
    SimTransport transport = transport(state);
    Argv script = Argv.of("sh", "-c", "echo a && sh -c 'lssrc -s nfsd' && echo b");

    assertThat(layer(transport, script, Duration.ofSeconds(60)))
        .isEqualTo(TransportException.Layer.TIMEOUT);
    ExecResult late = transport.exec(HostName.of("sn01"), script, Duration.ofMinutes(5));
    assertThat(late.succeeded()).isTrue();
    assertThat(late.stdout()).startsWith("a\n").endsWith("b\n").contains("nfsd");
  }

  @Test
  void aDropInsideShDropsTheConnectionAndKeepsWhatRanBefore() {
    SimState state = state();
    FaultInjector.inject(state, FaultKind.DROP_CONNECTION, "sn01", Optional.of("lsitab*"));
    SimTransport transport = transport(state);

    assertThat(
            layer(
                transport,
                Argv.of("sh", "-c", "touch /tmp/before && sh -c 'lsitab -a' && touch /tmp/after"),
                Duration.ofSeconds(5)))
        .isEqualTo(TransportException.Layer.DROPPED);
    assertThat(state.host("sn01").orElseThrow().files).containsKey("/tmp/before");
    assertThat(state.host("sn01").orElseThrow().files).doesNotContainKey("/tmp/after");
  }

  @Test
  void cksumPrintsThePosixCrcTheOctetsAndTheName() throws TransportException {
    SimState state = state();
    state.host("sn01").orElseThrow().files.put("/tmp/nine", "123456789");
    state.host("sn01").orElseThrow().files.put("/tmp/empty", "");
    SimTransport transport = transport(state);

    ExecResult result =
        transport.exec(
            HostName.of("sn01"),
            Argv.of("cksum", "/tmp/nine", "/tmp/empty", "/tmp/none"),
            Duration.ofSeconds(5));

    // POSIX cksum's check values: "123456789" -> 930766865, the empty file -> 4294967295.
    assertThat(result.stdout()).isEqualTo("930766865 9 /tmp/nine\n4294967295 0 /tmp/empty\n");
    assertThat(result.exitCode()).hasValue(1);
    assertThat(result.stderr()).contains("/tmp/none");
  }

  @Test
  void failCommandExitsWithTheGivenCodeAndClearRemovesIt() throws TransportException {
    SimState state = state();
    FaultInjector.inject(state, FaultKind.FAIL_COMMAND, "sn01", Optional.of("exportfs*:3"));
    SimTransport transport = transport(state);

    assertThat(
            transport
                .exec(HostName.of("sn01"), Argv.of("exportfs", "-a"), Duration.ofSeconds(5))
                .exitCode())
        .hasValue(3);
    FaultInjector.inject(state, FaultKind.CLEAR, "sn01", Optional.empty());
    assertThat(
            transport
                .exec(HostName.of("sn01"), Argv.of("exportfs", "-a"), Duration.ofSeconds(5))
                .exitCode())
        .hasValue(0);
  }

  @Test
  void lssrcPrintsTheSrcColumns() throws TransportException {
    ExecResult result =
        transport(state())
            .exec(HostName.of("sn01"), Argv.of("lssrc", "-g", "nfs"), Duration.ofSeconds(5));

    assertThat(result.stdout())
        .isEqualTo(
            """
            Subsystem         Group            PID          Status
             nfsd             nfs              1234         active
             rpc.mountd       nfs                           inoperative
            """);
  }

  @Test
  void aNegatedLsitabRemovesARecordOnlyWhenItIsThere() throws TransportException {
    SimTransport transport = transport(state());
    Argv removeIfThere = Argv.of("sh", "-c", "! lsitab rcnfs || rmitab rcnfs");

    ExecResult absent = transport.exec(HostName.of("sn01"), removeIfThere, Duration.ofSeconds(5));
    ExecResult present =
        transport.exec(
            HostName.of("sn01"),
            Argv.of("sh", "-c", "! lsitab mmfs || rmitab mmfs"),
            Duration.ofSeconds(5));

    assertThat(absent.exitCode()).hasValue(0);
    assertThat(present.exitCode()).hasValue(0);
    assertThat(
            transport
                .exec(HostName.of("sn01"), Argv.of("lsitab", "-a"), Duration.ofSeconds(5))
                .stdout())
        .doesNotContain("mmfs");
  }

  @Test
  void mkitabInsertsAfterTheNamedEntry() throws TransportException {
    SimState state = state();
    SimTransport transport = transport(state);

    transport.exec(
        HostName.of("sn01"),
        Argv.of("mkitab", "-i", "mmfs", "rcnfs:23456789:wait:/etc/rc.nfs > /dev/console 2>&1"),
        Duration.ofSeconds(5));

    assertThat(
            transport
                .exec(HostName.of("sn01"), Argv.of("lsitab", "-a"), Duration.ofSeconds(5))
                .stdout())
        .isEqualTo(
            """
            init:2:initdefault:
            mmfs:2:once:/usr/lpp/mmfs/bin/mmautoload
            rcnfs:23456789:wait:/etc/rc.nfs > /dev/console 2>&1
            xcatd:2:once:/x
            """);
  }

  @Test
  void storeSavesAtomicallyKeepingTheOldStateAsBak() throws IOException, TransportException {
    Path file = dir.resolve("c.json");
    SimStore.create(file, state());
    byte[] original = Files.readAllBytes(file);
    SimTransport transport = new SimTransport(SimStore.open(file, SimCommands.builtin()));

    transport.exec(HostName.of("sn01"), Argv.of("stopsrc", "-s", "nfsd"), Duration.ofSeconds(5));

    assertThat(Files.readAllBytes(dir.resolve("c.json.bak"))).isEqualTo(original);
    assertThat(SimJson.read(Files.readAllBytes(file)).hosts.get("sn01").isActive("nfsd")).isFalse();
    assertThat(dir.resolve("c.json.tmp")).doesNotExist();
  }

  @Test
  void storeDoesNotRewriteTheFileAfterCommandsThatOnlyRead()
      throws IOException, TransportException {
    Path file = dir.resolve("c.json");
    SimStore.create(file, state());
    byte[] original = Files.readAllBytes(file);
    SimTransport transport = new SimTransport(SimStore.open(file, SimCommands.builtin()));
    HostName sn = HostName.of("sn01");
    Duration timeout = Duration.ofSeconds(5);

    transport.exec(sn, Argv.of("lssrc", "-s", "nfsd"), timeout);
    transport.exec(sn, Argv.of("no", "-o", "ipforwarding"), timeout);
    transport.exec(sn, Argv.of("sh", "-c", "cat /etc/inittab; lsitab -a >/dev/null"), timeout);

    assertThat(Files.readAllBytes(file)).isEqualTo(original);
    assertThat(dir.resolve("c.json.bak")).doesNotExist();

    // The same program with arguments that change the state, and a read that writes a file.
    transport.exec(sn, Argv.of("no", "-p", "-o", "ipforwarding=1"), timeout);
    assertThat(SimJson.read(Files.readAllBytes(file)).hosts.get("sn01").tunables)
        .containsEntry("ipforwarding", "1");
    transport.exec(sn, Argv.of("sh", "-c", "lsitab -a >/tmp/inittab.txt"), timeout);
    assertThat(SimJson.read(Files.readAllBytes(file)).hosts.get("sn01").files)
        .containsKey("/tmp/inittab.txt");
  }

  @Test
  void storeSeesChangesAnotherStoreSaved() throws TransportException {
    Path file = dir.resolve("c.json");
    SimStore.create(file, state());
    SimTransport server = new SimTransport(SimStore.open(file, SimCommands.builtin()));
    server.exec(HostName.of("sn01"), Argv.of("hostname"), Duration.ofSeconds(5));

    SimStore.open(file, SimCommands.builtin())
        .transact(
            c -> {
              c.markChanged();
              return FaultInjector.inject(c.state(), FaultKind.DOWN, "sn01", Optional.empty());
            });

    assertThatThrownBy(
            () -> server.exec(HostName.of("sn01"), Argv.of("hostname"), Duration.ofSeconds(5)))
        .isInstanceOf(TransportException.class);
  }
}
