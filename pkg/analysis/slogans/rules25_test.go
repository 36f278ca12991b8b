package slogans

import (
	"strings"
	"testing"
)

// TestNationalPhrasesRules25: the built-in lexicon holds the standard
// phrases derived from the DEV national documents (dict/slogans/national.tsv,
// dict/slogans/gennat), so that their formulas are found bare, as the
// documents write them (the 2018–2025 NPC resolutions and work reports,
// DEV); a hand-written entry they contain keeps its own key (法治政府 is not
// hidden inside 法治政府建设), and an ordinary phrase of those documents is
// not listed.
func TestNationalPhrasesRules25(t *testing.T) {
	lex := builtinLex(t)
	text := "全国各族人民更加紧密地团结在以习近平同志为核心的党中央周围，推进社会主义现代化建设，加强党风廉政建设，深化经济体制改革。"
	fs := Extract(prep(t, text), Options{Lexicon: lex})
	for _, want := range []string{"以习近平同志为核心的党中央", "社会主义现代化建设", "党风廉政建设", "经济体制改革"} {
		f, ok := find(fs, want)
		if !ok {
			t.Errorf("%s not found in %v", want, keys(fs))
			continue
		}
		if f.Kind != Lex {
			t.Errorf("%s: kind %s, want lexicon", want, f.Kind)
		}
	}
	e, ok := lex.Lookup("社会主义现代化建设")
	if !ok || !strings.Contains(e.Gloss, "national documents (DEV)") {
		t.Errorf("社会主义现代化建设: entry %v, %v: want a derived entry naming its counts", e, ok)
	}
	for _, k := range []string{"法治政府建设", "基础设施建设", "全国各族人民"} {
		if _, ok := lex.Lookup(k); ok {
			t.Errorf("%s is in the built-in lexicon", k)
		}
	}
}
