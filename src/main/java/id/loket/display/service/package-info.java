/** Reading the display's board, and the supervisor's running text. */
package id.loket.display.service;
