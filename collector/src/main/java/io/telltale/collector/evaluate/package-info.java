/**
 * {@code evaluate}: plays a scenario through the fleet simulator against an in-process collector on a
 * temporary store, with the scenario's roster and network registration data as the collector would read
 * them, and reports each device's verdict (optionally checked against labels). {@link
 * io.telltale.collector.evaluate.ScenarioPlay}, the collector set up for one scenario, is shared with {@code demo}.
 */
@NullMarked
package io.telltale.collector.evaluate;

import org.jspecify.annotations.NullMarked;
