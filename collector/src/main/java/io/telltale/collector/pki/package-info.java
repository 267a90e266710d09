/** The collector's own certificate authority, CSR signing and enrollment tokens. */
@NullMarked
package io.telltale.collector.pki;

import org.jspecify.annotations.NullMarked;
