/**
 * Running LocalDPS as a service: the readiness of the device listeners (next to Spring Boot's own
 * database check) and the live figures the console's Overview draws from the same meters that
 * Prometheus scrapes.
 */
package io.localdps.operations;
