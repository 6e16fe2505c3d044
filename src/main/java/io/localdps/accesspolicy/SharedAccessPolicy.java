package io.localdps.accesspolicy;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A named pair of keys with rights on the service API (security.md §2.3). Aggregate root. Whoever
 * holds one of its keys can sign service SAS tokens for the policy's rights.
 */
public class SharedAccessPolicy {

    public static final String OWNER = "provisioningserviceowner";

    @Id
    private Long id;
    @Version
    private Long version;
    private String keyName;
    private String keyNameKey;
    private String primaryKey;
    private String secondaryKey;
    private String rights;
    private Instant created;
    private Instant updated;

    @PersistenceCreator
    SharedAccessPolicy() {
    }

    SharedAccessPolicy(String keyName, Set<AccessRight> rights, String primaryKey, String secondaryKey, Instant now) {
        this.keyName = keyName;
        this.keyNameKey = keyOf(keyName);
        this.rights = AccessRight.format(rights);
        this.primaryKey = primaryKey;
        this.secondaryKey = secondaryKey;
        this.created = now;
        this.updated = now;
    }

    static String keyOf(String keyName) {
        return keyName.toLowerCase(Locale.ROOT);
    }

    void replaceKey(PolicyKey which, String key, Instant now) {
        if (which == PolicyKey.PRIMARY) {
            primaryKey = key;
        } else {
            secondaryKey = key;
        }
        updated = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public String keyName() {
        return keyName;
    }

    public String primaryKey() {
        return primaryKey;
    }

    public String secondaryKey() {
        return secondaryKey;
    }

    public String key(PolicyKey which) {
        return which == PolicyKey.PRIMARY ? primaryKey : secondaryKey;
    }

    public Set<AccessRight> rights() {
        return AccessRight.parse(rights);
    }

    public boolean grants(AccessRight right) {
        return right.grantedBy(rights());
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }
}
