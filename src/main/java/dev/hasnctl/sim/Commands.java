package dev.hasnctl.sim;

import dev.hasnctl.transport.ExecResult;
import java.util.function.Function;

/** Builds {@link SimCommand}s from functions. */
public final class Commands {
  private Commands() {}

  /** A command that may change the state. */
  public static SimCommand of(String name, Function<Invocation, ExecResult> body) {
    return new Lambda(name, body, false);
  }

  /** A command that only reads the state. */
  public static SimCommand reading(String name, Function<Invocation, ExecResult> body) {
    return new Lambda(name, body, true);
  }

  private record Lambda(String name, Function<Invocation, ExecResult> body, boolean readOnly)
      implements SimCommand {
    @Override
    public ExecResult run(Invocation invocation) {
      return body.apply(invocation);
    }
  }
}
