package org.vmaware.grader.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What compiled student code may refer to, checked in the class files before any of it runs. Deny by default.
 *
 * <p>The JDK has no SecurityManager any more, and code in the graded JVM could otherwise reach the grader's
 * objects, read the reference solution from disk, start a process or write a results file. So every class
 * compiled from a student file must live in the lab's own packages and may refer only to what the base list
 * ({@code policy-base.txt} beside this class) and the lab's {@code grading.json} allow:</p>
 * <pre>
 * java.lang.String                 every member of the class
 * java.lang.Thread#start           one member, any descriptor
 * !java.util.Arrays#parallel*      refused, whatever else allows (a trailing * matches names that start so)
 * </pre>
 *
 * <p>Three rules close the routes around a list of names:</p>
 * <ul>
 * <li>A member is judged by the class that declares it: {@code class T extends Thread} then
 * {@code T.getAllStackTraces()} is {@code Thread}'s, found through the compiled classes and the JDK the child
 * runs.</li>
 * <li>{@code invokedynamic} is allowed only with the four bootstraps javac emits at {@code --release 17}
 * (lambdas, string concatenation, records), matched by owner, name and descriptor; dynamic constants never.</li>
 * <li>Every class a descriptor, a constant, a cast or a catch names must be allowed: a method may not even take a
 * {@code Path}.</li>
 * </ul>
 *
 * <p>Classes compiled from the lab's given sources are the grader's and are not checked; their members are open to
 * student code unless the lab denies them (a hook only the tests may call, such as lab04's
 * {@code Scheduling#arm}).</p>
 */
public final class ClassFilePolicy {

    /** The bootstraps javac emits at {@code --release 17}: owner, name and descriptor. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;"
                    + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;",
            "java/lang/invoke/LambdaMetafactory.altMetafactory(Ljava/lang/invoke/MethodHandles$Lookup;"
                    + "Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants(Ljava/lang/invoke/MethodHandles$Lookup;"
                    + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;[Ljava/lang/Object;)"
                    + "Ljava/lang/invoke/CallSite;",
            "java/lang/runtime/ObjectMethods.bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                    + "Ljava/lang/invoke/TypeDescriptor;Ljava/lang/Class;Ljava/lang/String;"
                    + "[Ljava/lang/invoke/MethodHandle;)Ljava/lang/Object;");

    /**
     * Classes every lambda and string concatenation names (the bootstraps' owners and types, in the constant pool and
     * the InnerClasses attribute): they may be named, and none of their members may be used.
     */
    private static final Set<String> NAMED_BY_JAVAC = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods", "java/lang/invoke/MethodHandles",
            "java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodHandle", "java/lang/invoke/MethodType",
            "java/lang/invoke/CallSite", "java/lang/invoke/TypeDescriptor");

    private static final Rules BASE = Rules.parse(readBase());
    private static final String STREAM_SUPPORT = "java/util/stream/StreamSupport";

    private ClassFilePolicy() {
    }

    /**
     * A lab's additions to the base list: {@code "policy": {"allow": [...], "deny": [...]}} in grading.json.
     *
     * @param allow entries added to the base list
     * @param deny  entries refused whatever allows them (given-class hooks, risky members a lab does not need)
     */
    public record LabPolicy(List<String> allow, List<String> deny) {

        /** No additions. */
        public static final LabPolicy NONE = new LabPolicy(List.of(), List.of());

        public LabPolicy {
            allow = List.copyOf(allow);
            deny = List.copyOf(deny);
        }

        /** Reads the {@code policy} node of a grading.json (missing: {@link #NONE}). */
        public static LabPolicy fromJson(JsonNode policy) {
            List<String> allow = new ArrayList<>();
            List<String> deny = new ArrayList<>();
            policy.path("allow").forEach(e -> allow.add(e.asText()));
            policy.path("deny").forEach(e -> deny.add(e.asText()));
            return new LabPolicy(allow, deny);
        }
    }

    /**
     * Checks the classes compiled from student files.
     *
     * @param classes       the compiled classes of the submission and the given sources
     * @param givenSources  relative paths of the given (non-student) source files, whose classes are the grader's
     * @param studentFiles  relative paths of the student files: their packages are the ones student classes may use
     * @param lab           the lab's additions to the base list
     * @return one line per problem, naming the student file, its method and what it referred to; empty if the
     *         classes may run
     */
    public static List<String> check(Path classes, Collection<String> givenSources, Collection<String> studentFiles,
            LabPolicy lab) throws IOException {
        Set<String> labPackages = studentFiles.stream()
                .map(f -> f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "").collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        Map<String, Compiled> compiled = new HashMap<>();
        for (Path file : files) {
            Compiled c = Compiled.read(Files.readAllBytes(file));
            String source = c.sourceFile == null ? c.name + ".class"
                    : (c.packageName().isEmpty() ? "" : c.packageName() + "/") + c.sourceFile;
            c.given = givenSources.contains(source);
            compiled.put(c.name, c);
        }
        Judge judge = new Judge(BASE.with(Rules.parse(lab.allow()), Rules.parse(lab.deny().stream()
                .map(d -> d.startsWith("!") ? d : "!" + d).collect(Collectors.toList()))), compiled);
        Set<String> problems = new LinkedHashSet<>();
        for (Compiled c : compiled.values().stream().sorted((a, b) -> a.name.compareTo(b.name))
                .collect(Collectors.toList())) {
            if (c.given) {
                continue;
            }
            String shown = c.sourceFile == null ? c.name.replace('/', '.') : c.sourceFile;
            if (!labPackages.contains(c.packageName())) {
                problems.add(shown + " declares " + c.name.replace('/', '.') + " in package "
                        + (c.packageName().isEmpty() ? "(none)" : c.packageName().replace('/', '.'))
                        + ", which is not the lab's: a submission may not add classes to the grader's, the tests'"
                        + " or any other package");
                continue;
            }
            Set<String> reported = new HashSet<>();
            for (Reference ref : c.references) {
                String refusal = judge.refusal(ref);
                if (refusal != null && reported.add(refusal)) {
                    problems.add(shown + ", " + ref.where + ": " + refusal);
                }
            }
        }
        return new ArrayList<>(problems);
    }

    /** The base list, as the grader ships it. */
    static List<String> baseEntries() {
        return readBase();
    }

    private static List<String> readBase() {
        try (InputStream in = ClassFilePolicy.class.getResourceAsStream("policy-base.txt")) {
            if (in == null) {
                throw new IllegalStateException("policy-base.txt is missing from the grader");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Allowed and refused classes and members, in internal names ({@code java/lang/Thread#start}). */
    record Rules(Set<String> classes, Set<String> members, Set<String> referable, Set<String> denied) {

        static Rules parse(List<String> lines) {
            Set<String> classes = new HashSet<>();
            Set<String> members = new HashSet<>();
            Set<String> referable = new HashSet<>();
            Set<String> denied = new HashSet<>();
            for (String raw : lines) {
                String line = raw.contains("#") && raw.strip().startsWith("#") ? "" : raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                boolean deny = line.startsWith("!");
                String entry = internal(deny ? line.substring(1) : line);
                if (deny) {
                    denied.add(entry);
                } else if (entry.contains("#")) {
                    members.add(entry);
                    referable.add(entry.substring(0, entry.indexOf('#')));
                } else {
                    classes.add(entry);
                    referable.add(entry);
                }
            }
            return new Rules(classes, members, referable, denied);
        }

        /** {@code java.lang.Thread#start} to {@code java/lang/Thread#start}; descriptors are left as they are. */
        private static String internal(String entry) {
            int hash = entry.indexOf('#');
            String cls = (hash < 0 ? entry : entry.substring(0, hash)).replace('.', '/');
            return hash < 0 ? cls : cls + entry.substring(hash);
        }

        Rules with(Rules allow, Rules deny) {
            return new Rules(union(classes, allow.classes), union(members, allow.members),
                    union(referable, allow.referable), union(denied, deny.denied));
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> both = new HashSet<>(a);
            both.addAll(b);
            return both;
        }

        boolean deniesClass(String cls) {
            return denied.contains(cls);
        }

        /** Whether {@code cls#name} with this descriptor matches an entry of {@code entries}. */
        static boolean matches(Set<String> entries, String cls, String name, String descriptor) {
            if (entries.contains(cls + "#" + name)) {
                return true;
            }
            for (String entry : entries) {
                if (entry.endsWith("*") && entry.startsWith(cls + "#")
                        && name.startsWith(entry.substring(cls.length() + 1, entry.length() - 1))) {
                    return true;
                }
                if (entry.startsWith(cls + "#" + name + "(") && (name + descriptor).startsWith(
                        entry.substring(cls.length() + 1))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One thing a student class refers to, and where. */
    static final class Reference {
        enum Kind { CLASS, METHOD, FIELD, BOOTSTRAP, DYNAMIC_CONSTANT }

        final Kind kind;
        final String owner;
        final String name;
        final String descriptor;
        final String where;

        Reference(Kind kind, String owner, String name, String descriptor, String where) {
            this.kind = kind;
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.where = where;
        }

        String shown() {
            String cls = owner.replace('/', '.');
            switch (kind) {
                case CLASS:
                    return cls;
                case FIELD:
                    return cls + "." + name;
                case BOOTSTRAP:
                    return "an invokedynamic bootstrap " + cls + "." + name;
                case DYNAMIC_CONSTANT:
                    return "a dynamic constant " + name;
                default:
                    return cls + "." + name + (name.equals("<init>") ? " (a constructor)" : "");
            }
        }
    }

    /** Decides references: the declaring class of each member, then the rules. */
    private static final class Judge {
        private final Rules rules;
        private final Map<String, Compiled> compiled;
        private final Map<String, List<String>> declaring = new HashMap<>();
        private final Map<String, ClassInfo> infos = new HashMap<>();

        Judge(Rules rules, Map<String, Compiled> compiled) {
            this.rules = rules;
            this.compiled = compiled;
        }

        String refusal(Reference ref) {
            switch (ref.kind) {
                case DYNAMIC_CONSTANT:
                    return "a dynamic constant is refused: javac does not emit them, and graded code may not use them";
                case BOOTSTRAP:
                    return BOOTSTRAPS.contains(ref.owner + "." + ref.name + ref.descriptor) ? null
                            : ref.shown() + " is refused: invokedynamic is allowed only for lambdas, string"
                                    + " concatenation and records";
                case CLASS:
                    return classRefusal(ref.owner);
                default:
                    break;
            }
            String ownerRefusal = classRefusal(ref.owner);
            if (ownerRefusal != null) {
                return ownerRefusal;
            }
            List<String> owners = ref.name.equals("<init>") ? List.of(ref.owner)
                    : declaringClasses(ref.owner, ref.name, ref.descriptor, ref.kind == Reference.Kind.FIELD);
            for (String cls : owners) {
                String refusal = memberRefusal(cls, ref);
                if (refusal != null) {
                    return refusal;
                }
            }
            return null;
        }

        private String memberRefusal(String cls, Reference ref) {
            if (Rules.matches(rules.denied, cls, ref.name, ref.descriptor)) {
                return why(cls, ref.name);
            }
            if (compiled.containsKey(cls)) {
                return null; // a member of the lab's own classes: the student's, or a given one not denied
            }
            if (rules.classes.contains(cls) || Rules.matches(rules.members, cls, ref.name, ref.descriptor)) {
                return null;
            }
            return why(cls, ref.name);
        }

        private String classRefusal(String cls) {
            if (NAMED_BY_JAVAC.contains(cls)) {
                return null;
            }
            if (compiled.containsKey(cls)) {
                return rules.deniesClass(cls) ? "graded code may not use " + cls.replace('/', '.') : null;
            }
            if (rules.deniesClass(cls) || !rules.referable.contains(cls)) {
                return why(cls, null);
            }
            return null;
        }

        /**
         * The classes that may declare the member, found as the JVM resolves it (JVMS 5.4.3.2 and 5.4.3.3): for a
         * method, the owner and its superclasses first, then (for an interface owner, {@code Object}, then) every
         * superinterface's non-static, non-private declaration; for a field, the owner, its superinterfaces, then
         * its superclass. A student's own static method in an interface cannot hide {@code Thread}'s: static
         * interface methods are not inherited. The owner alone if nothing is found.
         */
        private List<String> declaringClasses(String owner, String name, String descriptor, boolean field) {
            String key = owner + "#" + name + descriptor + field;
            List<String> known = declaring.get(key);
            if (known == null) {
                List<String> found = field ? fieldOwner(owner, name, new HashSet<>())
                        : methodOwners(owner, name, descriptor);
                known = found.isEmpty() ? List.of(owner) : found;
                declaring.put(key, known);
            }
            return known;
        }

        private List<String> methodOwners(String owner, String name, String descriptor) {
            ClassInfo start = info(owner);
            if (start == null) {
                return List.of();
            }
            if (!start.isInterface()) {
                for (String cls = owner; cls != null; ) {
                    ClassInfo c = info(cls);
                    if (c == null) {
                        break;
                    }
                    if (c.methods().containsKey(name + descriptor)) {
                        return List.of(cls);
                    }
                    cls = c.superName();
                }
            } else {
                if (start.methods().containsKey(name + descriptor)) {
                    return List.of(owner);
                }
                Integer objects = info("java/lang/Object").methods().get(name + descriptor);
                if (objects != null && (objects & Opcodes.ACC_PUBLIC) != 0 && (objects & Opcodes.ACC_STATIC) == 0) {
                    return List.of("java/lang/Object");
                }
            }
            // every superinterface of the owner and of its superclasses: any of their declarations may be chosen
            List<String> candidates = new ArrayList<>();
            Deque<String> queue = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            for (String cls = owner; cls != null; ) {
                ClassInfo c = info(cls);
                if (c == null) {
                    break;
                }
                queue.addAll(c.interfaces());
                cls = c.superName();
            }
            while (!queue.isEmpty()) {
                String cls = queue.poll();
                ClassInfo c = info(cls);
                if (!seen.add(cls) || c == null) {
                    continue;
                }
                Integer access = c.methods().get(name + descriptor);
                if (access != null && (access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0) {
                    candidates.add(cls);
                }
                queue.addAll(c.interfaces());
            }
            return candidates;
        }

        private List<String> fieldOwner(String cls, String name, Set<String> seen) {
            ClassInfo c = info(cls);
            if (c == null || !seen.add(cls)) {
                return List.of();
            }
            if (c.fields().contains(name)) {
                return List.of(cls);
            }
            for (String i : c.interfaces()) {
                List<String> found = fieldOwner(i, name, seen);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return c.superName() == null ? List.of() : fieldOwner(c.superName(), name, seen);
        }

        /** A class's hierarchy and members, from the compiled classes or, for the JDK and libraries, reflection. */
        private ClassInfo info(String cls) {
            if (infos.containsKey(cls)) {
                return infos.get(cls);
            }
            ClassInfo info = null;
            Compiled lab = compiled.get(cls);
            if (lab != null) {
                info = new ClassInfo(lab.superName, lab.interfaces, lab.isInterface, lab.methods, lab.fields);
            } else {
                Class<?> loaded = load(cls);
                if (loaded != null) {
                    info = reflect(loaded);
                }
            }
            infos.put(cls, info);
            return info;
        }

        private static ClassInfo reflect(Class<?> loaded) {
            try {
                Map<String, Integer> methods = new HashMap<>();
                for (Method m : loaded.getDeclaredMethods()) {
                    methods.put(m.getName() + Type.getMethodDescriptor(m), m.getModifiers());
                }
                for (Constructor<?> c : loaded.getDeclaredConstructors()) {
                    methods.put("<init>" + Type.getConstructorDescriptor(c), c.getModifiers());
                }
                Set<String> fields = new HashSet<>();
                for (Field f : loaded.getDeclaredFields()) {
                    fields.add(f.getName());
                }
                List<String> interfaces = new ArrayList<>();
                for (Class<?> i : loaded.getInterfaces()) {
                    interfaces.add(Type.getInternalName(i));
                }
                return new ClassInfo(loaded.getSuperclass() == null ? null
                        : Type.getInternalName(loaded.getSuperclass()), interfaces, loaded.isInterface(), methods,
                        fields);
            } catch (LinkageError | SecurityException e) {
                return null;
            }
        }

        /** A JDK or library class, loaded without initialising it; null if this JVM has none of that name. */
        private static Class<?> load(String internalName) {
            try {
                return Class.forName(internalName.replace('/', '.'), false, ClassFilePolicy.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }
    }

    private static String why(String cls, String member) {
        String name = cls.replace('/', '.') + (member == null ? "" : "." + member);
        String reason;
        if (cls.startsWith("java/lang/reflect/") || cls.startsWith("java/lang/invoke/") || cls.equals("java/lang/Class")
                || cls.contains("ClassLoader") || cls.startsWith("java/lang/StackWalker")
                || cls.startsWith("org/apache/commons/lang3/reflect/") || cls.contains("Reflection")
                || cls.endsWith("EventUtils") || cls.endsWith("ClassUtils")) {
            reason = "graded code may not use reflection, method handles or class loaders";
        } else if (cls.equals("java/lang/System") || cls.equals("java/lang/Runtime") || cls.contains("SystemProperties")
                || cls.contains("SystemUtils") || cls.contains("RuntimeEnvironment")) {
            reason = "graded code may not read the environment or system properties, exit the JVM, or change its"
                    + " streams and hooks";
        } else if (cls.equals("java/lang/Thread") || cls.startsWith("java/lang/Thread") || cls.contains("ThreadUtils")) {
            reason = "graded code may use its own threads, not reach other threads, their stacks or class loaders";
        } else if (cls.startsWith("java/io/") || cls.startsWith("java/nio/")) {
            reason = "graded code may not use files, channels, off-heap buffers or serialization";
        } else if (cls.startsWith("org/vmaware/") || cls.startsWith("org/junit/") || cls.startsWith("org/opentest4j/")) {
            reason = "graded code may not use the grader's or the tests' classes, or a hook only the tests may call";
        } else if (cls.startsWith("sun/") || cls.startsWith("jdk/") || cls.startsWith("com/sun/")) {
            reason = "graded code may not use the JDK's internal classes";
        } else if (cls.contains("Process") || cls.startsWith("java/net/")) {
            reason = "graded code may not start processes or use the network";
        } else if (cls.startsWith("java/util/stream/") || cls.startsWith("java/util/concurrent/")
                || cls.equals("java/util/Arrays") || cls.equals("java/util/Collection")) {
            reason = "graded code may not run work on the common pool (parallel streams, parallel sorts): it runs"
                    + " outside the measured thread";
        } else {
            reason = "not on the list of the plain Java library graded code may use (docs/threat-model.md)";
        }
        return name + " is refused: " + reason;
    }

    /** What member resolution needs of one class. */
    private record ClassInfo(String superName, List<String> interfaces, boolean isInterface,
            Map<String, Integer> methods, Set<String> fields) {
    }

    /** What the policy reads of one compiled class: its hierarchy, its members and every reference it makes. */
    static final class Compiled {
        String name;
        String superName;
        final List<String> interfaces = new ArrayList<>();
        String sourceFile;
        boolean given;
        boolean isInterface;
        /** Declared methods, name and descriptor, to their access flags. */
        final Map<String, Integer> methods = new HashMap<>();
        final Set<String> fields = new HashSet<>();
        final List<Reference> references = new ArrayList<>();

        String packageName() {
            return name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
        }

        static Compiled read(byte[] bytes) {
            Compiled c = new Compiled();
            ClassReader reader = new ClassReader(bytes);
            reader.accept(new Collector(c), 0);
            // Every class the constant pool names, whatever instruction or attribute uses it.
            char[] buffer = new char[reader.getMaxStringLength()];
            for (int i = 1; i < reader.getItemCount(); i++) {
                int offset = reader.getItem(i);
                if (offset > 0 && bytes[offset - 1] == 7) { // CONSTANT_Class
                    c.type(Type.getObjectType(reader.readUTF8(offset, buffer)), "the class's constants");
                } else if (offset > 0 && bytes[offset - 1] == 17) { // CONSTANT_Dynamic
                    c.references.add(new Reference(Reference.Kind.DYNAMIC_CONSTANT, c.name, "(condy)", "",
                            "the class's constants"));
                }
            }
            return c;
        }

        void type(Type type, String where) {
            if (type.getSort() == Type.ARRAY) {
                type(type.getElementType(), where);
            } else if (type.getSort() == Type.OBJECT) {
                references.add(new Reference(Reference.Kind.CLASS, type.getInternalName(), "", "", where));
            } else if (type.getSort() == Type.METHOD) {
                type(type.getReturnType(), where);
                for (Type argument : type.getArgumentTypes()) {
                    type(argument, where);
                }
            }
        }

        void handle(Handle h, String where) {
            boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
            references.add(new Reference(field ? Reference.Kind.FIELD : Reference.Kind.METHOD, h.getOwner(),
                    h.getName(), h.getDesc(), where));
            if (h.getOwner().equals(STREAM_SUPPORT) && h.getDesc().contains("Z)")) {
                // a method reference takes its parallel flag from whoever calls it: never provably false
                references.add(new Reference(Reference.Kind.METHOD, h.getOwner(), h.getName()
                        + " with a parallel flag that is not the constant false", h.getDesc(), where));
            }
            type(Type.getObjectType(h.getOwner()), where);
            type(field ? Type.getType(h.getDesc()) : Type.getMethodType(h.getDesc()), where);
        }

        void constant(Object value, String where) {
            if (value instanceof Type) {
                type((Type) value, where);
            } else if (value instanceof Handle) {
                handle((Handle) value, where);
            } else if (value instanceof ConstantDynamic) {
                references.add(new Reference(Reference.Kind.DYNAMIC_CONSTANT, name, ((ConstantDynamic) value).getName(),
                        "", where));
            }
        }
    }

    /** Collects a class's hierarchy, members and references, naming the method each reference is in. */
    private static final class Collector extends ClassVisitor {
        private final Compiled c;

        Collector(Compiled c) {
            super(Opcodes.ASM9);
            this.c = c;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            c.name = name;
            c.superName = superName;
            c.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            if (superName != null) {
                c.type(Type.getObjectType(superName), "its superclass");
            }
            for (String i : interfaces == null ? new String[0] : interfaces) {
                c.interfaces.add(i);
                c.type(Type.getObjectType(i), "its interfaces");
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            c.sourceFile = source;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            c.fields.add(name);
            c.type(Type.getType(descriptor), "field " + name);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            c.methods.put(name + descriptor, access);
            String where = "method " + name.replace("<init>", "(constructor)").replace("<clinit>", "(static init)");
            if (name.equals("finalize") && descriptor.equals("()V")) {
                // a finalizer runs on the JVM's finalizer thread, outside any check: judged as Object's finalize
                c.references.add(new Reference(Reference.Kind.METHOD, "java/lang/Object", name, descriptor, where));
            }
            c.type(Type.getMethodType(descriptor), where);
            for (String e : exceptions == null ? new String[0] : exceptions) {
                c.type(Type.getObjectType(e), where);
            }
            return new MethodVisitor(Opcodes.ASM9) {
                /** The last instruction's opcode, for StreamSupport's parallel flag. */
                private int previous = -1;

                @Override
                public void visitInsn(int opcode) {
                    previous = opcode;
                }

                @Override
                public void visitVarInsn(int opcode, int var) {
                    previous = opcode;
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    previous = opcode;
                }

                // A jump, or a frame (every jump target has one), means the value on the stack may come from
                // elsewhere: `par ? true : false` ends with ICONST_0 on one branch only.
                @Override
                public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                    previous = -1;
                }

                @Override
                public void visitFrame(int type, int locals, Object[] local, int stack, Object[] onStack) {
                    previous = -1;
                }

                @Override
                public void visitTableSwitchInsn(int min, int max, org.objectweb.asm.Label dflt,
                        org.objectweb.asm.Label... labels) {
                    previous = -1;
                }

                @Override
                public void visitLookupSwitchInsn(org.objectweb.asm.Label dflt, int[] keys,
                        org.objectweb.asm.Label[] labels) {
                    previous = -1;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    c.references.add(new Reference(Reference.Kind.METHOD, elementOwner(owner), method, desc, where));
                    c.type(Type.getMethodType(desc), where);
                    // StreamSupport's streams are sequential only when their last argument is the constant false
                    if (owner.equals(STREAM_SUPPORT) && desc.contains("Z)")
                            && previous != Opcodes.ICONST_0) {
                        c.references.add(new Reference(Reference.Kind.METHOD, owner, method
                                + " with a parallel flag that is not the constant false", desc, where));
                    }
                    previous = opcode;
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                    previous = -1;
                    c.references.add(new Reference(Reference.Kind.FIELD, elementOwner(owner), field, desc, where));
                    c.type(Type.getType(desc), where);
                }

                @Override
                public void visitInvokeDynamicInsn(String indyName, String desc, Handle bootstrap, Object... args) {
                    previous = -1;
                    c.references.add(new Reference(Reference.Kind.BOOTSTRAP, bootstrap.getOwner(), bootstrap.getName(),
                            bootstrap.getDesc(), where));
                    c.type(Type.getMethodType(desc), where);
                    for (Object arg : args) {
                        c.constant(arg, where);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    previous = -1;
                    c.constant(value, where);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    previous = -1;
                    c.type(Type.getObjectType(type), where);
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    c.type(Type.getType(desc), where);
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                        org.objectweb.asm.Label handler, String type) {
                    if (type != null) {
                        c.type(Type.getObjectType(type), where);
                    }
                }
            };
        }

        /** Methods called on an array ({@code int[].clone()}) are Object's. */
        private static String elementOwner(String owner) {
            return owner.startsWith("[") ? "java/lang/Object" : owner;
        }
    }
}
