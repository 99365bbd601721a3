package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class-file policy's rules on routes around a list of names, in a lab of its own (lab09, with a given class
 * whose hook only the tests may call): the probes of {@link PolicyProbesTest} are lab03's.
 */
class ClassFilePolicyTest {

    private static final String HOOK = "package org.vmaware.lab09;\n"
            + "public final class Hook {\n"
            + "  private static volatile Runnable armed;\n"
            + "  public static void point() { Runnable r = armed; if (r != null) r.run(); }\n"
            + "  public static void arm(Runnable action) { armed = action; }\n"
            + "}\n";
    private static final ClassFilePolicy.LabPolicy LAB09 = new ClassFilePolicy.LabPolicy(List.of(),
            List.of("org.vmaware.lab09.Hook#arm"));

    @TempDir
    Path work;

    private List<String> check(String studentClass, ClassFilePolicy.LabPolicy policy) throws IOException {
        Path src = work.resolve("src/org/vmaware/lab09");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Hook.java"), HOOK);
        Files.writeString(src.resolve("Bank.java"), "package org.vmaware.lab09;\n" + studentClass);
        Path classes = work.resolve("classes");
        assertEquals("", Compilation.javac(List.of(src.resolve("Hook.java"), src.resolve("Bank.java")), classes,
                System.getProperty("java.class.path"), FixtureLab.RELEASE));
        return ClassFilePolicy.check(classes, List.of("org/vmaware/lab09/Hook.java"),
                List.of("org/vmaware/lab09/Bank.java"), policy);
    }

    private static void assertRefused(List<String> refused, String... named) {
        assertTrue(!refused.isEmpty(), "refused");
        for (String words : named) {
            assertTrue(refused.stream().anyMatch(r -> r.contains(words)), () -> "names '" + words + "': " + refused);
        }
    }

    @Test
    void aGivenClassIsOpenButItsHookIsNot() throws IOException {
        assertEquals(List.of(), check("public final class Bank { void transfer() { Hook.point(); } }", LAB09));
        assertRefused(check("public final class Bank { void transfer() { Hook.arm(() -> { }); } }", LAB09),
                "Bank.java, method transfer", "org.vmaware.lab09.Hook.arm is refused");
        assertRefused(check("public final class Bank { java.util.function.Consumer<Runnable> c = Hook::arm; }", LAB09),
                "org.vmaware.lab09.Hook.arm is refused");
    }

    @Test
    void aMemberIsJudgedByTheClassThatDeclaresIt() throws IOException {
        assertRefused(check("public final class Bank { static class T extends Thread { }"
                + " Object m() { return T.getAllStackTraces(); } }", LAB09), "java.lang.Thread.getAllStackTraces");
        assertRefused(check("public final class Bank { static class T extends Thread { }"
                + " Object m() { return new T().getContextClassLoader(); } }", LAB09),
                "java.lang.Thread.getContextClassLoader");
        assertRefused(check("public final class Bank { static class L extends java.util.ArrayList<String> { }"
                + " Object m() { return new L().parallelStream(); } }", LAB09), "java.util.Collection.parallelStream");
        // the red team's a1: an interface's own static method of the same name does not hide Thread's, because the
        // JVM resolves a class's method through its superclasses first, and static interface methods are not inherited
        assertRefused(check("public final class Bank { interface Mask { static java.util.Map<?, ?> getAllStackTraces()"
                + " { return null; } } static class Middle extends Thread { } static class Probe extends Middle"
                + " implements Mask { } Object m() { return Probe.getAllStackTraces(); } }", LAB09),
                "java.lang.Thread.getAllStackTraces");
        // an own override stays the student's
        assertEquals(List.of(), check("public final class Bank { static class T extends Thread {"
                + " public void run() { } } void m() { new T().run(); } }", LAB09));
    }

    @Test
    void theCommonPoolHasNoSideDoor() throws IOException {
        assertRefused(check("public final class Bank { long m(java.util.concurrent.ConcurrentHashMap<String, Long> map)"
                + " { return map.reduceValuesToLong(1, v -> v, 0, Long::sum); } }", LAB09),
                "java.util.concurrent.ConcurrentHashMap.reduceValuesToLong");
        assertRefused(check("public final class Bank { Object m(java.util.List<String> l) {"
                + " return java.util.stream.StreamSupport.stream(l.spliterator(), true); } }", LAB09),
                "java.util.stream.StreamSupport.stream with a parallel flag that is not the constant false");
        assertRefused(check("public final class Bank { Object m(java.util.List<String> l, boolean p) {"
                + " return java.util.stream.StreamSupport.stream(l.spliterator(), p); } }", LAB09),
                "with a parallel flag that is not the constant false");
        assertEquals(List.of(), check("public final class Bank { Object m(java.util.List<String> l) {"
                + " return java.util.stream.StreamSupport.stream(l.spliterator(), false); } }", LAB09));
        // the second red team's routes: the flag through a method reference, and a ternary whose last branch is false
        assertRefused(check("public final class Bank { Object m(java.util.List<String> l) {"
                + " java.util.function.BiFunction<java.util.Spliterator<String>, Boolean, Object> open ="
                + " java.util.stream.StreamSupport::stream; return open.apply(l.spliterator(), Boolean.TRUE); } }",
                LAB09), "with a parallel flag that is not the constant false");
        assertRefused(check("public final class Bank { Object m(java.util.List<String> l, boolean p) {"
                + " return java.util.stream.StreamSupport.stream(l.spliterator(), p ? true : false); } }", LAB09),
                "with a parallel flag that is not the constant false");
        assertRefused(check("public final class Bank { Object m(java.util.ArrayList<String> l) {"
                + " return l.parallelStream(); } }", LAB09), "java.util.Collection.parallelStream");
    }

    @Test
    void reflectionHasNoSideDoor() throws IOException {
        assertRefused(check("public final class Bank { Object m() { return new Object() { }.getClass()"
                + ".getEnclosingMethod(); } }", LAB09), "java.lang.Class.getEnclosingMethod");
        assertRefused(check("public final class Bank { Object m() { return String.class.getMethods(); } }", LAB09),
                "java.lang.Class.getMethods");
        assertRefused(check("public final class Bank { Object m() throws Throwable { return java.lang.invoke"
                + ".MethodHandles.lookup(); } }", LAB09), "java.lang.invoke.MethodHandles.lookup");
    }

    @Test
    void aLabMayAllowMore() throws IOException {
        String cleaner = "public final class Bank { Object m() { return java.lang.ref.Cleaner.create(); } }";
        assertRefused(check(cleaner, LAB09), "java.lang.ref.Cleaner");
        assertEquals(List.of(), check(cleaner, new ClassFilePolicy.LabPolicy(List.of("java.lang.ref.Cleaner"),
                List.of())));
    }

    @Test
    void invokedynamicOnlyWithJavacsBootstraps() throws IOException {
        // javac's own: a lambda, a concatenation and a record
        assertEquals(List.of(), check("public final class Bank { record R(int a) { }"
                + " Object m(int x) { Runnable r = () -> { }; return \"x\" + x + new R(x); } }", LAB09));
        // hand-made: any other bootstrap, and a dynamic constant
        Path classes = work.resolve("forged");
        Files.createDirectories(classes.resolve("org/vmaware/lab09"));
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "org/vmaware/lab09/Bank", null, "java/lang/Object", null);
        cw.visitSource("Bank.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "()Ljava/lang/Object;", null,
                null);
        mv.visitCode();
        Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;"
                        + "Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitLdcInsn(new ConstantDynamic("env", "Ljava/lang/Object;", invoke));
        mv.visitInvokeDynamicInsn("call", "()Ljava/lang/Object;", invoke);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        Files.write(classes.resolve("org/vmaware/lab09/Bank.class"), cw.toByteArray());
        List<String> refused = ClassFilePolicy.check(classes, List.of(), List.of("org/vmaware/lab09/Bank.java"), LAB09);
        assertRefused(refused, "invokedynamic is allowed only for lambdas", "dynamic constant");
    }

    @Test
    void aClassOutsideTheLabsPackagesIsRefused() throws IOException {
        Path classes = work.resolve("elsewhere");
        Path src = work.resolve("other/org/vmaware/grader/Forged.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package org.vmaware.grader; public final class Forged { }");
        assertEquals("", Compilation.javac(List.of(src), classes, System.getProperty("java.class.path"),
                FixtureLab.RELEASE));
        List<String> refused = new ArrayList<>(ClassFilePolicy.check(classes, List.of(),
                List.of("org/vmaware/lab09/Bank.java"), LAB09));
        assertRefused(refused, "which is not the lab's");
    }
}
