package input

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// HTML nested deeper than the parser's 512 elements: the text comes out,
// with a warning saying how it was read.
func TestHTMLDeepNesting(t *testing.T) {
	page := strings.Repeat("<div>", 600) + "<p>发展</p><script>x</script><table><tr><td>甲</td><td>乙</td></tr></table>" + strings.Repeat("</div>", 600)
	doc, err := ReadFrom("deep.html", strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "发展\n甲\t乙\n" || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0].Message, "nested deeper") {
		t.Errorf("Text = %q, warnings %v", doc.Text, doc.Warnings)
	}
	// The tag-by-tag reader agrees with the tree on an ordinary page.
	ordinary := `<html><head><title> 标题 </title><style>p{}</style></head><body><h1>一</h1><p>二<br>三</p><div hidden>藏</div><pre> a
 b</pre></body></html>`
	tree, _ := extractHTML(ordinary)
	if tokens := extractHTMLTokens(ordinary); tokens != tree {
		t.Errorf("tokens %q, tree %q", tokens, tree)
	}
}

// A mostly-UTF-8 text with a few bad bytes stays UTF-8 (the bad bytes
// become U+FFFD with a warning); GBK and Big5 texts are still recognised.
func TestMostlyUTF8(t *testing.T) {
	raw := []byte("关于进一步优化营商环境的通知：各地区要\xff认真贯彻落实。\xc3\n")
	doc, err := ReadFrom("a.txt", bytes.NewReader(raw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != EncUTF8 || !strings.Contains(doc.Text, "各地区要\uFFFD认真贯彻落实") || len(doc.Warnings) != 1 {
		t.Errorf("Encoding %s, text %q, warnings %v", doc.Encoding, doc.Text, doc.Warnings)
	}
	for _, enc := range []string{"gbk", "big5"} {
		text := simpText
		if enc == "big5" {
			text = tradText
		}
		for n := 4; n <= len(text); n += 7 {
			sample := mustEncodePrefix(t, text, n, enc)
			if got := DetectEncoding(sample); got == EncUTF8 && !isASCII(sample) && !utf8Valid(sample) {
				t.Errorf("%s text of %d bytes detected as utf-8", enc, len(sample))
			}
		}
	}
}

func utf8Valid(b []byte) bool { return strings.ToValidUTF8(string(b), "") == string(b) }

// mustEncodePrefix encodes the first n bytes of text (cut at a character).
func mustEncodePrefix(t *testing.T, text string, n int, enc string) []byte {
	r := []rune(text)
	k := 0
	for i := range r {
		if len(string(r[:i+1])) > n {
			break
		}
		k = i + 1
	}
	return mustEncode(t, string(r[:k]), enc)
}

// One NUL byte in a long text does not make it binary: it is kept and
// warned about. A file that is mostly control bytes is binary, unless
// AllowBinary says to read it anyway.
func TestNULAndBinary(t *testing.T) {
	text := strings.Repeat(simpText, 220) // ~52 KB
	raw := []byte(text[:30000] + "\x00" + text[30000:])
	doc, err := ReadFrom("nul.txt", bytes.NewReader(raw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != string(raw) || len(doc.Warnings) != 1 || doc.Warnings[0].Offset != 30000 {
		t.Errorf("warnings %v", doc.Warnings)
	}
	bin := []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00")
	if _, err := ReadFrom("prog", bytes.NewReader(bin), Options{}); !errors.Is(err, ErrBinary) {
		t.Errorf("ELF header: %v", err)
	}
	doc, err = ReadFrom("prog", bytes.NewReader(bin), Options{AllowBinary: true})
	if err != nil || doc.Text != strings.ToValidUTF8(string(bin), "\uFFFD") && !strings.Contains(doc.Text, "ELF") {
		t.Errorf("AllowBinary: %q, %v", doc.Text, err)
	}
}

// /dev/zero is refused after its first block, without growing memory.
func TestDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Read(Source{Path: "/dev/zero"}, Options{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrBinary) {
		t.Errorf("Read(/dev/zero) = %v, want ErrBinary", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20 {
		t.Errorf("reading /dev/zero allocated %d bytes", grew)
	}
	// AllowBinary: the MaxBytes cap stops it.
	_, err = Read(Source{Path: "/dev/zero"}, Options{AllowBinary: true, MaxBytes: 1 << 20})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "/dev/zero: too large (more than the 1.0 MiB limit)") {
		t.Errorf("Read(/dev/zero, AllowBinary) = %v", err)
	}
}

// endless serves 'x' forever; cancelling its context stops the reading.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func TestCancelRead(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := ReadFromContext(ctx, "-", endless{}, Options{MaxBytes: -1})
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading did not stop after cancel")
	}
	// An endless stream is stopped by the cap.
	_, err := ReadFrom("-", io.LimitReader(endless{}, 3<<20), Options{MaxBytes: 2 << 20})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("endless stream: %v", err)
	}
	if (Options{}).maxBytes() != DefaultMaxBytes || (Options{MaxBytes: -1}).maxBytes() != -1 ||
		(Options{}).maxUnpacked() != DefaultMaxUnpacked || (Options{MaxUnpacked: -5}).maxUnpacked() != -1 {
		t.Errorf("default caps wrong")
	}
}
