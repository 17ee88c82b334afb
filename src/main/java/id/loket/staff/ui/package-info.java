/** Login on screen (Swing). */
package id.loket.staff.ui;
