package dev.dynamorm.spring.boot.test;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/** Keeps every scanned component of the application out of a {@link DynamORMTest}. */
final class DynamORMTypeExcludeFilter extends TypeExcludeFilter {

    DynamORMTypeExcludeFilter(Class<?> testClass) {}

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DynamORMTypeExcludeFilter;
    }

    @Override
    public int hashCode() {
        return DynamORMTypeExcludeFilter.class.hashCode();
    }
}
