package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.transport.ExecResult;
import java.util.List;

/**
 * AIX's {@code no} for the one option the simulator keeps, {@code ipforwarding} (0 on a freshly
 * installed AIX): {@code no -o NAME} prints {@code NAME = VALUE}; {@code no -p -o NAME=VALUE} sets
 * it now and in /etc/tunables/nextboot, printing {@code Setting NAME to VALUE} and {@code Setting
 * NAME to VALUE in nextboot file} (AIX Commands Reference, no). Anything else fails saying it is
 * not simulated.
 */
final class NetworkOptions {
  private static final String IPFORWARDING = "ipforwarding";

  private NetworkOptions() {}

  static List<SimCommand> all() {
    // no -o NAME shows a tunable; no -p -o NAME=VALUE sets it.
    return List.of(
        Commands.readingWhen(
            "no", NetworkOptions::run, args -> args.stream().noneMatch(a -> a.contains("="))));
  }

  private static ExecResult run(Invocation in) {
    List<String> args = in.args();
    if (args.size() == 2 && args.get(0).equals("-o") && args.get(1).equals(IPFORWARDING)) {
      return Invocation.ok(
          IPFORWARDING + " = " + in.host().tunables.getOrDefault(IPFORWARDING, "0") + "\n");
    }
    if (args.size() == 3
        && args.get(0).equals("-p")
        && args.get(1).equals("-o")
        && args.get(2).matches(IPFORWARDING + "=[01]")) {
      String value = args.get(2).substring(IPFORWARDING.length() + 1);
      if (value.equals("0")) {
        in.host().tunables.remove(IPFORWARDING);
      } else {
        in.host().tunables.put(IPFORWARDING, value);
      }
      return Invocation.ok(
          "Setting "
              + IPFORWARDING
              + " to "
              + value
              + "\nSetting "
              + IPFORWARDING
              + " to "
              + value
              + " in nextboot file\n");
    }
    return Invocation.fail(127, "sim: not simulated: no " + String.join(" ", args) + "\n");
  }
}
