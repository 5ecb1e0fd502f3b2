package io.horizon.diagnostics.grpc;

import io.grpc.stub.StreamObserver;
import io.horizon.diagnostics.envelope.EnvelopeComputation;
import io.horizon.pipeline.grpc.GrpcCalls;
import io.horizon.proto.v1.Checkpoint;
import io.horizon.proto.v1.DiagnosticsServiceGrpc;
import io.horizon.proto.v1.EnvelopeReport;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

/** {@code horizon.v1.DiagnosticsService}: diagnoses a checkpoint handed over directly, as the Kafka stage does. */
@GrpcService
public class DiagnosticsGrpcService extends DiagnosticsServiceGrpc.DiagnosticsServiceImplBase {
  private final EnvelopeComputation computation;

  public DiagnosticsGrpcService(EnvelopeComputation computation) {
    this.computation = computation;
  }

  @Override
  @Blocking
  public void diagnose(Checkpoint request, StreamObserver<EnvelopeReport> response) {
    GrpcCalls.answer(response, () -> computation.diagnose(request));
  }
}
