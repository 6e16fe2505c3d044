package io.localdps.audit;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.accesspolicy.PolicyKey;
import io.localdps.accesspolicy.SharedAccessPolicy;
import io.localdps.accesspolicy.SharedAccessPolicyService;
import io.localdps.certificate.CaCertificateFixtures;
import io.localdps.certificate.CaCertificateService;
import io.localdps.certificate.TestCertificates;
import io.localdps.common.AuditActor;
import io.localdps.common.AuditedChange;
import io.localdps.common.InvalidInputException;
import io.localdps.common.PageRequest;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.EnrollmentFixtures;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.InitialTwin;
import io.localdps.enrollment.ProvisioningStatus;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.lab.KeyAlgorithm;
import io.localdps.lab.LabCertificateService;
import io.localdps.testsupport.ServiceTest;
import io.localdps.testsupport.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log on a real database: an entry per committed change, none for a failed one, never a secret. */
@ServiceTest
abstract class AuditLogTest {

    private static final String PRIMARY = "cHJpbWFyeS1zeW1tZXRyaWMta2V5LWZvci1hdWRpdC0xMjM0NTY=";
    private static final String SECONDARY = "c2Vjb25kYXJ5LXN5bW1ldHJpYy1rZXktZm9yLWF1ZGl0LTEyMzQ=";

    @Autowired
    AuditLogService auditLog;
    @Autowired
    IndividualEnrollmentService individuals;
    @Autowired
    EnrollmentGroupService groups;
    @Autowired
    LinkedHubService hubs;
    @Autowired
    CaCertificateService certificates;
    @Autowired
    LabCertificateService lab;
    @Autowired
    SharedAccessPolicyService policies;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startWithAnEmptyLog() {
        TestData.deleteEnrollmentsAndHubs(jdbc);
        jdbc.sql("DELETE FROM lab_certificate").update();
        jdbc.sql("DELETE FROM audit_entry").update();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void creatingASymmetricKeyEnrollmentIsRecordedWithTheSignedInUserAndWithoutItsKeys() {
        signIn("alice");

        individuals.create("audit-device", null, Attestation.symmetricKey(PRIMARY, SECONDARY), EnrollmentSettings.defaults());

        AuditEntry entry = only();
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.action()).isEqualTo(AuditedChange.Action.CREATED);
        assertThat(entry.kind()).isEqualTo(AuditedChange.Kind.INDIVIDUAL_ENROLLMENT);
        assertThat(entry.entityId()).isEqualTo("audit-device");
        assertThat(entry.summary()).contains("registrationId: audit-device", "settings.provisioningStatus: enabled");
        assertThat(entry.details()).contains(AuditRedaction.HIDDEN);
        assertThat(storedRows()).doesNotContain(PRIMARY, SECONDARY);
    }

    @Test
    void anUpdateRecordsTheFieldsThatChanged() {
        IndividualEnrollment created = EnrollmentFixtures.symmetricKeyDevice(individuals, "audit-device");
        EnrollmentSettings disabled = created.settings().withProvisioningStatus(ProvisioningStatus.DISABLED);

        individuals.update("audit-device", created.version(), "edge-device-7", disabled);

        AuditEntry entry = auditLog.page(AuditFilter.none(), PageRequest.first(1)).getFirst();
        assertThat(entry.action()).isEqualTo(AuditedChange.Action.UPDATED);
        assertThat(entry.summary()).isEqualTo("deviceId: — → edge-device-7; settings.provisioningStatus: enabled → disabled");
        assertThat(entry.actor()).isEqualTo(AuditActor.SYSTEM);
    }

    @Test
    void aRefusedSaveLeavesNoEntry() {
        assertThatThrownBy(() -> individuals.create("not a valid id!", null, Attestation.symmetricKey(null, null),
                EnrollmentSettings.defaults())).isInstanceOf(InvalidInputException.class);
        EnrollmentFixtures.symmetricKeyDevice(individuals, "audit-device");
        assertThatThrownBy(() -> EnrollmentFixtures.symmetricKeyDevice(individuals, "AUDIT-device"))
                .hasMessageContaining("already exists");

        assertThat(auditLog.count(AuditFilter.none())).isOne();
    }

    @Test
    void aChangeRolledBackAfterItsSaveTakesItsEntryWithIt() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            EnrollmentFixtures.symmetricKeyDevice(individuals, "rolled-back");
            assertThat(auditLog.count(AuditFilter.none())).as("written in the change's transaction").isOne();
            throw new IllegalStateException("a later step of the same transaction fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(individuals.find("rolled-back")).isEmpty();
        assertThat(auditLog.count(AuditFilter.none())).isZero();
    }

    @Test
    void aWebhookKeepsItsHostButNotItsQueryString() {
        EnrollmentSettings custom = new EnrollmentSettings(ProvisioningStatus.ENABLED, ReprovisionPolicy.MIGRATE,
                AllocationPolicy.CUSTOM, TargetHubs.allLinkedHubs(),
                new CustomAllocationDefinition("https://allocator.example.net/api/allocate?code=FunctionKey123", "2021-10-01"),
                false, InitialTwin.empty());

        groups.create("webhook-group", Attestation.symmetricKey(PRIMARY, SECONDARY), custom);

        assertThat(only().summary()).contains("https://allocator.example.net/api/allocate?(query not recorded)");
        assertThat(storedRows()).doesNotContain("FunctionKey123", PRIMARY, SECONDARY);
    }

    @Test
    void regeneratingAPolicyKeyRecordsThatItHappenedButNeitherKey() {
        SharedAccessPolicy policy = policies.create("audit-policy", java.util.Set.of(AccessRight.ENROLLMENT_READ));
        String oldKey = policy.primaryKey();

        String newKey = policies.regenerate("audit-policy", PolicyKey.PRIMARY).primaryKey();
        try {
            AuditEntry entry = auditLog.page(AuditFilter.none(), PageRequest.first(1)).getFirst();
            assertThat(entry.action()).isEqualTo(AuditedChange.Action.KEY_REGENERATED);
            assertThat(entry.summary()).startsWith("primary key regenerated");
            assertThat(storedRows()).doesNotContain(oldKey, newKey, policy.secondaryKey());
        } finally {
            policies.delete("audit-policy");
        }
    }

    @Test
    void theProofOfPossessionIsRecordedStepByStepWithTheServiceApiPolicyAsActor() {
        try (AuditActor.Scope ignored = AuditActor.actAs(AuditActor.serviceApi("ci-pipeline"))) {
            CaCertificateFixtures.proven(certificates, "audit-ca", TestCertificates.rootCa("Audit Root"));
        }
        certificates.delete("audit-ca", certificates.get("audit-ca").version());

        List<AuditEntry> entries = auditLog.page(AuditFilter.none(), PageRequest.first(10));
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditedChange.Action.DELETED,
                AuditedChange.Action.VERIFIED, AuditedChange.Action.VERIFICATION_CODE_GENERATED, AuditedChange.Action.CREATED);
        assertThat(entries.subList(1, 4)).extracting(AuditEntry::actor).containsOnly("service API (policy ci-pipeline)");
        assertThat(entries.get(1).summary()).contains("verified: false → true");
        assertThat(entries.getFirst().actor()).isEqualTo(AuditActor.SYSTEM);
    }

    @Test
    void entriesOlderThanTheRetentionArePrunedAndRecentOnesStay() {
        hubs.link("audit-recent.azure-devices.net", LinkedHubSettings.defaults());
        jdbc.sql("INSERT INTO audit_entry (occurred, actor, action, entity_kind, entity_id, summary, details) "
                        + "VALUES (:occurred, 'admin', 'CREATED', 'LINKED_HUB', 'audit-ancient.azure-devices.net', 'linked', '{}')")
                .param("occurred", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(400))
                .update();

        assertThat(auditLog.prune()).isEqualTo(1);

        assertThat(auditLog.count(new AuditFilter(AuditedChange.Kind.LINKED_HUB, null, null, null, null))).isEqualTo(1);
        assertThat(storedRows()).contains("audit-recent").doesNotContain("audit-ancient");
    }

    @Test
    void labCertificatesAreRecordedWithoutTheirPrivateKeys() {
        lab.createRootCa("Audit Lab Root", KeyAlgorithm.EC_P256, 30);
        lab.createDeviceCertificate("audit-lab-device", "Audit Lab Root", KeyAlgorithm.EC_P256, 10);

        assertThat(auditLog.count(new AuditFilter(AuditedChange.Kind.LAB_CERTIFICATE, null, null, null, null))).isEqualTo(2);
        String sealed = jdbc.sql("SELECT private_key_encrypted FROM lab_certificate WHERE name_key = 'audit-lab-device'")
                .query(String.class).single();
        assertThat(storedRows()).doesNotContain("PRIVATE KEY", sealed, lab.privateKeyPem("audit-lab-device"));
    }

    @Test
    void theFiltersNarrowByKindActorTextAndTime() {
        signIn("alice");
        hubs.link("audit-hub.azure-devices.net", LinkedHubSettings.defaults());
        signIn("bob");
        EnrollmentFixtures.symmetricKeyGroup(groups, "audit-group");
        Instant later = Instant.now().plusSeconds(3600);

        assertThat(auditLog.page(new AuditFilter(AuditedChange.Kind.LINKED_HUB, null, null, null, null), PageRequest.first(10)))
                .extracting(AuditEntry::entityId).containsExactly("audit-hub.azure-devices.net");
        assertThat(auditLog.page(new AuditFilter(null, "BO", null, null, null), PageRequest.first(10)))
                .extracting(AuditEntry::entityId).containsExactly("audit-group");
        assertThat(auditLog.count(new AuditFilter(null, null, "hub.azure", null, null))).isOne();
        assertThat(auditLog.count(new AuditFilter(null, null, "100%_", null, null))).isZero();
        assertThat(auditLog.count(new AuditFilter(null, null, null, later, null))).isZero();
        assertThat(auditLog.count(new AuditFilter(null, null, null, null, later))).isEqualTo(2);
        assertThat(auditLog.page(AuditFilter.none(), PageRequest.first(10))).extracting(AuditEntry::entityId)
                .as("newest first").containsExactly("audit-group", "audit-hub.azure-devices.net");
    }

    @Test
    void unlinkingAHubAndDeletingEnrollmentsInBulkAreRecordedOneByOne() {
        hubs.link("audit-hub.azure-devices.net", LinkedHubSettings.defaults());
        EnrollmentFixtures.symmetricKeyDevice(individuals, "bulk-1");
        EnrollmentFixtures.symmetricKeyDevice(individuals, "bulk-2");

        individuals.delete(List.of("bulk-1", "bulk-2"));
        hubs.unlink("audit-hub.azure-devices.net");

        assertThat(auditLog.page(new AuditFilter(null, null, null, null, null), PageRequest.first(3)))
                .extracting(entry -> entry.action() + " " + entry.entityId())
                .containsExactlyInAnyOrder("DELETED audit-hub.azure-devices.net", "DELETED bulk-1", "DELETED bulk-2");
    }

    private AuditEntry only() {
        List<AuditEntry> entries = auditLog.page(AuditFilter.none(), PageRequest.first(10));
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    /** Every stored column of every entry, as the database holds it. */
    private String storedRows() {
        return String.join("\n", jdbc.sql("SELECT actor, action, entity_kind, entity_id, summary, details FROM audit_entry")
                .query((rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list());
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }
}
