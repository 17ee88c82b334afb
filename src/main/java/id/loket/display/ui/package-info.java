/** The display window for the TV in the waiting room, and the feed that keeps it up to date. */
package id.loket.display.ui;
