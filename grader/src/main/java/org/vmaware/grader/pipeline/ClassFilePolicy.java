package org.vmaware.grader.pipeline;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What compiled student code may refer to, checked in the class files before any of it runs.
 *
 * <p>The JDK has no SecurityManager any more, and code in the graded JVM could otherwise reach the grader's
 * objects through reflection or {@code Unsafe}, read the reference solution from disk, or write a results file.
 * So every class compiled from a student file must live in the lab's own packages and may refer only to the
 * plain Java library a lab needs: {@code java.lang} (without class loaders, processes, reflection or stack
 * walking), {@code java.util} and its concurrency packages, {@code java.math}, {@code java.text}, {@code java.time},
 * in-memory {@code java.io} and {@code java.nio} buffers, and commons-lang3 without its reflection helpers.</p>
 *
 * <pre>
 * refers to                                  verdict
 * java.util.ArrayList, java.lang.StringBuilder  allowed
 * java.lang.System.exit, Runtime.halt        allowed: the grading parent survives them and says what happened
 * java.nio.file.Files, java.io.FileReader    refused: no files
 * java.lang.reflect.Field, Class.forName     refused: no reflection
 * sun.misc.Unsafe, java.lang.ProcessBuilder  refused
 * org.vmaware.grader.GradeBook               refused: not the lab's package
 * </pre>
 *
 * <p>Lambdas and string concatenation compile to {@code invokedynamic} with {@code LambdaMetafactory} and
 * {@code StringConcatFactory}: those are allowed, and so are {@code MethodHandles.lookup()} and its
 * {@code find*} methods, which check access like ordinary Java code does.</p>
 */
public final class ClassFilePolicy {

    private static final List<String> ALLOWED_PREFIXES = List.of("java/util/", "java/math/", "java/text/",
            "java/time/", "java/lang/ref/", "java/nio/charset/", "org/apache/commons/lang3/");
    private static final List<String> REFUSED_PREFIXES = List.of("java/util/logging/", "java/util/prefs/",
            "java/util/jar/", "java/util/zip/", "java/util/spi/", "java/util/ServiceLoader", "java/text/spi/",
            "org/apache/commons/lang3/reflect/", "org/apache/commons/lang3/builder/Reflection",
            "org/apache/commons/lang3/SerializationUtils", "org/apache/commons/lang3/ClassUtils",
            "org/apache/commons/lang3/ClassLoaderUtils", "org/apache/commons/lang3/ThreadUtils",
            "org/apache/commons/lang3/AnnotationUtils", "org/apache/commons/lang3/function/MethodInvokers");
    private static final Set<String> REFUSED_JAVA_LANG = Set.of("ClassLoader", "Module", "ModuleLayer",
            "ModuleLayer$Controller", "ProcessBuilder", "ProcessBuilder$Redirect", "Process", "ProcessHandle",
            "ProcessHandle$Info", "SecurityManager", "StackWalker", "StackWalker$StackFrame", "StackWalker$Option",
            "ThreadGroup", "Compiler", "ClassValue");
    private static final Set<String> ALLOWED_INVOKE = Set.of("LambdaMetafactory", "StringConcatFactory",
            "MethodHandles", "MethodHandles$Lookup", "MethodHandle", "MethodType", "VarHandle", "CallSite",
            "VarHandle$AccessMode");
    private static final Set<String> ALLOWED_IO = Set.of("Serializable", "Closeable", "Flushable", "IOException",
            "UncheckedIOException", "EOFException", "PrintStream", "PrintWriter", "StringWriter", "StringReader",
            "Reader", "Writer", "BufferedReader", "BufferedWriter", "InputStream", "OutputStream",
            "ByteArrayInputStream", "ByteArrayOutputStream", "CharArrayReader", "CharArrayWriter",
            "InputStreamReader", "OutputStreamWriter", "FilterInputStream", "FilterOutputStream",
            "BufferedInputStream", "BufferedOutputStream", "DataInputStream", "DataOutputStream", "DataInput",
            "DataOutput");
    /** Classes where only some methods are allowed: owner to the allowed method names. */
    private static final Map<String, Set<String>> ONLY_METHODS = Map.of(
            "java/lang/System", Set.of("currentTimeMillis", "nanoTime", "arraycopy", "identityHashCode",
                    "lineSeparator", "gc", "exit"),
            "java/lang/Runtime", Set.of("getRuntime", "availableProcessors", "freeMemory", "totalMemory",
                    "maxMemory", "gc", "exit", "halt", "version"),
            "java/lang/Class", Set.of("getName", "getSimpleName", "getTypeName", "getCanonicalName",
                    "getPackageName", "desiredAssertionStatus", "isInstance", "cast", "isArray", "isPrimitive",
                    "isEnum", "isRecord", "isInterface", "getComponentType", "componentType", "isAssignableFrom",
                    "hashCode", "equals", "toString", "getEnumConstants", "arrayType", "descriptorString"),
            "java/lang/invoke/MethodHandles", Set.of("lookup", "publicLookup", "arrayElementVarHandle",
                    "byteArrayViewVarHandle", "byteBufferViewVarHandle", "constant", "identity"),
            "java/lang/invoke/MethodHandles$Lookup", Set.of("findStatic", "findVirtual", "findConstructor",
                    "findVarHandle", "findStaticVarHandle", "findGetter", "findSetter", "findStaticGetter",
                    "findStaticSetter", "lookupClass"));
    /** Methods refused on allowed classes: owner to refused names ({@code <init>(String} opens a file). */
    private static final Map<String, Set<String>> REFUSED_METHODS = Map.of(
            "java/lang/Thread", Set.of("getAllStackTraces", "getContextClassLoader", "setContextClassLoader"),
            "java/lang/Object", Set.of());
    private static final Set<String> FILE_OPENING_CONSTRUCTORS = Set.of("java/io/PrintStream", "java/io/PrintWriter",
            "java/util/Formatter", "java/util/Scanner");

    private ClassFilePolicy() {
    }

    /**
     * Checks the classes compiled from student files.
     *
     * @param classes       the compiled classes of the submission and the given sources
     * @param givenSources  relative paths of the given (non-student) source files, whose classes are the grader's
     * @param studentFiles  relative paths of the student files: their packages are the ones student classes may use
     * @return one line per problem, naming the student file; empty if the classes may run
     */
    public static List<String> check(Path classes, Collection<String> givenSources, Collection<String> studentFiles)
            throws IOException {
        List<String> labPackages = studentFiles.stream()
                .map(f -> f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "").distinct()
                .collect(Collectors.toList());
        Set<String> problems = new LinkedHashSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            ClassFile cls = ClassFile.read(Files.readAllBytes(file));
            String pkg = cls.name.contains("/") ? cls.name.substring(0, cls.name.lastIndexOf('/')) : "";
            String source = cls.sourceFile == null ? cls.name + ".class" : (pkg.isEmpty() ? "" : pkg + "/") + cls.sourceFile;
            if (givenSources.contains(source)) {
                continue;
            }
            String shown = cls.sourceFile == null ? cls.name.replace('/', '.') : cls.sourceFile;
            if (!labPackages.contains(pkg)) {
                problems.add(shown + " declares " + cls.name.replace('/', '.') + " in package "
                        + (pkg.isEmpty() ? "(none)" : pkg.replace('/', '.')) + ", which is not the lab's ("
                        + labPackages.stream().map(p -> p.replace('/', '.')).collect(Collectors.joining(", "))
                        + "): a submission may not add classes to the grader's, the tests' or any other package");
                continue;
            }
            for (String referenced : cls.classes) {
                String refusal = refusedClass(referenced, labPackages);
                if (refusal != null) {
                    problems.add(shown + " uses " + referenced.replace('/', '.') + ": " + refusal);
                }
            }
            for (String[] method : cls.methods) {
                String refusal = refusedMethod(method[0], method[1], method[2], labPackages);
                if (refusal != null) {
                    problems.add(shown + " calls " + method[0].replace('/', '.') + "." + method[1] + ": " + refusal);
                }
            }
        }
        return new ArrayList<>(problems);
    }

    private static String refusedClass(String name, Collection<String> labPackages) {
        String pkg = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
        if (labPackages.contains(pkg)) {
            return null;
        }
        String simple = name.substring(name.lastIndexOf('/') + 1);
        for (String refused : REFUSED_PREFIXES) {
            if (name.startsWith(refused)) {
                return why(name);
            }
        }
        if (pkg.equals("java/lang")) {
            return REFUSED_JAVA_LANG.contains(simple) ? why(name) : null;
        }
        if (pkg.equals("java/lang/invoke")) {
            return ALLOWED_INVOKE.contains(simple) ? null : why(name);
        }
        if (pkg.equals("java/lang/runtime")) {
            return simple.equals("ObjectMethods") || simple.equals("SwitchBootstraps") ? null : why(name);
        }
        if (pkg.equals("java/io")) {
            return ALLOWED_IO.contains(simple) ? null : why(name);
        }
        if (pkg.equals("java/nio")) {
            return null;
        }
        for (String allowed : ALLOWED_PREFIXES) {
            if (name.startsWith(allowed)) {
                return null;
            }
        }
        return why(name);
    }

    private static String refusedMethod(String owner, String name, String descriptor, Collection<String> labPackages) {
        if (refusedClass(owner, labPackages) != null) {
            return null; // already reported as a refused class
        }
        Set<String> only = ONLY_METHODS.get(owner);
        if (only != null && !only.contains(name)) {
            return owner.equals("java/lang/Class") || owner.startsWith("java/lang/invoke/")
                    ? "graded code may not use reflection beyond what ordinary Java access allows"
                    : "graded code may not read the environment or system properties, load native code or change"
                            + " the JVM's streams and hooks";
        }
        Set<String> refused = REFUSED_METHODS.get(owner);
        if (refused != null && refused.contains(name)) {
            return "graded code may not reach other threads' stacks or class loaders";
        }
        if (name.equals("<init>") && FILE_OPENING_CONSTRUCTORS.contains(owner)
                && (descriptor.startsWith("(Ljava/lang/String;") || descriptor.startsWith("(Ljava/io/File;")
                        || descriptor.startsWith("(Ljava/nio/file/Path;"))
                && !(owner.equals("java/util/Scanner") && descriptor.startsWith("(Ljava/lang/String;"))) {
            return "this constructor opens a file, and graded code may not use files";
        }
        return null;
    }

    private static String why(String name) {
        if (name.startsWith("java/lang/reflect/") || name.startsWith("java/lang/invoke/")
                || name.contains("/reflect/") || name.contains("Reflection") || name.endsWith("ClassLoader")
                || name.endsWith("ClassUtils") || name.endsWith("ClassLoaderUtils") || name.endsWith("MethodInvokers")
                || name.endsWith("AnnotationUtils") || name.startsWith("java/lang/StackWalker")) {
            return "graded code may not use reflection or class loaders";
        }
        if (name.startsWith("java/io/") || name.startsWith("java/nio/") || name.contains("Serialization")) {
            return "graded code may not use files, channels or serialization";
        }
        if (name.startsWith("org/vmaware/")) {
            return "graded code may not use the grader's or the tests' classes";
        }
        if (name.startsWith("sun/") || name.startsWith("jdk/") || name.startsWith("com/sun/")) {
            return "graded code may not use the JDK's internal classes";
        }
        if (name.contains("Process") || name.startsWith("java/net/")) {
            return "graded code may not start processes or use the network";
        }
        return "not in the library graded code may use (java.lang, java.util, java.math, java.text, java.time,"
                + " in-memory java.io, commons-lang3)";
    }

    /** The parts of a class file the policy reads: its name, source file, and what it refers to. */
    static final class ClassFile {
        String name;
        String sourceFile;
        final Set<String> classes = new LinkedHashSet<>();
        final List<String[]> methods = new ArrayList<>();

        static ClassFile read(byte[] bytes) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] tag = new int[count];
            int[] first = new int[count];
            int[] second = new int[count];
            for (int i = 1; i < count; i++) {
                tag[i] = in.readUnsignedByte();
                switch (tag[i]) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        first[i] = in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag[i]);
                }
            }
            ClassFile cls = new ClassFile();
            for (int i = 1; i < count; i++) {
                if (tag[i] == 7) {
                    String element = elementClass(utf8[first[i]]);
                    if (element != null) {
                        cls.classes.add(element);
                    }
                } else if (tag[i] == 9 || tag[i] == 10 || tag[i] == 11) {
                    String owner = elementClass(utf8[first[first[i]]]);
                    int nameAndType = second[i];
                    if (owner != null) {
                        cls.classes.add(owner);
                        if (tag[i] != 9) {
                            cls.methods.add(new String[] {owner, utf8[first[nameAndType]], utf8[second[nameAndType]]});
                        }
                    }
                }
            }
            in.readUnsignedShort();
            cls.name = utf8[first[in.readUnsignedShort()]];
            in.readUnsignedShort();
            int interfaces = in.readUnsignedShort();
            for (int i = 0; i < interfaces; i++) {
                in.readUnsignedShort();
            }
            for (int members = 0; members < 2; members++) {
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    in.readUnsignedShort();
                    in.readUnsignedShort();
                    in.readUnsignedShort();
                    skipAttributes(in);
                }
            }
            int attributes = in.readUnsignedShort();
            for (int i = 0; i < attributes; i++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if ("SourceFile".equals(attribute)) {
                    cls.sourceFile = utf8[in.readUnsignedShort()];
                } else {
                    in.skipNBytes(length);
                }
            }
            return cls;
        }

        private static void skipAttributes(DataInputStream in) throws IOException {
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                in.readUnsignedShort();
                in.skipNBytes(in.readInt());
            }
        }

        /** The class an entry names, arrays unwrapped; null for an array of primitives. */
        private static String elementClass(String name) {
            String element = name;
            while (element.startsWith("[")) {
                element = element.substring(1);
            }
            if (element.startsWith("L") && element.endsWith(";")) {
                return element.substring(1, element.length() - 1);
            }
            return element.length() == 1 && name.startsWith("[") ? null : element;
        }
    }
}
