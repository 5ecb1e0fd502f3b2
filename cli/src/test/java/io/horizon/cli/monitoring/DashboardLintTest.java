package io.horizon.cli.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dashboards of {@code deploy/grafana/dashboards} are valid JSON with a uid and title, unique panel ids and at
 * least one query per panel, and every data source they name (panels, queries, template variables) is the one the
 * provisioning file defines.
 */
class DashboardLintTest {
  private static final List<String> EXPECTED = List.of("campaign-overview.json", "learnability.json",
      "service-health.json");

  @Test
  void everyDashboardIsValidWithUniquePanelIdsAndTheProvisionedDatasource() throws Exception {
    String uid = Dashboards.provisionedDatasourceUid();
    assertFalse(uid.isBlank(), "provisioning/datasources/prometheus.yml: datasources[0].uid: missing");
    List<String> names = new ArrayList<>();
    Set<String> dashboardUids = new HashSet<>();
    for (Path file : Dashboards.files()) {
      String name = file.getFileName().toString();
      names.add(name);
      JsonNode dashboard = Dashboards.read(file);
      assertTrue(dashboardUids.add(dashboard.path("uid").asText()), name + ": uid repeated or missing");
      assertFalse(dashboard.path("title").asText().isBlank(), name + ": title missing");
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : Dashboards.panels(dashboard)) {
        String where = name + ": panel \"" + panel.path("title").asText() + "\"";
        assertTrue(panel.path("id").isInt() && ids.add(panel.path("id").asInt()), where + ": id repeated or missing");
        assertEquals(uid, panel.path("datasource").path("uid").asText(), where + ": datasource uid");
        assertFalse(panel.path("targets").isEmpty(), where + ": no query");
        for (JsonNode target : panel.path("targets")) {
          assertEquals(uid, target.path("datasource").path("uid").asText(), where + ": query datasource uid");
          assertFalse(target.path("expr").asText().isBlank(), where + ": empty expr");
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        assertEquals(uid, variable.path("datasource").path("uid").asText(),
            name + ": variable " + variable.path("name").asText() + ": datasource uid");
      }
    }
    assertEquals(EXPECTED, names, "the campaign overview, learnability and service health dashboards");
  }
}
