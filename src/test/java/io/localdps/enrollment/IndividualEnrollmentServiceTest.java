package io.localdps.enrollment;

import io.localdps.attestation.EndorsementKey;
import io.localdps.attestation.TestEndorsementKeys;
import io.localdps.certificate.CertificateParser;
import io.localdps.certificate.TestCertificates;
import io.localdps.certificate.X509CertificateInfo;
import io.localdps.common.AlreadyExistsException;
import io.localdps.common.InvalidInputException;
import io.localdps.common.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating and reading individual enrollments of each attestation type, and what is refused. */
abstract class IndividualEnrollmentServiceTest extends EnrollmentServiceTestBase {

    private static final String KEY_32 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_16 = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

    @Test
    void aSymmetricKeyEnrollmentWithoutKeysGetsTwoGenerated64ByteKeysThatAreStored() {
        IndividualEnrollment created = createIndividual("sensor-0042");

        Attestation.SymmetricKey keys = individuals.get("sensor-0042").attestation().symmetricKey();

        assertThat(keys).isEqualTo(created.attestation().symmetricKey());
        assertThat(Base64.getDecoder().decode(keys.primaryKey())).hasSize(64);
        assertThat(Base64.getDecoder().decode(keys.secondaryKey())).hasSize(64);
        assertThat(keys.primaryKey()).isNotEqualTo(keys.secondaryKey());
        assertThat(individuals.get("sensor-0042").attestationType()).isEqualTo(AttestationType.SYMMETRIC_KEY);
    }

    @Test
    void givenSymmetricKeysAreStoredAsGiven() {
        individuals.create("sensor-1", null, TestAttestations.keys(" " + KEY_32 + " ", KEY_16), TestSettings.defaults());

        assertThat(individuals.get("sensor-1").attestation().symmetricKey())
                .isEqualTo(new Attestation.SymmetricKey(KEY_32, KEY_16));
    }

    @Test
    void anX509EnrollmentStoresTheCertificateAsPemWithItsInfo() {
        TestCertificates.Issued device = TestCertificates.chain("device-7").leaf();

        individuals.create("device-7", null, TestAttestations.clientCertificate(device.base64Der()), TestSettings.defaults());

        IndividualEnrollment found = individuals.get("device-7");
        Attestation.Certificate primary = found.attestation().x509().clientCertificates().primary();
        X509CertificateInfo info = primary.info();
        assertThat(found.attestationType()).isEqualTo(AttestationType.X509);
        assertThat(CertificateParser.parse(primary.certificate()).der()).isEqualTo(device.der());
        assertThat(info).isEqualTo(CertificateParser.parse(device.pem()).info());
        assertThat(info.subjectName()).isEqualTo("CN=device-7, O=" + TestCertificates.ORGANIZATION);
        assertThat(info.issuerName()).startsWith("CN=LocalDPS Test Intermediate CA");
        assertThat(found.attestation().x509().clientCertificates().secondary()).isNull();
    }

    @Test
    void anX509RegistrationIdMatchesTheCommonNameIgnoringCase() {
        individuals.create("Device-8", null, TestAttestations.clientCertificateFor("device-8"), TestSettings.defaults());

        assertThat(individuals.find("device-8")).isPresent();
    }

    @Test
    void aTpmEnrollmentStoresTheEndorsementKey() {
        TestEndorsementKeys ek = TestEndorsementKeys.rsa2048();
        String registrationId = EndorsementKey.parse(ek.base64()).defaultRegistrationId();

        individuals.create(registrationId, null, TestAttestations.tpm(ek), TestSettings.defaults());

        IndividualEnrollment found = individuals.get(registrationId);
        assertThat(found.attestationType()).isEqualTo(AttestationType.TPM);
        assertThat(found.attestation().tpm().endorsementKey()).isEqualTo(ek.base64());
        assertThat(found.attestation().symmetricKey()).isNull();
        assertThat(found.attestation().x509()).isNull();
    }

    @Test
    void theDeviceIdIsStoredAndABlankOneMeansTheRegistrationId() {
        individuals.create("sensor-2", "plant-a-sensor-2", TestAttestations.generatedKeys(), TestSettings.defaults());
        individuals.create("sensor-3", "  ", TestAttestations.generatedKeys(), TestSettings.defaults());

        assertThat(individuals.get("sensor-2").effectiveDeviceId()).isEqualTo("plant-a-sensor-2");
        assertThat(individuals.get("sensor-3").deviceId()).isNull();
        assertThat(individuals.get("sensor-3").effectiveDeviceId()).isEqualTo("sensor-3");
    }

    @Test
    void registrationIdsAreUniqueIgnoringCaseAndKeepTheirOriginalCase() {
        createIndividual("Dev-1");

        assertThatThrownBy(() -> createIndividual("dev-1"))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys(IndividualEnrollmentService.REGISTRATION_ID));
        assertThat(individuals.count()).isEqualTo(1);
        assertThat(individuals.get("DEV-1").registrationId()).isEqualTo("Dev-1");
    }

    @Test
    void anInvalidRegistrationIdIsRefusedAndNothingIsSaved() {
        assertRefusedWithoutSaving(() -> createIndividual("dev 1"), IndividualEnrollmentService.REGISTRATION_ID);
    }

    @Test
    void anInvalidDeviceIdIsRefusedAndNothingIsSaved() {
        assertRefusedWithoutSaving(() -> individuals.create("dev-1", "dev/1", TestAttestations.generatedKeys(),
                TestSettings.defaults()), IndividualEnrollmentService.DEVICE_ID);
    }

    @Test
    void aTooShortSymmetricKeyIsRefusedAndNothingIsSaved() {
        String fifteenBytes = Base64.getEncoder().encodeToString(new byte[15]);

        assertRefusedWithoutSaving(() -> individuals.create("dev-1", null, TestAttestations.keys(fifteenBytes, null),
                TestSettings.defaults()), AttestationNormalizer.PRIMARY_KEY);
    }

    @Test
    void anX509CertificateWhoseCommonNameDiffersFromTheRegistrationIdIsRefused() {
        assertRefusedWithoutSaving(() -> individuals.create("device-9", null,
                TestAttestations.clientCertificateFor("device-10"), TestSettings.defaults()),
                AttestationNormalizer.PRIMARY_CERTIFICATE);
    }

    @Test
    void aCertificateWithoutCommonNameIsRefused() {
        String nameless = TestCertificates.certificate("ignored").withoutCommonName().build().pem();

        assertRefusedWithoutSaving(() -> individuals.create("device-9", null, TestAttestations.clientCertificate(nameless),
                TestSettings.defaults()), AttestationNormalizer.PRIMARY_CERTIFICATE);
    }

    @Test
    void anX509EnrollmentWithoutCertificateIsRefused() {
        assertRefusedWithoutSaving(() -> individuals.create("device-9", null, TestAttestations.clientCertificate(" "),
                TestSettings.defaults()), AttestationNormalizer.PRIMARY_CERTIFICATE);
    }

    @Test
    void aDamagedEndorsementKeyIsRefused() {
        assertRefusedWithoutSaving(() -> individuals.create("tpm-1", null, Attestation.tpm("aGVsbG8gd29ybGQ="),
                TestSettings.defaults()), AttestationNormalizer.ENDORSEMENT_KEY);
    }

    @Test
    void aMissingAttestationIsRefused() {
        assertRefusedWithoutSaving(() -> individuals.create("dev-1", null, null, TestSettings.defaults()),
                AttestationNormalizer.TYPE);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> individuals.create("dev 1", "dev/1", Attestation.tpm("AAAA"),
                TestSettings.settings().hubs("unlinked.azure-devices.net").tags("{\"$bad\": 1}").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        IndividualEnrollmentService.REGISTRATION_ID, IndividualEnrollmentService.DEVICE_ID,
                        AttestationNormalizer.ENDORSEMENT_KEY, SettingsValidator.IOT_HUBS, SettingsValidator.TAGS));
        assertThat(individuals.count()).isZero();
    }

    @Test
    void anUnknownRegistrationIdIsNotFound() {
        assertThat(individuals.find("nobody")).isEmpty();
        assertThat(individuals.find(null)).isEmpty();
        assertThatThrownBy(() -> individuals.get("nobody")).isInstanceOf(NotFoundException.class);
    }

    private void assertRefusedWithoutSaving(Runnable create, String field) {
        createIndividual("already-there");

        assertThatThrownBy(create::run)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey(field));
        assertThat(individuals.count()).isEqualTo(1);
    }
}
