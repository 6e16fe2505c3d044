package io.localdps.admin;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

@Component
class AdminBootstrap implements ApplicationRunner {

    private final AdminAccountService accounts;

    AdminBootstrap(AdminAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            accounts.ensureAdminAccount();
        } catch (DataAccessException anotherNodeWasFirst) {
            // Nodes starting together on an empty database race to insert the account (unique
            // username); the loser's transaction is gone, and a second look finds the winner's row.
            accounts.ensureAdminAccount();
        }
    }
}
