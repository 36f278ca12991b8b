package hannum

import "testing"

func TestNumber(t *testing.T) {
	tests := []struct {
		s     string
		liang bool
		v, n  int
	}{
		{"一、", false, 1, 3},
		{"十二项", false, 12, 6},
		{"二十三", false, 23, 9},
		{"一百零五条", false, 105, 12},
		{"两个", false, 0, 0},
		{"两个", true, 2, 3},
		{"九十九", false, 99, 9},
		{"abc", false, 0, 0},
		{"○一", false, 0, 0},
	}
	for _, tt := range tests {
		if v, n := Number(tt.s, tt.liang); v != tt.v || n != tt.n {
			t.Errorf("Number(%q, %v) = %d, %d; want %d, %d", tt.s, tt.liang, v, n, tt.v, tt.n)
		}
	}
}

func TestDigit(t *testing.T) {
	for i, r := range "〇一二三四五六七八九" {
		if v, ok := Digit(r); !ok || v != i/3 {
			t.Errorf("Digit(%q) = %d, %v", r, v, ok)
		}
	}
	for _, r := range "○Ｏ零" {
		if v, ok := Digit(r); !ok || v != 0 {
			t.Errorf("Digit(%q) = %d, %v", r, v, ok)
		}
	}
	if _, ok := Digit('十'); ok {
		t.Error("十 is no digit")
	}
}
