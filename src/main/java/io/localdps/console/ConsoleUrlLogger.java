package io.localdps.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the product where to open the console. */
@Component
class ConsoleUrlLogger {

    private static final Logger log = LoggerFactory.getLogger(ConsoleUrlLogger.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("LocalDPS console: http://localhost:{}/", web.getWebServer().getPort());
        }
    }
}
