package io.localdps.console.components;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.List;

/** The portal's "Are you sure…?" dialog before anything is deleted. */
public final class ConfirmDelete {

    private static final int SHOWN = 10;

    private ConfirmDelete() {
    }

    public static void open(String header, String question, List<String> names, String note, Runnable onConfirm) {
        Div text = new Div(new Paragraph(question));
        if (!names.isEmpty()) {
            UnorderedList list = new UnorderedList();
            names.stream().limit(SHOWN).forEach(name -> list.add(new ListItem(name)));
            if (names.size() > SHOWN) {
                list.add(new ListItem("… and " + (names.size() - SHOWN) + " more"));
            }
            text.add(list);
        }
        if (note != null) {
            Paragraph notePara = new Paragraph(note);
            notePara.addClassName("dps-note");
            text.add(notePara);
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText("No");
        dialog.setConfirmText("Yes, delete");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> onConfirm.run());
        dialog.open();
    }
}
