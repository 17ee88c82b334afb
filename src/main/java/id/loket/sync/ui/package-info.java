/** The sync state on screen (Swing). */
package id.loket.sync.ui;
