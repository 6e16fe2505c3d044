package io.localdps.networking;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.localdps.networking.FilterAction.REJECT;
import static io.localdps.networking.FilterTarget.ALL;
import static io.localdps.networking.IpFilterTest.ip;
import static io.localdps.networking.IpFilterTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The race between the background refresh and a save on this node: the refresh reads an older
 * version from the database while the save replaces the rules with a newer one. The repository is
 * a Mockito double only so that the save can be slipped in exactly between the refresh's two reads.
 */
class NetworkAdmissionTest {

    private static final String CLIENT = "203.0.113.7";

    private final NetworkSettingsRepository repository = mock(NetworkSettingsRepository.class);

    @Test
    void aBackgroundRefreshThatReadAnOlderVersionDoesNotRestoreTheRulesASaveOnThisNodeReplaced() {
        AtomicReference<NetworkSettings> row = new AtomicReference<>(settings(1, List.of()));
        when(repository.findById(NetworkSettings.THE_ROW)).thenAnswer(call -> Optional.of(row.get()));
        NetworkAdmission admission = new NetworkAdmission(repository);

        // Another node saved version 2 (no rules); this node's refresh sees the version move...
        when(repository.currentVersion()).thenReturn(2L);
        NetworkSettings version2 = settings(2, List.of());
        NetworkSettings version3 = settings(3, List.of(rule("block", REJECT, CLIENT, ALL)));
        when(repository.findById(NetworkSettings.THE_ROW)).thenAnswer(call -> {
            // ...and while it reads version 2, an admin on this node saves version 3, which applies at once.
            admission.replace(version3);
            return Optional.of(version2);
        });

        admission.refresh();

        assertThat(admission.admits(ip(CLIENT), NetworkEndpoint.DEVICE_API)).as("version 3's rule still applies").isFalse();
    }

    @Test
    void aBackgroundRefreshAppliesANewerVersionSavedByAnotherNode() {
        when(repository.findById(NetworkSettings.THE_ROW)).thenReturn(Optional.of(settings(1, List.of())));
        NetworkAdmission admission = new NetworkAdmission(repository);
        assertThat(admission.admits(ip(CLIENT), NetworkEndpoint.DEVICE_API)).isTrue();

        when(repository.currentVersion()).thenReturn(2L);
        when(repository.findById(NetworkSettings.THE_ROW))
                .thenReturn(Optional.of(settings(2, List.of(rule("block", REJECT, CLIENT, ALL)))));
        admission.refresh();

        assertThat(admission.admits(ip(CLIENT), NetworkEndpoint.DEVICE_API)).isFalse();
    }

    private static NetworkSettings settings(long version, List<IpFilterRule> rules) {
        NetworkSettings settings = new NetworkSettings();
        settings.apply(new NetworkChange(PublicNetworkAccess.ENABLED, rules), Instant.now());
        ReflectionTestUtils.setField(settings, "version", version);
        return settings;
    }
}
