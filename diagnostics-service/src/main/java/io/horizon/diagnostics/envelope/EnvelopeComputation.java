package io.horizon.diagnostics.envelope;

import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.model.GatedRnn;
import io.horizon.diagnostics.config.DiagnosticsConfig;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.pipeline.collapse.CollapseReports;
import io.horizon.pipeline.collapse.SlowModeTails;
import io.horizon.pipeline.coupling.CouplingAnalysis;
import io.horizon.pipeline.message.CheckpointMessages;
import io.horizon.pipeline.message.EnvelopeMessages;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.EnvelopeReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The diagnostics stage: rebuilds the run's diagnostic set from its spec, runs the diagnostic pass on the frozen
 * checkpoint (μ kernels, envelope, per-unit profile; THEORY §4), fits the per-unit τ (THEORY §7.4) and, when the
 * run's spec asks for them, adds the anti-collapse diagnosis (THEORY §11.3, with the slow-mode tail index the
 * checkpoint carries) and measures the time-scale coupling profile (THEORY §10).
 */
@ApplicationScoped
public class EnvelopeComputation {
  private final int threads;

  public EnvelopeComputation(DiagnosticsConfig config) {
    this.threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
  }

  /** The envelope report of a checkpoint. */
  public EnvelopeReport diagnose(Checkpoint checkpoint) {
    GatedRnn model = CheckpointMessages.decode(checkpoint);
    RunPlan plan = RunPlan.of(checkpoint.getRun());
    DiagnosticResult result = plan.envelopeDiagnosis(threads).pass(model, plan.diagnosticSet(),
        plan.direction(model.config()), (lag, values, count) -> { }, done -> { });
    EnvelopeReport report =
        EnvelopeMessages.encode(checkpoint.getRun(), checkpoint.getEpoch(), checkpoint.getArchitecture(), result);
    EnvelopeReport withCoupling =
        CouplingAnalysis.of(plan, model).map(c -> report.toBuilder().setCoupling(c).build()).orElse(report);
    return CollapseReports.diagnose(plan, result)
        .map(d -> SlowModeTails.carry(d, checkpoint))
        .map(d -> withCoupling.toBuilder().setCollapse(d).build()).orElse(withCoupling);
  }
}
