package io.localdps.admin;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;

/** A console administrator. Only the password hash is stored. */
class AdminAccount {

    @Id
    private Long id;
    @Version
    private Long version;
    private String username;
    private String passwordHash;
    private Instant created;

    @PersistenceCreator
    AdminAccount() {
    }

    AdminAccount(String username, String passwordHash, Instant created) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.created = created;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
