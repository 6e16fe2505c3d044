package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.https.ServiceApiRequest;
import io.localdps.registration.RegistrationRecord;
import io.localdps.registration.RegistrationRecordService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Registration records: service-api.md §2 rows 13–14 (§5); deleting leaves the hub device alone. */
@RestController
class RegistrationStateController {

    static final String ONE = ServiceApiRequest.PREFIX + "/registrations/{registrationId}";

    private final RegistrationRecordService records;

    RegistrationStateController(RegistrationRecordService records) {
        this.records = records;
    }

    @GetMapping(ONE)
    @RequiresRight(AccessRight.REGISTRATION_STATUS_READ)
    ResponseEntity<String> get(@PathVariable String registrationId) {
        RegistrationRecord record = records.get(registrationId);
        return ApiBodies.ok(ApiRegistrationState.of(record), record.etag());
    }

    @DeleteMapping(ONE)
    @RequiresRight(AccessRight.REGISTRATION_STATUS_WRITE)
    ResponseEntity<Void> delete(@PathVariable String registrationId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        records.delete(registrationId, ifMatch);
        return ResponseEntity.noContent().build();
    }
}
