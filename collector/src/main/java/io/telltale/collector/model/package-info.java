/**
 * Domain records of the collector: what devices reported, as stored, detected on and reviewed, and the one text
 * form of the IP addresses in them ({@link io.telltale.collector.model.IpAddresses}). No protobuf here.
 */
@NullMarked
package io.telltale.collector.model;

import org.jspecify.annotations.NullMarked;
