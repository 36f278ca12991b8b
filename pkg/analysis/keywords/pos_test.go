package keywords

import (
	"slices"
	"strings"
	"testing"
)

func TestPOSFilter(t *testing.T) {
	tests := []struct {
		tags    []string
		wantErr string
		allow   []string
		deny    []string
	}{
		{tags: []string{"n", "vn"}, allow: []string{"n", "vn"}, deny: []string{"nr", "v", ""}},
		{tags: []string{"n*"}, allow: []string{"n", "nr", "nrfg", "ns"}, deny: []string{"vn", "v"}},
		{tags: []string{"all"}, allow: []string{"v", "x", "w"}},
		{tags: []string{" n ", ""}, allow: []string{"n"}},
		{tags: []string{"N"}, wantErr: `invalid part-of-speech tag "N"`},
		{tags: []string{"n,v"}, wantErr: `invalid part-of-speech tag "n,v"`},
		{tags: []string{""}, wantErr: "no part-of-speech tags"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.tags, "+"), func(t *testing.T) {
			f, err := NewPOSFilter(tt.tags)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.allow {
				if !f.Allows(p) {
					t.Errorf("%q not allowed", p)
				}
			}
			for _, p := range tt.deny {
				if f.Allows(p) {
					t.Errorf("%q allowed", p)
				}
			}
		})
	}
	var def *POSFilter
	if got := def.Tags(); !slices.Equal(got, func() []string { s := DefaultPOS(); slices.Sort(s); return s }()) {
		t.Errorf("nil filter tags = %v", got)
	}
	if def.Allows("v") || !def.Allows("vn") || !def.Allows("ns") {
		t.Error("nil filter must allow DefaultPOS only")
	}
}
