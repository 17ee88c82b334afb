/** The desk window that holds the screens together (Swing). Uses services, never the database. */
package id.loket.app.ui;
