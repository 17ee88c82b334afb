/** Settings of this desk as the screens need them, over {@link id.loket.settings.repo.SettingsRepository}. */
package id.loket.settings.service;
