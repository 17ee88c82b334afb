package id.loket.app.ui;

/** What the Demo menu can do to the built-in central simulator. Present only in demo mode. */
public interface DemoControls {

    boolean centralUp();

    void takeCentralDown();

    void bringCentralBack();
}
