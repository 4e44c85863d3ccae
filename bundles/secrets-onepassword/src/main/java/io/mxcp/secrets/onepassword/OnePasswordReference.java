package io.mxcp.secrets.onepassword;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.sdk.secrets.SecretResolutionException;

/**
 * An {@code op://<vault>/<item>/<field>[?attribute=otp]} reference (spec 01 §1.9).
 *
 * @param vault     the vault's name or id
 * @param item      the item's name or id
 * @param field     the field's name or id
 * @param oneTimePassword whether the field's current one-time password is asked for ({@code ?attribute=otp})
 */
record OnePasswordReference(String vault, String item, String field, boolean oneTimePassword) {

    private static final Pattern FORM = Pattern.compile("op://([^/]+)/([^/]+)/([^/?]+)(?:\\?attribute=(otp))?");

    static OnePasswordReference parse(String reference) throws SecretResolutionException {
        Matcher parts = FORM.matcher(reference);
        if (!parts.matches()) {
            throw new SecretResolutionException("Invalid 1Password URL format: '" + reference + "'. Expected format: "
                    + "op://vault/item/field or op://vault/item/field?attribute=otp");
        }
        return new OnePasswordReference(parts.group(1), parts.group(2), parts.group(3), parts.group(4) != null);
    }

    /** The secret reference the 1Password CLI reads. */
    String secretReference() {
        return "op://" + vault + "/" + item + "/" + field + (oneTimePassword ? "?attribute=otp" : "");
    }
}
