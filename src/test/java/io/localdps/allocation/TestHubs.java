package io.localdps.allocation;

import java.util.List;

/** Candidate hubs for allocation tests: weight 1, taking part in the policies, no region, unless said otherwise. */
final class TestHubs {

    private TestHubs() {
    }

    static CandidateHub hub(String hostName) {
        return new CandidateHub(hostName, 1, true, null);
    }

    static CandidateHub hub(String hostName, int weight) {
        return new CandidateHub(hostName, weight, true, null);
    }

    static CandidateHub optedOut(String hostName) {
        return new CandidateHub(hostName, 1, false, null);
    }

    static CandidateHub inRegion(String hostName, String location) {
        return new CandidateHub(hostName, 1, true, location);
    }

    static CandidateHub optedOutInRegion(String hostName, String location) {
        return new CandidateHub(hostName, 1, false, location);
    }

    static List<String> hostNames(List<CandidateHub> hubs) {
        return hubs.stream().map(CandidateHub::hostName).toList();
    }
}
