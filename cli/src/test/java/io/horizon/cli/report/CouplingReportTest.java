package io.horizon.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.cli.campaign.CampaignResults;
import io.horizon.cli.campaign.InProcessRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time-scale coupling section of the report (THEORY §10): present with every figure, each PNG non-empty and
 * drawing data, when the campaign has coupling data; absent when it has none.
 */
class CouplingReportTest {
  /** The coupling figures of a campaign whose runs are const and shared. */
  private static final List<String> FIGURES = List.of("coupling-heatmap-const.png", "coupling-heatmap-shared.png",
      "coupling-slope.png", "coupling-profile.png", "coupling-anisotropy.png", "coupling-concentration.png",
      "coupling-gradient-anisotropy.png");
  /** Distinct colours from which a heatmap counts as drawing a colour scale. */
  private static final int HEATMAP_COLOURS = 20;

  @TempDir Path dir;

  @Test
  void aCampaignWithCouplingDataGetsTheSectionWithEveryFigure() throws IOException {
    CampaignResults results = SmallCampaign.write(dir.resolve("tsc"), InProcessRun.tinyCouplingCampaign("tsc"));
    Path page = ReportWriter.write(dir.resolve("tsc"), dir.resolve("report"));
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("<h2>Time-scale coupling</h2>"), "section heading");
    RunStyles styles = new RunStyles(results.finalReports());
    Set<Integer> runColours = new HashSet<>();
    results.finalReports().forEach(r -> runColours.add(styles.color(r.getRunId()).getRGB()));
    try (Stream<Path> files = Files.list(page.getParent())) {
      assertEquals(FIGURES, files.map(p -> p.getFileName().toString())
          .filter(f -> f.startsWith(CouplingPlots.PREFIX)).sorted((a, b) -> FIGURES.indexOf(a) - FIGURES.indexOf(b))
          .toList(), "the coupling figures");
    }
    for (String figure : FIGURES) {
      Path png = page.resolveSibling(figure);
      assertTrue(Files.size(png) > 0, figure + " is empty");
      assertTrue(html.contains("(" + figure + ")"), figure + " is not captioned on the page");
      Set<Integer> colours = colours(ImageIO.read(png.toFile()));
      if (figure.startsWith("coupling-heatmap-")) {
        assertTrue(colours.size() >= HEATMAP_COLOURS, figure + " draws " + colours.size() + " colours only");
      } else {
        assertTrue(colours.stream().anyMatch(runColours::contains), figure + " draws no series in a run's colour");
      }
    }
  }

  @Test
  void aCampaignWithoutCouplingDataHasNoSection() throws IOException {
    SmallCampaign.write(dir.resolve("plain"), InProcessRun.tinyCampaign("plain"));
    Path page = ReportWriter.write(dir.resolve("plain"), dir.resolve("report"));
    assertFalse(Files.readString(page, StandardCharsets.UTF_8).contains("Time-scale coupling"));
    try (Stream<Path> files = Files.list(page.getParent())) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(CouplingPlots.PREFIX)));
    }
  }

  private static Set<Integer> colours(BufferedImage image) {
    Set<Integer> out = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        out.add(image.getRGB(x, y));
      }
    }
    return out;
  }
}
