package dev.hasnctl.plan;

/** Why a change is in a plan. */
public enum ChangeReason {
  /** The spec asks for a resource the cluster lacks. */
  MISSING,
  /** The resource exists with properties other than the spec's. */
  DIFFERS,
  /** The cluster has a resource, in a namespace hasnctl owns, that the spec does not ask for. */
  NOT_IN_SPEC,
  /** A checked resource (software level, ifix) does not meet the spec; an admin must act. */
  CHECK_FAILED,
  /** The probe could not observe the resource. */
  UNOBSERVED
}
