package io.localdps.console;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-level settings of the console: Lumo plus a few styles of our own, no frontend build needed. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/console.css")
public class ConsoleShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("LocalDPS");
    }
}
