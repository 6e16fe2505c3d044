package io.localdps.tls;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The names a server certificate's subjectAltName must hold. Clients verify the host name
 * HTTPS-style (client-compat.md TLS-5), and an IP literal only matches an iPAddress entry, so
 * host names and IP addresses are kept apart. DNS names compare case-insensitively.
 */
record ServerNames(Set<String> dnsNames, Set<String> ipAddresses) {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    ServerNames {
        dnsNames = Set.copyOf(new TreeSet<>(dnsNames));
        ipAddresses = Set.copyOf(new TreeSet<>(ipAddresses));
    }

    /**
     * What the generated certificate covers: the device host devices dial, the service host (the
     * service API shares the HTTPS port), and the loopback names for local tools.
     */
    static ServerNames forHosts(String deviceHost, String serviceHost) {
        return of(Stream.of(deviceHost, serviceHost, "localhost", "127.0.0.1", "::1"));
    }

    static ServerNames of(Stream<String> hosts) {
        Set<String> dns = new TreeSet<>();
        Set<String> ips = new TreeSet<>();
        hosts.filter(host -> host != null && !host.isBlank()).map(String::trim).forEach(host -> {
            String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (isIpLiteral(literal)) {
                ips.add(normalisedIp(literal));
            } else {
                dns.add(host.toLowerCase(Locale.ROOT));
            }
        });
        return new ServerNames(dns, ips);
    }

    /** The subjectAltName entries of a certificate (DNS and IP only). */
    static ServerNames of(X509Certificate certificate) {
        Set<String> dns = new TreeSet<>();
        Set<String> ips = new TreeSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    int type = (Integer) entry.get(0);
                    if (type == DNS_NAME) {
                        dns.add(((String) entry.get(1)).toLowerCase(Locale.ROOT));
                    } else if (type == IP_ADDRESS) {
                        ips.add(normalisedIp((String) entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return new ServerNames(Set.of(), Set.of());
        }
        return new ServerNames(dns, ips);
    }

    /** True when a certificate with {@code certificateNames} is valid for every name here. */
    boolean coveredBy(ServerNames certificateNames) {
        return certificateNames.ipAddresses.containsAll(ipAddresses)
                && dnsNames.stream().allMatch(name -> certificateNames.dnsNames.stream()
                .anyMatch(pattern -> matches(pattern, name)));
    }

    ServerNames union(ServerNames other) {
        Set<String> dns = new TreeSet<>(dnsNames);
        dns.addAll(other.dnsNames);
        Set<String> ips = new TreeSet<>(ipAddresses);
        ips.addAll(other.ipAddresses);
        return new ServerNames(dns, ips);
    }

    GeneralNames toGeneralNames() {
        Stream<GeneralName> dns = dnsNames.stream().map(name -> new GeneralName(GeneralName.dNSName, name));
        Stream<GeneralName> ips = ipAddresses.stream().map(ip -> new GeneralName(GeneralName.iPAddress, ip));
        return new GeneralNames(Stream.concat(dns, ips).toArray(GeneralName[]::new));
    }

    @Override
    public String toString() {
        return String.join(", ", Stream.concat(dnsNames.stream(), ipAddresses.stream()).toList());
    }

    /** RFC 6125: a wildcard stands for exactly one left-most label (only configured certificates have them). */
    private static boolean matches(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(name);
    }

    private static boolean isIpLiteral(String host) {
        return IPAddress.isValidIPv4(host) || IPAddress.isValidIPv6(host);
    }

    /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1}); only validated literals get here, so nothing is looked up in DNS. */
    private static String normalisedIp(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }
}
