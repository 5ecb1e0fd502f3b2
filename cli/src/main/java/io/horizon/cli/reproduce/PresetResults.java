package io.horizon.cli.reproduce;

import io.horizon.cli.report.ReportInputs;
import io.horizon.proto.v1.LearnabilityReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One preset's results read back from its result directory: the files {@link ReportInputs} reads, the summary of
 * each architecture in the campaign's order, and the stage times when the run recorded them.
 *
 * @param preset the preset (campaign) name
 * @param inputs the result files
 * @param architectures the summary per architecture, keyed by name, in the campaign's order
 * @param stages wall time per stage, when recorded
 */
public record PresetResults(String preset, ReportInputs inputs, Map<String, ArchitectureSummary> architectures,
    Optional<StageTimes> stages) {

  /** Reads the results of {@code preset} from {@code dir}. */
  public static PresetResults read(String preset, Path dir) {
    ReportInputs inputs = ReportInputs.read(dir);
    Map<String, ArchitectureSummary> summaries = new LinkedHashMap<>();
    finalsByArchitecture(inputs).forEach((name, finals) -> summaries.put(name, ArchitectureSummary.of(finals)));
    return new PresetResults(preset, inputs, summaries, StageTimes.read(dir));
  }

  /** The final report of each run, grouped by architecture in the campaign's order. */
  public Map<String, List<LearnabilityReport>> finalsByArchitecture() {
    return finalsByArchitecture(inputs);
  }

  private static Map<String, List<LearnabilityReport>> finalsByArchitecture(ReportInputs inputs) {
    return inputs.finalReports().stream()
        .collect(Collectors.groupingBy(LearnabilityReport::getArchitecture, LinkedHashMap::new, Collectors.toList()));
  }

  /** The summary of {@code architecture}, empty when the preset has no report of it. */
  public Optional<ArchitectureSummary> architecture(String architecture) {
    return Optional.ofNullable(architectures.get(architecture));
  }
}
