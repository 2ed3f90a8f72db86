package io.cellfloor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cellfloor sinks alerts|archive}: the processes that take cellfloor's outputs to the people downstream. */
@Command(name = "sinks", synopsisSubcommandLabel = "alerts|archive",
        description = "the alert sink and the Parquet archive, each its own process",
        subcommands = {AlertsCommand.class, ArchiveCommand.class})
final class SinksCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Main.missing(spec, "name a sink: alerts or archive");
    }
}
