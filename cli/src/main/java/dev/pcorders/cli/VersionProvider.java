package dev.pcorders.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so --version matches the artifact that is running. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = PcOrdersCommand.class.getPackage().getImplementationVersion();
        return new String[] {"pc-orders " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version()};
    }
}
