/**
 * The spoken call: the sentence of words for a call, the recorded clips it is assembled from
 * (resources in this package's folder, made by make-clips.sh beside them), and the announcer
 * that plays calls one after another through Java Sound.
 */
package id.loket.display.voice;
