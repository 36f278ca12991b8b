package hanzi

import "testing"

func count(f func(rune) bool) int {
	n := 0
	for r := rune(0x3400); r <= 0x323AF; r++ {
		if f(r) {
			n++
		}
	}
	return n
}

func TestTongyongHasTheTable(t *testing.T) {
	if n := count(Tongyong); n != 8105 {
		t.Fatalf("Tongyong has %d characters, the 2013 table has 8105", n)
	}
	// Characters the issue names (吒 哪吒, 昇 昇腾), restored variants
	// (皙 喆 淼 邨 陞 乾) and plain ones in each range.
	for _, r := range "吒昇皙喆淼邨陞乾抬著的国一䶮𬌗" {
		if !Tongyong(r) {
			t.Errorf("Tongyong(%c U+%04X) = false, want true", r, r)
		}
	}
	// Traditional forms and variants the table does not list. 濛 is a
	// Traditional form of 蒙 in the table's appendix, not a standard
	// character.
	for _, r := range "發後頭擡濛們國" {
		if Tongyong(r) {
			t.Errorf("Tongyong(%c U+%04X) = true, want false", r, r)
		}
	}
	if Tongyong('a') || Tongyong('，') || Tongyong(0x10FFFF) || Tongyong(-1) {
		t.Error("non-Han characters are not in the table")
	}
}

func TestGseWord(t *testing.T) {
	if n := count(GseWord); n < 9000 {
		t.Fatalf("GseWord has %d characters, want gse's ~10,500", n)
	}
	for _, r := range "的抬发国" {
		if !GseWord(r) || !Known(r) {
			t.Errorf("GseWord(%c) = false", r)
		}
	}
	if Known('a') {
		t.Error("Known('a')")
	}
}
