/** The REST API under /api/v1 (Armeria annotated services, one class per resource, one error mapper) and its OpenAPI document. */
@NullMarked
package io.telltale.collector.review.api;

import org.jspecify.annotations.NullMarked;
