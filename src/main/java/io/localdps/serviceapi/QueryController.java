package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.enrollment.EnrollmentFilter;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.https.ServiceApiRequest;
import io.localdps.registration.RecordFilter;
import io.localdps.registration.RegistrationRecord;
import io.localdps.registration.RegistrationRecordService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries: service-api.md §2 rows 6, 12 and 15, paged as §6. The WHERE clause becomes SQL in the
 * owning feature, so a page is read from the database already filtered.
 */
@RestController
class QueryController {

    private final IndividualEnrollmentService enrollments;
    private final EnrollmentGroupService groups;
    private final RegistrationRecordService records;

    QueryController(IndividualEnrollmentService enrollments, EnrollmentGroupService groups, RegistrationRecordService records) {
        this.enrollments = enrollments;
        this.groups = groups;
        this.records = records;
    }

    @PostMapping(ServiceApiRequest.PREFIX + "/enrollments/{query:(?i)query}")
    @RequiresRight(AccessRight.ENROLLMENT_READ)
    ResponseEntity<String> enrollments(@RequestBody(required = false) String body,
                                       @RequestHeader(name = QueryPage.MAX_ITEM_COUNT, required = false) String maxItemCount,
                                       @RequestHeader(name = QueryPage.CONTINUATION, required = false) String continuation) {
        ServiceQuery query = ServiceQuery.parse(ApiBodies.read(body, QuerySpecification.class).query())
                .requireCollection("enrollments");
        QueryPage page = QueryPage.of(maxItemCount, continuation);
        return page.answer("Enrollment", enrollments.page(EnrollmentFilter.where(query.where()), page.lookAhead()),
                IndividualEnrollment::registrationId, enrollment -> ApiIndividualEnrollment.of(enrollment, records.find(enrollment.registrationId())
                        .filter(record -> record.enrollmentGroupId() == null)
                        .map(ApiRegistrationState::of).orElse(null), false));
    }

    @PostMapping(ServiceApiRequest.PREFIX + "/enrollmentGroups/{query:(?i)query}")
    @RequiresRight(AccessRight.ENROLLMENT_READ)
    ResponseEntity<String> enrollmentGroups(@RequestBody(required = false) String body,
                                            @RequestHeader(name = QueryPage.MAX_ITEM_COUNT, required = false) String maxItemCount,
                                            @RequestHeader(name = QueryPage.CONTINUATION, required = false) String continuation) {
        ServiceQuery query = ServiceQuery.parse(ApiBodies.read(body, QuerySpecification.class).query())
                .requireCollection("enrollmentGroups");
        QueryPage page = QueryPage.of(maxItemCount, continuation);
        return page.answer("EnrollmentGroup", groups.page(EnrollmentFilter.where(query.where()), page.lookAhead()),
                EnrollmentGroup::enrollmentGroupId, group -> ApiEnrollmentGroup.of(group, false));
    }

    /**
     * The body is optional here: the swagger defines none, Java and Node send one (§2 row 15). Java's
     * query builder names the collection {@code deviceRegistrations}; a bare {@code *} means all.
     */
    @PostMapping(ServiceApiRequest.PREFIX + "/registrations/{enrollmentGroupId}/{query:(?i)query}")
    @RequiresRight(AccessRight.REGISTRATION_STATUS_READ)
    ResponseEntity<String> registrations(@PathVariable String enrollmentGroupId, @RequestBody(required = false) String body,
                                         @RequestHeader(name = QueryPage.MAX_ITEM_COUNT, required = false) String maxItemCount,
                                         @RequestHeader(name = QueryPage.CONTINUATION, required = false) String continuation) {
        String text = body == null || body.isBlank() ? null : ApiBodies.read(body, QuerySpecification.class).query();
        ServiceQuery query = text == null || text.isBlank() || text.strip().equals("*") ? new ServiceQuery("registrations", null)
                : ServiceQuery.parse(text).requireCollection("registrations", "deviceRegistrations");
        QueryPage page = QueryPage.of(maxItemCount, continuation);
        return page.answer("DeviceRegistration",
                records.page(RecordFilter.ofGroup(enrollmentGroupId, query.where()), page.lookAhead()),
                RegistrationRecord::registrationId, ApiRegistrationState::of);
    }

    /** QuerySpecification (service-api.md §3.8). */
    record QuerySpecification(String query) {
    }
}
