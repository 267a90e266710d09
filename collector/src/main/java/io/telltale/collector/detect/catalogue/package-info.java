/**
 * The signature catalogue: data files describing remote-access tools, IP-KVM and capture hardware, KVM
 * EDIDs, jigglers, VPN clients and KVM network traces, their loader (built-in files plus an administrator's
 * directory, merged and validated with file/line errors) and the pure matchers detection uses.
 */
@NullMarked
package io.telltale.collector.detect.catalogue;

import org.jspecify.annotations.NullMarked;
