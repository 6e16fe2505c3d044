package io.localdps.enrollment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Identifier, device ID and webhook rules of behaviour.md §11. Twin rules: {@link TwinSectionRulesTest}. */
class EnrollmentRulesTest {

    private static final String ID_CHARACTERS_MESSAGE = "may contain only letters, digits and - . _ : and must end with a letter, a digit or -.";

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "sensor-0042", "Dev-1", "plant.a_line:3-", "A-", "x:y", "UPPER.lower_9"})
    void registrationIdsOfLettersDigitsAndDashDotUnderscoreColonAreValid(String id) {
        assertThat(EnrollmentRules.registrationIdProblem(id)).isEmpty();
    }

    @Test
    void aRegistrationIdOf128CharactersIsValid() {
        assertThat(EnrollmentRules.registrationIdProblem("r".repeat(128))).isEmpty();
    }

    @Test
    void aRegistrationIdOf129CharactersIsTooLong() {
        assertThat(EnrollmentRules.registrationIdProblem("r".repeat(129)))
                .hasValue("The registration ID can be at most 128 characters long.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingRegistrationIdIsAskedFor(String id) {
        assertThat(EnrollmentRules.registrationIdProblem(id)).hasValue("Enter a registration ID.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev 1", "dev/1", "dév-1", "dev#1", "dev@home", "dev+1", "dev\t1", "dev,1", "dev%3a1", " dev"})
    void registrationIdsWithOtherCharactersAreRefused(String id) {
        assertThat(EnrollmentRules.registrationIdProblem(id)).hasValue("The registration ID " + ID_CHARACTERS_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.", "dev_", "dev:", ".", "_", ":", "dev-1."})
    void registrationIdsMustEndWithALetterDigitOrDash(String id) {
        assertThat(EnrollmentRules.registrationIdProblem(id)).hasValue("The registration ID " + ID_CHARACTERS_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "-dev"})
    void aDashIsAllowedAtTheEnd(String id) {
        assertThat(EnrollmentRules.registrationIdProblem(id)).isEmpty();
    }

    /**
     * behaviour.md §11 lets the implementation choose: Azure's docs only constrain the last
     * character; the stricter swagger reading would refuse these. This pins the lenient choice.
     */
    @ParameterizedTest
    @ValueSource(strings = {".dev", "_dev", ":dev"})
    void aLeadingDotUnderscoreOrColonIsAcceptedBecauseOnlyTheLastCharacterIsConstrained(String id) {
        assertThat(EnrollmentRules.registrationIdProblem(id)).isEmpty();
    }

    @Test
    void groupNamesFollowTheSameRuleWithTheirOwnWording() {
        assertThat(EnrollmentRules.groupNameProblem("line3-devices")).isEmpty();
        assertThat(EnrollmentRules.groupNameProblem("g".repeat(128))).isEmpty();
        assertThat(EnrollmentRules.groupNameProblem("g".repeat(129)))
                .hasValue("The group name can be at most 128 characters long.");
        assertThat(EnrollmentRules.groupNameProblem("line 3")).hasValue("The group name " + ID_CHARACTERS_MESSAGE);
        assertThat(EnrollmentRules.groupNameProblem("line3.")).hasValue("The group name " + ID_CHARACTERS_MESSAGE);
        assertThat(EnrollmentRules.groupNameProblem("")).hasValue("Enter a group name.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void aBlankDeviceIdIsFineBecauseTheRegistrationIdIsUsed(String deviceId) {
        assertThat(EnrollmentRules.deviceIdProblem(deviceId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plant-a-sensor-0042", "Dev:1.2+3%4_5#6*7?8!9(0),a=b@c;d$e'f", "$edgeHub"})
    void deviceIdsMayUseIotHubsSpecialCharacters(String deviceId) {
        assertThat(EnrollmentRules.deviceIdProblem(deviceId)).isEmpty();
    }

    @Test
    void aDeviceIdOf128CharactersIsValidAnd129IsTooLong() {
        assertThat(EnrollmentRules.deviceIdProblem("d".repeat(128))).isEmpty();
        assertThat(EnrollmentRules.deviceIdProblem("d".repeat(129)))
                .hasValue("The device ID can be at most 128 characters long.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev 1", "dev/1", "dév", "dev\"1", "dev&1", "dev<1>", "dev\\1", " dev-1"})
    void deviceIdsWithOtherCharactersAreRefused(String deviceId) {
        assertThat(EnrollmentRules.deviceIdProblem(deviceId)).hasValueSatisfying(
                message -> assertThat(message).startsWith("The device ID may contain only ASCII letters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://alloc.example.com/api/allocate?code=s3cr3t", "http://localhost:7071/api/allocate",
            "HTTPS://ALLOC.EXAMPLE.COM/", "  https://alloc.example.com/api  "})
    void absoluteHttpAndHttpsWebhookUrlsAreValid(String url) {
        assertThat(EnrollmentRules.webhookUrlProblem(url)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aMissingWebhookUrlIsAskedFor(String url) {
        assertThat(EnrollmentRules.webhookUrlProblem(url)).hasValue("Enter the webhook URL that a custom allocation calls.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/allocate", "alloc.example.com/api", "ftp://alloc.example.com/x", "mailto:ops@example.com",
            "file:///etc/passwd", "https:///api/allocate"})
    void relativeOrNonHttpWebhookUrlsAreRefused(String url) {
        assertThat(EnrollmentRules.webhookUrlProblem(url)).hasValueSatisfying(
                message -> assertThat(message).startsWith("Enter an absolute http:// or https:// URL"));
    }

    @Test
    void aWebhookUrlThatIsNoUrlSaysWhy() {
        assertThat(EnrollmentRules.webhookUrlProblem("https://alloc example.com/api")).hasValueSatisfying(
                message -> assertThat(message).startsWith("This is not a valid URL: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-09-01-preview", "2018-11-01", "2019-03-31", "2021-10-01", "2021-11-01-preview", " 2021-10-01 "})
    void apiVersionsFrom2018_09_01_previewOnAreValid(String apiVersion) {
        assertThat(EnrollmentRules.apiVersionProblem(apiVersion)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-11-15", "2018-04-01", "2018-08-31-preview", "2021-10", "v2021-10-01", "2021-10-01-beta", "latest"})
    void olderOrMalformedApiVersionsAreRefused(String apiVersion) {
        assertThat(EnrollmentRules.apiVersionProblem(apiVersion))
                .hasValue("Use an API version like 2021-10-01 (2018-09-01-preview or later).");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingApiVersionIsAskedForWithTheDefaultAsExample(String apiVersion) {
        assertThat(EnrollmentRules.apiVersionProblem(apiVersion))
                .hasValue("Enter the webhook's API version, e.g. 2021-10-01.");
    }
}
