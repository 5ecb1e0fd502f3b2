package io.horizon.cli.campaign;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.horizon.cli.TextTable;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a campaign: a table of the final learnability report of each run (architecture × N → Ĥ_N,
 * envelope regime with τ_env or β, median α̂) and the files under {@code <out>/<campaign>/}: campaign.json,
 * runs.csv, summary.csv, windows.csv (every budget), lags.csv (per-lag f̂, α̂, γ̂, N_min), training.csv (loss and
 * validation R² per epoch) and reports.json.
 */
public final class CampaignResults {
  /** Budgets N shown as table columns. */
  static final long[] SHOWN_BUDGETS = {100, 400, 1600, 6400, 12800};

  /** The campaign spec file (JSON of {@code horizon.v1.CampaignSpec}). */
  public static final String CAMPAIGN_FILE = "campaign.json";
  /** The summary table file. */
  public static final String SUMMARY_FILE = "summary.csv";
  /** Every report, a JSON array of {@code horizon.v1.LearnabilityReport}. */
  public static final String REPORTS_FILE = "reports.json";
  /** The training metrics file, one row per run and epoch. */
  public static final String TRAINING_FILE = "training.csv";

  private final CampaignState state;
  private final List<LearnabilityReport> reports;
  private final List<TrainingPoint> training;

  /** The results of the campaign in {@code state}, its reports and the training metrics seen per epoch. */
  public CampaignResults(CampaignState state, List<LearnabilityReport> reports, List<TrainingPoint> training) {
    this.state = state;
    this.reports = reports;
    this.training = training;
  }

  /** The campaign's spec and the final status of its runs. */
  public CampaignState state() {
    return state;
  }

  /** Every report, by run then epoch. */
  public List<LearnabilityReport> reports() {
    return reports;
  }

  /** The last report of each run, in run order. */
  public List<LearnabilityReport> finalReports() {
    Map<String, LearnabilityReport> last = new HashMap<>();
    reports.forEach(r -> last.merge(r.getRunId(), r, (a, b) -> a.getEpoch() >= b.getEpoch() ? a : b));
    return state.getRunsList().stream().map(s -> last.get(s.getRunId())).filter(r -> r != null).toList();
  }

  /** The summary table as Markdown. */
  public String table() {
    return TextTable.markdown(header(), rows());
  }

  /** Writes every result file under {@code dir}; returns it. */
  public Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(CAMPAIGN_FILE), json(state.getSpec()) + "\n", StandardCharsets.UTF_8);
      csv(dir.resolve(SUMMARY_FILE), header(), rows());
      csv(dir.resolve("runs.csv"), new String[] {"run_id", "state", "epoch", "epochs", "train_loss",
          "validation_r2", "reason"}, state.getRunsList().stream().map(CampaignResults::runRow).toList());
      csv(dir.resolve("windows.csv"), new String[] {"run_id", "architecture", "epoch", "budget", "window"},
          windowRows());
      csv(dir.resolve("lags.csv"), new String[] {"run_id", "architecture", "epoch", "lag", "f_mean", "alpha",
          "gamma", "alpha_reliable", "n_min"}, lagRows());
      csv(dir.resolve(TRAINING_FILE), new String[] {"run_id", "epoch", "train_loss", "validation_r2"},
          training.stream().map(p -> new String[] {p.runId(), Integer.toString(p.epoch()), number(p.trainLoss()),
              number(p.validationR2())}).toList());
      StringBuilder all = new StringBuilder("[\n");
      for (int i = 0; i < reports.size(); i++) {
        all.append(json(reports.get(i))).append(i + 1 < reports.size() ? ",\n" : "\n");
      }
      Files.writeString(dir.resolve(REPORTS_FILE), all.append("]\n"), StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("writing results under " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String[] header() {
    List<String> h = new ArrayList<>(List.of("run", "architecture", "epoch"));
    for (long n : SHOWN_BUDGETS) {
      h.add("H_N@" + n);
    }
    h.addAll(List.of("regime", "tau_env_or_beta", "median_alpha"));
    return h.toArray(String[]::new);
  }

  private List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (LearnabilityReport r : finalReports()) {
      List<String> row = new ArrayList<>(List.of(r.getRunId(), r.getArchitecture(), Integer.toString(r.getEpoch())));
      for (long n : SHOWN_BUDGETS) {
        row.add(Integer.toString(windowAt(r, n)));
      }
      String regime = r.getRegime().toLowerCase(Locale.ROOT);
      row.add(regime);
      row.add(switch (regime) {
        case "exponential" -> String.format(Locale.ROOT, "τ=%.3g", r.getTauEnv());
        case "polynomial" -> String.format(Locale.ROOT, "β=%.3g", r.getBeta());
        default -> "";
      });
      row.add(String.format(Locale.ROOT, "%.3f", r.getMedianAlpha()));
      rows.add(row.toArray(String[]::new));
    }
    return rows;
  }

  /** Ĥ_N at the largest budget of the report's grid not above {@code n} (0 below the grid). */
  static int windowAt(LearnabilityReport r, long n) {
    int h = 0;
    for (int b = 0; b < r.getBudgetsCount(); b++) {
      if (r.getBudgets(b) <= n) {
        h = r.getWindow(b);
      }
    }
    return h;
  }

  private List<String[]> windowRows() {
    List<String[]> rows = new ArrayList<>();
    for (LearnabilityReport r : reports) {
      for (int b = 0; b < r.getBudgetsCount(); b++) {
        rows.add(new String[] {r.getRunId(), r.getArchitecture(), Integer.toString(r.getEpoch()),
            Long.toString(r.getBudgets(b)), Integer.toString(r.getWindow(b))});
      }
    }
    return rows;
  }

  private List<String[]> lagRows() {
    List<String[]> rows = new ArrayList<>();
    for (LearnabilityReport r : reports) {
      for (int i = 0; i < r.getLagsCount(); i++) {
        rows.add(new String[] {r.getRunId(), r.getArchitecture(), Integer.toString(r.getEpoch()),
            Integer.toString(r.getLags(i)), number(r.getFMean(i)), number(r.getAlpha(i)), number(r.getGamma(i)),
            r.getAlphaReliable(i) ? "1" : "0", Long.toString(r.getNMin(i))});
      }
    }
    return rows;
  }

  private static String[] runRow(RunStatus s) {
    return new String[] {s.getRunId(), s.getState().toString(), Integer.toString(s.getEpoch()),
        Integer.toString(s.getEpochs()), number(s.getTrainLoss()), number(s.getValidationR2()),
        "\"" + s.getReason().replace("\"", "\"\"") + "\""};
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.17g", v);
  }

  private static void csv(Path file, String[] header, List<String[]> rows) throws IOException {
    StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
    rows.forEach(r -> out.append(String.join(",", r)).append('\n'));
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  private static String json(MessageOrBuilder message) {
    try {
      return JsonFormat.printer().print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("JSON of " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
