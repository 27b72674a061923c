package dev.dynamorm.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/** Records the packages of every {@link DynamORMScan} in one {@link ScanPackages} bean. */
final class ScanPackagesRegistrar implements ImportBeanDefinitionRegistrar {

    @Override
    public void registerBeanDefinitions(
            AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, Object> attributes =
                metadata.getAnnotationAttributes(DynamORMScan.class.getName());
        List<String> packages = new ArrayList<>();
        if (attributes != null) {
            packages.addAll(Arrays.asList((String[]) attributes.get("value")));
            for (Class<?> c : (Class<?>[]) attributes.get("basePackageClasses")) {
                packages.add(c.getPackageName());
            }
        }
        if (packages.isEmpty()) {
            packages.add(ClassUtils.getPackageName(metadata.getClassName()));
        }
        if (registry.containsBeanDefinition(ScanPackages.BEAN_NAME)) {
            ScanPackages.addTo(registry.getBeanDefinition(ScanPackages.BEAN_NAME), packages);
            return;
        }
        RootBeanDefinition definition = new RootBeanDefinition(ScanPackages.class);
        ConstructorArgumentValues args = new ConstructorArgumentValues();
        args.addIndexedArgumentValue(0, packages);
        definition.setConstructorArgumentValues(args);
        registry.registerBeanDefinition(ScanPackages.BEAN_NAME, definition);
    }
}
