package io.horizon.pipeline.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Answers gRPC calls from plain Java computations, mapping bad input to {@code INVALID_ARGUMENT} and unknown names
 * to {@code NOT_FOUND}, with the message that names the field or the name.
 */
public final class GrpcCalls {
  private GrpcCalls() {}

  /** Completes {@code response} with the value of {@code call} or with the status its exception maps to. */
  public static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
    T value;
    try {
      value = call.get();
    } catch (RuntimeException e) {
      fail(response, e);
      return;
    }
    response.onNext(value);
    response.onCompleted();
  }

  /** Ends {@code response} with the status {@code error} maps to. */
  public static void fail(StreamObserver<?> response, RuntimeException error) {
    Status status;
    if (error instanceof IllegalArgumentException) {
      status = Status.INVALID_ARGUMENT.withDescription(error.getMessage());
    } else if (error instanceof NoSuchElementException) {
      status = Status.NOT_FOUND.withDescription(error.getMessage());
    } else {
      status = Status.INTERNAL.withDescription(error.getClass().getSimpleName() + ": " + error.getMessage())
          .withCause(error);
    }
    response.onError(status.asRuntimeException());
  }
}
