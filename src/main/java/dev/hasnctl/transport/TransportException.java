package dev.hasnctl.transport;

import dev.hasnctl.model.HostName;

/**
 * A command could not be run or its end was not seen, typed by the layer that failed.
 *
 * <p>Sealed: callers switch on {@link #layer()} to tell "host unreachable" from "command hung".
 */
public final class TransportException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Layer layer;
  private final HostName host;

  public TransportException(Layer layer, HostName host, String message, Throwable cause) {
    super(host + ": " + message, cause);
    this.layer = layer;
    this.host = host;
  }

  public TransportException(Layer layer, HostName host, String message) {
    this(layer, host, message, null);
  }

  /** Which layer failed. */
  public Layer layer() {
    return layer;
  }

  /** The host the command was for. */
  public HostName host() {
    return host;
  }

  /** Where a command failed on its way to a host. */
  public enum Layer {
    /** The host or the EMS in front of it could not be reached. */
    CONNECT,
    /** The host refused our credentials or its host key did not verify. */
    AUTH,
    /** The command did not finish within its timeout; it may still be running remotely. */
    TIMEOUT,
    /** The connection dropped before the command's exit status arrived. */
    DROPPED
  }
}
