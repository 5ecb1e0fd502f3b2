package io.horizon.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Figures leave out what their axes cannot show and still render when nothing is left. */
class XyFigureTest {
  @Test
  void aLogAxisLeavesOutNonPositivePointsAndAnEmptyFigureStillRenders() throws IOException {
    XyFigure f = new XyFigure("t", "x", "y", false, true)
        .line("zeros", new Curve(new double[] {1, 2}, new double[] {0, -1}), Color.RED);
    assertFalse(f.hasData(), "a series without positive y is not drawn on a log y axis");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.render("empty.png", "c").png()));
    assertEquals(XyFigure.WIDTH, image.getWidth());
    assertEquals(XyFigure.HEIGHT, image.getHeight());
  }

  @Test
  void aPositiveSeriesIsDrawnOnLogAxes() {
    XyFigure f = new XyFigure("t", "x", "y", true, true)
        .line("ok", new Curve(new double[] {0, 1, 10}, new double[] {1, 0.5, 0.1}), Color.RED);
    assertTrue(f.hasData());
  }

  @Test
  void tickLabelsArePlainInTheMiddleRangeAndScientificOutside() {
    assertEquals("0", XyFigure.tickLabel(0));
    assertEquals("0.25", XyFigure.tickLabel(0.25));
    assertEquals("10000", XyFigure.tickLabel(1e4));
    assertEquals("1.0e-06", XyFigure.tickLabel(1e-6));
  }

  @Test
  void theAlphaHistogramCountsEveryLagOnce() {
    double[] alpha = {0.05, 1.0, 1.05, 2.0, 1.99};
    Curve h = StablePlots.histogram(alpha);
    double total = 0;
    for (int i = 1; i < h.y().length - 1; i += 2) {
      total += h.y()[i];
    }
    assertEquals(alpha.length, total);
    assertEquals(0.0, h.x()[0]);
    assertEquals(2.0, h.x()[h.x().length - 1]);
  }
}
