/**
 * Screens that follow the office: what the change feed tells ({@link id.loket.common.live.Changes})
 * and how one subscribes to it ({@link id.loket.common.live.ChangeFeed}). The database
 * ({@code id.loket.db}) makes the feed; the screens only know these two types.
 */
package id.loket.common.live;
