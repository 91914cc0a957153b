package dev.pcorders.cli;

/** How a command prints its result: aligned for people, or JSON / CSV for scripts. */
enum OutputFormat {
    TABLE, JSON, CSV
}
