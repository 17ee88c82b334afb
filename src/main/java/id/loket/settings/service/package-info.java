/** The signed-in officer's own settings of the desk (look: light or dark, text size), each officer reading and writing only their own. */
package id.loket.settings.service;
