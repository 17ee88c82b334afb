/** Office and desk settings. Plain Java only. */
package id.loket.settings.model;
