package io.horizon.estimator.grpc;

import io.grpc.stub.StreamObserver;
import io.horizon.core.stable.StableMethod;
import io.horizon.estimator.config.EstimatorConfig;
import io.horizon.pipeline.grpc.GrpcCalls;
import io.horizon.pipeline.message.FitMessages;
import io.horizon.proto.v1.EstimatorServiceGrpc;
import io.horizon.proto.v1.FitRequest;
import io.horizon.proto.v1.StableFit;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

/** {@code horizon.v1.EstimatorService}: an α-stable fit (THEORY §7.1) of the samples in the request. */
@GrpcService
public class EstimatorGrpcService extends EstimatorServiceGrpc.EstimatorServiceImplBase {
  private final EstimatorConfig config;

  public EstimatorGrpcService(EstimatorConfig config) {
    this.config = config;
  }

  @Override
  @Blocking
  public void fit(FitRequest request, StreamObserver<StableFit> response) {
    GrpcCalls.answer(response, () -> {
      StableMethod method;
      try {
        method = StableMethod.parse(request.getMethod().isEmpty() ? config.defaultMethod() : request.getMethod());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("method: " + e.getMessage(), e);
      }
      if (request.getValuesCount() == 0) {
        throw new IllegalArgumentException("values: must not be empty");
      }
      double[] values = new double[request.getValuesCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = request.getValues(i);
      }
      return FitMessages.encode("", "", 0, 0, method.estimator().fit(values, values.length));
    });
  }
}
