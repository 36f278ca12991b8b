package input

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// Valid UTF-8 read from a file is checked once by the detection where it
// saw the whole input: bytes past the detection's window are still
// checked, and damage there is replaced and reported as before.
func TestReadUTF8PastTheDetectionWindow(t *testing.T) {
	dir := t.TempDir()
	good := strings.Repeat("国务院关于推进高质量发展的意见。\n", 4000) // > detectWindow
	if len(good) <= detectWindow {
		t.Fatal("the text must be longer than the detection window")
	}
	cases := []struct {
		name string
		raw  []byte
		bad  int // offset of the damaged byte, -1 for none
	}{
		{"good.txt", []byte(good), -1},
		{"ascii.txt", []byte(strings.Repeat("plain text line\n", 6000)), -1},
		{"late.txt", append([]byte(good), 0xff, 'x'), len(good)},
		{"ascii-late.txt", append([]byte(strings.Repeat("a\n", 40000)+good), 0xe4, 0xb8, '\n'), 80000 + len(good)},
		{"short-bad.txt", []byte("国务院\xff办公厅"), 9},
		{"nul.txt", []byte(good + "\x00" + good), -1},
		{"bom.txt", append([]byte("\xef\xbb\xbf"), good...), -1},
	}
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, c.raw, 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := Read(Source{Path: p, Size: int64(len(c.raw))}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want, enc, warns, err := Decode(c.raw, "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != want || doc.Encoding != enc || len(doc.Warnings) != len(warns) {
			t.Errorf("%s: Read gives %d bytes in %s with %d warnings, Decode %d in %s with %d", c.name,
				len(doc.Text), doc.Encoding, len(doc.Warnings), len(want), enc, len(warns))
		}
		if !utf8.ValidString(doc.Text) {
			t.Errorf("%s: text is not valid UTF-8", c.name)
		}
		if c.bad >= 0 && (len(doc.Warnings) == 0 || doc.Warnings[0].Offset != int64(c.bad)) {
			t.Errorf("%s: warnings %+v, want the damage at %d reported", c.name, doc.Warnings, c.bad)
		}
	}
}

// BenchmarkReadText reads a 1 MB UTF-8 text file (the shape of the corpus).
func BenchmarkReadText(b *testing.B) {
	p := filepath.Join(b.TempDir(), "doc.txt")
	raw := bytes.Repeat([]byte("国务院关于推进高质量发展的意见。Policy 2024.\n"), 1<<20/60)
	if err := os.WriteFile(p, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	src := Source{Path: p, Size: int64(len(raw))}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The UTF-8 decoder gives the same text, and counts the same damage,
// whatever the sizes of the blocks it is handed and of the room it writes
// into: the valid runs it copies at once end where a rune is cut.
func TestUTF8DecoderBlocks(t *testing.T) {
	pieces := []string{"政策", "a", "\n", "😀", "é", "\xff", "\xe4\xb8", "\xf0\x9f", "\xc3", "\x80", "\x00"}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := r.Intn(40); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		raw := []byte(b.String())
		// reference: rune by rune, each invalid byte replaced
		var want strings.Builder
		bad := 0
		for j := 0; j < len(raw); {
			c, size := utf8.DecodeRune(raw[j:])
			if c == utf8.RuneError && size == 1 {
				want.WriteString("\uFFFD")
				bad++
			} else {
				want.Write(raw[j : j+size])
			}
			j += size
		}
		srcBlock, dstRoom := 1+r.Intn(9), 4+r.Intn(9)
		d := newDecoder(kUTF8, 0)
		var got []byte
		dst := make([]byte, dstRoom)
		src := raw
		for {
			n := min(len(src), srcBlock)
			atEOF := n == len(src)
			nDst, nSrc, err := d.Transform(dst, src[:n], atEOF)
			got = append(got, dst[:nDst]...)
			src = src[nSrc:]
			if len(src) == 0 && err == nil {
				break
			}
			if err != nil && err != transform.ErrShortDst && err != transform.ErrShortSrc {
				t.Fatal(err)
			}
			if err == transform.ErrShortSrc && atEOF {
				t.Fatalf("%q: short source at the end", raw)
			}
			if nSrc == 0 && nDst == 0 {
				srcBlock++ // a sequence longer than the block: hand more
			}
		}
		if string(got) != want.String() || d.bad != int64(bad) {
			t.Fatalf("%q (blocks %d, room %d): got %q (%d bad), want %q (%d)", raw, srcBlock, dstRoom, got, d.bad, want.String(), bad)
		}
	}
}

// FuzzReadAsDecode: a text file read from disk (the reader's own buffer,
// checked once by the detection, the text made without a copy where it is
// valid UTF-8) gives the text, encoding and warnings that Decode gives for
// the same bytes, whatever they are; a file refused as binary is refused
// for NUL or control bytes only.
func FuzzReadAsDecode(f *testing.F) {
	f.Add([]byte("国务院关于推进高质量发展的意见。\n"))
	f.Add([]byte("\xef\xbb\xbf正文\xff正文"))
	// inputs past the detection window are TestReadUTF8PastTheDetectionWindow's:
	// the fuzzer's minimising of a seed that large stalls it for minutes
	f.Add([]byte("abc\x00def"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "in.txt")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := Read(Source{Path: p}, Options{})
		if err != nil {
			if errors.Is(err, ErrBinary) || len(data) == 0 {
				return
			}
			t.Fatalf("Read: %v", err)
		}
		text, enc, warns, derr := Decode(data, "auto")
		if derr != nil {
			t.Fatalf("Decode: %v", derr)
		}
		if doc.Text != text || doc.Encoding != enc {
			t.Fatalf("Read gave %s %q, Decode %s %q", doc.Encoding, doc.Text, enc, text)
		}
		if fmt.Sprint(doc.Warnings) != fmt.Sprint(warns) {
			t.Fatalf("Read warned %v, Decode %v", doc.Warnings, warns)
		}
		if !utf8.ValidString(doc.Text) {
			t.Fatal("Read gave invalid UTF-8")
		}
	})
}
