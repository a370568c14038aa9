package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.transport.ExecResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code openssl dgst -sha256 -hmac KEY FILE}: one line {@code HMAC-SHA256(FILE)= HEX}, as OpenSSL
 * 1.0.2 (AIX's openssl.base) prints it (apps/dgst.c: the signature name, the digest name, the file,
 * then {@code "= "} and the lower-case hex digest). Nothing else of openssl is simulated.
 */
final class Openssl {
  private Openssl() {}

  static SimCommand command() {
    return Commands.reading("openssl", Openssl::run);
  }

  private static ExecResult run(Invocation in) {
    var args = in.args();
    if (args.size() != 5
        || !args.get(0).equals("dgst")
        || !args.get(1).equals("-sha256")
        || !args.get(2).equals("-hmac")) {
      return Invocation.fail(127, "sim: not simulated: openssl " + String.join(" ", args) + "\n");
    }
    String file = args.get(4);
    String content = in.host().files.get(FileCommands.path(file));
    if (content == null) {
      return Invocation.fail(1, file + ": No such file or directory\n");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(args.get(3).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String hex = HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
      return ExecResult.exited(0, "HMAC-SHA256(" + file + ")= " + hex + "\n", "");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
