package org.vmaware.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java source, or a hint's text, as tokens: identifiers, keywords, numbers, string and char literals, operators.
 * Comments are dropped. Enough to compare a hint with code, not to compile: a quote that opens no literal (an
 * English apostrophe) is a token of its own.
 *
 * <pre>
 * of("s += v &amp; -(v &gt;&gt;&gt; 7); // mask")                  [s, +=, v, &amp;, -, (, v, &gt;&gt;&gt;, 7, ), ;]
 * methodBodies("long f(int x) { return x + 1; }")   [[return, x, +, 1, ;]]
 * </pre>
 */
final class JavaTokens {

    /** Keywords, contextual ones and literals: the language's words, not a solution's. */
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "true", "false", "null");
    /** Longest first, so that {@code >>>=} is one token and not {@code >>} then {@code >=}. */
    private static final List<String> OPERATORS = List.of(">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--",
            "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "&=", "|=", "^=", "%=", "<<", ">>");
    private static final Pattern CHAR_LITERAL = Pattern.compile("'(\\\\u[0-9a-fA-F]{4}|\\\\.|[^'\\\\\\n])'");
    private static final Pattern WORD = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private JavaTokens() {
    }

    /** The tokens of {@code source}, comments left out. */
    static List<String> of(String source) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (source.startsWith("//", i)) {
                i = lineEnd(source, i);
                continue;
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = source.indexOf("\"\"\"", i + 3);
                end = close < 0 ? n : close + 3;
            } else if (c == '"') {
                end = stringEnd(source, i);
            } else if (c == '\'') {
                Matcher literal = CHAR_LITERAL.matcher(source).region(i, n);
                end = literal.lookingAt() ? literal.end() : i + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
                    end++;
                }
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_'
                        || source.charAt(end) == '.' && end + 1 < n && Character.isDigit(source.charAt(end + 1)))) {
                    end++;
                }
            } else {
                end = i + 1;
                for (String operator : OPERATORS) {
                    if (source.startsWith(operator, i)) {
                        end = i + operator.length();
                        break;
                    }
                }
            }
            tokens.add(source.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /**
     * The tokens of each method's (and constructor's) body in {@code source}, without its braces: a block opened
     * right after a parameter list's {@code )} or a {@code throws} clause, outside any body already taken.
     */
    static List<List<String>> methodBodies(String source) {
        List<String> tokens = of(source);
        List<List<String>> bodies = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("{") && afterParameters(tokens, i)) {
                int depth = 1;
                int end = i + 1;
                for (; end < tokens.size() && depth > 0; end++) {
                    depth += tokens.get(end).equals("{") ? 1 : tokens.get(end).equals("}") ? -1 : 0;
                }
                bodies.add(List.copyOf(tokens.subList(i + 1, Math.max(i + 1, end - 1))));
                i = end - 1;
            }
        }
        return bodies;
    }

    /** Whether a token is an identifier: a name that is not a keyword or a literal. */
    static boolean isIdentifier(String token) {
        return WORD.matcher(token).matches() && !KEYWORDS.contains(token);
    }

    /** The words of a text, as a reader sees them: every name-like run of letters, digits and underscores. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /** Whether the {@code {} at {@code brace} follows {@code )}, or {@code ) throws A, b.B}. */
    private static boolean afterParameters(List<String> tokens, int brace) {
        int j = brace - 1;
        while (j >= 0 && (isIdentifier(tokens.get(j)) || tokens.get(j).equals(".") || tokens.get(j).equals(","))) {
            j--;
        }
        if (j >= 0 && tokens.get(j).equals("throws")) {
            return j > 0 && tokens.get(j - 1).equals(")");
        }
        return brace > 0 && tokens.get(brace - 1).equals(")");
    }

    private static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    /** The end of the string literal at {@code start}: its closing quote, or the line's end if it has none. */
    private static int stringEnd(String source, int start) {
        int end = start + 1;
        while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
            end += source.charAt(end) == '\\' ? 2 : 1;
        }
        return end < source.length() && source.charAt(end) == '"' ? end + 1 : end;
    }
}
