package io.localdps.admin;

import io.localdps.instance.DpsProperties;
import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console administrator: the context starts with {@code dps.admin.password} set (see
 * {@link ServiceTest}); other configurations are tried with service instances of their own.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
abstract class AdminAccountServiceTest {

    private static final String OPERATOR = "operator";

    @Autowired
    AdminAccountService adminAccounts;
    @Autowired
    AdminAccountRepository repository;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void onlyTheConfiguredAdminExists() {
        jdbc.sql("DELETE FROM admin_account WHERE username <> :admin").param("admin", ServiceTest.ADMIN).update();
    }

    @Test
    void theConfiguredAdminIsStoredWithAHashThatMatchesTheConfiguredPassword() {
        UserDetails admin = adminAccounts.loadUserByUsername(ServiceTest.ADMIN);

        assertThat(admin.getUsername()).isEqualTo(ServiceTest.ADMIN);
        assertThat(passwordEncoder.matches(ServiceTest.ADMIN_PASSWORD, admin.getPassword())).isTrue();
        assertThat(passwordEncoder.matches("wrong-password", admin.getPassword())).isFalse();
        assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain(ServiceTest.ADMIN_PASSWORD);
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> adminAccounts.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void aChangedConfiguredPasswordReplacesTheStoredHashOnTheNextStart() {
        service(OPERATOR, "first-password-123").ensureAdminAccount();
        String firstHash = adminAccounts.loadUserByUsername(OPERATOR).getPassword();

        service(OPERATOR, "second-password-456").ensureAdminAccount();

        String secondHash = adminAccounts.loadUserByUsername(OPERATOR).getPassword();
        assertThat(secondHash).isNotEqualTo(firstHash);
        assertThat(passwordEncoder.matches("second-password-456", secondHash)).isTrue();
        assertThat(passwordEncoder.matches("first-password-123", secondHash)).isFalse();
    }

    @Test
    void anUnchangedConfiguredPasswordKeepsTheStoredHash() {
        service(OPERATOR, "same-password-789").ensureAdminAccount();
        String hash = adminAccounts.loadUserByUsername(OPERATOR).getPassword();

        service(OPERATOR, "same-password-789").ensureAdminAccount();

        assertThat(adminAccounts.loadUserByUsername(OPERATOR).getPassword()).isEqualTo(hash);
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void withoutConfiguredPasswordOneIsGeneratedShownOnceAndStoredOnlyHashed(CapturedOutput output) {
        service(OPERATOR, null).ensureAdminAccount();

        String generated = generatedPasswordIn(output.getAll());
        String hash = adminAccounts.loadUserByUsername(OPERATOR).getPassword();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(hash).startsWith("{bcrypt}").isNotEqualTo(generated).doesNotContain(generated);
        assertThat(passwordEncoder.matches(generated, hash)).isTrue();
    }

    @Test
    void aGeneratedPasswordIsKeptOnTheNextStart(CapturedOutput output) {
        service(OPERATOR, " ").ensureAdminAccount();
        String hash = adminAccounts.loadUserByUsername(OPERATOR).getPassword();
        int printedLength = output.getAll().length();

        service(OPERATOR, null).ensureAdminAccount();

        assertThat(adminAccounts.loadUserByUsername(OPERATOR).getPassword()).isEqualTo(hash);
        assertThat(output.getAll().substring(printedLength)).doesNotContain("a password was generated");
    }

    private AdminAccountService service(String username, String password) {
        DpsProperties properties = new DpsProperties("./data", null, "localhost", "localhost",
                new DpsProperties.Admin(username, password));
        return new AdminAccountService(repository, passwordEncoder, properties, clock);
    }

    private static String generatedPasswordIn(String output) {
        Matcher matcher = Pattern.compile("a password was generated for user '" + OPERATOR + "':\\s+(\\S+)").matcher(output);
        assertThat(matcher.find()).as("the generated password is printed once").isTrue();
        return matcher.group(1);
    }
}
