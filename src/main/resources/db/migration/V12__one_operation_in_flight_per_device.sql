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
