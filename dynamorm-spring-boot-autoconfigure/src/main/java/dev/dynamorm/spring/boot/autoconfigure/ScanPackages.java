package dev.dynamorm.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;

/** The packages named by {@link DynamORMScan} annotations. */
final class ScanPackages {

    static final String BEAN_NAME = ScanPackages.class.getName();

    private final List<String> packages;

    ScanPackages(List<String> packages) {
        this.packages = List.copyOf(packages);
    }

    List<String> packages() {
        return packages;
    }

    @SuppressWarnings("unchecked") // the list this registrar put there itself
    static List<String> of(BeanDefinition definition) {
        Object value =
                definition
                        .getConstructorArgumentValues()
                        .getIndexedArgumentValue(0, List.class)
                        .getValue();
        return (List<String>) value;
    }

    static void addTo(BeanDefinition definition, List<String> more) {
        List<String> all = new ArrayList<>(of(definition));
        all.addAll(more);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, all);
    }
}
