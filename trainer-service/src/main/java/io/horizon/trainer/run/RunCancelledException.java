package io.horizon.trainer.run;

/** Thrown inside the training loop when the run was cancelled; the run ends CANCELLED. */
final class RunCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RunCancelledException(String runId) {
    super("run " + runId + " was cancelled");
  }
}
