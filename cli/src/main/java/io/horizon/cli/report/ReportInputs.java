package io.horizon.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.horizon.cli.campaign.CampaignResults;
import io.horizon.cli.campaign.TrainingPoint;
import io.horizon.pipeline.campaign.CampaignGrid;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report is made of, read back from the result files of a campaign ({@link CampaignResults}): the spec,
 * every learnability report, the training metrics per epoch and the summary table.
 *
 * @param directory the campaign's result directory
 * @param spec the campaign spec
 * @param reports every learnability report, in file order
 * @param training loss and validation R² per run and epoch (empty when training.csv is absent)
 * @param summary the summary table, header first
 */
public record ReportInputs(Path directory, CampaignSpec spec, List<LearnabilityReport> reports,
    List<TrainingPoint> training, List<String[]> summary) {

  /** Reads the result files under {@code directory}. */
  public static ReportInputs read(Path directory) {
    Path reportsFile = required(directory, CampaignResults.REPORTS_FILE);
    Path specFile = required(directory, CampaignResults.CAMPAIGN_FILE);
    Path summaryFile = required(directory, CampaignResults.SUMMARY_FILE);
    Path trainingFile = directory.resolve(CampaignResults.TRAINING_FILE);
    return new ReportInputs(directory, spec(specFile), reports(reportsFile),
        Files.isRegularFile(trainingFile) ? training(trainingFile) : List.of(), csv(summaryFile));
  }

  /** The last report of each run, in the campaign grid's run order (runs outside the grid after them). */
  public List<LearnabilityReport> finalReports() {
    Map<String, LearnabilityReport> last = new HashMap<>();
    reports.forEach(r -> last.merge(r.getRunId(), r, (a, b) -> a.getEpoch() >= b.getEpoch() ? a : b));
    List<String> order = new ArrayList<>(CampaignGrid.expand(spec).stream().map(RunSpec::getRunId).toList());
    reports.stream().map(LearnabilityReport::getRunId).distinct().filter(id -> !order.contains(id))
        .forEach(order::add);
    return order.stream().filter(last::containsKey).map(last::get).toList();
  }

  private static Path required(Path directory, String name) {
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": missing; not the result directory of a campaign");
    }
    return file;
  }

  private static CampaignSpec spec(Path file) {
    CampaignSpec.Builder b = CampaignSpec.newBuilder();
    merge(file, text(file), b);
    return b.build();
  }

  private static List<LearnabilityReport> reports(Path file) {
    JsonNode array;
    try {
      array = new ObjectMapper().readTree(text(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage(), e);
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(file + ": must be a JSON array of learnability reports");
    }
    List<LearnabilityReport> reports = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      LearnabilityReport.Builder b = LearnabilityReport.newBuilder();
      merge(Path.of(file + "[" + i + "]"), array.get(i).toString(), b);
      reports.add(b.build());
    }
    return reports;
  }

  private static List<TrainingPoint> training(Path file) {
    List<String[]> rows = csv(file);
    List<TrainingPoint> points = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      String[] row = rows.get(i);
      if (row.length != 4) {
        throw new IllegalArgumentException(file + ": line " + (i + 1) + ": expected 4 fields, got " + row.length);
      }
      try {
        points.add(new TrainingPoint(row[0], Integer.parseInt(row[1]), Double.parseDouble(row[2]),
            Double.parseDouble(row[3])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": line " + (i + 1) + ": not a number: " + e.getMessage(), e);
      }
    }
    return points;
  }

  private static List<String[]> csv(Path file) {
    return text(file).lines().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
  }

  private static void merge(Path file, String json, com.google.protobuf.Message.Builder builder) {
    try {
      JsonFormat.parser().merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
