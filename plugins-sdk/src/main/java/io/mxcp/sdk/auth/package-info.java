/**
 * Authentication: adapters to an upstream OAuth/OIDC service ({@link AuthProvider}, the server as authorization
 * server), checkers of bearer tokens an external issuer minted ({@link TokenVerifierProvider}, the server as resource
 * server), and the user they produce.
 */
@Export
@Version("2.1.0")
package io.mxcp.sdk.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
