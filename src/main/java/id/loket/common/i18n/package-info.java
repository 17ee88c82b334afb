/** Resource-bundle lookup for user-visible words. Plain Java only. */
package id.loket.common.i18n;
