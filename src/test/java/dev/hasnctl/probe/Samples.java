package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Recorded real-format outputs under {@code src/test/resources/formats/COMMAND/VARIANT.txt}; the
 * first line of each names its source and is not part of the output.
 */
final class Samples {
  static final Path ROOT = Path.of("src/test/resources/formats");

  private Samples() {}

  /** The output lines of a sample, without its source line. */
  static List<String> lines(String command, String variant) {
    try {
      List<String> all = Files.readAllLines(ROOT.resolve(command).resolve(variant + ".txt"));
      return List.copyOf(all.subList(1, all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the simulator prints for {@code command} on {@code host}, as lines. */
  static List<String> sim(SimStore store, String host, String program, String... args) {
    try {
      ExecResult r =
          new SimTransport(store)
              .exec(HostName.of(host), Argv.of(program, args), Duration.ofMinutes(1));
      return Arrays.asList(r.stdout().split("\n", -1));
    } catch (TransportException e) {
      throw new IllegalStateException(e);
    }
  }
}
