package io.horizon.cli.report;

import io.horizon.cli.campaign.TrainingPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Training curves: the training loss and the validation R² of every run against the epoch. */
final class TrainingPlots {
  private TrainingPlots() {}

  /** The two figures. */
  static List<Plot> of(List<TrainingPoint> training, RunStyles styles) {
    Map<String, List<TrainingPoint>> runs = new LinkedHashMap<>();
    training.forEach(p -> runs.computeIfAbsent(p.runId(), k -> new ArrayList<>()).add(p));
    return List.of(
        figure(runs, styles, TrainingPoint::trainLoss, "Training loss", "training loss (MSE)", true,
            "training-loss.png", "The mean training loss of each epoch, per run, as the trainer reported it."),
        figure(runs, styles, TrainingPoint::validationR2, "Validation R²", "validation R²", false,
            "validation-r2.png", "R² of the model on the run's validation set after each epoch, per run."));
  }

  private static Plot figure(Map<String, List<TrainingPoint>> runs, RunStyles styles,
      ToDoubleFunction<TrainingPoint> metric, String title, String yTitle, boolean logY, String file,
      String caption) {
    XyFigure f = new XyFigure(title + " vs epoch", "epoch", yTitle, false, logY);
    runs.forEach((run, points) -> {
      List<TrainingPoint> sorted = points.stream().sorted((a, b) -> Integer.compare(a.epoch(), b.epoch())).toList();
      f.line(styles.label(run), new Curve(sorted.stream().mapToDouble(TrainingPoint::epoch).toArray(),
          sorted.stream().mapToDouble(metric).toArray()), styles.color(run));
    });
    return f.render(file, caption + (runs.isEmpty() ? " No training metrics were recorded for this campaign "
        + "(training.csv is missing or empty)." : ""));
  }
}
