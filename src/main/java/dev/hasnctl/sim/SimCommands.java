package dev.hasnctl.sim;

import dev.hasnctl.sim.aix.AixCommands;
import dev.hasnctl.sim.aix.FileCommands;
import dev.hasnctl.sim.hw.HardwareCommands;
import dev.hasnctl.sim.xcat.XcatCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The commands a simulated host knows, by program name. Immutable; build a larger set with {@link
 * #with}.
 */
public final class SimCommands {
  private final Map<String, SimCommand> byName;

  private SimCommands(Map<String, SimCommand> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The file and AIX commands of this package (no xCAT or NIM commands). */
  public static SimCommands builtin() {
    List<SimCommand> all = new ArrayList<>();
    all.addAll(FileCommands.all());
    all.addAll(AixCommands.all());
    return new SimCommands(new TreeMap<>()).with(all);
  }

  /**
   * Every simulated command: the builtin ones plus the xCAT commands of {@code sim.xcat} and the
   * hardware control ones of {@code sim.hw}.
   */
  public static SimCommands standard() {
    return builtin().with(XcatCommands.all()).with(HardwareCommands.all());
  }

  /** This set plus {@code more}; a later command replaces an earlier one of the same name. */
  public SimCommands with(Collection<? extends SimCommand> more) {
    Map<String, SimCommand> all = new TreeMap<>(byName);
    more.forEach(command -> all.put(command.name(), command));
    return new SimCommands(all);
  }

  /** The command for {@code program} ({@code /usr/sbin/lssrc} finds {@code lssrc}). */
  public Optional<SimCommand> find(String program) {
    int slash = program.lastIndexOf('/');
    return Optional.ofNullable(byName.get(slash < 0 ? program : program.substring(slash + 1)));
  }

  /**
   * Whether {@code commandLine}, run by the simulated shell, reads its standard input: some
   * pipeline's first command without a {@code <} redirect is a command that reads it (see {@link
   * SimCommand#readsInput}). A line the shell cannot parse, or a program it does not know, reads
   * nothing: it fails at once, as it would on the host.
   */
  public boolean readsInput(String commandLine) {
    ShellScript script;
    try {
      script = ShellParser.parse(commandLine);
    } catch (ShellParser.ShellSyntaxException e) {
      return false;
    }
    for (ShellScript.Step step : script.steps()) {
      ShellScript.Simple first = step.pipeline().get(0);
      boolean redirected = first.redirects().stream().anyMatch(r -> r.fd() == 0);
      List<String> words = first.words();
      if (!redirected
          && !words.isEmpty()
          && find(words.get(0))
              .map(c -> c.readsInput(words.subList(1, words.size()), this))
              .orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** The program names known, sorted. */
  public List<String> names() {
    return List.copyOf(new TreeMap<>(byName).keySet());
  }
}
