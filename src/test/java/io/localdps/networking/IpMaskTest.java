package io.localdps.networking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class IpMaskTest {

    @Test
    void aBareAddressIsTheSlash32BlockAndMatchesOnlyItself() {
        IpMask mask = IpMask.of("203.0.113.7");

        assertThat(mask.prefixLength()).isEqualTo(32);
        assertThat(mask.toString()).isEqualTo("203.0.113.7");
        assertThat(mask.contains(address("203.0.113.7"))).isTrue();
        assertThat(mask.contains(address("203.0.113.8"))).isFalse();
    }

    @Test
    void slash0MatchesEveryIpv4Address() {
        IpMask all = IpMask.of("0.0.0.0/0");

        assertThat(all.everything()).isTrue();
        assertThat(all.contains(address("0.0.0.0"))).isTrue();
        assertThat(all.contains(address("255.255.255.255"))).isTrue();
        assertThat(all.contains(address("127.0.0.1"))).isTrue();
    }

    @Test
    void aCidrBlockMatchesItsFirstAndLastAddressAndNothingOutside() {
        IpMask mask = IpMask.of("10.1.0.0/16");

        assertThat(mask.contains(address("10.1.0.0"))).isTrue();
        assertThat(mask.contains(address("10.1.255.255"))).isTrue();
        assertThat(mask.contains(address("10.0.255.255"))).isFalse();
        assertThat(mask.contains(address("10.2.0.0"))).isFalse();
    }

    @Test
    void blocksInTheUpperHalfOfTheAddressSpaceMatchDespiteJavasSignedInts() {
        IpMask mask = IpMask.of("192.168.128.0/17");

        assertThat(mask.contains(address("192.168.200.1"))).isTrue();
        assertThat(mask.contains(address("192.168.127.255"))).isFalse();
    }

    @Test
    void aWiderBlockCoversANarrowerOneInsideItButNotTheOtherWayRound() {
        IpMask wide = IpMask.of("10.0.0.0/8");
        IpMask narrow = IpMask.of("10.20.0.0/16");

        assertThat(wide.covers(narrow)).isTrue();
        assertThat(narrow.covers(wide)).isFalse();
        assertThat(narrow.overlaps(wide)).isTrue();
        assertThat(narrow.overlaps(IpMask.of("10.21.0.0/16"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "10.0.0", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8/8",
            "localhost", "example.com", "::1", "fe80::/10", "10.0.0.0/abc", "1.2.3.4.5"})
    void invalidTextIsAProblemNeverAMask(String text) {
        IpMask.Parsed parsed = IpMask.parse(text);

        assertThat(parsed.mask()).isEmpty();
        assertThat(parsed.problem()).isPresent();
    }

    @Test
    void hostBitsAfterThePrefixAreRefusedWithTheRangeTheAdminProbablyMeant() {
        assertThat(IpMask.parse("192.168.1.77/24").problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("192.168.1.0/24"));
    }

    @Test
    void whitespaceAroundTheTextIsIgnored() {
        assertThat(IpMask.of(" 10.0.0.0/8 ")).isEqualTo(IpMask.of("10.0.0.0/8"));
    }

    @Test
    void ipv4MappedAndLoopbackIpv6ClientsCountAsTheirIpv4AddressOthersAsNone() throws Exception {
        assertThat(IpMask.clientAddress(InetAddress.getByName("::ffff:10.1.2.3"))).contains(address("10.1.2.3"));
        assertThat(IpMask.clientAddress(InetAddress.getByName("::1"))).contains(address("127.0.0.1"));
        assertThat(IpMask.clientAddress(InetAddress.getByName("2001:db8::1"))).isEmpty();
    }

    static int address(String ipv4) {
        return IpMask.of(ipv4).network();
    }
}
