package dev.crmgen.benchmarks.harness;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * OpenAPI Generator's library, called the way its CLI calls it, through reflection so this module does not need its
 * jar at compile time (the harness puts the CLI jar on the class path of the process that runs this).
 */
public final class OpenApiGeneratorGeneration implements GenerateMain.Generator {

    @Override
    public String generate(Path spec, Path out) throws Exception {
        ClassLoader loader = OpenApiGeneratorGeneration.class.getClassLoader();
        Class<?> configuratorType = loader.loadClass("org.openapitools.codegen.config.CodegenConfigurator");
        Object configurator = configuratorType.getConstructor().newInstance();
        set(configurator, "setGeneratorName", "java");
        set(configurator, "setLibrary", "native");
        set(configurator, "setInputSpec", spec.toString());
        set(configurator, "setOutputDir", out.toString());
        String pkg = GenerateMain.packageFor(spec);
        set(configurator, "setApiPackage", pkg + ".api");
        set(configurator, "setModelPackage", pkg + ".model");
        set(configurator, "setInvokerPackage", pkg + ".client");
        for (String[] kv : OpenApiGeneratorCli.ADDITIONAL_PROPERTIES) {
            configuratorType
                    .getMethod("addAdditionalProperty", String.class, Object.class)
                    .invoke(configurator, kv[0], kv[1]);
        }
        for (String[] kv : OpenApiGeneratorCli.GLOBAL_PROPERTIES) {
            configuratorType
                    .getMethod("addGlobalProperty", String.class, String.class)
                    .invoke(configurator, kv[0], kv[1]);
        }
        Object input = configuratorType.getMethod("toClientOptInput").invoke(configurator);
        Class<?> generatorType = loader.loadClass("org.openapitools.codegen.DefaultGenerator");
        Object generator = generatorType.getConstructor().newInstance();
        Method opts = Arrays.stream(generatorType.getMethods())
                .filter(m -> m.getName().equals("opts"))
                .findFirst()
                .orElseThrow();
        opts.invoke(generator, input);
        generatorType.getMethod("generate").invoke(generator);
        return null;
    }

    private static void set(Object target, String method, String value) throws Exception {
        target.getClass().getMethod(method, String.class).invoke(target, value);
    }
}
