package dev.hasnctl.cli;

import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Action;
import dev.hasnctl.plan.Plan;
import java.util.Optional;

/** Whether a plan saw nothing at all because its EMS could not be reached or is no EMS. */
final class EmsReach {
  private EmsReach() {}

  /**
   * The one line to print instead of a plan when nothing of the cluster was observed because {@code
   * ems} refused the connection or the credentials, or has no xCAT; empty otherwise.
   */
  static Optional<String> unreachable(Plan plan, HostName ems, String specFile) {
    if (plan.changes().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> first = plan.changes().get(0).note();
    boolean oneCause =
        first.filter(n -> n.startsWith(ems.value() + " ")).isPresent()
            && plan.changes().stream()
                .allMatch(c -> c.action() == Action.BLOCKED && c.note().equals(first));
    if (!oneCause) {
      return Optional.empty();
    }
    String why = first.orElseThrow();
    String unreachable = ems.value() + " unreachable: ";
    return Optional.of(
        why.startsWith(unreachable)
            ? "cannot reach the EMS "
                + why.substring(unreachable.length())
                + " — nothing was observed or planned; check --target, or ems.connection in "
                + specFile
            : why
                + " — nothing was observed or planned; run hasnctl on the EMS, or point it there"
                + " with --target ssh://root@EMS (or sim:STATE for the simulator)");
  }
}
