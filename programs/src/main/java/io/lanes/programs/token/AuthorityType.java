package io.lanes.programs.token;

/** The authority a {@code SetAuthority} instruction changes, with SPL Token's wire values. */
public enum AuthorityType {
    /** Authority to mint new tokens (on a mint). */
    MintTokens,
    /** Authority to freeze token accounts (on a mint). */
    FreezeAccount,
    /** Owner of a token account. */
    AccountOwner,
    /** Authority to close a token account. */
    CloseAccount;

    private static final AuthorityType[] VALUES = values();

    /** The byte that encodes this type in instruction data. */
    public int wireValue() {
        return ordinal();
    }

    /** The type for a wire value, or null if the value is unknown. */
    static AuthorityType fromWire(final int value) {
        return value >= 0 && value < VALUES.length ? VALUES[value] : null;
    }
}
