package dev.aicarbon.service.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as a builder reads it, without a builder: instructions with their
 * continuation lines joined, and the comments kept apart (they document the build command).
 *
 * <p>Enough of the syntax for the service's own Dockerfile: no heredocs, no escape-character
 * directive, and variables in values are not substituted.
 */
final class Dockerfile {

    record Instruction(String keyword, String arguments) {
    }

    private static final Pattern KEY_VALUE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S+)");
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Instruction> instructions;
    private final List<String> comments;

    private Dockerfile(List<Instruction> instructions, List<String> comments) {
        this.instructions = instructions;
        this.comments = comments;
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                comments.add(trimmed.substring(1).strip());
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String instruction = pending.toString().strip();
            pending.setLength(0);
            if (!instruction.isEmpty()) {
                instructions.add(instruction(instruction));
            }
        }
        return new Dockerfile(List.copyOf(instructions), List.copyOf(comments));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .toList();
    }

    Optional<Instruction> last(String keyword) {
        List<Instruction> matching = all(keyword);
        return matching.stream().reduce((earlier, later) -> later);
    }

    List<String> comments() {
        return comments;
    }

    /** The environment the image ends with: every ENV in order, a later one winning. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction instruction : all("ENV")) {
            env.putAll(keyValues(instruction.arguments()));
        }
        return env;
    }

    /** Ports of every EXPOSE, without a {@code /tcp} suffix. */
    List<String> exposedPorts() {
        return all("EXPOSE").stream()
                .flatMap(instruction -> List.of(instruction.arguments().split("\\s+")).stream())
                .map(port -> port.replaceFirst("/tcp$", ""))
                .toList();
    }

    /** The command the container starts with: ENTRYPOINT, then CMD, each in exec or shell form. */
    List<String> startCommand() {
        List<String> command = new ArrayList<>();
        last("ENTRYPOINT").ifPresent(entrypoint -> command.addAll(words(entrypoint.arguments())));
        last("CMD").ifPresent(cmd -> command.addAll(words(cmd.arguments())));
        return command;
    }

    /** COPY instructions as [sources..., destination], flags such as --chown left out. */
    List<List<String>> copies() {
        return all("COPY").stream()
                .map(copy -> List.of(copy.arguments().split("\\s+")).stream()
                        .filter(word -> !word.startsWith("--"))
                        .toList())
                .toList();
    }

    private static Instruction instruction(String line) {
        String[] parts = line.split("\\s+", 2);
        String arguments = parts.length > 1 ? parts[1].strip() : "";
        return new Instruction(parts[0].toUpperCase(Locale.ROOT), arguments);
    }

    private static Map<String, String> keyValues(String arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = KEY_VALUE.matcher(arguments);
        if (!arguments.matches("^[A-Za-z_][A-Za-z0-9_]*=.*")) {
            String[] legacy = arguments.split("\\s+", 2);
            values.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
            return values;
        }
        while (matcher.find()) {
            values.put(matcher.group(1), unquote(matcher.group(2)));
        }
        return values;
    }

    private static List<String> words(String arguments) {
        if (!arguments.startsWith("[")) {
            return List.of("/bin/sh", "-c", arguments);
        }
        List<String> words = new ArrayList<>();
        Matcher matcher = JSON_STRING.matcher(arguments);
        while (matcher.find()) {
            words.add(matcher.group(1));
        }
        return words;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
