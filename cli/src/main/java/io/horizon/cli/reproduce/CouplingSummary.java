package io.horizon.cli.reproduce;

import io.horizon.proto.v1.CouplingAnisotropy;
import io.horizon.proto.v1.CouplingSensitivity;
import io.horizon.proto.v1.LearnabilityReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time-scale coupling of one architecture in one preset (THEORY §10.2–10.3): medians over the final reports of
 * its runs (one per seed); NaN where no run measured the quantity.
 *
 * @param architecture the architecture's name
 * @param runs final reports summarised
 * @param slope s of log S = a + s log P (S1)
 * @param slopeR2 R² of that fit
 * @param profileRange largest over smallest positive μ̃_eff(h) across the lags h (S1): 1 for a flat profile
 * @param lastLagEffective μ̃_eff at the largest lag h = T − 1 (S1; 1 at h = 1 by construction)
 * @param gradientAnisotropy AI_r of the per-sample gradient matrix (S2)
 * @param gradientConcentration CE_r of the per-sample gradient matrix (S2)
 * @param jacobianConcentration median CE_r of the Jacobian products at the largest S2 lag
 */
public record CouplingSummary(String architecture, int runs, double slope, double slopeR2, double profileRange,
    double lastLagEffective, double gradientAnisotropy, double gradientConcentration,
    double jacobianConcentration) {

  /** The summary of every architecture of {@code results}, in the campaign's order. */
  public static Map<String, CouplingSummary> byArchitecture(PresetResults results) {
    Map<String, CouplingSummary> out = new LinkedHashMap<>();
    results.finalsByArchitecture().forEach((name, finals) -> out.put(name, of(finals)));
    return out;
  }

  /** Summarises the final reports {@code finals} (at least one, all of one architecture). */
  public static CouplingSummary of(List<LearnabilityReport> finals) {
    if (finals.isEmpty()) {
      throw new IllegalArgumentException("reports: need at least one final report to summarise an architecture");
    }
    List<CouplingSensitivity> s1 = finals.stream().filter(r -> r.getCoupling().hasSensitivity())
        .map(r -> r.getCoupling().getSensitivity()).toList();
    List<CouplingAnisotropy> s2 = finals.stream().filter(r -> r.getCoupling().hasAnisotropy())
        .map(r -> r.getCoupling().getAnisotropy()).toList();
    return new CouplingSummary(finals.get(0).getArchitecture(), finals.size(),
        PerArchitecture.median(s1, s -> s.hasSlope() ? s.getSlope().getSlope() : Double.NaN),
        PerArchitecture.median(s1, s -> s.hasSlope() ? s.getSlope().getR2() : Double.NaN),
        PerArchitecture.median(s1, CouplingSummary::profileRange),
        PerArchitecture.median(s1, s -> s.getEffectiveCount() == 0 ? Double.NaN
            : s.getEffective(s.getEffectiveCount() - 1)),
        PerArchitecture.median(s2, CouplingAnisotropy::getGradientAnisotropy),
        PerArchitecture.median(s2, CouplingAnisotropy::getGradientConcentration),
        PerArchitecture.median(s2, a -> a.getLagsCount() == 0 ? Double.NaN
            : a.getLags(a.getLagsCount() - 1).getConcentration().getMedian()));
  }

  /** max/min of the positive finite μ̃_eff(h); NaN with fewer than two such values. */
  static double profileRange(CouplingSensitivity s) {
    double[] v = s.getEffectiveList().stream().mapToDouble(Double::doubleValue)
        .filter(x -> x > 0 && Double.isFinite(x)).toArray();
    if (v.length < 2) {
      return Double.NaN;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double x : v) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return hi / lo;
  }
}
