package io.lanes.runtime.ingest;

import java.util.Locale;

/**
 * Picks the verifier the node runs: libsodium where it loads (the fastest measured, see
 * runtime/README.md), else BouncyCastle. The choice is made once per JVM and logged once.
 * {@code -Dlanes.ed25519=bouncycastle} forces the pure-Java one; {@code =libsodium} requires
 * the native one (failing if it is absent); {@code =auto} (the default) prefers native.
 */
public final class Ed25519Verifiers {
    /** System property: {@code auto}, {@code libsodium} or {@code bouncycastle}. */
    public static final String CHOICE_PROPERTY = "lanes.ed25519";
    private static final System.Logger LOG = System.getLogger(Ed25519Verifiers.class.getName());
    private static Ed25519Verifier chosen;

    private Ed25519Verifiers() {
    }

    /** The verifier for this JVM (the same instance on every call). */
    public static synchronized Ed25519Verifier fastestAvailable() {
        if (chosen == null) {
            chosen = choose(System.getProperty(CHOICE_PROPERTY, "auto").toLowerCase(Locale.ROOT));
        }
        return chosen;
    }

    /** libsodium if it loads, else null (nothing logged). */
    public static Ed25519Verifier sodiumOrNull() {
        try {
            return SodiumEd25519Verifier.load();
        } catch (final UnsatisfiedLinkError absent) {
            return null;
        }
    }

    private static Ed25519Verifier choose(final String choice) {
        switch (choice) {
            case "bouncycastle":
                return logChoice(new BouncyCastleEd25519Verifier(), "forced by -D" + CHOICE_PROPERTY);
            case "libsodium": {
                final SodiumEd25519Verifier sodium = SodiumEd25519Verifier.load();
                return logChoice(sodium, "forced by -D" + CHOICE_PROPERTY + ", loaded " + sodium.libraryFile());
            }
            case "auto":
                return chooseAutomatically();
            default:
                throw new IllegalArgumentException(
                    "-D" + CHOICE_PROPERTY + "=" + choice + ": use auto, libsodium or bouncycastle");
        }
    }

    private static Ed25519Verifier chooseAutomatically() {
        try {
            final SodiumEd25519Verifier sodium = SodiumEd25519Verifier.load();
            return logChoice(sodium, "loaded " + sodium.libraryFile());
        } catch (final UnsatisfiedLinkError absent) {
            return logChoice(new BouncyCastleEd25519Verifier(),
                "libsodium not available, the slower pure-Java fallback runs: " + absent.getMessage());
        }
    }

    private static Ed25519Verifier logChoice(final Ed25519Verifier verifier, final String why) {
        LOG.log(System.Logger.Level.INFO, "ed25519 verifier: " + verifier.name() + " (" + why + ")");
        return verifier;
    }
}
