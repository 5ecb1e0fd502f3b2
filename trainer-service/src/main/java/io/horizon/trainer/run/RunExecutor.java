package io.horizon.trainer.run;

import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.RunState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.trainer.config.TrainerConfig;
import io.horizon.trainer.kafka.TrainerPublisher;
import io.horizon.trainer.metrics.TrainingMeters;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Trains queued runs on a fixed pool of workers ({@code horizon.trainer.workers}); runs can be cancelled. */
@ApplicationScoped
public class RunExecutor {
  private static final Logger LOG = Logger.getLogger(RunExecutor.class.getName());

  private final CampaignBook book;
  private final TrainerPublisher publisher;
  private final TrainingMeters meters;
  private final TrainerConfig config;
  private final ResumePoints resumePoints;
  private final ExecutorService workers;
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  public RunExecutor(CampaignBook book, TrainerPublisher publisher, TrainingMeters meters, TrainerConfig config,
      ResumePoints resumePoints) {
    this.book = book;
    this.publisher = publisher;
    this.meters = meters;
    this.config = config;
    this.resumePoints = resumePoints;
    this.workers = Executors.newFixedThreadPool(config.workers(), r -> {
      Thread t = new Thread(r, "trainer-worker");
      t.setDaemon(true);
      return t;
    });
  }

  /** Queues a run (PENDING) unless it is queued or training already. */
  public void enqueue(RunSpec run) {
    if (!queued.add(run.getRunId())) {
      return;
    }
    cancelled.remove(run.getRunId());
    report(CampaignBook.pending(run));
    workers.submit(() -> execute(run));
  }

  /** Asks a queued or training run to stop; returns false when the run is not queued or training. */
  public boolean cancel(String runId) {
    if (!queued.contains(runId)) {
      return false;
    }
    cancelled.add(runId);
    return true;
  }

  private void execute(RunSpec run) {
    String id = run.getRunId();
    int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    RunJob job = new RunJob(run, publisher, meters, resumePoints, this::report,
        () -> stopping || cancelled.contains(id), threads, config.chunkSize(),
        Math.round(config.heartbeatSeconds() * 1000));
    try {
      if (cancelled.contains(id)) {
        throw new RunCancelledException(id);
      }
      job.train();
    } catch (RunCancelledException e) {
      if (stopping) {
        LOG.info("run " + id + " interrupted by shutdown; it goes on from its last checkpoint when the trainer starts");
      } else {
        report(end(job.status(), RunState.CANCELLED, e.getMessage()));
      }
    } catch (RuntimeException | Error e) {
      if (stopping) {
        LOG.log(Level.INFO, "run " + id + " stopped by shutdown; it goes on from its last checkpoint when the trainer starts", e);
      } else {
        LOG.log(Level.WARNING, "run " + id + " failed", e);
        report(end(job.status(), RunState.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    } finally {
      queued.remove(id);
      cancelled.remove(id);
    }
  }

  private static RunStatus end(RunStatus last, RunState state, String reason) {
    return last.toBuilder().setState(state).setReason(reason).setHeartbeatUnixMs(System.currentTimeMillis()).build();
  }

  private void report(RunStatus status) {
    book.update(status);
    publisher.status(status);
  }

  /** Stops the workers; runs in flight keep their RUNNING status, so the next start resumes them. */
  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS);
  }
}
