/**
 * Gathering a case's printable documents from the local database and rendering them: for
 * reprints and archives, headless. The renderer itself ({@code id.loket.document}) stays free
 * of the database and services; this package is its caller.
 */
package id.loket.document.service;
