package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One AIX SRC subsystem ({@code lssrc -a} row): its group, whether it runs and its pid. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class Subsystem {
  /** The SRC group, e.g. {@code nfs}; empty for ungrouped subsystems. */
  public String group = "";

  /** Whether the subsystem is active; false prints {@code inoperative}. */
  public boolean active;

  /** The process id while active; 0 when inoperative. */
  public int pid;

  public Subsystem() {}

  /** A subsystem in {@code group}, active with {@code pid} when pid is positive. */
  public static Subsystem of(String group, int pid) {
    Subsystem subsystem = new Subsystem();
    subsystem.group = group;
    subsystem.active = pid > 0;
    subsystem.pid = pid;
    return subsystem;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Subsystem that
        && group.equals(that.group)
        && active == that.active
        && pid == that.pid;
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, active, pid);
  }
}
