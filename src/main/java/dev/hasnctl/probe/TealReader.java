package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observes the TEAL utility node's DB2 client files on the EMS without reading them back: {@code ls
 * -l} for mode and owner, POSIX {@code cksum} for content without the password, and for content
 * with it {@code openssl dgst -sha256 -hmac KEY}, KEY being random for each probe. A CRC or a plain
 * hash of a short password would be reversed offline in seconds; an HMAC under a key that is never
 * stored, compared in memory and then forgotten, leaves nothing to try guesses against.
 */
final class TealReader {
  private final Optional<Secret> secret;
  private final String key;

  /**
   * @param secret the password, when its reference could be read
   * @param key the HMAC key of this run; it may show in a process list, the digests never do
   */
  TealReader(Optional<Secret> secret, String key) {
    this.secret = secret;
    this.key = key;
  }

  /** The resources of {@code resources} this reader observes. */
  static List<Resource> mine(List<Resource> resources) {
    return resources.stream().filter(r -> r.id().kind() == ResourceKind.DB2_CLIENT_FILE).toList();
  }

  /** Adds the sections observing {@code files} to {@code script}. */
  void script(Script script, List<Resource> files) {
    for (Resource file : files) {
      String path = file.id().key();
      script.run("teal-ls:" + path, Argv.of("ls", "-l", path));
      if (sensitive(file)) {
        script.run("teal-sum:" + path, Argv.of("openssl", "dgst", "-sha256", "-hmac", key, path));
      } else {
        script.run("teal-sum:" + path, Argv.of("cksum", path));
      }
    }
  }

  /**
   * {@code observed} with the password, should a node ever print it, replaced by {@value
   * Secret#SHOWN} in what its database connection check says.
   */
  Map<ResourceId, Observed> redact(Map<ResourceId, Observed> observed) {
    if (secret.isEmpty()) {
      return observed;
    }
    Map<ResourceId, Observed> out = new LinkedHashMap<>(observed);
    out.replaceAll(
        (id, seen) -> {
          if (id.kind() != ResourceKind.DB2_CONNECTION || !(seen instanceof Observed.Present p)) {
            return seen;
          }
          Map<String, String> properties = new LinkedHashMap<>(p.resource().properties());
          properties.replaceAll((name, value) -> secret.get().redact(value));
          return new Observed.Present(Resource.checked(id, properties, ""));
        });
    return out;
  }

  /** What {@code sections} say of each of {@code files}. */
  Map<ResourceId, Observed> read(List<Resource> files, Sections sections) {
    Map<ResourceId, Observed> out = new LinkedHashMap<>();
    for (Resource file : files) {
      out.put(file.id(), observe(file, sections));
    }
    return out;
  }

  private Observed observe(Resource want, Sections sections) {
    ResourceId id = want.id();
    String path = id.key();
    List<String> ls = sections.get("teal-ls:" + path).orElse(List.of());
    if (ls.isEmpty()) {
      return new Observed.Unknown(id, "no output for ls -l " + path);
    }
    if (!sections.ok("teal-ls:" + path)) {
      String said = String.join(" ", ls);
      if (said.contains("does not exist") || said.contains("No such file")) {
        return new Observed.Absent(id);
      }
      return new Observed.Unknown(
          id, "ls -l " + path + " failed: " + said.replace(Sections.FAILED, "").strip());
    }
    String[] fields = ls.get(0).strip().split("\\s+", -1);
    if (fields.length < 4 || fields[0].length() < 10) {
      return new Observed.Unknown(id, "ls -l " + path + " printed " + ls.get(0));
    }
    Optional<String> content = content(want, sections);
    if (content.isEmpty()) {
      return new Observed.Unknown(
          id,
          sensitive(want)
              ? "the TEAL password (teal.password) could not be read: files holding it are"
                  + " compared with it only"
              : "cksum " + path + " printed nothing readable");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("content", content.get());
    properties.put("mode", mode(fields[0]));
    properties.put("owner", fields[2] + ":" + fields[3]);
    return new Observed.Present(Resource.managed(id, properties, ""));
  }

  /**
   * The desired content when the file holds it, a placeholder saying it differs otherwise; empty
   * when the output cannot tell.
   */
  private Optional<String> content(Resource want, Sections sections) {
    String path = want.id().key();
    String desired = want.properties().get("content");
    List<String> sum = sections.get("teal-sum:" + path).orElse(List.of());
    if (!sections.ok("teal-sum:" + path) || sum.isEmpty()) {
      return Optional.empty();
    }
    String line = sum.get(0).strip();
    if (sensitive(want)) {
      if (secret.isEmpty()) {
        return Optional.empty();
      }
      // OpenSSL 1.0 prints HMAC-SHA256(FILE)= HEX, 3.x HMAC-SHA2-256(FILE)= HEX (apps/dgst.c).
      int equals = line.lastIndexOf("= ");
      if (!line.startsWith("HMAC-") || equals < 0) {
        return Optional.empty();
      }
      String digest = line.substring(equals + 2).strip();
      return Optional.of(
          digest.equalsIgnoreCase(Secret.hmac(key, secret.get().fill(desired)))
              ? desired
              : Secret.SHOWN + " differs from the password " + secret.get().reference() + " gives");
    }
    String[] words = line.split("\\s+", -1);
    if (words.length < 2) {
      return Optional.empty();
    }
    String have = words[0] + " " + words[1];
    return Optional.of(have.equals(cksum(desired)) ? desired : "(cksum " + have + ")");
  }

  /**
   * The value {@code no -o NAME} prints as {@code NAME = VALUE} (AIX Commands Reference, no).
   *
   * @throws Parsers.Unparseable when no line names it
   */
  static String networkOption(List<String> lines, String name) throws Parsers.Unparseable {
    for (String line : lines) {
      int equals = line.indexOf('=');
      if (equals > 0 && line.substring(0, equals).strip().equals(name)) {
        return line.substring(equals + 1).strip();
      }
    }
    throw new Parsers.Unparseable("no -o " + name + " printed no '" + name + " = VALUE' line");
  }

  /** Whether {@code file}'s content holds the password. */
  static boolean sensitive(Resource file) {
    return file.properties().getOrDefault("content", "").contains(Secret.SHOWN);
  }

  /** {@code -rw-------} as {@code 600}. */
  static String mode(String permissions) {
    int mode = 0;
    for (int i = 1; i <= 9; i++) {
      char c = permissions.charAt(i);
      mode = mode * 2 + (c == '-' || c == 'S' || c == 'T' ? 0 : 1);
    }
    return Integer.toOctalString(mode);
  }

  /** What POSIX {@code cksum} prints for {@code content}: {@code CRC OCTETS}. */
  static String cksum(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    int crc = 0;
    for (byte b : bytes) {
      crc = crcStep(crc, b);
    }
    for (long length = bytes.length; length != 0; length >>>= 8) {
      crc = crcStep(crc, (byte) length);
    }
    return Integer.toUnsignedString(~crc) + " " + bytes.length;
  }

  /** One octet of POSIX.1-2017 cksum's CRC (polynomial 0x04C11DB7, most significant bit first). */
  private static int crcStep(int crc, byte b) {
    int c = crc ^ ((b & 0xff) << 24);
    for (int i = 0; i < 8; i++) {
      c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
    }
    return c;
  }
}
