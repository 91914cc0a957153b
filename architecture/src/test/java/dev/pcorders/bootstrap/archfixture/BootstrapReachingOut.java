package dev.pcorders.bootstrap.archfixture;

/** Violates rules 1 and 4c: the wiring an application embeds reaching for the command line's libraries and sandbox. */
public final class BootstrapReachingOut {
    public picocli.CommandLine commandLine;
    public me.tongfei.progressbar.ProgressBar progress;
    public dev.pcorders.sandbox.archfixture.SandboxBreakingRules sandbox;
}
