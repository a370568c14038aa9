package dev.hasnctl.sim;

import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/** Builds {@link SimCommand}s from functions. */
public final class Commands {
  private Commands() {}

  /** A command that may change the state. */
  public static SimCommand of(String name, Function<Invocation, ExecResult> body) {
    return new Lambda(name, body, false, args -> false);
  }

  /** A command that only reads the state. */
  public static SimCommand reading(String name, Function<Invocation, ExecResult> body) {
    return new Lambda(name, body, true, args -> true);
  }

  /** A command that only reads the state when {@code readOnly} holds for its arguments. */
  public static SimCommand readingWhen(
      String name, Function<Invocation, ExecResult> body, Predicate<List<String>> readOnly) {
    return new Lambda(name, body, false, readOnly);
  }

  /**
   * {@code command}, reading its standard input when {@code readsInput} holds for its arguments
   * (and the commands that resolve nested ones).
   */
  public static SimCommand readingInput(
      SimCommand command, BiPredicate<List<String>, SimCommands> readsInput) {
    return new InputReader(command, readsInput);
  }

  private record InputReader(SimCommand command, BiPredicate<List<String>, SimCommands> reads)
      implements SimCommand {
    @Override
    public String name() {
      return command.name();
    }

    @Override
    public ExecResult run(Invocation invocation) {
      return command.run(invocation);
    }

    @Override
    public boolean readOnly() {
      return command.readOnly();
    }

    @Override
    public boolean readOnly(List<String> args) {
      return command.readOnly(args);
    }

    @Override
    public boolean readsInput(List<String> args, SimCommands commands) {
      return reads.test(args, commands);
    }
  }

  private record Lambda(
      String name,
      Function<Invocation, ExecResult> body,
      boolean readOnly,
      Predicate<List<String>> readOnlyWith)
      implements SimCommand {
    @Override
    public ExecResult run(Invocation invocation) {
      return body.apply(invocation);
    }

    @Override
    public boolean readOnly(List<String> args) {
      return readOnlyWith.test(args);
    }
  }
}
