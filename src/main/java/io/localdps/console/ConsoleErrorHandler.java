package io.localdps.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.localdps.common.InvalidInputException;
import io.localdps.console.components.Notifications;
import io.localdps.common.LimitExceededException;
import io.localdps.common.NotFoundException;
import io.localdps.common.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place where errors that views do not handle end up: the admin sees a short message,
 * never a stack trace, and the log gets the details of anything unexpected.
 */
@Component
class ConsoleErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable error = rootOf(event.getThrowable());
        String message;
        if (error instanceof StaleVersionException || error instanceof NotFoundException
                || error instanceof LimitExceededException || error instanceof InvalidInputException) {
            message = error.getMessage();
            log.info("Refused: {}", message);
        } else {
            message = "Something went wrong and nothing was changed. The details are in the server log.";
            log.error("Unexpected error in the console", error);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notifications.error(message));
        }
    }

    private static Throwable rootOf(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && !(current instanceof RuntimeException && isOurs(current))) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isOurs(Throwable error) {
        return error.getClass().getPackageName().startsWith("io.localdps");
    }
}
