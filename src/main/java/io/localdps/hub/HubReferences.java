package io.localdps.hub;

import java.util.List;

/**
 * Who names a linked hub in their target hub list. Implemented by the enrollment feature, which
 * depends on this one (and not the other way round).
 */
public interface HubReferences {

    /** Descriptions such as "enrollment group line3-devices", at most {@code limit} of them. */
    List<String> referencing(String hostName, int limit);
}
