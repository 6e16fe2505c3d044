package io.localdps.console.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.localdps.certificate.CertificateParser;
import io.localdps.certificate.InvalidCertificateException;
import io.localdps.certificate.ParsedCertificate;
import io.localdps.certificate.X509CertificateInfo;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A certificate file picker (.pem, or .cer in DER or base64). The file is parsed as soon as it
 * arrives: the field shows the subject and thumbprint, or why the file is not a certificate.
 * Its value is the certificate as PEM text (empty when none or invalid).
 */
public class CertificateField extends CustomField<String> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Span summary = new Span("No file chosen.");
    private final boolean required;
    private String pem = "";
    private String fileProblem;

    public CertificateField(String label, boolean required) {
        super("");
        this.required = required;
        setLabel(label);
        setRequiredIndicatorVisible(required);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> accept(metadata.fileName(), bytes)))));
        upload.setAcceptedFileTypes(".pem", ".cer", ".crt", ".der");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(64 * 1024);
        upload.setDropAllowed(true);
        upload.addFileRemovedListener(removed -> clearCertificate());
        upload.addFileRejectedListener(rejected -> reject(rejected.getErrorMessage()));
        summary.addClassName("dps-note");
        add(new Div(upload, summary));
    }

    private void accept(String fileName, byte[] bytes) {
        try {
            ParsedCertificate certificate = CertificateParser.parse(bytes);
            pem = certificate.pem();
            fileProblem = null;
            summary.setText(fileName + ": " + describe(certificate.info()));
            setInvalid(false);
        } catch (InvalidCertificateException e) {
            reject(fileName + ": " + e.getMessage());
            summary.setText("");
        }
        updateValue();
    }

    private void reject(String message) {
        pem = "";
        fileProblem = message;
        setErrorMessage(message);
        setInvalid(true);
        updateValue();
    }

    private void clearCertificate() {
        pem = "";
        fileProblem = null;
        summary.setText("No file chosen.");
        updateValue();
    }

    /** Shows what was uploaded, or marks the field invalid; true when the field is valid. */
    public boolean validate() {
        if (fileProblem != null) {
            setErrorMessage(fileProblem);
            setInvalid(true);
            return false;
        }
        if (required && pem.isEmpty()) {
            setErrorMessage("Upload a certificate file (.pem or .cer).");
            setInvalid(true);
            return false;
        }
        setInvalid(false);
        return true;
    }

    public static String describe(X509CertificateInfo info) {
        return info.subjectName() + " · SHA-1 " + info.sha1Thumbprint() + " · expires " + DATE.format(info.notAfterUtc());
    }

    @Override
    protected String generateModelValue() {
        return pem;
    }

    @Override
    protected void setPresentationValue(String value) {
        pem = value == null ? "" : value;
        if (pem.isEmpty()) {
            summary.setText("No file chosen.");
        } else {
            summary.setText(describe(CertificateParser.parse(pem.getBytes(StandardCharsets.US_ASCII)).info()));
        }
    }
}
