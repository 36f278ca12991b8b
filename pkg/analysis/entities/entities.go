// Package entities finds named entities in policy documents without a
// neural model: people (with their titles), organisations, places, dates,
// document titles, meetings, official positions, amounts and percentages.
//
// It works on the folded (Simplified) text and the tokens of an
// analysis.Input, with rules, scanners and the lists in dict/entities: a
// gazetteer of administrative divisions, countries and bodies; family names
// and the character statistics of given names; organisation endings
// (有限公司, 委员会); titles; and patterns for dates, amounts, meetings and 《》
// titles. Policy text names few people, so a person needs evidence beyond
// the shape of a name: a title or form of address next to it, a header or
// caption line, the list of public figures, or a name no dictionary knows as
// a word (see people.go). Everything is a pure function of its input and
// deterministic; no regular expression runs on a document (issue 23).
package entities

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// Type is the kind of an entity.
type Type string

// The entity types.
const (
	PER     Type = "PER"
	ORG     Type = "ORG"
	LOC     Type = "LOC"
	DATE    Type = "DATE"
	DOC     Type = "DOC"
	MEETING Type = "MEETING"
	TITLE   Type = "TITLE"
	MONEY   Type = "MONEY"
	PERCENT Type = "PERCENT"
)

// Types lists every type, in display order.
var Types = []Type{PER, ORG, LOC, DATE, DOC, MEETING, TITLE, MONEY, PERCENT}

// Meaning says what a type covers and what it leaves out, in one line: for
// the help of the commands and the README.
func (t Type) Meaning() string {
	switch t {
	case PER:
		return "a named person, with the title next to the name or in a header line (省长 王正谱, 习近平总书记); never photo credits or editors, nor the names of roads and railways (惠肇高速)"
	case ORG:
		return "a named organisation at full extent: Party and state bodies (国务院, 省委, 省人民政府), companies (X集团Y发电有限公司, 一汽丰田), universities, hospitals, associations, a branch or unit with its body (长三角国家技术创新中心安徽中心), a leading group with its special committee; not kinds of bodies (上市公司, 有关部门, each province's department in an addressee list: 各省…发展改革委)"
	case LOC:
		return "a named place: countries, divisions at every level (河北省, 石家庄), regions (京津冀), rivers, lakes, mountains; not 中华 of 中华民族, 中欧 of 中欧班列, a place inside a street's name (赤峰道) or inside a compound (中台 of 数据中台)"
	case DATE:
		return "a date or period (2025年9月24日, 上半年, 今年以来, “十四五”时期)"
	case DOC:
		return "a title in 《》 (《政府工作报告》)"
	case MEETING:
		return "a meeting, plenum or congress (十四届全国人大三次会议, 二十届三中全会, 中央经济工作会议)"
	case TITLE:
		return "an official position, with the body written before it (市委书记, 国务院副总理, 河北省人民政府省长)"
	case MONEY:
		return "an amount of money: a quantity and a currency (5000亿元, 3千万美元); not 万元 alone nor 二元结构"
	case PERCENT:
		return "a share or change in percent (5.2%, 百分之五, 0.5个百分点)"
	}
	return ""
}

// ParseType reads a type name, case-insensitively.
func ParseType(s string) (Type, error) {
	u := Type(strings.ToUpper(strings.TrimSpace(s)))
	if slices.Contains(Types, u) {
		return u, nil
	}
	names := make([]string, len(Types))
	for i, t := range Types {
		names[i] = string(t)
	}
	return "", fmt.Errorf("unknown entity type %q: use one of %s", s, strings.Join(names, ", "))
}

// Mention is one occurrence of an entity in a document.
type Mention struct {
	// Start and End are byte offsets into Input.Text; Text is
	// Input.Text[Start:End], as the document writes it.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Key is the Simplified form under which the entity is counted.
	Key  string `json:"key"`
	Type Type   `json:"type"`
	// Title is, for a person, the title written next to the name, before
	// it or after it or in a header line, with the body written before the
	// post (河北省人民政府省长 for 河北省人民政府省长　王正谱, 总书记 for
	// 习近平总书记, 市委书记 for 市委书记姜冬冬), as a Simplified key; empty
	// otherwise.
	Title string `json:"title,omitempty"`
	// Post is the post alone (省长, 总书记, 书记) and Org the body (or
	// country) written before it (河北省人民政府, 市委; empty when none), as
	// Simplified keys: Title is Org + Post.
	Post string `json:"post,omitempty"`
	Org  string `json:"org,omitempty"`
	// TitleText is the title as the document wrote it.
	TitleText string `json:"-"`
}

// Entry is a user gazetteer entry.
type Entry struct {
	Name string
	Type Type
}

// ParseGazetteer reads user entries, one `name type` a line (type one of
// PER, ORG, LOC, or any other type); blank lines and lines starting with #
// are skipped. name is used in error messages.
func ParseGazetteer(name string, r io.Reader) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	ln := 0
	for sc.Scan() {
		ln++
		l := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fs := strings.Fields(l)
		if len(fs) != 2 {
			return nil, fmt.Errorf("%s:%d: want `name type`, got %q", name, ln, l)
		}
		if !utf8.ValidString(fs[0]) {
			return nil, fmt.Errorf("%s:%d: name is not valid UTF-8", name, ln)
		}
		t, err := ParseType(fs[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, ln, err)
		}
		out = append(out, Entry{Name: fs[0], Type: t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// Extractor recognises entities. It is safe for concurrent use.
type Extractor struct {
	t       *tables
	user    map[string]gazEntry
	maxUser int // longest user name, in runes
	// userTrie holds user for the walk of the gazetteer
	userTrie *trie
	genre    Genre
}

// Genre is the kind of text an Extractor reads. It decides how much a
// person's name must show: policy text names few people, so there a name
// needs evidence beyond its shape (see people.go); news text names many,
// mostly with no title next to them.
type Genre string

// The genres.
const (
	// Policy: government reports, plans, notices, speeches (the default).
	Policy Genre = "policy"
	// News: news reports (the People's Daily and MSRA gold sets).
	News Genre = "news"
)

// ParseGenre reads a genre name; "" is Policy.
func ParseGenre(s string) (Genre, error) {
	switch g := Genre(strings.ToLower(strings.TrimSpace(s))); g {
	case "":
		return Policy, nil
	case Policy, News:
		return g, nil
	}
	return "", fmt.Errorf("unknown genre %q: use policy or news", s)
}

// Options configure an Extractor.
type Options struct {
	// User entries (in either script) win over the built-in lists.
	User []Entry
	// Genre is Policy when empty.
	Genre Genre
}

// New returns an Extractor for policy text with the built-in lists and
// the user entries (in either script; they take precedence over the
// built-in lists).
func New(user []Entry) *Extractor {
	return NewWith(Options{User: user})
}

// NewWith returns an Extractor configured by o. An unknown genre reads as
// Policy.
func NewWith(o Options) *Extractor {
	x := &Extractor{t: builtin(), user: map[string]gazEntry{}, genre: o.Genre, userTrie: newTrie()}
	if x.genre != News {
		x.genre = Policy
	}
	for _, e := range o.User {
		k := e.Name
		if f, ok := script.FoldToSimplified(k); ok && utf8.RuneCountInString(f) == utf8.RuneCountInString(k) {
			k = f
		}
		x.user[analysis.Key(k)] = gazEntry{Type: e.Type, User: true}
		x.userTrie.put(analysis.Key(k), gazEntry{Type: e.Type, User: true})
		x.maxUser = max(x.maxUser, utf8.RuneCountInString(k))
	}
	return x
}

// Genre is the genre the Extractor reads.
func (x *Extractor) Genre() Genre { return x.genre }

// dropSpaces removes the spaces inside a name (李 强, as signatures pad
// two-character names).
// cornerQuotes writes the corner brackets of Traditional text as the
// quotation marks of Simplified text, for keys.
var cornerQuotes = strings.NewReplacer("「", "“", "」", "”", "『", "“", "』", "”")

func dropSpaces(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
}

// ExtractTokens is Extract for a Simplified text already cut into tokens
// (byte offsets into text), without building an analysis.Input.
func (x *Extractor) ExtractTokens(text string, tokens []segment.Token) []Mention {
	return x.Extract(analysis.NewInput("", text, script.Simplified, tokens))
}
