package io.horizon.pipeline.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.model.GatedRnn;
import io.horizon.pipeline.campaign.RunPlan;
import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.CollapseSpec;
import io.horizon.proto.v1.DiagnosticSpec;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * The collapse diagnosis of a checkpoint is fitted to the per-unit mean of log|μ| that only the diagnostics stage's
 * pass keeps (THEORY §7.4 AC variant): that pass gives a diagnosis over the settings' window, the trainer's sampling
 * pass is refused with the reason.
 */
class CollapseReportsTest {
  private static final RunSpec RUN = RunSpec.newBuilder().setRunId("r").setArchitecture("diag").setHiddenSize(6)
      .setTask(TaskSpec.newBuilder().setName("adding").setLength(40))
      .setDiagnostic(DiagnosticSpec.newBuilder().setSequences(8).setLags("2:36:10")
          .setCollapse(CollapseSpec.newBuilder().setBootstrapResamples(50)))
      .build();

  @Test
  void onlyThePassThatKeepsTheMeanOfLogIsDiagnosed() {
    RunPlan plan = RunPlan.of(RUN);
    GatedRnn model = plan.training().initialModel();
    DiagnosticResult envelopePass = plan.envelopeDiagnosis(1).pass(model, plan.diagnosticSet(),
        plan.direction(model.config()), (lag, values, count) -> { }, done -> { });
    CollapseDiagnosis d = CollapseReports.diagnose(plan, envelopePass).orElseThrow();
    assertEquals(plan.collapse().orElseThrow().windowFrom(), d.getWindowFrom());
    assertEquals(6, d.getUnits());
    assertEquals(6, d.getZetaCount());

    DiagnosticResult samplingPass = plan.diagnosis(1).pass(model, plan.diagnosticSet(),
        plan.direction(model.config()), (lag, values, count) -> { }, done -> { });
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CollapseReports.diagnose(plan, samplingPass));
    assertTrue(e.getMessage().contains("no per-unit mean of log|μ|"), e.getMessage());
  }
}
