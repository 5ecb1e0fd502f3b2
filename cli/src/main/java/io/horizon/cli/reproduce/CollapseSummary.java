package io.horizon.cli.reproduce;

import io.horizon.proto.v1.CollapseDiagnosis;
import io.horizon.proto.v1.CollapseHistory;
import io.horizon.proto.v1.LearnabilityReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anti-collapse diagnosis of one architecture in one preset (THEORY §11.3): the final checkpoint's phase per run
 * and medians over the final reports of its runs (one per seed); NaN where no run measured the quantity.
 *
 * @param architecture the architecture's name, followed by {@link #FORCED} for runs with injected forcing
 * @param runs final reports with a diagnosis
 * @param phase the most frequent final phase
 * @param collapsedRuns runs whose final phase is collapsed
 * @param beta β̂ of the τ CCDF tail (item 2)
 * @param betaLo 5th percentile of the bootstrap β̂ (item 3)
 * @param betaHi 95th percentile of the bootstrap β̂
 * @param envelopeBeta β of the power-law fit of the measured envelope log f̂ (item 5)
 * @param laplaceBeta β_env, the tempered-fit exponent of the Laplace envelope f_τ (item 4)
 * @param zetaWidth Δζ = ζ_q90 − ζ_q10 (item 1)
 * @param tauMedian the median unit's τ (item 1)
 * @param kappa κ̂_tail over the run's checkpoints (item 9)
 * @param kappaLo lower end of its block-bootstrap interval
 * @param kappaHi upper end of its block-bootstrap interval
 * @param crossedRuns runs with a threshold crossing t_cross (item 8)
 * @param slowAlpha α_eff of the slow units' parameter increments since the previous checkpoint (item 10)
 * @param slowAlphaLo 5th percentile of its bootstrap
 * @param slowAlphaHi 95th percentile of its bootstrap
 */
public record CollapseSummary(String architecture, int runs, String phase, int collapsedRuns, double beta,
    double betaLo, double betaHi, double envelopeBeta, double laplaceBeta, double zetaWidth, double tauMedian,
    double kappa, double kappaLo, double kappaHi, int crossedRuns, double slowAlpha, double slowAlphaLo,
    double slowAlphaHi) {
  /** The phase code of a collapsed checkpoint (collapse.proto). */
  static final int COLLAPSED = 0;
  /** Index of q50 in the τ quantiles q01, q10, q50, q90, q99. */
  private static final int MEDIAN_QUANTILE = 2;

  /** Suffix of the label of runs with injected slow-mode forcing (THEORY §11.3 item 11). */
  public static final String FORCED = " + forcing";

  /**
   * The summary of every architecture of {@code results} whose reports carry a diagnosis, in campaign order; runs
   * with injected forcing are summarised apart, under the architecture's name followed by {@link #FORCED}.
   */
  public static Map<String, CollapseSummary> byArchitecture(PresetResults results) {
    Map<String, List<LearnabilityReport>> groups = new LinkedHashMap<>();
    results.finalsByArchitecture().values().stream().flatMap(List::stream).filter(LearnabilityReport::hasCollapse)
        .forEach(r -> groups.computeIfAbsent(label(r), k -> new ArrayList<>()).add(r));
    Map<String, CollapseSummary> out = new LinkedHashMap<>();
    groups.forEach((label, finals) -> out.put(label, of(label, finals)));
    return out;
  }

  private static String label(LearnabilityReport r) {
    return r.getArchitecture() + (r.getRun().hasForcing() ? FORCED : "");
  }

  /** Summarises, under {@code label}, the final reports {@code finals} that carry a diagnosis; none → an error. */
  public static CollapseSummary of(String label, List<LearnabilityReport> finals) {
    List<LearnabilityReport> diagnosed = finals.stream().filter(LearnabilityReport::hasCollapse).toList();
    if (diagnosed.isEmpty()) {
      throw new IllegalArgumentException("reports: none carries an anti-collapse diagnosis");
    }
    List<CollapseDiagnosis> d = diagnosed.stream().map(LearnabilityReport::getCollapse).toList();
    List<CollapseHistory> h = diagnosed.stream().map(LearnabilityReport::getCollapseHistory).toList();
    return new CollapseSummary(label, d.size(),
        PerArchitecture.mostFrequent(d.stream().map(CollapseDiagnosis::getPhase).toList()),
        (int) d.stream().filter(x -> x.getPhaseCode() == COLLAPSED).count(),
        PerArchitecture.median(d, x -> x.getCcdfFitted() ? x.getBeta() : Double.NaN),
        PerArchitecture.median(d, x -> x.getBootstrapped() ? x.getBetaLo() : Double.NaN),
        PerArchitecture.median(d, x -> x.getBootstrapped() ? x.getBetaHi() : Double.NaN),
        PerArchitecture.median(d, x -> x.getMacroFits().getBeta()),
        PerArchitecture.median(d, x -> x.getLaplaceFits().getTemperedBeta()),
        PerArchitecture.median(d, CollapseDiagnosis::getZetaWidth),
        PerArchitecture.median(d, x -> x.getTauQuantilesCount() > MEDIAN_QUANTILE
            ? x.getTauQuantiles(MEDIAN_QUANTILE) : Double.NaN),
        PerArchitecture.median(h, x -> x.getDriftEstimated() ? x.getKappa() : Double.NaN),
        PerArchitecture.median(h, x -> x.getDriftEstimated() ? x.getKappaLo() : Double.NaN),
        PerArchitecture.median(h, x -> x.getDriftEstimated() ? x.getKappaHi() : Double.NaN),
        (int) h.stream().filter(CollapseHistory::getCrossed).count(),
        PerArchitecture.median(d, x -> x.getSlowModeTail().getEstimated() ? x.getSlowModeTail().getAlphaEff()
            : Double.NaN),
        PerArchitecture.median(d, x -> x.getSlowModeTail().getEstimated() ? x.getSlowModeTail().getAlphaLo()
            : Double.NaN),
        PerArchitecture.median(d, x -> x.getSlowModeTail().getEstimated() ? x.getSlowModeTail().getAlphaHi()
            : Double.NaN));
  }
}
