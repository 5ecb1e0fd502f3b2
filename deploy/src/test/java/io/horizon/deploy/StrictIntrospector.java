package io.horizon.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Jackson annotations as the model classes declare them, except the two ways they accept fields they do not know:
 * Fabric8 and Strimzi models collect unknown fields in an any-setter ({@code additionalProperties}), which this
 * introspector ignores, and {@code ignoreUnknown}, which it drops; so a misspelled field fails to deserialize.
 */
final class StrictIntrospector extends JacksonAnnotationIntrospector {
  private static final long serialVersionUID = 1L;

  /** No method or field collects unknown properties. */
  @Override
  public Boolean hasAnySetter(Annotated a) {
    return null;
  }

  /** Explicitly ignored properties stay ignored; unknown ones are no longer. */
  @Override
  public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
    return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
  }
}
