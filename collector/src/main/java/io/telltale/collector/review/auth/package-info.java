/** Who is calling: Argon2id passwords, API tokens, console sessions with CSRF tokens, login throttling and the first administrator. */
@NullMarked
package io.telltale.collector.review.auth;

import org.jspecify.annotations.NullMarked;
