#!/usr/bin/env bash
# Makes the clips the waiting-room display assembles its spoken calls from ("Nomor antrean
# A nol nol tujuh, silakan ke loket tiga"), and its chime. Run once, by hand, in this folder;
# the WAV files it writes are committed beside it. Needs espeak-ng (Indonesian voice "id") and
# sox:   apt-get install -y espeak-ng sox
# Every clip: mono, 16 kHz, 16-bit PCM, silence trimmed at both ends (the player puts its own
# pauses between words), loudness normalised to -3 dBFS.
set -euo pipefail
cd "$(dirname "$0")"

RATE=16000
VOICE=id
SPEED=135   # words per minute: a little slower than espeak's 175, for a hall with echo
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# clip FILE TEXT: TEXT spoken by espeak-ng, trimmed and normalised into FILE.wav
clip() {
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$tmp/raw.wav" "$2"
  sox "$tmp/raw.wav" -r "$RATE" -c 1 -b 16 "$1.wav" \
      silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse norm -3
}

# the words of the sentence
clip nomor "nomor"
clip antrean "antrean"
clip silakan "silakan"
clip ke "ke"
clip loket "loket"

# digits and the words of the numbers 1-99 (counters are said as numbers: "dua belas", "dua puluh")
clip nol "nol"
clip satu "satu"
clip dua "dua"
clip tiga "tiga"
clip empat "empat"
clip lima "lima"
clip enam "enam"
clip tujuh "tujuh"
clip delapan "delapan"
clip sembilan "sembilan"
clip sepuluh "sepuluh"
clip sebelas "sebelas"
clip belas "belas"
clip puluh "puluh"

# letters, as they are named in Bahasa Indonesia (queue series A, P, W, R; letters of a counter like "2B")
for pair in a:a b:be c:ce d:de e:e f:ef g:ge h:ha i:i j:je k:ka l:el m:em n:en o:o p:pe q:ki r:er s:es t:te u:u v:ve w:we \
            x:eks y:ye z:zet; do
  clip "${pair%%:*}" "${pair#*:}"
done

# the chime before each call: a soft two-tone "ding-dong" (E6 then C6), 1.1 s
sox -n -r "$RATE" -c 1 -b 16 "$tmp/ding.wav" synth 0.55 sine 1318.5 sine 2637 fade q 0.005 0.55 0.5 vol 0.5
sox -n -r "$RATE" -c 1 -b 16 "$tmp/dong.wav" synth 0.55 sine 1046.5 sine 2093 fade q 0.005 0.55 0.5 vol 0.5
sox "$tmp/ding.wav" "$tmp/dong.wav" chime.wav norm -3

ls -l ./*.wav | awk '{ total += $5 } END { print NR " clips, " total " bytes" }'
