package id.loket.common.ui;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JDialog;

/** Showing a modal dialog the same way everywhere: its own size (within the screen), centred on its owner, the cursor where input starts, and back where it was after. */
public final class Modal {

    private Modal() {
    }

    /** Packs and shows {@code dialog} (blocking until it closes), with the focus first in {@code first}. */
    public static void show(JDialog dialog, Component first) {
        Screens.packWithin(dialog, dialog.getOwner());
        dialog.setMinimumSize(dialog.getSize());
        dialog.addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                first.requestFocusInWindow();
            }
        });
        Component before = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        dialog.setVisible(true);
        FormDialog.giveFocusBack(dialog.getOwner(), before);
    }
}
