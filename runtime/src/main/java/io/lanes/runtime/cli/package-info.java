/**
 * The {@code scripts/lanes} command line (picocli): {@code run} (default), {@code print-state-hash},
 * {@code keygen}. Parses and checks flags, then hands over to {@link io.lanes.runtime.node}.
 */
package io.lanes.runtime.cli;
