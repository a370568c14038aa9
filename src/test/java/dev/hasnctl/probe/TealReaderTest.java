package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the TEAL client files read from real AIX and OpenSSL output. */
class TealReaderTest {
  private static final String PATH = "/db2client/db2cli.ini";
  private static final Resource CLI =
      Resource.managed(
          new ResourceId(HostName.of("ems01"), ResourceKind.DB2_CLIENT_FILE, PATH),
          Map.of(
              "content",
              "[xcatdb]\npwd=" + Secret.SHOWN + "\n",
              "mode",
              "600",
              "owner",
              "root:system"),
          "/teal");
  private static final Secret SECRET =
      new Secret("env:XCATDB_PASSWORD", "cluster".getBytes(StandardCharsets.UTF_8));

  private static Observed read(Optional<Secret> secret, String... lines) {
    return new TealReader(secret, "key")
        .read(List.of(CLI), Sections.parse(List.of(lines)))
        .get(CLI.id());
  }

  @Test
  void noPrintsTheOptionAsNameEqualsValue() throws Exception {
    assertThat(TealReader.networkOption(List.of("ipforwarding = 1"), "ipforwarding"))
        .isEqualTo("1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TealReader.networkOption(List.of("tcp_sendspace = 262144"), "ipforwarding"))
        .isInstanceOf(Parsers.Unparseable.class);
  }

  @Test
  void posixCksumMatchesWhatGnuAndAixPrint() {
    // printf 'hello\n' | cksum on GNU coreutils 9 and AIX 7.1 alike: 3015617425 6
    assertThat(TealReader.cksum("hello\n")).isEqualTo("3015617425 6");
  }

  @Test
  void theHmacIsWhatOpensslPrints() {
    // printf 'pw\n' > f; openssl dgst -sha256 -hmac key f (OpenSSL 3.0.19)
    assertThat(Secret.hmac("key", "pw\n"))
        .isEqualTo("6d2dec48b333174f5f192c89380d007686b2d015759593047e57859a80ca5e75");
  }

  @Test
  void aFileWithTheRightPasswordReadsAsTheSpecSaysInEitherOpensslLayout() {
    String hmac = Secret.hmac("key", "[xcatdb]\npwd=cluster\n");
    for (String layout : List.of("HMAC-SHA256(%s)= %s", "HMAC-SHA2-256(%s)= %s")) {
      Observed seen =
          read(
              Optional.of(SECRET),
              Sections.MARK + "teal-ls:" + PATH,
              "-rw-------    1 root     system           27 Nov 30 12:00 " + PATH,
              Sections.MARK + "teal-sum:" + PATH,
              layout.formatted(PATH, hmac));

      assertThat(seen)
          .isEqualTo(new Observed.Present(Resource.managed(CLI.id(), CLI.properties(), "")));
    }
  }

  @Test
  void anotherPasswordReadsAsSensitiveAndDifferentWithoutAnyValue() {
    Observed seen =
        read(
            Optional.of(SECRET),
            Sections.MARK + "teal-ls:" + PATH,
            "-rw-r--r--    1 bin      bin              27 Nov 30 12:00 " + PATH,
            Sections.MARK + "teal-sum:" + PATH,
            "HMAC-SHA256(" + PATH + ")= " + Secret.hmac("key", "[xcatdb]\npwd=other\n"));

    Map<String, String> have = ((Observed.Present) seen).resource().properties();
    assertThat(have)
        .containsEntry("mode", "644")
        .containsEntry("owner", "bin:bin")
        .containsEntry(
            "content", "(sensitive) differs from the password env:XCATDB_PASSWORD gives");
  }

  @Test
  void withoutThePasswordTheFileIsUnknownAndAMissingFileIsAbsent() {
    Observed unknown =
        read(
            Optional.empty(),
            Sections.MARK + "teal-ls:" + PATH,
            "-rw-------    1 root     system           27 Nov 30 12:00 " + PATH,
            Sections.MARK + "teal-sum:" + PATH,
            "HMAC-SHA256(" + PATH + ")= 00");
    Observed absent =
        read(
            Optional.of(SECRET),
            Sections.MARK + "teal-ls:" + PATH,
            "ls: 0653-341 The file " + PATH + " does not exist.",
            Sections.FAILED,
            Sections.MARK + "teal-sum:" + PATH,
            PATH + ": No such file or directory",
            Sections.FAILED);

    assertThat(unknown).isInstanceOf(Observed.Unknown.class);
    assertThat(((Observed.Unknown) unknown).reason()).contains("teal.password");
    assertThat(absent).isEqualTo(new Observed.Absent(CLI.id()));
  }
}
