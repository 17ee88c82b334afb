/** Swing helpers shared by every screen: background tasks, date formats. */
package id.loket.common.ui;
