package input

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Policy-style sample texts, written here in UTF-8.
const (
	simpText = "2024年政府工作报告：坚持以人民为中心的发展思想，推动高质量发展，全面深化改革开放，" +
		"加快建设现代化经济体系。国内生产总值增长5.2%，城镇新增就业1244万人。\n" +
		"各地区各部门要坚决贯彻党中央决策部署，稳中求进，以进促稳。\n"
	tradText = "2024年政府工作報告：堅持以人民為中心的發展思想，推動高質量發展，全面深化改革開放，" +
		"加快建設現代化經濟體系。國內生產總值增長5.2%，城鎮新增就業1244萬人。\n" +
		"各地區各部門要堅決貫徹黨中央決策部署，穩中求進，以進促穩。\n"
	// Taiwan usage, with 「」 quotes.
	twText = "行政院今日召開院會，通過「國家發展計畫」，強調推動數位轉型與淨零排放，並加強社會安全網。\n"
	// A short title only.
	shortSimp = "关于进一步优化营商环境的通知"
	shortTrad = "關於進一步優化營商環境的通知"
)

func mustEncode(t testing.TB, text, enc string) []byte {
	t.Helper()
	b, err := Encode(text, enc)
	if err != nil {
		t.Fatalf("Encode(%q): %v", enc, err)
	}
	return b
}

func TestDecodeRoundTrip(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		enc     string // as Encode takes it
		wantEnc string // as Decode reports it
	}{
		{"utf-8 simplified", simpText, "utf-8", EncUTF8},
		{"utf-8 traditional", tradText, "utf-8", EncUTF8},
		{"utf-8 with BOM", simpText, "utf-8-bom", EncUTF8BOM},
		{"utf-16le BOM", simpText, "utf-16le", EncUTF16LE},
		{"utf-16be BOM", tradText, "utf-16be", EncUTF16BE},
		{"utf-16le no BOM", simpText, "utf-16le-nobom", EncUTF16LE},
		{"utf-16be no BOM", tradText, "utf-16be-nobom", EncUTF16BE},
		{"utf-16le no BOM, CJK only", shortSimp + shortSimp + shortSimp, "utf-16le-nobom", EncUTF16LE},
		{"gbk simplified", simpText, "gbk", EncGB18030},
		{"gb2312 simplified", shortSimp + "。" + shortSimp, "gb2312", EncGB18030},
		{"gb18030 simplified", simpText, "gb18030", EncGB18030},
		{"gb18030 traditional", tradText, "gb18030", EncGB18030},
		{"gbk traditional", tradText, "gbk", EncGB18030},
		{"gb18030 taiwan", twText, "gb18030", EncGB18030},
		{"big5 traditional", tradText, "big5", EncBig5},
		{"big5 taiwan", twText, "big5", EncBig5},
		{"gbk short title", shortSimp, "gbk", EncGB18030},
		{"big5 short title", shortTrad, "big5", EncBig5},
		{"gb18030 short traditional title", shortTrad, "gb18030", EncGB18030},
		{"gb18030 four-byte characters", "𠀀𪚥〇㐀 and ASCII: " + shortSimp, "gb18030", EncGB18030},
		{"big5 long", strings.Repeat(tradText+twText, 200), "big5", EncBig5},
		{"gbk long", strings.Repeat(simpText, 300), "gbk", EncGB18030},
		{"ascii", "plain ASCII text\n", "utf-8", EncUTF8},
		{"empty", "", "utf-8", EncUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := mustEncode(t, tt.text, tt.enc)
			if got := DetectEncoding(raw); got != tt.wantEnc {
				t.Errorf("DetectEncoding = %q, want %q", got, tt.wantEnc)
			}
			text, enc, warns, err := Decode(raw, "auto")
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tt.wantEnc {
				t.Errorf("Decode encoding = %q, want %q", enc, tt.wantEnc)
			}
			if text != tt.text {
				t.Errorf("Decode text = %q, want %q", firstRunes(text, 60), firstRunes(tt.text, 60))
			}
			if len(warns) != 0 {
				t.Errorf("warnings = %v, want none", warns)
			}
			// Forcing the right encoding gives the same text.
			forced, _, _, err := Decode(raw, strings.TrimSuffix(tt.wantEnc, "-bom"))
			if err != nil || forced != tt.text {
				t.Errorf("Decode(forced %s) = %q, %v", tt.wantEnc, firstRunes(forced, 60), err)
			}
		})
	}
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}

// Detection must not be fooled by a long ASCII prologue (HTML head, CSS)
// before the Chinese text.
func TestDetectAfterLongASCII(t *testing.T) {
	prologue := strings.Repeat("/* style sheet line */\n", 5000) // > 64 KiB
	for _, enc := range []string{"gbk", "big5"} {
		text := prologue + tradText
		raw := mustEncode(t, text, enc)
		want := map[string]string{"gbk": EncGB18030, "big5": EncBig5}[enc]
		if got := DetectEncoding(raw); got != want {
			t.Errorf("%s after a long ASCII prologue: DetectEncoding = %q, want %q", enc, got, want)
		}
	}
}

func TestDecodeForcedNames(t *testing.T) {
	gbk := mustEncode(t, simpText, "gbk")
	big5 := mustEncode(t, tradText, "big5")
	tests := []struct {
		raw     []byte
		name    string
		want    string
		wantEnc string
	}{
		{gbk, "GBK", simpText, EncGB18030},
		{gbk, "gb2312", simpText, EncGB18030},
		{gbk, "GB_2312-80", simpText, EncGB18030},
		{gbk, "cp936", simpText, EncGB18030},
		{big5, "Big5", tradText, EncBig5},
		{big5, "BIG5-HKSCS", tradText, EncBig5},
		{[]byte(simpText), "UTF-8", simpText, EncUTF8},
		{[]byte(bomUTF8 + simpText), "utf8", simpText, EncUTF8BOM},
		{mustEncode(t, simpText, "utf-16be"), "utf-16", simpText, EncUTF16BE},
		{mustEncode(t, simpText, "utf-16le-nobom"), "UTF-16", simpText, EncUTF16LE},
	}
	for _, tt := range tests {
		text, enc, _, err := Decode(tt.raw, tt.name)
		if err != nil || text != tt.want || enc != tt.wantEnc {
			t.Errorf("Decode(%s) = %q, %q, %v; want the text, %q", tt.name, firstRunes(text, 20), enc, err, tt.wantEnc)
		}
	}
	for _, bad := range []string{"latin1", "shift_jis", "utf-32", "gbkk"} {
		_, _, _, err := Decode(gbk, bad)
		if !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), bad) {
			t.Errorf("Decode(%q) error = %v, want ErrEncoding naming it", bad, err)
		}
		if _, err := ParseEncoding(bad); !errors.Is(err, ErrEncoding) {
			t.Errorf("ParseEncoding(%q) = %v, want ErrEncoding", bad, err)
		}
	}
	for name, want := range map[string]string{"": "auto", "AUTO": "auto", "Gbk": "gb18030", "utf8": "utf-8", "UTF-16LE": "utf-16le", "big5": "big5", "utf-16": "utf-16"} {
		if got, err := ParseEncoding(name); got != want || err != nil {
			t.Errorf("ParseEncoding(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestDecodeInvalidBytes(t *testing.T) {
	big5 := mustEncode(t, tradText, "big5")
	// Corrupt GBK: a lone 0xFF after "2024年政" (4+2+2 bytes), and a lead
	// byte followed by a control character after the next part.
	p1, p2, p3 := mustEncode(t, "2024年政", "gbk"), mustEncode(t, "府工作报告", "gbk"), mustEncode(t, simpText, "gbk")
	badGBK := bytes.Join([][]byte{p1, {0xFF}, p2, {0x81, 0x07}, p3}, nil)
	// Corrupt Big5: 0x80 (never valid) after "政府", and a lead byte with
	// an invalid trail byte after the next part.
	q1, q2, q3 := mustEncode(t, "政府", "big5"), mustEncode(t, "工作報告", "big5"), mustEncode(t, tradText, "big5")
	badBig5 := bytes.Join([][]byte{q1, {0x80}, q2, {0xA4, 0x80}, q3}, nil)

	tests := []struct {
		name      string
		raw       []byte
		enc       string
		wantEnc   string
		wantFirst int64
		wantCount string
		wantText  string // "" = don't check
	}{
		{"utf-8", []byte("abc\xffdef\xfe中文"), "auto", EncUTF8, 3, "2 invalid utf-8 byte sequences", "abc\uFFFDdef\uFFFD中文"},
		{"utf-8 truncated rune", []byte("中文\xe4\xb8"), "utf-8", EncUTF8, 6, "2 invalid utf-8", "中文\uFFFD\uFFFD"},
		{"utf-8 BOM offsets count the BOM", []byte(bomUTF8 + "ab\xff"), "auto", EncUTF8BOM, 5, "1 invalid utf-8 byte sequence ", "ab\uFFFD"},
		{"utf-8 mostly valid", append([]byte(strings.Repeat(simpText, 3)), 0xC0, '!'), "auto", EncUTF8, int64(3 * len(simpText)), "1 invalid utf-8", ""},
		{"gbk", badGBK, "auto", EncGB18030, 8, "2 invalid gb18030 byte sequences", "2024年政\uFFFD府工作报告\uFFFD\x07" + simpText},
		{"big5", badBig5, "auto", EncBig5, 4, "2 invalid big5 byte sequences", "政府\uFFFD工作報告\uFFFD" + tradText},
		{"big5 truncated at end", big5[:len(big5)-2], "big5", EncBig5, int64(len(big5) - 3), "1 invalid big5", ""},
		{"gb18030 second byte 0x3B is not a four-byte sequence", []byte("\xa8;\xb60"), "gb18030", EncGB18030, 0, "2 invalid gb18030", "\uFFFD;\uFFFD0"},
		{"utf-16le lone surrogate", []byte("\xff\xfea\x00\x00\xd8b\x00"), "auto", EncUTF16LE, 4, "1 invalid utf-16le", "a\uFFFDb"},
		{"utf-16be odd length", []byte("\xfe\xff\x00a\x00"), "auto", EncUTF16BE, 4, "1 invalid utf-16be", "a\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, warns, err := Decode(tt.raw, tt.enc)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, tt.wantEnc)
			}
			if !utf8.ValidString(text) {
				t.Errorf("text is not valid UTF-8")
			}
			if tt.wantText != "" && text != tt.wantText {
				t.Errorf("text = %q, want %q", text, tt.wantText)
			}
			if len(warns) != 1 {
				t.Fatalf("warnings = %v, want exactly one", warns)
			}
			if warns[0].Offset != tt.wantFirst {
				t.Errorf("warning offset = %d, want %d (%s)", warns[0].Offset, tt.wantFirst, warns[0].Message)
			}
			if !strings.Contains(warns[0].Message, tt.wantCount) {
				t.Errorf("warning = %q, want it to contain %q", warns[0].Message, tt.wantCount)
			}
		})
	}
}

// The rest of a GBK file around a bad byte still decodes.
func TestDecodeInvalidKeepsGoing(t *testing.T) {
	raw := append(mustEncode(t, "前文", "gbk"), 0xFF)
	raw = append(raw, mustEncode(t, "后文", "gbk")...)
	text, _, _, _ := Decode(raw, "gbk")
	if text != "前文\uFFFD后文" {
		t.Errorf("text = %q", text)
	}
}

// A legitimately encoded U+FFFD is not an error.
func TestDecodeEncodedReplacementChar(t *testing.T) {
	raw := mustEncode(t, "替换符\uFFFD在此", "gb18030")
	text, _, warns, _ := Decode(raw, "gb18030")
	if text != "替换符\uFFFD在此" || len(warns) != 0 {
		t.Errorf("Decode = %q, %v; want the text and no warning", text, warns)
	}
}

// Our decoder must give exactly what x/text's decoders give, on valid and
// invalid input alike (the fuzz target checks more).
func TestDecoderMatchesXText(t *testing.T) {
	inputs := [][]byte{
		mustEncode(t, simpText, "gb18030"),
		mustEncode(t, tradText, "big5"),
		[]byte("\x81\x30\x81\x30\x84\x31\xa4\x37\xfe\x39\xfe\x39\xe3\x32\x9a\x35\x81\x30\x81"),
		[]byte("\xa4\x40\xa4\x7f\xa4\xa0\xa4\xff\x87\x40\xc8\xa4\x88\x62\x88\x64\xff\x80\xa1"),
		{0x80, 0xFF, 0x81, 0x39, 0x81, 0x20, 0x90, 0x30, 0x81, 0x30, 0xe3, 0x39, 0xfe, 0x39},
	}
	for i, in := range inputs {
		for _, k := range []kind{kGB18030, kBig5} {
			var want []byte
			var err error
			if k == kGB18030 {
				want, err = simplifiedchinese.GB18030.NewDecoder().Bytes(in)
			} else {
				want, err = traditionalchinese.Big5.NewDecoder().Bytes(in)
			}
			if err != nil {
				t.Fatal(err)
			}
			got := newDecoder(k, 0).decodeAll(in, nil)
			if !bytes.Equal(got, want) {
				t.Errorf("input %d, kind %d: got %q, x/text %q", i, k, got, want)
			}
		}
	}
}

func TestCommonHanTable(t *testing.T) {
	prev := rune(0)
	n := 0
	for i, r := range commonHan {
		if r < 0x4E00 || r > 0x9FFF {
			t.Fatalf("commonHan[%d] = %q is outside U+4E00..U+9FFF", i, r)
		}
		if r <= prev {
			t.Fatalf("commonHan is not sorted or has a duplicate at %q", r)
		}
		prev = r
		n++
	}
	if n < 500 {
		t.Errorf("commonHan has %d characters, want at least 500", n)
	}
	var s hanSet
	s.build()
	for _, r := range "的国國发發" {
		if !s.has(r) {
			t.Errorf("hanSet lacks %q", r)
		}
	}
	for _, r := range "a丂龥\uFFFD" {
		if s.has(r) {
			t.Errorf("hanSet has %q", r)
		}
	}
}
