package dev.dynamorm.spring.boot.autoconfigure;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import java.beans.Introspector;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Registers a {@code Table<Model>} bean for every {@code @DynamoTable} model in the scanned
 * packages: those of {@link DynamORMScan}, of {@code dynamorm.scan-packages}, else the
 * application's auto-configuration packages.
 */
final class TableBeansRegistrar
        implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, ResourceLoaderAware {

    private Environment environment;
    private ResourceLoader resourceLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Set<String> packages = new LinkedHashSet<>();
        if (registry.containsBeanDefinition(ScanPackages.BEAN_NAME)) {
            packages.addAll(ScanPackages.of(registry.getBeanDefinition(ScanPackages.BEAN_NAME)));
        }
        packages.addAll(
                Binder.get(environment)
                        .bind("dynamorm.scan-packages", Bindable.listOf(String.class))
                        .orElse(List.of()));
        if (packages.isEmpty() && registry instanceof BeanFactory factory) {
            if (AutoConfigurationPackages.has(factory)) {
                packages.addAll(AutoConfigurationPackages.get(factory));
            }
        }
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false, environment);
        scanner.setResourceLoader(resourceLoader);
        scanner.addIncludeFilter(new AnnotationTypeFilter(DynamoTable.class, false));
        ClassLoader loader = resourceLoader == null ? null : resourceLoader.getClassLoader();
        for (String p : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(p)) {
                Class<?> model = ClassUtils.resolveClassName(candidate.getBeanClassName(), loader);
                register(registry, model);
            }
        }
    }

    private static <T> void register(BeanDefinitionRegistry registry, Class<T> model) {
        String name = Introspector.decapitalize(model.getSimpleName()) + "Table";
        if (registry.containsBeanDefinition(name)) {
            if (model.equals(registry.getBeanDefinition(name).getAttribute(MODEL))) {
                return; // found twice (overlapping packages)
            }
            name = model.getName() + ".table";
            if (registry.containsBeanDefinition(name)) {
                return;
            }
        }
        BeanFactory factory = (BeanFactory) registry;
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(ResolvableType.forClassWithGenerics(Table.class, model));
        definition.setInstanceSupplier(() -> factory.getBean(DynamORM.class).table(model));
        definition.setAttribute(MODEL, model);
        // DynamORM owns its tables: closing it is enough
        definition.setDestroyMethodName(null);
        registry.registerBeanDefinition(name, definition);
    }

    /** The bean definition attribute holding a table bean's model class. */
    static final String MODEL = TableBeansRegistrar.class.getName() + ".model";
}
