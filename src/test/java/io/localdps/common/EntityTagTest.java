package io.localdps.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** ETags and If-Match as service-api.md §4.1 describes them. */
class EntityTagTest {

    private static final String ETAG = EntityTag.of(26L, 3L);

    @Test
    void anEtagIsQuotedAndMadeOfIdAndVersion() {
        assertThat(ETAG).isEqualTo("\"1a-3\"");
    }

    @Test
    void everyVersionHasItsOwnEtag() {
        assertThat(EntityTag.of(26L, 4L)).isNotEqualTo(ETAG);
        assertThat(EntityTag.of(27L, 3L)).isNotEqualTo(ETAG);
    }

    @Test
    void anUnsavedAggregateHasNoEtag() {
        assertThat(EntityTag.of(null, 0L)).isNull();
        assertThat(EntityTag.of(1L, null)).isNull();
    }

    @Test
    void noIfMatchHeaderIsNoCondition() {
        assertThat(EntityTag.matches(null, ETAG)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1a-3\"", "1a-3", "W/\"1a-3\"", "  \"1a-3\"  ", "W/1a-3"})
    void theSameTagMatchesWithOrWithoutQuotesAndWeakPrefix(String ifMatch) {
        assertThat(EntityTag.matches(ifMatch, ETAG)).isTrue();
    }

    @Test
    void anEtagGivenWithoutQuotesOrAsWeakStillMatchesAQuotedIfMatch() {
        assertThat(EntityTag.matches("\"1a-3\"", "1a-3")).isTrue();
        assertThat(EntityTag.matches("\"1a-3\"", "W/\"1a-3\"")).isTrue();
    }

    @Test
    void aStarMatchesAnyEtag() {
        assertThat(EntityTag.matches("*", ETAG)).isTrue();
        assertThat(EntityTag.matches("\"*\"", ETAG)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1a-2\"", "\"1A-3\"", "\"\"", "1a-3-", "\"1a-3"})
    void anyOtherTagDoesNotMatch(String ifMatch) {
        assertThat(EntityTag.matches(ifMatch, ETAG)).isFalse();
    }

    @Test
    void aConcreteTagDoesNotMatchAMissingEtag() {
        assertThat(EntityTag.matches("\"1a-3\"", null)).isFalse();
    }
}
