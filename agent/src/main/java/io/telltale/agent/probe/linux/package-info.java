/**
 * Linux probes. Everything is read below one {@link io.telltale.agent.probe.HostRoot} ({@code /proc},
 * {@code /sys}, {@code /etc}, {@code /var}, {@code /run}, {@code /dev}), so the same code runs against the live
 * machine, a fixture tree or a mounted image. Commands ({@code nmcli}, {@code loginctl}, {@code systemctl})
 * are used only on a live root, for facts no file holds.
 */
@NullMarked
package io.telltale.agent.probe.linux;

import org.jspecify.annotations.NullMarked;
