import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Installs the Maven that {@code ./mvnw} runs, with nothing but Java: downloads the distribution
 * named in {@code maven.properties}, refuses it unless its SHA-512 is the pinned one, and unpacks it
 * into {@code DEST} through a temporary directory renamed into place, so an interrupted install
 * leaves nothing half-unpacked behind. Run as a single-file program: {@code java FetchMaven.java
 * PROPERTIES DEST}.
 */
public final class FetchMaven {
  public static void main(String[] args) throws Exception {
    Properties wanted = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      wanted.load(in);
    }
    Path dest = Path.of(args[1]);
    Path parent = dest.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path zip = Files.createTempFile(parent, "maven-", ".zip");
    Path staging = Files.createTempDirectory(parent, "maven-");
    try {
      System.err.println("mvnw: downloading " + wanted.getProperty("url"));
      HttpClient http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(30))
              .build();
      HttpResponse<Path> response =
          http.send(
              HttpRequest.newBuilder(URI.create(wanted.getProperty("url"))).build(),
              HttpResponse.BodyHandlers.ofFile(zip));
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " for " + wanted.getProperty("url"));
      }
      String actual = sha512(zip);
      if (!actual.equalsIgnoreCase(wanted.getProperty("sha512"))) {
        throw new IOException(
            "checksum mismatch for the Maven download: expected "
                + wanted.getProperty("sha512")
                + ", got "
                + actual);
      }
      unzip(zip, staging);
      Path top;
      try (var entries = Files.list(staging)) {
        top = entries.findFirst().orElseThrow(() -> new IOException("empty Maven archive"));
      }
      try (var scripts = Files.list(top.resolve("bin"))) {
        for (Path script : (Iterable<Path>) scripts::iterator) {
          Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
      Files.move(top, dest, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(zip);
      deleteTree(staging);
    }
  }

  private static String sha512(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-512");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStreamSink.INSTANCE);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void unzip(Path zip, Path into) throws IOException {
    Path root = into.toAbsolutePath().normalize();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** Discards what it is given: the digest is all that is wanted from the stream. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
