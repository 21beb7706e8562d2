package org.trustregistry.server.apikey;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.apikey.ApiKeyState;
import org.trustregistry.query.common.BadQueryException;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.PageResponse;
import org.trustregistry.query.common.Paging;
import org.trustregistry.server.security.Caller;
import org.trustregistry.server.security.Role;
import org.trustregistry.shared.Timestamptz;

/**
 * GET /v2/api-keys[/{id}]: the keys, never a secret (its first characters only). Admins and auditors see
 * every key; a registry owner sees the keys of its own registry (the ones it may revoke and rotate), and
 * a key of another registry is "not found" to it. Filters: role, registryId, status (ACTIVE, REVOKED,
 * EXPIRED); newest first.
 */
@RestController
class ApiKeyQueryController {

    private static final String COLUMNS = "id, name, role, registry_id, key_prefix, created_at, created_by, "
            + "expires_at, last_used_at, rotated_at, previous_secret_valid_until, revoked_at, revoked_by, "
            + "revoke_reason";

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeyQueryController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/v2/api-keys")
    PageResponse<ApiKeyState> list(HttpServletRequest request,
                                   @RequestParam(required = false) String role,
                                   @RequestParam(required = false) UUID registryId,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        PageRequest paging = Paging.of(page, size, Sort.unsorted());
        Instant now = clock.instant();
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (role != null) {
            if (Role.of(role).isEmpty()) {
                throw new BadQueryException("role", "role must be one of admin, registry_owner, auditor");
            }
            where.add("role = ?");
            params.add(role);
        }
        UUID scope = ownRegistry(request);
        if (scope != null) {
            where.add("registry_id = ?");
            params.add(scope);
        }
        if (registryId != null) {
            where.add("registry_id = ?");
            params.add(registryId);
        }
        if (status != null) {
            switch (status) {
                case "ACTIVE" -> {
                    where.add("revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)");
                    params.add(Timestamptz.of(now));
                }
                case "REVOKED" -> where.add("revoked_at IS NOT NULL");
                case "EXPIRED" -> {
                    where.add("revoked_at IS NULL AND expires_at <= ?");
                    params.add(Timestamptz.of(now));
                }
                default -> throw new BadQueryException("status", "status must be one of ACTIVE, REVOKED, EXPIRED");
            }
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM api_keys" + condition).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.getPageSize());
        pageParams.add(paging.getOffset());
        List<ApiKeyState> items = jdbc.sql("SELECT " + COLUMNS + " FROM api_keys" + condition
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, row) -> read(rs, now))
                .list();
        int pages = (int) ((total + paging.getPageSize() - 1) / paging.getPageSize());
        return new PageResponse<>(items, new PageResponse.PageInfo(paging.getPageNumber(), paging.getPageSize(),
                total, pages));
    }

    @GetMapping("/v2/api-keys/{id}")
    ApiKeyState get(HttpServletRequest request, @PathVariable UUID id) {
        UUID scope = ownRegistry(request);
        Instant now = clock.instant();
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")
                .param(id)
                .query((rs, row) -> read(rs, now))
                .optional()
                .filter(key -> scope == null || scope.equals(key.registryId()))
                .orElseThrow(() -> new NotFoundException("API key " + id + " does not exist"));
    }

    /** A registry owner's registry: its view is limited to it. */
    private static UUID ownRegistry(HttpServletRequest request) {
        if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller && caller.role() == Role.REGISTRY_OWNER) {
            return caller.registryId();
        }
        return null;
    }

    private static ApiKeyState read(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = Timestamptz.read(rs, "expires_at");
        Instant revokedAt = Timestamptz.read(rs, "revoked_at");
        return new ApiKeyState(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("role"),
                rs.getObject("registry_id", UUID.class), rs.getString("key_prefix"),
                ApiKeyState.status(now, expiresAt, revokedAt), Timestamptz.read(rs, "created_at"),
                rs.getString("created_by"), expiresAt, Timestamptz.read(rs, "last_used_at"),
                Timestamptz.read(rs, "rotated_at"), Timestamptz.read(rs, "previous_secret_valid_until"), revokedAt,
                rs.getString("revoked_by"), rs.getString("revoke_reason"));
    }
}
