/** Domain records of the collector: what devices reported, as stored, detected on and reviewed. No protobuf here. */
@NullMarked
package io.telltale.collector.model;

import org.jspecify.annotations.NullMarked;
