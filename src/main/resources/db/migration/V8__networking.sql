-- Networking (security.md §5): public network access and the ordered IP filter rules, one row
-- (id 1) for the instance. ip_filter_rules is a JSON document {"rules":[{filterName, action,
-- ipMask, target}, ...]} in ARM's spelling, in evaluation order; at most 100 rules (checked by
-- the service). version is the optimistic lock, and what other nodes poll to notice a change.

CREATE TABLE network_settings (
    id                    INT            PRIMARY KEY,
    version               BIGINT         NOT NULL,
    public_network_access VARCHAR(16)    NOT NULL,
    ip_filter_rules       VARCHAR(65536) NOT NULL,
    updated               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_network_settings_single_row CHECK (id = 1)
);

INSERT INTO network_settings (id, version, public_network_access, ip_filter_rules, updated)
VALUES (1, 0, 'ENABLED', '{"rules":[]}', CURRENT_TIMESTAMP);
