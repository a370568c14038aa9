package dev.hasnctl.cli;

import dev.hasnctl.apply.ClusterState;
import dev.hasnctl.apply.LockInfo;
import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Secret;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.probe.ObservedState;
import dev.hasnctl.probe.Probe;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Ems;
import dev.hasnctl.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A spec and the cluster it describes, opened for a command: the valid spec, its desired state, the
 * transport, and a probe. Closing it closes the connections.
 */
final class Session implements AutoCloseable {
  final Path specFile;
  final byte[] specBytes;
  final SpecLoader.Result loaded;
  final ClusterSpec spec;
  final DesiredState desired;
  final Clusters.Opened cluster;
  final Probe probe;

  /** The TEAL DB2 password, when the spec has a TEAL node and its reference could be read. */
  final Optional<Secret> secret;

  private final java.time.Duration probeTimeout;

  private Session(
      Path specFile,
      byte[] specBytes,
      SpecLoader.Result loaded,
      DesiredState desired,
      Clusters.Opened cluster,
      TargetOptions target) {
    this.specFile = specFile;
    this.specBytes = specBytes;
    this.loaded = loaded;
    this.spec = loaded.spec().orElseThrow();
    this.desired = desired;
    this.cluster = cluster;
    Probe.Mode mode =
        spec.ems().snAccess() == Ems.SnAccess.DIRECT ? Probe.Mode.DIRECT : Probe.Mode.XDSH;
    this.probeTimeout = target.probeTimeout();
    this.secret = TealSecret.read(spec.teal(), System::getenv);
    this.probe = new Probe(cluster.transport(), spec.ems().name(), mode, probeTimeout, secret);
  }

  /**
   * Loads {@code specFile} and opens its cluster.
   *
   * @throws CliFailure when the spec is invalid (its errors are printed on {@code err} first)
   */
  static Session open(Path specFile, TargetOptions target, PrintWriter err) {
    return open(specFile, SpecFiles.read(specFile), target, err);
  }

  /**
   * Opens the cluster of the spec text {@code bytes}, read from (or bound for) {@code specFile}.
   */
  static Session open(Path specFile, byte[] bytes, TargetOptions target, PrintWriter err) {
    SpecLoader.Result loaded = SpecLoader.load(bytes, specFile.toString());
    if (!loaded.valid()) {
      loaded.errors().forEach(d -> err.println(d.format()));
      throw new CliFailure(
          specFile
              + ": invalid; nothing was probed or changed (see hasnctl validate "
              + specFile
              + ")");
    }
    DesiredState desired = DesiredState.of(loaded.spec().orElseThrow()); // expanded once
    if (!desired.conflicts().isEmpty()) {
      throw new CliFailure(
          specFile
              + ": the spec asks two different things of one resource: "
              + String.join("; ", desired.conflicts()));
    }
    return new Session(
        specFile,
        bytes,
        loaded,
        desired,
        Clusters.open(loaded.spec().orElseThrow(), target, err),
        target);
  }

  /** Probes the cluster and plans, at {@code now}. */
  Plan plan(Instant now) {
    return plan(now, Planner.Options.NONE);
  }

  /** Probes the cluster and plans, at {@code now}, with what the admin allows. */
  Plan plan(Instant now, Planner.Options options) {
    ObservedState observed = probe.observe(desired);
    return Planner.plan(
        spec, specFile.toString(), specBytes, desired, observed.resources(), now, options);
  }

  /** Where a spec pointer is in the spec file, as {@code FILE:LINE:COL}. */
  Optional<String> source(String pointer) {
    return Optional.of(loaded.sourceMap().locate(pointer).toString());
  }

  /** The cluster's own apply state (lock, journal, plan), on its EMS. */
  ClusterState clusterState() {
    return new ClusterState(cluster.transport(), spec.ems().name(), probeTimeout);
  }

  /** A lock record for this spec and {@code plan} (a fingerprint, or empty before planning). */
  LockInfo lockFor(String plan) {
    return new LockInfo(
        UUID.randomUUID().toString(),
        System.getProperty("user.name", "unknown"),
        Locks.thisMachine(),
        specFile.toAbsolutePath().normalize().toString(),
        Locks.sha256(specBytes),
        plan,
        Instant.now());
  }

  @Override
  public void close() {
    cluster.close();
  }
}
