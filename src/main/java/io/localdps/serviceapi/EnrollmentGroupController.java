package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.https.ServiceApiRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrollment groups: service-api.md §2 rows 7–10. {@link ServiceApiRequest} has already brought
 * {@code /enrollmentgroups} (Node) to this spelling.
 */
@RestController
class EnrollmentGroupController {

    static final String ONE = ServiceApiRequest.PREFIX + "/enrollmentGroups/{enrollmentGroupId}";

    private final EnrollmentGroupService groups;

    EnrollmentGroupController(EnrollmentGroupService groups) {
        this.groups = groups;
    }

    @PutMapping(ONE)
    @RequiresRight(AccessRight.ENROLLMENT_WRITE)
    ResponseEntity<String> put(@PathVariable String enrollmentGroupId, @RequestBody(required = false) String body,
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ApiEnrollmentGroup input = ApiBodies.read(body, ApiEnrollmentGroup.class);
        ApiBodies.requireSameId(EnrollmentGroupService.GROUP_ID, enrollmentGroupId, input.enrollmentGroupId());
        EnrollmentGroup saved = groups.createOrReplace(enrollmentGroupId, ifMatch, input.attestation(), input.settings(),
                input.extras());
        return ApiBodies.ok(ApiEnrollmentGroup.of(saved, true), saved.etag());
    }

    @GetMapping(ONE)
    @RequiresRight(AccessRight.ENROLLMENT_READ)
    ResponseEntity<String> get(@PathVariable String enrollmentGroupId) {
        EnrollmentGroup group = groups.get(enrollmentGroupId);
        return ApiBodies.ok(ApiEnrollmentGroup.of(group, false), group.etag());
    }

    @DeleteMapping(ONE)
    @RequiresRight(AccessRight.ENROLLMENT_WRITE)
    ResponseEntity<Void> delete(@PathVariable String enrollmentGroupId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        groups.delete(enrollmentGroupId, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(ONE + "/{mechanism:(?i)attestationmechanism}")
    @RequiresRight(AccessRight.ENROLLMENT_READ)
    ResponseEntity<String> attestationMechanism(@PathVariable String enrollmentGroupId) {
        return ApiBodies.ok(groups.get(enrollmentGroupId).attestation(), null);
    }
}
