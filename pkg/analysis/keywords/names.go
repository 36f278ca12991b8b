package keywords

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/analysis/entities"
)

// NamesMode says what keyword rankings do with the names of places,
// organisations and people.
type NamesMode int

const (
	// NamesKeep ranks names with the other keywords (tagged).
	NamesKeep NamesMode = iota
	// NamesApart ranks them in a list of their own (Terms.Names).
	NamesApart
	// NamesDrop leaves them out.
	NamesDrop
)

func (m NamesMode) String() string {
	switch m {
	case NamesApart:
		return "apart"
	case NamesDrop:
		return "drop"
	}
	return "keep"
}

// ParseNames reads a --names value: keep, apart or drop.
func ParseNames(s string) (NamesMode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "keep":
		return NamesKeep, nil
	case "apart":
		return NamesApart, nil
	case "drop":
		return NamesDrop, nil
	}
	return NamesKeep, fmt.Errorf("unknown names mode %q: use keep, apart or drop", s)
}

// nameTypes are the entity types whose names are tagged: places,
// organisations, people, and the titles of officials (陕西省省长), which
// are no more a keyword than the names they go with.
var nameTypes = []entities.Type{entities.LOC, entities.ORG, entities.PER, entities.TITLE}

// tagNames marks the terms most of whose occurrences lie inside a mention
// of a place, an organisation or a person (北京 in 北京市, 中关村,
// 浙江日报), with the type most of them have.
func (t *Terms) tagNames(ms []entities.Mention) {
	t.names = true
	var spans []entities.Mention
	for _, m := range ms {
		if slices.Contains(nameTypes, m.Type) {
			spans = append(spans, m)
		}
	}
	// an organ of government the recogniser missed (省工业和信息化厅 cut
	// as 工业+和+信息化厅, 煤矿安全监察分局): a word of three characters or
	// more ending like one is an organisation.
	for i := range t.terms {
		if tm := &t.terms[i]; runeLen(tm.key) >= 3 && isOrganEnding(tm.key) {
			tm.name = entities.ORG
		} else if k := leaderTitle(tm.key); k != "" {
			tm.name = k
		}
	}
	if len(spans) == 0 {
		return
	}
	slices.SortFunc(spans, func(a, b entities.Mention) int { return a.Start - b.Start })
	// of mentions that overlap, keep the first (the longest of those that
	// start together: Extract sorts them so).
	kept := spans[:1]
	for _, m := range spans[1:] {
		if m.Start >= kept[len(kept)-1].End {
			kept = append(kept, m)
		}
	}
	spans = kept
	// an occurrence is inside a name when it is inside the last one
	// starting at or before it (places, organisations and people never
	// overlap; a title may hold a place, 陕西省 in 陕西省省长, and the
	// longer mention is kept).
	for i := range t.terms {
		tm := &t.terms[i]
		var in [4]int // per nameTypes
		for _, sp := range tm.spans {
			s, e := int(sp[0]), int(sp[1])
			j, _ := slices.BinarySearchFunc(spans, s+1, func(m entities.Mention, x int) int { return m.Start - x })
			if j > 0 && e <= spans[j-1].End {
				in[slices.Index(nameTypes, spans[j-1].Type)]++
			}
		}
		best, n := -1, 0
		for k, c := range in {
			n += c
			if best < 0 || c > in[best] {
				best = k
			}
		}
		if 2*n > tm.count && tm.name == "" {
			tm.name = nameTypes[best]
		}
	}
}

// entitiesType reads an entity type name as a partial holds it.
func entitiesType(s string) entities.Type { return entities.Type(s) }

// isOrganEnding says whether a term ends like the name of an organ of
// government: …厅, …局, …委, …司, …处, …组, …委会 (省科技厅, 监察分局,
// 国家发展改革委, 监管司, 科技处, 专题组, 专委会), but not as the common
// words that end so do (新发展格局, 产业布局, 大厅, 餐厅, 不足之处, 风电机组).
func isOrganEnding(key string) bool {
	r, n := utf8.DecodeLastRuneInString(key)
	prev, _ := utf8.DecodeLastRuneInString(key[:len(key)-n])
	switch r {
	case '局':
		return !strings.ContainsRune("格布大全开结变时残政当饭赌骗僵出定终胜败平对棋牌书", prev)
	case '厅':
		return !strings.ContainsRune("客大餐舞展门歌宴礼前", prev)
	case '委':
		return !strings.ContainsRune("原", prev)
	case '司':
		// 监管司, 规划司 (not 公司, 上司)
		return !strings.ContainsRune("公上", prev)
	case '处':
		// 科技处, 基教处, 办事处 (not 不足之处, 和平共处, 用处)
		return !strings.ContainsRune("之共相到随各四深远近住去出妙痛坏好益用长短难此何别高低多一两几益", prev)
	case '组':
		// 专题组, 工作组, 专家组, 领导小组 (not 风电机组, 通信模组,
		// 资产重组, 基因组, 词组)
		return !strings.ContainsRune("机模重改编词分基班混合", prev)
	case '会':
		// 专委会, 管委会, 居委会: 委员会 cut short
		return prev == '委'
	}
	return false
}

// leaderTitle says whether a word is one character and the title of a
// leader of party or state: a family name and the title, as the reports
// and speeches call a leader (周总理, 毛主席, 华主席, 习总书记, 朱委员长), a
// person; or 副, 代, 前 or 原 and the title (副主席, 代总理), a title. Either
// names a person, not a topic; the recogniser, which reads full names, misses
// them.
func leaderTitle(key string) entities.Type {
	for _, title := range []string{"总理", "主席", "总书记", "委员长"} {
		rest, ok := strings.CutSuffix(key, title)
		if !ok || utf8.RuneCountInString(rest) != 1 {
			continue
		}
		if strings.Contains("副代前原", rest) {
			return entities.TITLE
		}
		return entities.PER
	}
	return ""
}
