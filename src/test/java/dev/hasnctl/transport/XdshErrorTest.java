package dev.hasnctl.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** xdsh's failure lines in every form xCAT has printed (src/test/resources/formats/xdsh). */
class XdshErrorTest {
  private static Optional<XdshError> last(String sample) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/formats/xdsh", sample));
    return XdshError.parse(lines.get(lines.size() - 1));
  }

  @Test
  void anUnreachableTargetIsRecognisedInAllThreeForms() throws Exception {
    XdshError unreachable = new XdshError("cn0003", false, 255);

    assertThat(last("unreachable-error-code.txt")).contains(unreachable);
    assertThat(last("unreachable-exit-code.txt")).contains(unreachable);
    assertThat(last("unreachable-2.13.txt")).contains(unreachable);
  }

  @Test
  void theRemoteCommandsExitCodeIsKeptInBothForms() throws Exception {
    assertThat(last("return-code.txt")).contains(new XdshError("cn0003", true, 3));
    assertThat(last("return-code-2.13.txt")).contains(new XdshError("cn0003", true, 3));
  }

  @Test
  void otherLinesAreNoFailure() {
    assertThat(XdshError.parse("cn0003: ssh: connect to host cn0003 port 22: No route to host"))
        .isEmpty();
    assertThat(XdshError.parse("Error: Permission denied for request")).isEmpty();
  }

  @Test
  void theRelayTurnsA213UnreachableLineIntoAConnectFailure() {
    ExecResult relayed =
        ExecResult.exited(1, "", "Error: [ems01]: sn03 remote shell had error code: 255\n");

    try {
      XdshRelay.unwrap(dev.hasnctl.model.HostName.of("sn03"), relayed);
      throw new AssertionError("no exception");
    } catch (TransportException e) {
      assertThat(e.layer()).isEqualTo(TransportException.Layer.CONNECT);
    }
  }

  @Test
  void theRelayKeepsA213RemoteExitCode() throws TransportException {
    ExecResult relayed =
        ExecResult.exited(
            1, "sn03: out\n", "Error: [ems01]:  sn03 remote Command had return code: 3 \n");

    assertThat(XdshRelay.unwrap(dev.hasnctl.model.HostName.of("sn03"), relayed).exitCode())
        .hasValue(3);
  }
}
