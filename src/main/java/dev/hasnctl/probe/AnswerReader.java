package dev.hasnctl.probe;

import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Reads each host's answer to an xdsh as soon as it is complete, on every core the machine has,
 * while the rest of the output streams in. Answers go to a worker in batches; when the workers are
 * busy and a few batches wait, the thread receiving the output reads the next batch itself, so at
 * most a few batches of unread lines are ever held. At 16,384 compute nodes this is most of what a
 * plan costs.
 */
final class AnswerReader implements AutoCloseable {
  private static final int BATCH = 64;
  private static final int WAITING = 2;

  private final BiFunction<String, List<String>, Map<ResourceId, Observed>> read;
  private final ThreadPoolExecutor workers;
  private final List<Future<Map<ResourceId, Observed>>> batches = new ArrayList<>();
  private List<Map.Entry<String, List<String>>> batch = new ArrayList<>(BATCH);

  /**
   * Reads a host's lines with {@code read} (host name, lines), which must be safe on any thread.
   */
  AnswerReader(BiFunction<String, List<String>, Map<ResourceId, Observed>> read) {
    this.read = read;
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    this.workers =
        new ThreadPoolExecutor(
            cores,
            cores,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING),
            runnable -> {
              Thread thread = new Thread(runnable, "hasnctl-read");
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** Takes {@code host}'s whole answer. */
  void accept(String host, List<String> lines) {
    batch.add(Map.entry(host, lines));
    if (batch.size() == BATCH) {
      submit();
    }
  }

  /** What every answer taken says; rethrows what reading one threw. */
  Map<ResourceId, Observed> read() {
    submit();
    Map<ResourceId, Observed> out = new HashMap<>();
    for (Future<Map<ResourceId, Observed>> done : batches) {
      try {
        out.putAll(done.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the hosts' answers", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        if (e.getCause() instanceof Error cause) {
          throw cause;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return out;
  }

  private void submit() {
    if (batch.isEmpty()) {
      return;
    }
    List<Map.Entry<String, List<String>>> mine = batch;
    batch = new ArrayList<>(BATCH);
    batches.add(
        workers.submit(
            () -> {
              Map<ResourceId, Observed> out = new HashMap<>();
              for (Map.Entry<String, List<String>> answer : mine) {
                out.putAll(read.apply(answer.getKey(), answer.getValue()));
              }
              return out;
            }));
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
