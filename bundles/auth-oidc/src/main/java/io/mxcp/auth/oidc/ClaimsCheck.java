package io.mxcp.auth.oidc;

import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

/**
 * Nimbus's claims check ({@code aud}, {@code iss}, {@code exp}, {@code nbf}, required claims) and one it leaves out:
 * a token issued in the future beyond the clock skew ({@code iat}) was minted by a wrong clock or a forger, and would
 * stay valid longer than its issuer meant.
 */
final class ClaimsCheck extends DefaultJWTClaimsVerifier<SecurityContext> {

    ClaimsCheck(String audience, String issuer) {
        super(Set.of(audience), new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"), null);
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        super.verify(claims, context);
        Date issued = claims.getIssueTime();
        if (issued != null && issued.getTime() > currentTime().getTime() + getMaxClockSkew() * 1000L) {
            throw new BadJWTException("JWT issued in the future (iat " + issued.toInstant() + ")");
        }
    }
}
