package io.horizon.cli.report;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.horizon.core.io.CodeVersion;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.RunSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * The report as one self-contained HTML page: summary table, every figure embedded as a base64 PNG with its
 * caption, the provenance (code versions, runs and their specs) and the campaign spec.
 */
final class HtmlReport {
  private static final String STYLE = """
      body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}
      table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
      th{background:#f3f3f3}figure{margin:2em 0}img{max-width:100%;border:1px solid #eee}
      figcaption{font-size:90%;color:#444}pre{background:#f7f7f7;padding:1em;overflow:auto;font-size:85%}
      """;

  private HtmlReport() {}

  /** The page of {@code in} with {@code plots}, written at {@code at}. */
  static String render(ReportInputs in, List<Plot> plots, Instant at) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Horizon report: ").append(escape(in.spec().getName())).append("</title><style>")
        .append(STYLE).append("</style></head><body>\n");
    h.append("<h1>Campaign ").append(escape(in.spec().getName())).append("</h1>\n")
        .append("<p>").append(in.reports().size()).append(" learnability reports of ")
        .append(in.finalReports().size()).append(" runs; the figures show each run's last checkpoint.</p>\n");
    h.append("<h2>Summary</h2>\n").append(table(in.summary()));
    h.append("<h2>Figures</h2>\n<ul>");
    plots.forEach(p -> h.append("<li><a href=\"#").append(anchor(p)).append("\">").append(escape(p.title()))
        .append("</a></li>"));
    h.append("</ul>\n");
    boolean couplingHeading = false;
    for (Plot p : plots) {
      if (!couplingHeading && p.file().startsWith(CouplingPlots.PREFIX)) {
        couplingHeading = true;
        h.append("<h2>Time-scale coupling</h2>\n<p>The S1 sensitivity profiles and S2 anisotropy of the runs with the"
            + " coupling analysis on (THEORY §10; docs/coupling.md).</p>\n");
      }
      h.append("<figure id=\"").append(anchor(p)).append("\"><h3>").append(escape(p.title())).append("</h3>")
          .append("<img alt=\"").append(escape(p.title())).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(p.png())).append("\"><figcaption>").append(escape(p.caption()))
          .append(" (").append(escape(p.file())).append(")</figcaption></figure>\n");
    }
    provenance(h, in, at);
    h.append("<h2>Campaign spec</h2>\n<pre>").append(escape(json(in.spec()))).append("</pre>\n");
    return h.append("</body></html>\n").toString();
  }

  private static void provenance(StringBuilder h, ReportInputs in, Instant at) {
    TreeSet<String> versions = new TreeSet<>();
    in.reports().forEach(r -> versions.add(r.getCodeVersion().isEmpty() ? "not recorded" : r.getCodeVersion()));
    h.append("<h2>Provenance</h2>\n<table>")
        .append(field("results directory", in.directory().toAbsolutePath().toString()))
        .append(field("code version of the reports", String.join(", ", versions)))
        .append(field("report written by", CodeVersion.current()))
        .append(field("report written at", at.toString()))
        .append("</table>\n<table>")
        .append(row("th", "run", "architecture", "optimizer", "seed", "hidden", "train sequences", "epochs",
            "last report"));
    for (LearnabilityReport r : in.finalReports()) {
      RunSpec s = r.getRun();
      h.append(row("td", r.getRunId(), s.getArchitecture(), s.getOptimizer().getKind() + " lr="
              + s.getOptimizer().getLr(), Long.toString(s.getSeed()),
          Integer.toString(s.getHiddenSize()), Integer.toString(s.getTrainSequences()), Integer.toString(s.getEpochs()),
          "epoch " + r.getEpoch()));
    }
    h.append("</table>\n");
    for (LearnabilityReport r : in.finalReports()) {
      h.append("<details><summary>run spec of ").append(escape(r.getRunId())).append("</summary><pre>")
          .append(escape(json(r.getRun()))).append("</pre></details>\n");
    }
  }

  private static String table(List<String[]> rows) {
    StringBuilder t = new StringBuilder("<table>");
    for (int i = 0; i < rows.size(); i++) {
      t.append(row(i == 0 ? "th" : "td", rows.get(i)));
    }
    return t.append("</table>\n").toString();
  }

  private static String field(String name, String value) {
    return "<tr><th>" + escape(name) + "</th><td>" + escape(value) + "</td></tr>";
  }

  private static String row(String cell, String... values) {
    StringBuilder r = new StringBuilder("<tr>");
    for (String v : values) {
      r.append('<').append(cell).append('>').append(escape(v)).append("</").append(cell).append('>');
    }
    return r.append("</tr>").toString();
  }

  private static String anchor(Plot p) {
    return p.file().replace(".png", "");
  }

  private static String json(MessageOrBuilder message) {
    try {
      return JsonFormat.printer().print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("JSON of " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** {@code text} with the HTML special characters escaped. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
