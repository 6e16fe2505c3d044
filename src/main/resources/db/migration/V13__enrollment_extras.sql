-- Service API fields LocalDPS stores and echoes without acting on them (service-api.md §3.1, §3.2):
-- optionalDeviceInformation (a TwinCollection, individual enrollments only) and
-- clientCertificateIssuancePolicy ({"certificateAuthorityName": ...}, 2021-11-01-preview), both as
-- JSON text; null when the creator sent none.

ALTER TABLE individual_enrollment ADD COLUMN optional_device_information VARCHAR(65536);
ALTER TABLE individual_enrollment ADD COLUMN client_certificate_issuance_policy VARCHAR(512);
ALTER TABLE enrollment_group ADD COLUMN client_certificate_issuance_policy VARCHAR(512);
