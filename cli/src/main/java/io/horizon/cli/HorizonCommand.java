package io.horizon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./horizon}. */
@Command(
    name = "horizon",
    mixinStandardHelpOptions = true,
    versionProvider = HorizonCommand.Version.class,
    description = "Measures how far back in time a gated recurrent network can still learn.",
    subcommands = {DemoCommand.class, UpCommand.class, RunCommand.class, StatusCommand.class, TrainCommand.class, DatasetCommand.class, DiagnoseCommand.class,
        StableCommand.class,
        ReportCommand.class,
        CouplingCommand.class,
        BenchCommand.class,
        ReproduceCommand.class,
        CommandLine.HelpCommand.class})
public final class HorizonCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new HorizonCommand());
    cl.setExecutionExceptionHandler(new UserErrorHandler());
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Reports the code version recorded in the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = HorizonCommand.class.getPackage().getImplementationVersion();
      return new String[] {"horizon " + (v == null ? "development" : v)};
    }
  }
}
