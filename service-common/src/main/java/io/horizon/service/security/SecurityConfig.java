package io.horizon.service.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Access control of a service's gRPC calls ({@code horizon.security.*}; environment: HORIZON_SECURITY_TOKEN). */
@ConfigMapping(prefix = "horizon.security")
public interface SecurityConfig {
  /**
   * The bearer token every gRPC call must carry as {@code authorization: Bearer <token>}. Absent (the default):
   * calls are not checked, which suits the loopback-only embedded stack. Health and metrics stay open either way.
   */
  Optional<String> token();
}
