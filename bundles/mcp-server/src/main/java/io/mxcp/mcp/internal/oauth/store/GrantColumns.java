package io.mxcp.mcp.internal.oauth.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The columns that hold an {@link UpstreamGrant}, the same in {@code auth_codes} and {@code sessions}: the user as
 * {@code user_info} JSON, the upstream tokens sealed, their expiry and scopes. The user's external token is rebuilt
 * from the upstream access token (it is that token) rather than stored twice.
 */
final class GrantColumns {

    /** The column names, in the order of {@link #values}. */
    static final String NAMES =
            "provider, user_info, provider_access_token, provider_refresh_token, provider_expires_at, upstream_scopes";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?";

    private final SecretColumns secrets;

    GrantColumns(SecretColumns secrets) {
        this.secrets = secrets;
    }

    /** The column values of a grant, in the order of {@link #NAMES}. */
    List<Object> values(UpstreamGrant grant) {
        return Arrays.asList(Objects.requireNonNullElse(grant.user().provider(), ""),
                StoreJson.userInfo(grant.user()), secrets.seal(grant.upstreamAccessToken()),
                secrets.seal(grant.upstreamRefreshToken()), EpochSeconds.of(grant.upstreamExpiresAt()),
                StoreJson.list(grant.upstreamScopes()));
    }

    /** The grant of the current row. */
    UpstreamGrant read(ResultSet row) throws SQLException, UnreadableRowException {
        String accessToken = secrets.unseal(row.getString("provider_access_token"));
        String refreshToken = secrets.unseal(row.getString("provider_refresh_token"));
        String scopes = row.getString("upstream_scopes");
        return new UpstreamGrant(StoreJson.user(row.getString("user_info"), accessToken), accessToken, refreshToken,
                EpochSeconds.read(row, "provider_expires_at"),
                scopes == null ? List.of() : StoreJson.list(scopes, "upstream_scopes"));
    }
}
