package dev.aicarbon.service.deploy;

import dev.aicarbon.service.config.CarbonConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables the service's own settings can be set by, derived from
 * {@link CarbonConfig} the way SmallRye Config names them: {@code carbon.azure-monitor.enabled}
 * is {@code CARBON_AZURE_MONITOR_ENABLED}.
 *
 * <p>Covers groups and leaf settings. Map-valued settings, whose names carry a key, are not
 * expanded; the configuration has none today.
 */
final class CarbonSettings {

    private CarbonSettings() {
    }

    static Set<String> environmentNames() {
        Set<String> names = new TreeSet<>();
        collect(CarbonConfig.class, CarbonConfig.class.getAnnotation(ConfigMapping.class).prefix(),
                names);
        return names;
    }

    private static void collect(Class<?> group, String prefix, Set<String> names) {
        for (Method method : group.getMethods()) {
            if (!isSetting(method)) {
                continue;
            }
            String property = prefix + "." + propertyName(method);
            if (isGroup(method.getReturnType())) {
                collect(method.getReturnType(), property, names);
            } else {
                names.add(environmentName(property));
            }
        }
    }

    /** Default methods (policies built from the settings) and static ones are no settings. */
    private static boolean isSetting(Method method) {
        return !method.isDefault()
                && !Modifier.isStatic(method.getModifiers())
                && method.getParameterCount() == 0;
    }

    /** A nested settings interface; {@code Optional}, {@code Map} and the like are values. */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static String propertyName(Method method) {
        WithName renamed = method.getAnnotation(WithName.class);
        return renamed != null ? renamed.value() : kebabCase(method.getName());
    }

    private static String kebabCase(String methodName) {
        StringBuilder kebab = new StringBuilder();
        for (char c : methodName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }

    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
