package io.lanes.runtime.node;

import io.lanes.runtime.exec.RegisteredProgram;
import io.lanes.sdk.Keypair;
import io.lanes.sdk.program.Program;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Loads a program built against the SDK as a jar of its own ({@code scripts/lanes --program JAR}).
 *
 * <p>The jar names its program class in {@code META-INF/services/io.lanes.sdk.program.Program}
 * (exactly one class with a public no-argument constructor). The program id is the public key of
 * the keypair file beside the jar, as Solana's build leaves {@code NAME.so} and
 * {@code NAME-keypair.json} side by side: {@code counter.jar} takes its id from
 * {@code counter-keypair.json}. The jar gets a class loader of its own: the SDK (and the JDK and
 * Agrona) come from the runtime, so values cross the boundary; every other class is the jar's own,
 * so two program jars never see each other's classes.
 */
public final class ExternalPrograms {
    public static final long DEFAULT_BASE_COMPUTE_UNITS = 1_000;
    private static final String SERVICE_FILE = "META-INF/services/" + Program.class.getName();

    private ExternalPrograms() {
    }

    /** The keypair file that gives a program jar its id. */
    public static Path keypairFileOf(final Path jar) {
        final String name = jar.getFileName().toString();
        final String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        return jar.resolveSibling(base + "-keypair.json");
    }

    /**
     * @throws IllegalArgumentException with a clear reason if the jar, its keypair or its program class is unusable
     */
    public static RegisteredProgram load(final Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("program jar " + jar + " does not exist");
        }
        final Path keypairFile = keypairFileOf(jar);
        if (!Files.isRegularFile(keypairFile)) {
            throw new IllegalArgumentException("program jar " + jar + " has no id keypair: expected " + keypairFile);
        }
        try {
            final Keypair id = Keypair.readFile(keypairFile);
            final String className = programClassName(jar);
            final URLClassLoader loader = new ProgramClassLoader(jar, ExternalPrograms.class.getClassLoader());
            final Class<?> type = Class.forName(className, true, loader);
            if (!Program.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " in " + jar + " does not implement " + Program.class.getName());
            }
            final Program program = (Program) type.getDeclaredConstructor().newInstance();
            final String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            return new RegisteredProgram(id.publicKey(), name, program, DEFAULT_BASE_COMPUTE_UNITS, true);
        } catch (final IOException | ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot load program jar " + jar + ": " + e, e);
        }
    }

    private static String programClassName(final Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            final ZipEntry entry = file.getEntry(SERVICE_FILE);
            if (entry == null) {
                throw new IllegalArgumentException("program jar " + jar + " lacks " + SERVICE_FILE + " naming its program class");
            }
            try (InputStream input = file.getInputStream(entry)) {
                final List<String> classes = new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .toList();
                if (classes.size() != 1) {
                    throw new IllegalArgumentException(SERVICE_FILE + " in " + jar + " must name exactly one class, names " + classes);
                }
                return classes.get(0);
            }
        }
    }

    /** Child-first for the jar's own classes; the runtime's for the SDK, Agrona and the JDK. */
    private static final class ProgramClassLoader extends URLClassLoader {
        private static final String[] SHARED_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "io.lanes.sdk.", "org.agrona."};

        ProgramClassLoader(final Path jar, final ClassLoader runtime) throws IOException {
            super("lanes-program-" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, runtime);
        }

        @Override
        protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null && !isShared(name)) {
                    try {
                        type = findClass(name);
                    } catch (final ClassNotFoundException notInJar) {
                        type = null;
                    }
                }
                if (type == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        private static boolean isShared(final String name) {
            for (final String prefix : SHARED_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
