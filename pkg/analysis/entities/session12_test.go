package entities

import "testing"

// TestAdjectiveBeforeNoun: a family-name character the segmenter reads as
// an adjective, before a common noun, is a noun phrase, not a person with
// no other evidence (黄红灯 of 景气呈现黄红灯, read in a Traditional speech
// of the shared corpus; the given name's characters alone let it through).
// An adverb before a common word is no family name either (曾清楚 of
// 都曾清楚說明), nor two one-character words of grammar (都|自 of 党员都自认为,
// the 1921 report from Guangzhou). A title still makes the person.
func TestAdjectiveBeforeNoun(t *testing.T) {
	x := New(nil)
	cases := []mentionCase{
		{"上周又转为黄红灯；整个景气呈现黄红灯，我们希望看到回升。", nil, []string{"PER 黄红灯"}},
		{"上週又轉為黃紅燈；整個景氣呈現黃紅燈，我們希望看到回升。", nil, []string{"PER 黃紅燈"}},
		{"我們在許多場合都曾清楚說明。", nil, []string{"PER 曾清楚"}},
		{"这个党的许多党员都自认为是社会主义者。", nil, []string{"PER 都自"}},
		{"副省长黄红灯出席会议。", []string{"PER 黄红灯"}, nil},
	}
	checkMentions(t, x, cases)
}
