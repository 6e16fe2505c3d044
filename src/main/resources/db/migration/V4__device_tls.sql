-- The device endpoints' generated TLS material, shared by every node of one database so that
-- all of them present the same CA and server certificate (unused when dps.tls.* is configured).
-- purpose 'ca': the generated device CA, generation 1 only. purpose 'server': the server
-- certificate; the highest generation is current, a new one is issued from the same CA when the
-- host names change. The primary key makes the first node win a race; the others read its row.
-- The private keys are unencrypted PKCS#8 PEM: protect database access and backups accordingly.

CREATE TABLE device_tls_key_pair (
    purpose         VARCHAR(16)    NOT NULL,
    generation      INTEGER        NOT NULL,
    certificate_pem VARCHAR(16384) NOT NULL,
    private_key_pem VARCHAR(16384) NOT NULL,
    created         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_device_tls_key_pair PRIMARY KEY (purpose, generation)
);
