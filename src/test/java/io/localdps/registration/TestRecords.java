package io.localdps.registration;

import io.localdps.enrollment.AttestationType;
import org.springframework.context.ApplicationContext;

import java.time.Instant;

/**
 * Registration records stored directly, for tests of other packages that read them (the service
 * API's queries) and need no real device registration to get there.
 */
public final class TestRecords {

    private TestRecords() {
    }

    /** A record of a device of the group, assigned to the hub or, without one, failed. */
    public static void save(ApplicationContext context, String registrationId, String groupId, String hub) {
        Instant now = Instant.now();
        RegistrationRecord record = new RegistrationRecord(registrationId, groupId, AttestationType.SYMMETRIC_KEY, now);
        if (hub == null) {
            record.ended(RegistrationStatus.FAILED, 400209, "test failure", now);
        } else {
            record.assigned(hub, registrationId, Substatus.INITIAL_ASSIGNMENT, null, now);
        }
        context.getBean(RegistrationRecordRepository.class).save(record);
    }
}
