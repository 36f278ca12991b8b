package script

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The detection of a text cut in two, added up, is the detection of the
// whole.
func TestDetectionAdd(t *testing.T) {
	texts := []string{"發展經濟，后来居上。", "发展经济", "", "abc", "國家发展改革委員會"}
	for _, a := range texts {
		for _, b := range texts {
			if got, want := Detect(a).Add(Detect(b)), Detect(a+b); got != want {
				t.Errorf("Detect(%q).Add(Detect(%q)) = %+v, want %+v", a, b, got, want)
			}
		}
	}
}

// detectRef is Detect as it was before its three-byte fast path: every
// non-ASCII rune through utf8.DecodeRuneInString.
func detectRef(text string) Detection {
	var d Detection
	for _, r := range text {
		if !isHan(r) {
			continue
		}
		d.Han++
		switch classOf(r) {
		case 1:
			d.SimpOnly++
		case 2:
			d.TradOnly++
		}
	}
	d.classify()
	return d
}

func TestDetectAsDecodeRune(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 9))
	// random bytes biased to lead and continuation bytes, with overlong
	// (E0 80 80), surrogate (ED A0 80) and cut sequences among them
	pieces := []string{"发", "發", "的", "體", "体", "a", "\n", "\xe0\x80\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xef\xa4\x80", "\xe4\xb8", "\xe4", "\xf0\xa0\x80\x80", "\xc3\xa9", "\x80", "\xff"}
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			if rng.IntN(4) == 0 {
				b.WriteByte(byte(rng.IntN(256)))
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		s := b.String()
		if got, want := Detect(s), detectRef(s); got != want {
			t.Fatalf("Detect(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// Every lead byte E0–EF with every two following bytes, and cut short.
func TestDetectThreeByteSequences(t *testing.T) {
	b := make([]byte, 3)
	for c := 0xE0; c <= 0xEF; c++ {
		b[0] = byte(c)
		for x := 0; x < 256; x++ {
			b[1] = byte(x)
			for y := 0; y < 256; y++ {
				b[2] = byte(y)
				for _, s := range []string{string(b), string(b[:2]), string(b) + "发"} {
					if got, want := Detect(s), detectRef(s); got != want {
						t.Fatalf("Detect(%q) = %+v, want %+v", s, got, want)
					}
				}
			}
		}
	}
}

// lineIsTraditionalRef is lineIsTraditional by its definition.
func lineIsTraditionalRef(line string) bool {
	k := detectRef(line).Kind
	return k == Traditional || k == Mixed
}

func TestLineIsTraditionalAsDetect(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 10))
	pieces := []string{"发", "發", "的", "體", "体", "说", "說", "a", "\xe0\x80\x80", "\xed\xa0\x80", "\xef\xa4\x80", "\xe4\xb8", "\xf0\xa0\x80\x80", "\x80"}
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			if rng.IntN(5) == 0 {
				b.WriteByte(byte(rng.IntN(256)))
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		s := b.String()
		if got, want := lineIsTraditional(s), lineIsTraditionalRef(s); got != want {
			t.Fatalf("lineIsTraditional(%q) = %v, want %v", s, got, want)
		}
	}
	b := make([]byte, 4)
	b[3] = "發"[0]
	for c := 0xE0; c <= 0xEF; c++ {
		b[0] = byte(c)
		for x := 0; x < 256; x++ {
			b[1] = byte(x)
			for y := 0; y < 256; y += 3 {
				b[2] = byte(y)
				for _, s := range []string{string(b[:3]), string(b[:3]) + "發", string(b[:2])} {
					if got, want := lineIsTraditional(s), lineIsTraditionalRef(s); got != want {
						t.Fatalf("lineIsTraditional(%q) = %v, want %v", s, got, want)
					}
				}
			}
		}
	}
}
