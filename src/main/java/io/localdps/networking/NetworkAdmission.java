package io.localdps.networking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.net.InetAddress;

/**
 * The listeners' view of the networking settings: the compiled {@link IpFilter} in memory, so a
 * connection is judged without touching the database. A save on this node replaces it as soon as
 * it commits; for changes made by other nodes on the same database, each node asks for the
 * settings' version every {@code dps.networking.refresh-interval} (default 5 s) and recompiles
 * when it moved. So a change applies everywhere at most one interval (plus one query) after it
 * was committed. If the database cannot be reached, the last known rules stay in force.
 *
 * <p>Deliberately not transactional: {@link #admits} runs once per connection on network threads.
 */
@Service
public class NetworkAdmission {

    private static final Logger log = LoggerFactory.getLogger(NetworkAdmission.class);

    private final NetworkSettingsRepository settings;
    private volatile Loaded loaded;
    private volatile boolean refreshFailing;

    NetworkAdmission(NetworkSettingsRepository settings) {
        this.settings = settings;
        this.loaded = load();
    }

    /** May this client use this endpoint? A rejected client is told only "unauthorized". */
    public boolean admits(InetAddress client, NetworkEndpoint endpoint) {
        return loaded.filter().admits(client, endpoint);
    }

    /** The rules in force on this node right now. */
    public IpFilter current() {
        return loaded.filter();
    }

    /** Called after this node committed a change: no need to wait for the next poll. */
    void replace(NetworkSettings saved) {
        Loaded next = new Loaded(saved.version(), saved.compile());
        synchronized (this) {
            if (next.version() >= loaded.version()) {
                loaded = next;
            }
        }
    }

    @Scheduled(initialDelayString = "${dps.networking.refresh-interval:5s}", fixedDelayString = "${dps.networking.refresh-interval:5s}")
    void refresh() {
        try {
            long version = settings.currentVersion();
            if (version != loaded.version()) {
                Loaded next = load();
                boolean newer;
                synchronized (this) {
                    // A save on this node may have replaced the rules while this read was under way;
                    // the slower read must not put the older rules back in force.
                    newer = next.version() >= loaded.version();
                    if (newer) {
                        loaded = next;
                    }
                }
                if (newer) {
                    log.info("IP filter changed on another node: version {}, {} rules, public network access {}", next.version(),
                            next.filter().rules().size(), next.filter().publicNetworkAccess().apiName());
                }
            }
            refreshFailing = false;
        } catch (DataAccessException e) {
            if (!refreshFailing) {
                log.warn("Could not read the IP filter rules; the last known rules stay in force: {}", e.getMessage());
            }
            refreshFailing = true;
        }
    }

    private Loaded load() {
        NetworkSettings current = settings.findById(NetworkSettings.THE_ROW)
                .orElseThrow(() -> new IllegalStateException("network_settings has no row 1; was migration V8 applied?"));
        return new Loaded(current.version(), current.compile());
    }

    private record Loaded(long version, IpFilter filter) {
    }
}
