-- One operation in flight per device across every node sharing the database (behaviour.md §9: one
-- allocation per device at a time). A read-then-insert cannot promise that when the same device
-- registers through two nodes at the same moment; a unique key can. assigning_key holds the
-- registration key while the operation is assigning and is cleared when it ends, so ended
-- operations (NULL here) never collide.
ALTER TABLE registration_operation ADD COLUMN assigning_key VARCHAR(128);

UPDATE registration_operation SET assigning_key = registration_key
WHERE state = 'ASSIGNING'
  AND id IN (SELECT MAX(id) FROM registration_operation WHERE state = 'ASSIGNING' GROUP BY registration_key);

CREATE UNIQUE INDEX uk_registration_operation_assigning ON registration_operation (assigning_key);

-- The registration quota is decided by one node at a time once it is near: the deciding node locks
-- this row, then counts records and new devices' operations in flight (RegistrationStore).
INSERT INTO instance_setting (setting_name, setting_value) VALUES ('registrationQuotaLock', 'row locked while a node decides on the quota');

-- The optional register-call rate limit as one token bucket for the whole instance, whatever the
-- number of nodes (RegistrationThrottle). A fresh bucket is full: tokens are capped at the limit.
CREATE TABLE registration_rate_bucket (
    id             INTEGER PRIMARY KEY,
    tokens         DOUBLE PRECISION NOT NULL,
    refilled_nanos BIGINT NOT NULL
);
INSERT INTO registration_rate_bucket (id, tokens, refilled_nanos) VALUES (1, 1.0E15, 0);
