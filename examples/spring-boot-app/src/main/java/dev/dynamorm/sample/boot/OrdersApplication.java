package dev.dynamorm.sample.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample application: {@code dynamorm.local.enabled=true} runs it on the embedded engine. */
@SpringBootApplication
public class OrdersApplication {

    /** Spring creates it. */
    public OrdersApplication() {}

    /**
     * Starts the application.
     *
     * @param args arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
