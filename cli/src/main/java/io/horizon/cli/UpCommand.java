package io.horizon.cli;

import io.horizon.cli.stack.HorizonServices;
import io.horizon.cli.stack.LocalStack;
import io.horizon.cli.stack.RunningService;
import io.horizon.cli.stack.StackAddresses;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./horizon up}: the embedded stack (broker and four services) kept running until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Starts Kafka and the four services on this machine and keeps them running until Ctrl-C;",
        "submit campaigns with ./horizon run, watch them with ./horizon status."})
final class UpCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "horizon-out", paramLabel = "DIR",
      description = "the stack's data, logs and addresses go to DIR/stack/ (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws InterruptedException {
    try (LocalStack stack = LocalStack.start(out, HorizonServices.definitions(Map.of()), System.err)) {
      StackAddresses.write(out, stack);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> StackAddresses.remove(out)));
      System.out.println("kafka bootstrap: " + stack.bootstrapServers());
      for (RunningService s : stack.services()) {
        System.out.println(s.name() + ": " + s.grpcAddress() + " (gRPC; health http://" + s.httpAddress()
            + "/q/health, metrics /q/metrics)");
      }
      System.out.println("logs under " + out.resolve("stack").toAbsolutePath() + "; Ctrl-C stops everything");
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
