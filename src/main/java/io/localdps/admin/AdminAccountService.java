package io.localdps.admin;

import io.localdps.instance.DpsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The console's administrator account. There is no well-known default password: the password
 * comes from {@code dps.admin.password}, or one is generated on first start, stored hashed and
 * printed once.
 */
@Service
public class AdminAccountService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final DpsProperties properties;
    private final Clock clock;

    AdminAccountService(AdminAccountRepository accounts, PasswordEncoder passwordEncoder,
                        DpsProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Makes sure the configured admin exists with the configured (or a generated) password. */
    @Transactional
    public void ensureAdminAccount() {
        String username = properties.admin().username();
        String configured = properties.admin().password();
        var existing = accounts.findByUsername(username);
        if (configured != null && !configured.isBlank()) {
            AdminAccount account = existing.orElseGet(() -> new AdminAccount(username, "", clock.instant()));
            if (!passwordEncoder.matches(configured, account.passwordHash())) {
                account.changePasswordHash(passwordEncoder.encode(configured));
                accounts.save(account);
            }
            return;
        }
        if (existing.isEmpty()) {
            String generated = generatePassword();
            accounts.save(new AdminAccount(username, passwordEncoder.encode(generated), clock.instant()));
            log.warn("""

                    ================================================================
                     LocalDPS console: a password was generated for user '{}':
                         {}
                     It is shown only this once and stored hashed. Set
                     dps.admin.password (DPS_ADMIN_PASSWORD) to choose your own.
                    ================================================================""", username, generated);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AdminAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(account.username()).password(account.passwordHash()).roles("ADMIN").build();
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
