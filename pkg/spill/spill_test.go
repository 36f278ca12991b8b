package spill

import (
	"bytes"
	"fmt"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	for _, limit := range []int{1, 100, 1 << 20} {
		s := New(t.TempDir(), limit)
		var want [][]byte
		for i := range 500 {
			rec := bytes.Repeat([]byte(fmt.Sprint(i)), i%37)
			want = append(want, rec)
			if err := s.Add(rec); err != nil {
				t.Fatal(err)
			}
		}
		if s.Len() != len(want) {
			t.Fatalf("Len %d, want %d", s.Len(), len(want))
		}
		if disk := limit < 1000; s.OnDisk() != disk {
			t.Errorf("limit %d: on disk %v", limit, s.OnDisk())
		}
		i := 0
		for rec, err := range s.All() {
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(rec, want[i]) {
				t.Fatalf("limit %d: record %d is %q, want %q", limit, i, rec, want[i])
			}
			i++
		}
		if i != len(want) {
			t.Fatalf("limit %d: read %d records, want %d", limit, i, len(want))
		}
		if err := s.Add(nil); err == nil {
			t.Error("Add after All should fail")
		}
		for _, err := range s.All() {
			if err == nil {
				t.Error("a second All should fail")
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBadDirectory(t *testing.T) {
	s := New("/nonexistent/dir", 10)
	err := s.Add(make([]byte, 100))
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("TMPDIR")) {
		t.Errorf("Add into a missing directory: %v", err)
	}
}
