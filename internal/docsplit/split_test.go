package docsplit

import "testing"

// The sides of a few files, as bench/keywords/pick.py and the helpers'
// briefs computed them.
func TestIsTest(t *testing.T) {
	for name, want := range map[string]bool{
		"1954.txt": true, "../shared/corpus/gwr/1983.txt": true, "2017.txt": true,
		"1955.txt": false, "gwr/2025.txt": false,
		"2026_海南省.txt": true,
	} {
		if got := IsTest(name); got != want {
			t.Errorf("IsTest(%q) = %v, want %v", name, got, want)
		}
	}
}
