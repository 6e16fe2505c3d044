package io.localdps.enrollment;

import io.localdps.hub.HubReferences;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Tells the hub feature which enrollments name a hub before it is unlinked. */
@Component
class EnrollmentHubReferences implements HubReferences {

    private final EnrollmentGroupService groups;
    private final IndividualEnrollmentService individuals;

    EnrollmentHubReferences(EnrollmentGroupService groups, IndividualEnrollmentService individuals) {
        this.groups = groups;
        this.individuals = individuals;
    }

    @Override
    public List<String> referencing(String hostName, int limit) {
        List<String> names = new ArrayList<>();
        groups.referencingHub(hostName, limit).forEach(id -> names.add("enrollment group " + id));
        individuals.referencingHub(hostName, Math.max(0, limit - names.size()))
                .forEach(id -> names.add("individual enrollment " + id));
        return names;
    }
}
