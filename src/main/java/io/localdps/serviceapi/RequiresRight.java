package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The right a service API operation needs (security.md §2.3); every handler method carries one. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface RequiresRight {
    AccessRight value();
}
