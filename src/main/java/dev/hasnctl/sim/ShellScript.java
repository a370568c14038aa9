package dev.hasnctl.sim;

import java.util.List;

/**
 * A command line parsed the way a POSIX shell splits it, restricted to what hasnctl sends: simple
 * commands with redirects, joined by pipes, each pipeline possibly negated by {@code !}, then by
 * {@code ;}, {@code &&} and {@code ||}; a pipeline may end with {@code &}, POSIX's asynchronous
 * list.
 */
public record ShellScript(List<Step> steps) {
  public ShellScript {
    steps = List.copyOf(steps);
  }

  /** How a pipeline is joined to the one before it. */
  public enum Join {
    /** The first pipeline, or after {@code ;}: always runs. */
    ALWAYS,
    /** After {@code &&}: runs if the previous exit status was 0. */
    AND,
    /** After {@code ||}: runs if the previous exit status was not 0. */
    OR
  }

  /**
   * One pipeline and how it joins the previous one; {@code negated} for POSIX's {@code ! PIPELINE},
   * whose exit status is 0 when the pipeline's is not, and 1 when it is 0; {@code background} for
   * {@code PIPELINE &}, whose exit status is 0 whatever the pipeline's (POSIX, "Asynchronous
   * Lists": "The exit status of an asynchronous list shall be zero").
   */
  public record Step(Join join, boolean negated, List<Simple> pipeline, boolean background) {
    public Step {
      pipeline = List.copyOf(pipeline);
    }

    /** A pipeline run in the foreground. */
    public Step(Join join, boolean negated, List<Simple> pipeline) {
      this(join, negated, pipeline, false);
    }

    /** A pipeline that is not negated, run in the foreground. */
    public Step(Join join, List<Simple> pipeline) {
      this(join, false, pipeline);
    }
  }

  /** One simple command: its words and its output redirects. */
  public record Simple(List<String> words, List<Redirect> redirects) {
    public Simple {
      words = List.copyOf(words);
      redirects = List.copyOf(redirects);
    }
  }

  /**
   * An output redirect: file descriptor 1 or 2 to {@code target}, appending or truncating, or
   * {@code 2>&1} when {@code toStdout}. An input redirect {@code < FILE} is fd 0.
   */
  public record Redirect(int fd, String target, boolean append, boolean toStdout) {}
}
