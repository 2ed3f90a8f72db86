package io.cellfloor.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code cellfloor <command> [options]}: the entry point behind the {@code ./cellfloor} launcher. The commands are
 * picocli commands; every one takes {@code --help} and {@code --version}, options as {@code --x value} or
 * {@code --x=value}. A wrong argument is one line on stderr and exit status 2, whether picocli or the command
 * found it (a command says so by throwing {@link IllegalArgumentException}).
 */
@Command(name = "cellfloor", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = Version.class, synopsisSubcommandLabel = "<command>",
        description = "Battery test floor analytics on Kafka Streams.",
        footer = {"", "./cellfloor <command> --help (or ./cellfloor help <command>) lists a command's options;",
            "./cellfloor completion prints the bash completion script."},
        subcommands = {DemoCommand.class, StreamsCommand.class, AnalyzeCommand.class, AgentCommand.class,
            SinksCommand.class, ReplayCommand.class, HelpCommand.class, CompletionCommand.class})
public final class Main implements Runnable {
    static final int USAGE_ERROR = 2;

    @Spec
    private CommandSpec spec;

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The whole command line, with the one-line error handling; tests parse through it too. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExpandAtFiles(false)
                .setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), e.getMessage()))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        return usageError(cmd, e.getMessage());
                    }
                    throw e;
                });
    }

    /** Without a command: the list of commands. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static int usageError(final CommandLine cmd, final String message) {
        final String path = cmd.getCommandSpec().qualifiedName();
        final PrintWriter err = cmd.getErr();
        err.println(path + ": " + message.replace('\n', ' ').strip() + " (./" + path + " --help for usage)");
        err.flush();
        return USAGE_ERROR;
    }

    /** For a command that needs a subcommand or an argument picocli cannot require by itself. */
    static ParameterException missing(final CommandSpec spec, final String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
