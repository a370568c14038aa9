package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.transport.ExecResult;
import java.nio.charset.StandardCharsets;

/**
 * {@code cksum FILE...}: one line {@code CHECKSUM OCTETS FILE} per file, the checksum being POSIX's
 * CRC (polynomial 0x04C11DB7 over the content, then over the length in as few octets as it takes,
 * least significant first, complemented), as POSIX.1-2017 and AIX's cksum page specify it. A
 * missing file is an error on stderr (the simulator's own wording: AIX's was not found) and a
 * non-zero exit status, the other files still listed.
 */
public final class Cksum {
  private Cksum() {}

  static SimCommand command() {
    return Commands.reading("cksum", Cksum::run);
  }

  private static ExecResult run(Invocation in) {
    if (in.args().isEmpty() || in.args().stream().anyMatch(a -> a.startsWith("-"))) {
      return Invocation.fail(2, "sim: not simulated: cksum " + String.join(" ", in.args()) + "\n");
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int code = 0;
    for (String arg : in.args()) {
      String path = FileCommands.path(arg);
      String content = in.host().files.get(path);
      if (content == null) {
        err.append("cksum: sim: cannot open ").append(arg).append('\n');
        code = 1;
        continue;
      }
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      out.append(Integer.toUnsignedString(crc(bytes)))
          .append(' ')
          .append(bytes.length)
          .append(' ')
          .append(arg)
          .append('\n');
    }
    return ExecResult.exited(code, out.toString(), err.toString());
  }

  /** POSIX cksum's CRC of {@code bytes}. */
  public static int crc(byte[] bytes) {
    int crc = 0;
    for (byte b : bytes) {
      crc = step(crc, b);
    }
    for (long length = bytes.length; length != 0; length >>>= 8) {
      crc = step(crc, (byte) length);
    }
    return ~crc;
  }

  private static int step(int crc, byte b) {
    int c = crc ^ ((b & 0xff) << 24);
    for (int i = 0; i < 8; i++) {
      c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
    }
    return c;
  }
}
