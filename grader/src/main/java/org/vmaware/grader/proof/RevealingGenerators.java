package org.vmaware.grader.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The places in a lab's compiled tests that create a random generator whose outputs reveal the next ones: a
 * {@code java.util.Random}, a {@code SplittableRandom}, a JDK factory's generator, {@code ThreadLocalRandom},
 * {@code Math.random} or {@code Collections.shuffle(list)}. Submissions run in the tests' JVM and see their inputs,
 * so inputs drawn from such a generator can be predicted; graded inputs come from {@code GradingSettings.current().random(name)}, a keyed generator.
 *
 * <p>Only creating a generator is a finding: drawing from one that a method is given is not. JMH benchmarks, and
 * the classes JMH generates for them, are not graded and are skipped.</p>
 *
 * <pre>
 * in(testClasses) = []   where every input comes from GradingSettings.current().random(name)
 * in(testClasses) = ["org.vmaware.lab01.grading.Task5AccumulatorsTest.fourAccumulatorsIsFaster:
 *                     new java.util.SplittableRandom (line 42)"]
 * </pre>
 */
final class RevealingGenerators {

    /** The generators whose constructors are findings; {@code SecureRandom}'s outputs reveal nothing, so not it. */
    private static final Set<String> CONSTRUCTED = Set.of("java/util/Random", "java/util/SplittableRandom");

    /** The classes whose static methods hand out a generator that reveals its state. */
    private static final Set<String> FACTORIES = Set.of("java/util/concurrent/ThreadLocalRandom",
            "java/util/random/RandomGeneratorFactory", "java/util/random/RandomGenerator");

    /** The classes whose static {@code random()} draws from a {@code java.util.Random} of their own. */
    private static final Set<String> HIDDEN_GENERATORS = Set.of("java/lang/Math", "java/lang/StrictMath");

    /** {@code Collections.shuffle(list)} without a generator draws from a shared {@code java.util.Random}. */
    private static final String HIDDEN_SHUFFLE = "java/util/Collections.shuffle(Ljava/util/List;)V";

    private static final String JMH_ANNOTATIONS = "Lorg/openjdk/jmh/annotations/";

    private RevealingGenerators() {
    }

    /**
     * Every call in the classes under {@code testClasses} that creates a revealing generator, one finding each.
     *
     * @param testClasses a lab's compiled tests ({@code target/test-classes})
     * @return "CLASS.METHOD: WHAT (line N)" for each such call, by file then position; empty if there is none
     * @throws IOException if a class file cannot be read
     */
    static List<String> in(Path testClasses) throws IOException {
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(testClasses)) {
            classFiles = walk.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !testClasses.relativize(p).toString().contains("jmh_generated")).sorted()
                    .collect(Collectors.toList());
        }
        List<String> findings = new ArrayList<>();
        for (Path classFile : classFiles) {
            Finder finder = new Finder();
            // not SKIP_DEBUG: the line numbers are debug information
            new ClassReader(Files.readAllBytes(classFile)).accept(finder, ClassReader.SKIP_FRAMES);
            if (!finder.benchmark) {
                findings.addAll(finder.findings);
            }
        }
        return findings;
    }

    /**
     * What a call or method reference creates, as a finding names it, or null if it creates no revealing generator.
     */
    private static String revealing(boolean constructor, boolean isStatic, String owner, String name,
            String descriptor) {
        if (constructor && CONSTRUCTED.contains(owner)) {
            return "new " + owner.replace('/', '.');
        }
        boolean creates = FACTORIES.contains(owner) || (HIDDEN_GENERATORS.contains(owner) && name.equals("random"))
                || HIDDEN_SHUFFLE.equals(owner + "." + name + descriptor);
        return isStatic && creates ? owner.replace('/', '.') + "." + name : null;
    }

    /** One class's findings, and whether it is a JMH benchmark (which is known only once it has all been read). */
    private static final class Finder extends ClassVisitor {
        private final List<String> findings = new ArrayList<>();
        private boolean benchmark;
        private String className;

        Finder() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name.replace('/', '.');
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            benchmark |= descriptor.startsWith(JMH_ANNOTATIONS);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String methodDescriptor, String signature,
                String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private int line = -1;

                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    benchmark |= descriptor.startsWith(JMH_ANNOTATIONS);
                    return null;
                }

                @Override
                public void visitLineNumber(int line, Label start) {
                    this.line = line;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                        boolean isInterface) {
                    // any <init> call, so a subclass's super(seed) counts as well as a plain new
                    boolean constructor = opcode == Opcodes.INVOKESPECIAL && name.equals("<init>");
                    found(revealing(constructor, opcode == Opcodes.INVOKESTATIC, owner, name, descriptor));
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                        Object... arguments) {
                    // a method reference (Random::new, Math::random) is a lambda bootstrap's handle argument
                    for (Object argument : arguments) {
                        if (argument instanceof Handle) {
                            Handle handle = (Handle) argument;
                            found(revealing(handle.getTag() == Opcodes.H_NEWINVOKESPECIAL,
                                    handle.getTag() == Opcodes.H_INVOKESTATIC, handle.getOwner(), handle.getName(),
                                    handle.getDesc()));
                        }
                    }
                }

                private void found(String what) {
                    if (what != null) {
                        findings.add(className + "." + method + ": " + what + (line < 0 ? "" : " (line " + line + ")"));
                    }
                }
            };
        }
    }
}
