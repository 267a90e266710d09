/**
 * The agent's configuration (the {@code agent.yml} file plus environment overrides, read once), the
 * configuration the collector pushes, and the device identity kept in the state directory.
 */
@NullMarked
package io.telltale.agent.config;

import org.jspecify.annotations.NullMarked;
