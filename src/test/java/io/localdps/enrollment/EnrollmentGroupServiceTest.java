package io.localdps.enrollment;

import io.localdps.attestation.SymmetricKeys;
import io.localdps.certificate.CertificateParser;
import io.localdps.certificate.TestCertificates;
import io.localdps.common.AlreadyExistsException;
import io.localdps.common.InvalidInputException;
import io.localdps.common.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating and reading enrollment groups, their device keys, and what is refused. */
abstract class EnrollmentGroupServiceTest extends EnrollmentServiceTestBase {

    @Test
    void aSymmetricKeyGroupWithoutKeysGetsTwoGenerated64ByteKeysThatAreStored() {
        EnrollmentGroup created = createGroup("line3-devices");

        EnrollmentGroup found = groups.get("line3-devices");

        assertThat(found.attestationType()).isEqualTo(AttestationType.SYMMETRIC_KEY);
        assertThat(found.attestation().symmetricKey()).isEqualTo(created.attestation().symmetricKey());
        assertThat(Base64.getDecoder().decode(found.attestation().symmetricKey().primaryKey())).hasSize(64);
        assertThat(Base64.getDecoder().decode(found.attestation().symmetricKey().secondaryKey())).hasSize(64);
    }

    @Test
    void deviceKeysAreTheGroupKeysDerivedWithTheRegistrationIdAsGiven() {
        Attestation.SymmetricKey keys = createGroup("line3-devices").attestation().symmetricKey();

        EnrollmentGroupService.DerivedDeviceKeys derived = groups.deviceKeys("LINE3-devices", "Sensor-1");

        assertThat(derived.primaryKey()).isEqualTo(SymmetricKeys.deriveDeviceKey(keys.primaryKey(), "Sensor-1"));
        assertThat(derived.secondaryKey()).isEqualTo(SymmetricKeys.deriveDeviceKey(keys.secondaryKey(), "Sensor-1"));
        assertThat(derived.primaryKey()).isNotEqualTo(groups.deviceKeys("line3-devices", "sensor-1").primaryKey());
    }

    @Test
    void deviceKeysNeedAValidRegistrationIdAndASymmetricKeyGroup() {
        createGroup("line3-devices");
        groups.create("x509-devices", TestAttestations.signingCertificate(TestCertificates.rootCa("Root").pem()),
                TestSettings.defaults());

        assertThatThrownBy(() -> groups.deviceKeys("line3-devices", "bad id")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> groups.deviceKeys("x509-devices", "sensor-1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> groups.deviceKeys("nobody", "sensor-1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anX509GroupStoresItsSigningCertificateWithInfo() {
        TestCertificates.Chain chain = TestCertificates.chain("unused-device");

        groups.create("x509-devices", TestAttestations.signingCertificate(chain.intermediate().base64Pem()),
                TestSettings.defaults());

        EnrollmentGroup found = groups.get("x509-devices");
        Attestation.Certificate primary = found.attestation().x509().signingCertificates().primary();
        assertThat(found.attestationType()).isEqualTo(AttestationType.X509);
        assertThat(found.attestation().x509().clientCertificates()).isNull();
        assertThat(CertificateParser.parse(primary.certificate()).der()).isEqualTo(chain.intermediate().der());
        assertThat(primary.info()).isEqualTo(CertificateParser.parse(chain.intermediate().der()).info());
        assertThat(primary.info().subjectName()).isEqualTo("CN=LocalDPS Test Intermediate CA, O=" + TestCertificates.ORGANIZATION);
    }

    @Test
    void groupNamesAreUniqueIgnoringCase() {
        createGroup("Line3-Devices");

        assertThatThrownBy(() -> createGroup("line3-devices"))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys(EnrollmentGroupService.GROUP_ID));
        assertThat(groups.count()).isEqualTo(1);
        assertThat(groups.get("LINE3-DEVICES").enrollmentGroupId()).isEqualTo("Line3-Devices");
    }

    @Test
    void aTpmGroupIsRefusedAndNothingIsSaved() {
        assertRefusedWithoutSaving(() -> groups.create("tpm-devices", TestAttestations.tpm(), TestSettings.defaults()),
                AttestationNormalizer.TYPE);
    }

    @Test
    void aGroupWithDeviceClientCertificatesIsRefused() {
        assertRefusedWithoutSaving(() -> groups.create("x509-devices", TestAttestations.clientCertificateFor("device-1"),
                TestSettings.defaults()), AttestationNormalizer.TYPE);
    }

    @Test
    void aGroupReferringToAnUnknownCaCertificateIsRefused() {
        assertRefusedWithoutSaving(() -> groups.create("ca-devices", Attestation.caReferences("contoso-root", null),
                TestSettings.defaults()), AttestationNormalizer.PRIMARY_CERTIFICATE);
    }

    @Test
    void anInvalidGroupNameIsRefusedAndNothingIsSaved() {
        assertRefusedWithoutSaving(() -> createGroup("line 3."), EnrollmentGroupService.GROUP_ID);
    }

    @Test
    void anUnknownGroupIsNotFound() {
        assertThat(groups.find("nobody")).isEmpty();
        assertThat(groups.find(null)).isEmpty();
        assertThatThrownBy(() -> groups.get("nobody")).isInstanceOf(NotFoundException.class);
    }

    private void assertRefusedWithoutSaving(Runnable create, String field) {
        createGroup("already-there");

        assertThatThrownBy(create::run)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey(field));
        assertThat(groups.count()).isEqualTo(1);
    }
}
