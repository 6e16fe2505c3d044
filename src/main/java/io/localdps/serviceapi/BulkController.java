package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.common.StaleVersionException;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.https.ServiceApiRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Bulk operations: service-api.md §2 rows 5 and 11, §3.7. Items run one after the other, each in
 * its own transaction of the shared services, so a failed item neither undoes nor blocks the
 * others; only a malformed call as a whole (body, mode, item count) is refused with 400.
 * {@link ServiceApiRequest} has already dropped the C SDK's trailing slash.
 */
@RestController
class BulkController {

    static final int MAX_ITEMS = 10;

    private final IndividualEnrollmentService enrollments;
    private final EnrollmentGroupService groups;

    BulkController(IndividualEnrollmentService enrollments, EnrollmentGroupService groups) {
        this.enrollments = enrollments;
        this.groups = groups;
    }

    @PostMapping(ServiceApiRequest.PREFIX + "/enrollments")
    @RequiresRight(AccessRight.ENROLLMENT_WRITE)
    ResponseEntity<String> enrollments(@RequestBody(required = false) String body) {
        BulkEnrollmentOperation operation = ApiBodies.read(body, BulkEnrollmentOperation.class);
        BulkMode mode = BulkMode.of(operation.mode());
        List<ApiIndividualEnrollment> items = checkedItems(operation.enrollments(), "enrollments");
        BulkResult result = new BulkResult(false);
        for (ApiIndividualEnrollment item : items) {
            try {
                String id = requireId(item.registrationId(), IndividualEnrollmentService.REGISTRATION_ID);
                switch (mode) {
                    case CREATE -> enrollments.create(id, item.deviceId(), item.attestation(), item.settings(), item.extras());
                    case UPDATE -> enrollments.createOrReplace(id, null, item.deviceId(), item.attestation(), item.settings(),
                            item.extras());
                    case UPDATE_IF_MATCH_ETAG -> enrollments.createOrReplace(id, requireEtag(item.etag(), id),
                            item.deviceId(), item.attestation(), item.settings(), item.extras());
                    case DELETE -> enrollments.delete(id, item.etag());
                }
            } catch (RuntimeException e) {
                result.failed(item.registrationId(), e);
            }
        }
        return ApiBodies.ok(result.body(), null);
    }

    @PostMapping(ServiceApiRequest.PREFIX + "/enrollmentGroups")
    @RequiresRight(AccessRight.ENROLLMENT_WRITE)
    ResponseEntity<String> enrollmentGroups(@RequestBody(required = false) String body) {
        BulkEnrollmentGroupOperation operation = ApiBodies.read(body, BulkEnrollmentGroupOperation.class);
        BulkMode mode = BulkMode.of(operation.mode());
        List<ApiEnrollmentGroup> items = checkedItems(operation.enrollmentGroups(), "enrollmentGroups");
        BulkResult result = new BulkResult(true);
        for (ApiEnrollmentGroup item : items) {
            try {
                String id = requireId(item.enrollmentGroupId(), EnrollmentGroupService.GROUP_ID);
                switch (mode) {
                    case CREATE -> groups.create(id, item.attestation(), item.settings(), item.extras());
                    case UPDATE -> groups.createOrReplace(id, null, item.attestation(), item.settings(), item.extras());
                    case UPDATE_IF_MATCH_ETAG -> groups.createOrReplace(id, requireEtag(item.etag(), id),
                            item.attestation(), item.settings(), item.extras());
                    case DELETE -> groups.delete(id, item.etag());
                }
            } catch (RuntimeException e) {
                result.failed(item.enrollmentGroupId(), e);
            }
        }
        return ApiBodies.ok(result.body(), null);
    }

    private static <T> List<T> checkedItems(List<T> items, String field) {
        if (items == null || items.isEmpty()) {
            throw ServiceApiException.badRequest("The bulk operation has no " + field + ".");
        }
        if (items.size() > MAX_ITEMS) {
            throw ServiceApiException.badRequest("A bulk operation takes at most " + MAX_ITEMS + " " + field
                    + "; this one has " + items.size() + ". Nothing was changed.");
        }
        if (items.contains(null)) {
            throw ServiceApiException.badRequest("The " + field + " list holds a null item.");
        }
        return items;
    }

    private static String requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new io.localdps.common.InvalidInputException(field, "The item has no " + field + ".");
        }
        return id;
    }

    /** updateIfMatchETag without an etag cannot match anything (service-api.md §3.7). */
    private static String requireEtag(String etag, String id) {
        if (etag == null || etag.isBlank()) {
            throw new StaleVersionException("The item " + id + " has no etag, which updateIfMatchETag requires.");
        }
        return etag;
    }

    /** BulkEnrollmentOperation (service-api.md §3.7). */
    record BulkEnrollmentOperation(String mode, List<ApiIndividualEnrollment> enrollments) {
    }

    /** BulkEnrollmentGroupOperation (service-api.md §3.7). */
    record BulkEnrollmentGroupOperation(String mode, List<ApiEnrollmentGroup> enrollmentGroups) {
    }
}
