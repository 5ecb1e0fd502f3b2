package io.horizon.estimator.kafka;

import io.horizon.estimator.config.EstimatorConfig;
import io.horizon.pipeline.kafka.HeldOffsets;
import io.horizon.pipeline.kafka.KafkaConnection;
import io.horizon.pipeline.kafka.Relay;
import io.horizon.pipeline.kafka.TopicLayout;
import io.horizon.pipeline.message.LagFitAssembly;
import io.horizon.pipeline.metrics.StageMeters;
import io.horizon.proto.Topics;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.StableFit;
import io.horizon.service.kafka.RelayStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.Readiness;

/**
 * Gradient-sample chunks in, one α-stable fit per completed lag out (consumer group {@code estimator}; instances
 * split the partitions, and so the lags). Offsets are committed only up to the first chunk of a lag still open,
 * so a restart re-reads open lags from their first chunk and loses nothing; chunks seen twice are ignored.
 */
@Readiness
@ApplicationScoped
public class SampleStage extends RelayStage {
  private final LagFitAssembly assembly = new LagFitAssembly();
  private final HeldOffsets held = new HeldOffsets();

  public SampleStage() {
    super("estimator");
  }

  void onStart(@Observes StartupEvent event, EstimatorConfig config,
      KafkaConnection kafka, MeterRegistry registry) {
    TopicLayout.ensure(kafka, config.partitions(), config.replication());
    run(new Relay("estimator", kafka, "estimator", List.of(Topics.GRADIENT_SAMPLES), r -> {
      GradientSampleChunk chunk = GradientSampleChunk.parseFrom(r.value());
      String key = LagFitAssembly.key(chunk);
      Optional<StableFit> fit = assembly.accept(chunk);
      if (assembly.isOpen(key)) {
        held.read(key, new TopicPartition(r.topic(), r.partition()), r.offset());
      }
      if (fit.isEmpty()) {
        return List.of();
      }
      held.close(key);
      return List.of(new Relay.Output(Topics.STABLE_FITS, chunk.getRunId() + "/" + chunk.getEpoch(), fit.get()));
    }, held::committable, new StageMeters(registry)));
  }
}
