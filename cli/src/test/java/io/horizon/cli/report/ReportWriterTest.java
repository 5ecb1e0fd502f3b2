package io.horizon.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.cli.HorizonCommand;
import io.horizon.cli.campaign.CampaignResults;
import io.horizon.core.io.CodeVersion;
import io.horizon.proto.v1.LearnabilityReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a small real campaign (trained and diagnosed in this JVM): the page embeds every figure the issue
 * lists, each PNG beside it is non-empty and draws data (pixels in a run's colour), and the page names the spec
 * and the code version.
 */
class ReportWriterTest {
  /** The figures the report must hold, one file each. */
  private static final List<String> FIGURES = List.of("envelope-linear.png", "envelope-semilog.png",
      "envelope-loglog.png", "window.png", "nmin-vs-envelope.png", "residuals.png", "tau-spectrum.png",
      "alpha-distribution.png", "gamma-vs-lag.png", "training-loss.png", "validation-r2.png");

  @TempDir static Path dir;
  private static CampaignResults results;
  private static Path page;

  @BeforeAll
  static void writeReport() {
    results = SmallCampaign.write(dir.resolve("small"));
    page = ReportWriter.write(dir.resolve("small"), dir.resolve("report"));
  }

  @Test
  void thePageEmbedsEveryFigureAndEachPngDrawsData() throws IOException {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    int embedded = 0;
    while (images.find()) {
      assertTrue(drawsRunColour(Base64.getDecoder().decode(images.group(1))), "embedded image " + embedded);
      embedded++;
    }
    assertEquals(FIGURES.size(), embedded, "one embedded image per figure");
    for (String figure : FIGURES) {
      Path png = page.resolveSibling(figure);
      assertTrue(Files.size(png) > 0, figure + " is empty");
      assertTrue(html.contains("(" + figure + ")"), figure + " is not captioned on the page");
      assertTrue(drawsRunColour(Files.readAllBytes(png)), figure + " draws no series in a run's colour");
    }
  }

  @Test
  void thePageHoldsTheSpecTheRunsAndTheCodeVersion() throws IOException {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("Campaign spec"), "spec section");
    assertTrue(html.contains(HtmlReport.escape(CodeVersion.current())), "code version");
    for (LearnabilityReport r : results.finalReports()) {
      assertTrue(html.contains("run spec of " + r.getRunId()), r.getRunId());
      assertEquals(CodeVersion.current(), r.getCodeVersion(), "the report message records the code version");
      assertEquals(r.getLagsCount(), r.getFLogmeanCount(), "one geometric envelope value per lag");
    }
  }

  @Test
  void theCommandWritesTheReportOfAResultDirectory() throws IOException {
    Path out = dir.resolve("from-command");
    int code = HorizonCommand.commandLine().execute("report", dir.resolve("small").toString(), "--out",
        out.toString());
    assertEquals(0, code);
    for (String figure : FIGURES) {
      assertTrue(Files.size(out.resolve(figure)) > 0, figure);
    }
    assertTrue(Files.size(out.resolve(ReportWriter.HTML_FILE)) > 0, ReportWriter.HTML_FILE);
  }

  @Test
  void aDirectoryWithoutResultsIsRefusedNamingTheMissingFile() {
    Path empty = dir.resolve("empty");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportWriter.write(empty, dir.resolve("nowhere")));
    assertTrue(e.getMessage().startsWith(empty.resolve(CampaignResults.REPORTS_FILE).toString()), e.getMessage());
  }

  /** Whether the image has pixels in the colour of one of the campaign's runs. */
  private static boolean drawsRunColour(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    RunStyles styles = new RunStyles(results.finalReports());
    Set<Integer> colours = new HashSet<>();
    results.finalReports().forEach(r -> colours.add(styles.color(r.getRunId()).getRGB()));
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (colours.contains(image.getRGB(x, y))) {
          return true;
        }
      }
    }
    return false;
  }
}
