/**
 * IP intelligence: what a public IP is (country, region, ASN, organisation, kind), the sources that
 * answer it (a prefix file, the declared company networks) and the address arithmetic they share.
 */
@NullMarked
package io.telltale.collector.detect.geo;

import org.jspecify.annotations.NullMarked;
