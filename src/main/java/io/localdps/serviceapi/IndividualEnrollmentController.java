package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.https.ServiceApiRequest;
import io.localdps.registration.RegistrationRecordService;
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

/** Individual enrollments: service-api.md §2 rows 1–4. */
@RestController
class IndividualEnrollmentController {

    static final String ONE = ServiceApiRequest.PREFIX + "/enrollments/{registrationId}";

    private final IndividualEnrollmentService enrollments;
    private final RegistrationRecordService records;

    IndividualEnrollmentController(IndividualEnrollmentService enrollments, RegistrationRecordService records) {
        this.enrollments = enrollments;
        this.records = records;
    }

    @PutMapping(ONE)
    @RequiresRight(AccessRight.ENROLLMENT_WRITE)
    ResponseEntity<String> put(@PathVariable String registrationId, @RequestBody(required = false) String body,
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ApiIndividualEnrollment input = ApiBodies.read(body, ApiIndividualEnrollment.class);
        ApiBodies.requireSameId(IndividualEnrollmentService.REGISTRATION_ID, registrationId, input.registrationId());
        IndividualEnrollment saved = enrollments.createOrReplace(registrationId, ifMatch, input.deviceId(),
                input.attestation(), input.settings(), input.extras());
        return ApiBodies.ok(present(saved, true), saved.etag());
    }

    @GetMapping(ONE)
    @RequiresRight(AccessRight.ENROLLMENT_READ)
    ResponseEntity<String> get(@PathVariable String registrationId) {
        IndividualEnrollment enrollment = enrollments.get(registrationId);
        return ApiBodies.ok(present(enrollment, false), enrollment.etag());
    }

    @DeleteMapping(ONE)
    @RequiresRight(AccessRight.ENROLLMENT_WRITE)
    ResponseEntity<Void> delete(@PathVariable String registrationId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        enrollments.delete(registrationId, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(ONE + "/{mechanism:(?i)attestationmechanism}")
    @RequiresRight(AccessRight.ENROLLMENT_READ)
    ResponseEntity<String> attestationMechanism(@PathVariable String registrationId) {
        return ApiBodies.ok(enrollments.get(registrationId).attestation(), null);
    }

    ApiIndividualEnrollment present(IndividualEnrollment enrollment, boolean withSecrets) {
        ApiRegistrationState state = records.find(enrollment.registrationId())
                .filter(record -> record.enrollmentGroupId() == null)
                .map(ApiRegistrationState::of).orElse(null);
        return ApiIndividualEnrollment.of(enrollment, state, withSecrets);
    }
}
