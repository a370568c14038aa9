package dev.hasnctl.transport;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a command's output, written to it in chunks of any size as it arrives, into lines, each
 * handed to a consumer as soon as its newline arrives. Lines are decoded as UTF-8 one at a time: a
 * newline byte is never part of a multi-byte character, so a character split across two chunks is
 * decoded whole, and a line decodes as it would inside the whole output.
 *
 * <p>Contract: a line is the text before a newline; a last line without one is handed over by
 * {@link #finish}, an empty remainder is not a line. What the consumer throws stops the handing
 * over (the rest of the output is read and dropped, so the command is not blocked) and is thrown
 * again by {@link #finish}, on the thread that waits for the command. Thread-safe: a pump thread
 * may write while another calls {@link #finish}.
 */
public final class LineStream extends OutputStream {
  private final Consumer<String> lines;

  /** The start of a line whose newline has not arrived yet. */
  private byte[] pending = new byte[256];

  private int pendingSize;
  private RuntimeException failure;

  /** Hands each line to {@code lines}. */
  public LineStream(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        if (pendingSize == 0) {
          hand(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        } else {
          keep(bytes, start, i - start);
          hand(new String(pending, 0, pendingSize, StandardCharsets.UTF_8));
          pendingSize = 0;
        }
        start = i + 1;
      }
    }
    keep(bytes, start, end - start);
  }

  /**
   * Hands over the last line if it had no newline, then throws what the consumer threw, if it did.
   */
  public synchronized void finish() {
    if (pendingSize > 0) {
      hand(new String(pending, 0, pendingSize, StandardCharsets.UTF_8));
      pendingSize = 0;
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Hands {@code text}'s lines to {@code lines} as {@link LineStream} cuts bytes. */
  public static void split(String text, Consumer<String> lines) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lines.accept(text.substring(start, end));
      start = end + 1;
    }
  }

  private void hand(String line) {
    if (failure != null) {
      return;
    }
    try {
      lines.accept(line);
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private void keep(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return;
    }
    if (pendingSize + length > pending.length) {
      pending =
          java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, pendingSize + length));
    }
    System.arraycopy(bytes, offset, pending, pendingSize, length);
    pendingSize += length;
  }
}
