package dev.hasnctl.cli;

import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Action;
import dev.hasnctl.plan.Plan;
import java.util.Optional;

/** Whether a plan saw nothing at all because its EMS could not be reached. */
final class EmsReach {
  private EmsReach() {}

  /**
   * The one line to print instead of {@code plan} when nothing of the cluster was observed because
   * {@code ems} refused the connection or the credentials; empty when the EMS answered.
   */
  static Optional<String> unreachable(Plan plan, HostName ems, String specFile) {
    String prefix = ems.value() + " unreachable: ";
    boolean nothingSeen =
        !plan.changes().isEmpty()
            && plan.changes().stream()
                .allMatch(
                    c ->
                        c.action() == Action.BLOCKED
                            && c.note().filter(n -> n.startsWith(prefix)).isPresent());
    if (!nothingSeen) {
      return Optional.empty();
    }
    String why = plan.changes().get(0).note().orElseThrow().substring(prefix.length());
    return Optional.of(
        "cannot reach the EMS "
            + why
            + " — nothing was observed or planned; check --target, or ems.connection in "
            + specFile);
  }
}
