/**
 * The fleet simulator: reads a {@code telltale-scenario/1} file and plays each device through the agent's
 * real reporting path (spool, transport, protocol), with a {@link io.telltale.agent.sim.ScenarioProbeSource}
 * instead of OS probes. Entry point: {@link io.telltale.agent.sim.FleetSimulator#builder()}.
 */
@NullMarked
package io.telltale.agent.sim;

import org.jspecify.annotations.NullMarked;
