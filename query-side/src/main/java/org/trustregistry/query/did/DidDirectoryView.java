package org.trustregistry.query.did;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of did_directory, as the reads see it: a DID the registry knows, the roles it plays (kept
 * sorted), its service endpoint and metadata, and the public keys it last resolved to. Written by
 * {@link DidDirectoryProjection} with plain SQL.
 */
@Entity
@Table(name = "did_directory")
public class DidDirectoryView {

    @Id
    private String did;
    @Column(name = "did_method")
    private String didMethod;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> roles;
    @Column(name = "service_type")
    private String serviceType;
    @Column(name = "service_endpoint")
    private String serviceEndpoint;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_keys")
    private List<Object> publicKeys;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolution_source")
    private String resolutionSource;
    @Column(name = "resolution_error")
    private String resolutionError;
    @Column(name = "resolution_failed_at")
    private Instant resolutionFailedAt;
    @Column(name = "first_seen_at")
    private Instant firstSeenAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected DidDirectoryView() {
    }

    public String getDid() { return did; }
    public String getDidMethod() { return didMethod; }
    public List<String> getRoles() { return roles; }
    public String getServiceType() { return serviceType; }
    public String getServiceEndpoint() { return serviceEndpoint; }
    public Map<String, Object> getMetadata() { return metadata; }
    public List<Object> getPublicKeys() { return publicKeys; }
    public Instant getResolvedAt() { return resolvedAt; }
    public String getResolutionSource() { return resolutionSource; }
    public String getResolutionError() { return resolutionError; }
    public Instant getResolutionFailedAt() { return resolutionFailedAt; }
    public Instant getFirstSeenAt() { return firstSeenAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
